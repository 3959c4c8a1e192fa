import type { BlockAction, SlackViewAction } from '@slack/bolt';

/** Who acted, as the store keys everything: the workspace and the Slack user. */
export interface Person {
  readonly teamId: string;
  readonly userId: string;
}

export const personOfAction = (body: BlockAction): Person => ({
  teamId: body.team?.id ?? body.user.team_id ?? '',
  userId: body.user.id,
});

export const personOfView = (body: SlackViewAction): Person => ({
  teamId: body.team?.id ?? '',
  userId: body.user.id,
});
