import { crisisCountryForTimeZone } from '../../../../domain/country.js';
import { crisisReply } from '../../../../privacy/crisis.js';
import type { AppServices } from '../../../../services.js';
import { handleDirectMessage } from '../../../../workflows/assistant.js';
import { firstDelivery } from '../../../../workflows/deliveries.js';
import {
  type AssistantMessage,
  answerMessage,
  crisisMessage,
  historyNoteMessage,
  startMessage,
} from '../../../views/assistant.js';
import { escapeMrkdwn } from '../../../views/blocks.js';
import type { EventArgs } from '../../args.js';

/** The assistant in the DM: answers questions, starts or resumes the intake, follows the firewall. */
export const directMessage =
  (services: AppServices) =>
  async ({ message, body, client, context }: EventArgs<'message'>): Promise<void> => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || !('user' in message)) return;
    if (!message.user || message.user === context.botUserId || typeof message.text !== 'string') return;
    const teamId = context.teamId ?? body.team_id;
    // Slack redelivers an event it thinks we missed; answer each message once.
    if (!(await firstDelivery(services.store, teamId, body.event_id))) return;

    const post = (reply: AssistantMessage) =>
      client.chat.postMessage({ channel: message.channel, text: reply.text, blocks: reply.blocks });

    const reply = await handleDirectMessage(
      { store: services.store, drafter: services.drafter, now: services.now() },
      teamId,
      message.user,
      message.text,
    );
    if (reply.kind === 'crisis') {
      // The crisis middleware answers these first; this stays in case the workflow sees more.
      const profile = await services.profiles.load(client, { teamId, userId: message.user });
      await post(crisisMessage(crisisReply(crisisCountryForTimeZone(profile.timeZone))));
      return;
    }
    if (reply.historyNote) await post(historyNoteMessage());
    if (reply.kind === 'start') {
      await post(startMessage(reply.hasDraft));
      return;
    }
    const conversation = await services.store.conversations.get(teamId, message.user);
    await post(
      answerMessage({
        answer: escapeMrkdwn(reply.text),
        ...(reply.note ? { note: reply.note } : {}),
        offerStart: reply.suggestsStartingRequest,
        hasDraft: conversation?.draft !== undefined,
      }),
    );
  };
