import type { BlockAction, SlackViewAction } from '@slack/bolt';
import { installKeyOf } from './install-key.js';

/** Who acted, as the store keys everything: the workspace and the Slack user. */
export interface Person {
  readonly teamId: string;
  readonly userId: string;
}

/** The install (workspace, or organisation for an org-wide install) comes from `installKeyOf`. */
export const personOfAction = (body: BlockAction): Person => ({
  teamId: installKeyOf(body) ?? '',
  userId: body.user.id,
});

export const personOfView = (body: SlackViewAction): Person => ({
  teamId: installKeyOf(body) ?? '',
  userId: body.user.id,
});
