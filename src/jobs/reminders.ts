import type { webApi } from '@slack/bolt';
import { systemActor } from '../domain/roles.js';
import { sendingTo } from '../privacy/audience.js';
import type { AppServices } from '../services.js';
import { postingFor } from '../slack/app-posts.js';
import { tellInDm } from '../slack/direct-messages.js';
import { runCommand } from '../workflows/run-command.js';
import { HR_CARD } from './deliver/hr-card.js';
import type { ReminderRef } from './effect-queue.js';

/**
 * What a reminder does when its time comes. Changes of status go through `runCommand`, like every
 * change; nudges are one short line to whoever is being waited on. (Quiet hours and escalation
 * chains come with HR's process.)
 */
export function remindHandler(context: { services: AppServices; client: webApi.WebClient }) {
  const { services, client } = context;
  return async ({ teamId, requestId, reminder }: ReminderRef): Promise<void> => {
    const request = await services.store.requests.get(teamId, requestId);
    if (!request) return;
    switch (reminder) {
      case 'review_due':
        await runCommand(services, teamId, requestId, { type: 'mark_review_due', payload: {} }, systemActor);
        return;
      case 'close_after_grace':
        await runCommand(
          services,
          teamId,
          requestId,
          { type: 'close_after_grace', payload: {} },
          systemActor,
        );
        return;
      case 'hr_acknowledge_due':
      case 'hr_decision_due':
      case 'hr_escalation': {
        const cards = (await services.store.outbox.posts(teamId, requestId)).filter(
          (p) => p.kind === HR_CARD,
        );
        const text =
          reminder === 'hr_acknowledge_due'
            ? `${request.id} is waiting to be acknowledged.`
            : reminder === 'hr_decision_due'
              ? `A decision on ${request.id} is due.`
              : `${request.id} is overdue.`;
        for (const card of cards)
          await sendingTo('hr', () =>
            client.chat.postMessage({ channel: card.channel, thread_ts: card.ts, text }),
          );
        return;
      }
      case 'employee_response_due':
        await sendingTo('employee', () =>
          postingFor({ teamId, userId: request.employeeId }, () =>
            tellInDm(
              client,
              request.employeeId,
              `HR is waiting for your answer on ${request.id}. My Home tab has the details.`,
            ),
          ),
        );
        return;
      case 'draft_idle':
        return;
    }
  };
}
