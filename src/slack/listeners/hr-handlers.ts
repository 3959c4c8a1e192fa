import type { AccommodationRequest } from '../../domain/request.js';
import type { Actor } from '../../domain/roles.js';
import type { CommandType } from '../../domain/statuses.js';
import type { AppServices } from '../../services.js';
import { mayStart, payloadProblems, runHrCommand } from '../../workflows/hr-command.js';
import { formErrors, tellPrivately } from '../hr-interaction.js';
import { actorIn } from '../middleware/acting-person.js';
import { personOfAction, personOfView } from '../person.js';
import type { View } from '../views/blocks.js';
import { messageModal } from '../views/hr/forms.js';
import type { FormReading } from '../views/hr/pattern-form.js';
import { withNote } from '../views/with-note.js';
import type { ButtonArgs, ViewSubmitArgs } from './args.js';

/**
 * The three shapes every HR handler takes, so each handler file only says what is particular to
 * it. All of them ack first, judge the person by the role the middleware cached, and change the
 * request only through `runHrCommand` (decide + commit; effects through the outbox).
 */

/** A button that gives its command at once (Acknowledge, Assign to me, Documentation received). */
export const commandButton =
  (services: AppServices, type: CommandType, payloadOf: (actor: Actor) => unknown = () => ({})) =>
  async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const actor = actorIn(context, person.userId);
    const outcome = await runHrCommand(
      services,
      person.teamId,
      action.value ?? '',
      { type, payload: payloadOf(actor) },
      actor,
    );
    // Success speaks through the card, its thread and the DMs; only a refusal needs saying here.
    if (!outcome.ok) await tellPrivately(client, body, outcome.message);
  };

/** A button that opens a form, but only when submitting that form could work for this person now. */
export const formButton =
  (services: AppServices, type: CommandType, form: (request: AccommodationRequest, actor: Actor) => View) =>
  async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const person = personOfAction(body);
    const actor = actorIn(context, person.userId);
    const allowed = await mayStart(services, person.teamId, action.value ?? '', type, actor);
    if (!allowed.ok) {
      await tellPrivately(client, body, allowed.message);
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: form(allowed.request, actor) });
  };

/**
 * A submitted HR form. Everything before the ack is Redis only (no Slack call): read the form,
 * show its problems beside the fields (response_action "errors"), or give the command; a refusal
 * that is not about a field (someone else acted first) replaces the form with what happened.
 */
export const formSubmission = (
  services: AppServices,
  type: CommandType,
  read: (values: unknown, request: AccommodationRequest) => FormReading<unknown>,
  check?: (payload: unknown, request: AccommodationRequest, actor: Actor) => Record<string, string>,
) => {
  return async (args: ViewSubmitArgs): Promise<void> => {
    let acked = false;
    const ack: ViewSubmitArgs['ack'] = (response) => {
      acked = true;
      return args.ack(response);
    };
    try {
      await submitForm({ ...args, ack });
    } catch (error) {
      // Redis out of reach (or anything else) before the answer: the form stays open with all
      // that was entered, and says so beside its first field. After the answer it is the error
      // handler's to tell.
      if (acked) throw error;
      services.logger.warn({ err: error }, 'could not act on an HR form');
      const first = firstInputBlock(args.view);
      await args.ack(
        first
          ? { response_action: 'errors', errors: { [first]: FORM_NOT_SAVED } }
          : { response_action: 'update', view: withNote(args.view, FORM_NOT_SAVED) },
      );
    }
  };

  async function submitForm({ ack, body, view, context }: ViewSubmitArgs): Promise<void> {
    const person = personOfView(body);
    const actor = actorIn(context, person.userId);
    const reference = view.private_metadata;
    const request = await services.store.requests.get(person.teamId, reference);
    if (!request) {
      await ack({
        response_action: 'update',
        view: messageModal('Nothing was changed', 'This request no longer exists. Nothing was changed.'),
      });
      return;
    }
    const reading = read(view.state.values, request);
    const own = { ...reading.errors, ...(check?.(reading.value, request, actor) ?? {}) };
    const first = formErrors(view, own, payloadProblems(type, reading.value));
    if (Object.keys(first.errors).length > 0) {
      await ack({ response_action: 'errors', errors: first.errors });
      return;
    }
    const outcome = await runHrCommand(
      services,
      person.teamId,
      reference,
      { type, payload: reading.value },
      actor,
    );
    if (outcome.ok) {
      await ack();
      return;
    }
    const placed = formErrors(view, {}, outcome.fieldErrors ?? {});
    if (Object.keys(placed.errors).length > 0) {
      await ack({ response_action: 'errors', errors: placed.errors });
      return;
    }
    await ack({ response_action: 'update', view: messageModal('Nothing was changed', outcome.message) });
  }
};

/** Said beside the first field when the store could not be reached: what is true, and what to do. */
export const FORM_NOT_SAVED =
  'I couldn’t reach my storage, so this may not have been saved. Everything you entered is still here: please press the button again in a moment.';

function firstInputBlock(view: { readonly blocks?: readonly unknown[] }): string | undefined {
  for (const block of view.blocks ?? []) {
    const { type, block_id: id } = block as { type?: unknown; block_id?: unknown };
    if (type === 'input' && typeof id === 'string') return id;
  }
  return undefined;
}

/** The last day the employee asked for, while their extension waits for HR; an answered one is not a default. */
export function pendingExtensionUntil(request: AccommodationRequest): string | undefined {
  return request.extension && request.extension.decidedAt === undefined ? request.extension.until : undefined;
}
