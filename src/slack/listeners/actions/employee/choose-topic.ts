import type { AppServices } from '../../../../services.js';
import { answerChosenTopic } from '../../../../workflows/assistant.js';
import { lifecyclePolicy } from '../../../../workflows/lifecycle-policy.js';
import { directMessageChannel, tellInDm } from '../../../direct-messages.js';
import { personOfAction } from '../../../person.js';
import { answerMessage } from '../../../views/assistant.js';
import type { ButtonArgs } from '../../args.js';

/** One of the closest topics the assistant offered: answers from that topic in the DM. */
export const chooseTopic =
  (services: AppServices) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const reply = await answerChosenTopic(
      {
        store: services.store,
        drafter: services.drafter,
        now: services.now(),
        policy: lifecyclePolicy(services.config),
        defaultJurisdiction: services.config.defaultJurisdiction,
      },
      person.teamId,
      person.userId,
      action.value ?? '',
    );
    if (!reply) {
      await tellInDm(
        client,
        person.userId,
        'That topic isn’t in the guide any more. Ask me again in your own words.',
      );
      return;
    }
    const message = answerMessage(reply.result, reply.offer);
    const channel = body.channel?.id ?? (await directMessageChannel(client, person.userId));
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
  };
