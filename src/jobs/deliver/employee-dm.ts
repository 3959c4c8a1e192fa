import { projectForEmployee, projectForEmployeeLetter } from '../../domain/projections.js';
import { postingFor } from '../../slack/app-posts.js';
import { directMessageChannel } from '../../slack/direct-messages.js';
import { employeeEventMessage } from '../../slack/views/employee-event.js';
import { submittedMessage } from '../../slack/views/messages.js';
import { available, isEmployeeLetterKind } from '../../workflows/employee-letter.js';
import type { DeliveryContext } from './context.js';
import { employeeSentence } from './wording.js';

/**
 * A DM to the employee about an event: the app's own sentence, naming no reason. Remembered once
 * posted, so a retry never posts it twice, and `delete_slack_posts` can remove it later.
 */
export async function deliverEmployeeDm(
  ctx: DeliveryContext,
  teamId: string,
  entryId: string,
  effect: { readonly requestId: string; readonly event: string; readonly letter?: string },
): Promise<void> {
  const { store } = ctx.services;
  const request = await store.requests.get(teamId, effect.requestId);
  if (!request) return;
  const kind = `dm:${entryId}`;
  if ((await store.outbox.posts(teamId, effect.requestId)).some((p) => p.kind === kind)) return;
  const letter =
    effect.letter &&
    isEmployeeLetterKind(effect.letter) &&
    available(ctx.services, projectForEmployeeLetter(request), effect.letter)
      ? effect.letter
      : undefined;
  // The provider form goes only with HR's address on it; without one, the letter asked for a note.
  if (effect.event === 'provider_form' && !letter) return;
  const message =
    effect.event === 'submitted'
      ? submittedMessage({ reference: request.id })
      : employeeEventMessage(
          employeeSentence(effect.event, request.id),
          projectForEmployee(request),
          effect.event,
          // Only letters the app can write from what it holds get an "Open letter" button.
          letter,
        );
  const channel = await directMessageChannel(ctx.client, request.employeeId);
  // Remembered as the employee's too, so their Delete my data finds it with the rest.
  const reply = await postingFor({ teamId, userId: request.employeeId }, () =>
    ctx.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks }),
  );
  if (reply.ts)
    await store.outbox.rememberPost(teamId, effect.requestId, {
      kind,
      channel: reply.channel ?? channel,
      ts: reply.ts,
    });
}
