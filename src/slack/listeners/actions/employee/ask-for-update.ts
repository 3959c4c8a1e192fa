import { composeLetter } from '../../../../letters/index.js';
import { sendingTo } from '../../../../privacy/audience.js';
import type { AppServices } from '../../../../services.js';
import { todayIn } from '../../../../workflows/request-letter.js';
import { tellInDm } from '../../../direct-messages.js';
import { hrDestinations } from '../../../hr-recipients.js';
import { personOfAction } from '../../../person.js';
import { section } from '../../../views/blocks.js';
import type { ButtonArgs } from '../../args.js';

/** "Ask for an update" on a waiting request: a polite status inquiry to HR, noted in the audit trail. */
export const askForUpdate =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const { store } = services;
    const person = personOfAction(body);
    const request = await store.requests.get(person.teamId, action.value ?? '');
    if (!request || request.employeeId !== person.userId || !request.submittedAt) return;
    const now = services.now();
    const profile = await services.profiles.load(client, person);
    const inquiry = composeLetter(
      'status_inquiry',
      {
        org: { companyName: services.config.org.companyName },
        reference: request.id,
        date: todayIn(request.work.timeZone, now),
        employee: { name: profile.name },
        submittedDate: todayIn(request.work.timeZone, new Date(request.submittedAt)),
        neededFrom: request.schedule.startDate,
      },
      { jurisdiction: request.disclosure.jurisdiction, templates: services.letters },
    );
    for (const destination of await hrDestinations(services, client)) {
      await sendingTo('hr', () =>
        client.chat.postMessage({
          channel: destination,
          text: `<@${person.userId}> asked for an update on ${request.id}.`,
          blocks: [
            section(`<@${person.userId}> asked for an update on *${request.id}*.`),
            {
              type: 'section',
              text: { type: 'plain_text', text: inquiry.text.slice(0, 2900), emoji: false },
            },
          ],
        }),
      );
    }
    await store.audit.append(person.teamId, request.id, {
      at: now.toISOString(),
      actorRole: 'employee',
      actorId: person.userId,
      action: 'update_requested',
    });
    await tellInDm(
      client,
      person.userId,
      `I’ve asked HR for an update on ${request.id}. I’ll let you know when they reply.`,
    );
  };
