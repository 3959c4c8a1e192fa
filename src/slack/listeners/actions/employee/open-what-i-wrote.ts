import { wordsForItsAuthor } from '../../../../domain/draft.js';
import { projectForEmployee } from '../../../../domain/projections.js';
import type { AppServices } from '../../../../services.js';
import { personOfAction } from '../../../person.js';
import { whatIWroteView } from '../../../views/what-i-wrote.js';
import type { ButtonArgs } from '../../args.js';

/** "What I wrote": the person's own words, private note included, in a modal for their eyes only. */
export const openWhatIWrote =
  (services: AppServices) =>
  async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const { store } = services;
    const [summaries, conversation] = await Promise.all([
      store.requests.listByEmployee(person.teamId, person.userId),
      store.conversations.get(person.teamId, person.userId),
    ]);
    const requests = [];
    for (const summary of summaries) {
      const request = await store.requests.get(person.teamId, summary.id);
      if (request && request.employeeId === person.userId) requests.push(projectForEmployee(request));
    }
    const draft = conversation?.draft ? wordsForItsAuthor(conversation.draft.sensitive) : undefined;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: whatIWroteView({ requests, ...(draft ? { draft } : {}) }),
    });
  };
