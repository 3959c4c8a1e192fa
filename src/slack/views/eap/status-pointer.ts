import { context, section } from '../blocks.js';
import type { SlackMessage } from '../messages.js';

/**
 * `/accommodation status` for an EAP coordinator with no request of their own: where the tracking
 * is, rather than "You haven't sent a request yet", which would read as if nothing were there.
 */
export function eapStatusPointer(): SlackMessage {
  const text =
    'The requests you follow are on the app’s *Home* tab: the figures for everyone, and a row for each person who agreed to it.';
  return {
    text: 'The requests you follow are on the app’s Home tab.',
    blocks: [
      section(text),
      context('You have no request of your own. Type `/accommodation new` if you ever want to make one.'),
    ],
  };
}
