import type { SlashCommand } from '@slack/bolt';
import type { AppServices } from '../../../../services.js';
import { StoreUnavailableError } from '../../../../store/types.js';
import { myRequests } from '../../../../workflows/my-requests.js';
import { installKeyOf } from '../../../install-key.js';
import { openStart, STORE_UNAVAILABLE_TEXT } from '../../../open-start.js';
import { sendRoleExport } from '../../../send-export.js';
import { section } from '../../../views/blocks.js';
import { eapStatusPointer } from '../../../views/eap/status-pointer.js';
import { helpMessage, type SlackMessage, statusListMessage } from '../../../views/messages.js';
import { deleteDataConfirmView } from '../../../views/my-data.js';
import type { CommandArgs } from '../../args.js';

/** `/accommodation [help | new | status | delete-my-data]`. */
export const accommodationCommand =
  (services: AppServices) =>
  async ({ ack, command, client }: CommandArgs): Promise<void> => {
    await ack();
    const person = { teamId: installKeyOf(command) ?? '', userId: command.user_id };
    const word = command.text.trim().toLowerCase().split(/\s+/)[0] ?? '';
    const reply = (message: SlackMessage) =>
      client.chat.postEphemeral({
        channel: command.channel_id,
        user: command.user_id,
        text: message.text,
        blocks: message.blocks,
      });
    // Crisis language never reaches this handler: the crisis middleware answers it first.
    try {
      await answer();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // An ephemeral needs no trigger_id, so it still arrives however long the store took to fail.
      services.logger.warn({ err: error }, 'storage unreachable while answering /accommodation');
      await reply({ text: STORE_UNAVAILABLE_TEXT, blocks: [section(STORE_UNAVAILABLE_TEXT)] });
    }

    async function answer(): Promise<void> {
      switch (word) {
        case '':
        case 'new':
        case 'start':
        case 'continue':
          await openStart(services, client, command.trigger_id, person);
          return;
        case 'help':
          await reply(helpMessage());
          return;
        case 'status':
          await reply(await statusFor(services, command));
          return;
        case 'export':
          if (!(await sendRoleExport(services, client, person)))
            await reply({
              text: 'Exports are for HR and the EAP team.',
              blocks: [
                section(
                  'Exports are for HR and the EAP team. For a copy of your own data, open the app’s *Home* tab and choose *Export my data*.',
                ),
              ],
            });
          return;
        case 'delete-my-data':
          await client.views.open({ trigger_id: command.trigger_id, view: deleteDataConfirmView() });
          return;
        default: {
          const help = helpMessage();
          // Slack shows the blocks, not the text, so the apology needs a block of its own. The word
          // typed is not repeated: it could be a health detail.
          const sorry = 'Sorry, I didn’t recognise that.';
          await reply({ text: `${sorry} ${help.text}`, blocks: [section(sorry), ...help.blocks] });
        }
      }
    }
  };

async function statusFor(services: AppServices, command: SlashCommand) {
  const { store } = services;
  const [conversation, requests] = await Promise.all([
    store.conversations.get(installKeyOf(command) ?? '', command.user_id),
    myRequests(services, installKeyOf(command) ?? '', { role: 'employee', id: command.user_id }),
  ]);
  const draft = conversation?.draft;
  // An EAP coordinator's requests to follow are other people's, on their Home tab.
  if (!draft && requests.length === 0 && services.roles.current().eapIds.has(command.user_id))
    return eapStatusPointer();
  return statusListMessage({
    requests,
    ...(draft ? { draft: { step: draft.step, updatedAt: draft.updatedAt } } : {}),
  });
}
