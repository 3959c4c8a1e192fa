import { crisisCountryForTimeZone } from '../../../../domain/country.js';
import { crisisReply } from '../../../../privacy/crisis.js';
import { hasWords, typedByPerson } from '../../../../privacy/private-text.js';
import type { AppServices } from '../../../../services.js';
import { handleDirectMessage } from '../../../../workflows/assistant.js';
import { firstDelivery } from '../../../../workflows/deliveries.js';
import { lifecyclePolicy } from '../../../../workflows/lifecycle-policy.js';
import { installKeyOf } from '../../../install-key.js';
import {
  type AssistantMessage,
  answerMessage,
  crisisMessage,
  filesNoteMessage,
  historyNoteMessage,
  startMessage,
} from '../../../views/assistant.js';
import type { EventArgs } from '../../args.js';

/**
 * The assistant in the DM: answers questions, starts or resumes the intake, follows the firewall.
 * Only people are answered: any bot's message (ours echoed back, or another app's) is ignored, so
 * two bots can never answer each other. A reply inside a thread is answered in that thread.
 */
export const directMessage =
  (services: AppServices) =>
  async ({ message, body, client, context }: EventArgs<'message'>): Promise<void> => {
    if (message.channel_type !== 'im' || !('user' in message)) return;
    if ('bot_id' in message && message.bot_id) return;
    if (message.subtype !== undefined && message.subtype !== 'file_share') return;
    if (!message.user || message.user === context.botUserId) return;
    const teamId = installKeyOf(body) ?? context.teamId ?? '';
    const threadTs =
      'thread_ts' in message && typeof message.thread_ts === 'string' ? message.thread_ts : undefined;
    const post = (reply: AssistantMessage) =>
      client.chat.postMessage({
        channel: message.channel,
        text: reply.text,
        blocks: reply.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });

    // Slack redelivers an event it thinks we missed; answer each message once.
    if (!(await firstDelivery(services.store, teamId, body.event_id))) return;
    // A file is never opened (no files.info, no download): the note is all the app does with it.
    // Words sent with it are still read like any other message, the crisis check first.
    const fileShared = message.subtype === 'file_share';
    // The message's words are typed text from here on, like a form field's value.
    const text = typedByPerson(typeof message.text === 'string' ? message.text : undefined);
    if (!hasWords(text)) {
      if (fileShared) await post(filesNoteMessage());
      return;
    }

    const reply = await handleDirectMessage(
      {
        store: services.store,
        drafter: services.drafter,
        now: services.now(),
        policy: lifecyclePolicy(services.config),
        defaultJurisdiction: services.config.defaultJurisdiction,
      },
      teamId,
      message.user,
      text,
    );
    if (reply.kind === 'crisis') {
      // The crisis middleware answers these first; this stays in case the workflow sees more.
      const profile = await services.profiles.load(client, { teamId, userId: message.user });
      await post(crisisMessage(crisisReply(crisisCountryForTimeZone(profile.timeZone))));
      return;
    }
    if (fileShared) await post(filesNoteMessage());
    if (reply.historyNote) await post(historyNoteMessage());
    if (reply.kind === 'start') {
      await post(startMessage(reply.hasDraft));
      return;
    }
    await post(answerMessage(reply.result, reply.offer));
  };
