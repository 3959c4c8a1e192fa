import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewClosedAction,
  ViewSubmitAction,
} from '@slack/bolt';

/** The arguments Bolt hands each kind of listener: one name per kind, so handlers read alike. */
export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;
export type CommandArgs = AllMiddlewareArgs & SlackCommandMiddlewareArgs;
export type GlobalShortcutArgs = AllMiddlewareArgs & SlackShortcutMiddlewareArgs;
export type ViewSubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;
export type ViewClosedArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewClosedAction>;
export type EventArgs<Type extends string> = AllMiddlewareArgs & SlackEventMiddlewareArgs<Type>;
