import type { AnyMiddlewareArgs, Middleware, webApi } from '@slack/bolt';
import { crisisCountryForTimeZone } from '../../domain/country.js';
import { sendingTo } from '../../privacy/audience.js';
import { crisisReply, detectCrisis } from '../../privacy/crisis.js';
import type { AppServices } from '../../services.js';
import { firstDelivery } from '../../workflows/deliveries.js';
import type { Person } from '../person.js';
import { crisisMessage } from '../views/assistant.js';
import { modal, section, type View } from '../views/blocks.js';
import { actingIn } from './acting-person.js';

/**
 * Crisis language is answered before anything else, wherever the person types it: a DM, the
 * command's text, any field of a modal (on submit and on close). The reply gives the crisis line for
 * their country and stays where they are; nothing of what they wrote reaches a listener, so nothing
 * of it is kept. Runs once, as middleware, after the actor is resolved.
 */
export function crisisCheckMiddleware(services: AppServices): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, client, context, next } = args;
    const typed = typedIn(body, context.botUserId);
    if (!typed?.texts.some(detectCrisis)) {
      await next();
      return;
    }
    const person = actingIn(context).person;
    const ack = 'ack' in args ? (args.ack as (response?: unknown) => Promise<void>) : undefined;
    switch (typed.kind) {
      case 'view_submission': {
        // Before the ack there is no time to ask Slack: the remembered time zone, or the general line.
        const profile = person ? services.profiles.cached(person) : undefined;
        await ack?.({ response_action: 'push', view: crisisView(replyFor(profile?.timeZone)) });
        return;
      }
      case 'view_closed':
        // The form is gone; what was typed in it is not saved.
        await ack?.();
        return;
      case 'command': {
        await ack?.();
        const text = replyFor(await timeZoneOf(services, client, person));
        await sendingTo('employee', () =>
          client.chat.postEphemeral({
            channel: typed.channel,
            user: person?.userId ?? '',
            text,
            blocks: [section(text)],
          }),
        );
        return;
      }
      case 'direct_message': {
        // Slack redelivers an event it thinks we missed; answer each message once.
        if (!(await firstDelivery(services.store, person?.teamId ?? '', typed.eventId))) return;
        const reply = crisisMessage(replyFor(await timeZoneOf(services, client, person)));
        await sendingTo('employee', () =>
          client.chat.postMessage({ channel: typed.channel, text: reply.text, blocks: reply.blocks }),
        );
        return;
      }
    }
  };
}

const replyFor = (timeZone: string | undefined) => crisisReply(crisisCountryForTimeZone(timeZone));

export const crisisView = (reply: string): View =>
  modal({ callbackId: 'crisis_support', title: 'You’re not alone', close: 'Back', blocks: [section(reply)] });

/** After the ack: the person's time zone, for the right crisis line. */
async function timeZoneOf(
  services: AppServices,
  client: webApi.WebClient,
  person: Person | undefined,
): Promise<string | undefined> {
  if (!person) return undefined;
  try {
    return (await services.profiles.load(client, person)).timeZone;
  } catch {
    // Slack's profile out of reach: the general line still helps.
    return services.profiles.cached(person)?.timeZone;
  }
}

type Typed =
  | { readonly kind: 'view_submission' | 'view_closed'; readonly texts: string[] }
  | { readonly kind: 'command'; readonly texts: string[]; readonly channel: string }
  | {
      readonly kind: 'direct_message';
      readonly texts: string[];
      readonly channel: string;
      readonly eventId: string | undefined;
    };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** What the person typed in this request, for the surfaces where a person types. */
function typedIn(body: unknown, botUserId: string | undefined): Typed | undefined {
  if (!isObject(body)) return undefined;
  if (typeof body.command === 'string' && typeof body.text === 'string') {
    return { kind: 'command', texts: [body.text], channel: String(body.channel_id ?? '') };
  }
  if ((body.type === 'view_submission' || body.type === 'view_closed') && isObject(body.view)) {
    return { kind: body.type, texts: viewTexts(body.view) };
  }
  const event = body.event;
  if (
    body.type === 'event_callback' &&
    isObject(event) &&
    event.type === 'message' &&
    event.channel_type === 'im' &&
    event.subtype === undefined &&
    typeof event.user === 'string' &&
    event.user !== botUserId &&
    typeof event.text === 'string'
  ) {
    return {
      kind: 'direct_message',
      texts: [event.text],
      channel: String(event.channel ?? ''),
      eventId: typeof body.event_id === 'string' ? body.event_id : undefined,
    };
  }
  return undefined;
}

function viewTexts(view: Json): string[] {
  const values = isObject(view.state) ? view.state.values : undefined;
  if (!isObject(values)) return [];
  return Object.values(values).flatMap((block) =>
    isObject(block)
      ? Object.values(block).flatMap((element) =>
          isObject(element) && typeof element.value === 'string' ? [element.value] : [],
        )
      : [],
  );
}
