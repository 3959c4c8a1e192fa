import { randomBytes } from 'node:crypto';
import type { EmulatedUser } from './directory.js';
import type { Json, StoredMessage, StoredView, Workspace } from './workspace.js';

/**
 * The bodies Slack sends to an app, built from the workspace's state: slash commands, interactive
 * payloads and Events API envelopes. Field names and shapes follow what Slack really sends, so
 * the app's Bolt listeners and zod schemas see nothing unusual.
 */

function actionTs(workspace: Workspace): string {
  return workspace.nextTs();
}

function teamOf(workspace: Workspace): Json {
  return { id: workspace.directory.team.id, domain: workspace.directory.team.domain };
}

function userOf(workspace: Workspace, user: EmulatedUser): Json {
  return { id: user.id, username: user.name, name: user.name, team_id: workspace.directory.team.id };
}

/** A view as it appears inside `block_actions`, `view_submission` and `view_closed` payloads. */
export function viewPayload(workspace: Workspace, view: StoredView): Json {
  const { definition } = view;
  return {
    id: view.id,
    team_id: workspace.directory.team.id,
    type: view.type,
    blocks: definition.blocks ?? [],
    private_metadata: definition.private_metadata ?? '',
    callback_id: definition.callback_id ?? '',
    state: { values: view.values },
    hash: view.hash,
    title: definition.title ?? null,
    clear_on_close: definition.clear_on_close ?? false,
    notify_on_close: definition.notify_on_close ?? false,
    close: definition.close ?? null,
    submit: definition.submit ?? null,
    previous_view_id: view.previousViewId,
    root_view_id: view.rootViewId,
    app_id: workspace.directory.bot.appId,
    external_id: definition.external_id ?? '',
    app_installed_team_id: workspace.directory.team.id,
    bot_id: workspace.directory.bot.botId,
  };
}

function messagePayload(workspace: Workspace, message: StoredMessage): Json {
  return {
    type: 'message',
    user: message.user,
    ts: message.ts,
    text: message.text,
    blocks: message.blocks,
    ...(message.fromBot ? { bot_id: workspace.directory.bot.botId } : {}),
  };
}

export function commandBody(args: {
  workspace: Workspace;
  user: EmulatedUser;
  channel: string;
  command: string;
  text: string;
  triggerId: string;
  responseUrl: string;
}): string {
  const { workspace, user } = args;
  return new URLSearchParams({
    token: 'emulator-verification-token',
    team_id: workspace.directory.team.id,
    team_domain: workspace.directory.team.domain,
    channel_id: args.channel,
    channel_name: workspace.channelName(args.channel),
    user_id: user.id,
    user_name: user.name,
    command: args.command,
    text: args.text,
    api_app_id: workspace.directory.bot.appId,
    is_enterprise_install: 'false',
    response_url: args.responseUrl,
    trigger_id: args.triggerId,
  }).toString();
}

/** One element's part of a block_actions `actions` entry: what was clicked or chosen. */
export function blockActionsPayload(args: {
  workspace: Workspace;
  user: EmulatedUser;
  triggerId: string;
  action: Json;
  /** Where the element lives: a view (modal or App Home) or a message. */
  container: { view: StoredView } | { message: StoredMessage; responseUrl: string };
}): Json {
  const { workspace, user, container } = args;
  const base: Json = {
    type: 'block_actions',
    user: userOf(workspace, user),
    api_app_id: workspace.directory.bot.appId,
    token: 'emulator-verification-token',
    trigger_id: args.triggerId,
    team: teamOf(workspace),
    enterprise: null,
    is_enterprise_install: false,
    actions: [{ ...args.action, action_ts: actionTs(workspace) }],
  };
  if ('view' in container) {
    return {
      ...base,
      container: { type: 'view', view_id: container.view.id },
      view: viewPayload(workspace, container.view),
    };
  }
  const { message } = container;
  return {
    ...base,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: message.channel,
      is_ephemeral: message.visibleTo !== undefined,
    },
    channel: { id: message.channel, name: workspace.channelName(message.channel) },
    message: messagePayload(workspace, message),
    state: { values: {} },
    response_url: container.responseUrl,
  };
}

export function viewSubmissionPayload(args: {
  workspace: Workspace;
  user: EmulatedUser;
  triggerId: string;
  view: StoredView;
}): Json {
  const { workspace, user } = args;
  return {
    type: 'view_submission',
    team: teamOf(workspace),
    user: userOf(workspace, user),
    api_app_id: workspace.directory.bot.appId,
    token: 'emulator-verification-token',
    trigger_id: args.triggerId,
    view: viewPayload(workspace, args.view),
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function viewClosedPayload(args: {
  workspace: Workspace;
  user: EmulatedUser;
  view: StoredView;
}): Json {
  const { workspace, user } = args;
  return {
    type: 'view_closed',
    team: teamOf(workspace),
    user: userOf(workspace, user),
    api_app_id: workspace.directory.bot.appId,
    token: 'emulator-verification-token',
    view: viewPayload(workspace, args.view),
    is_cleared: false,
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function shortcutPayload(args: {
  workspace: Workspace;
  user: EmulatedUser;
  callbackId: string;
  triggerId: string;
}): Json {
  const { workspace, user } = args;
  return {
    type: 'shortcut',
    token: 'emulator-verification-token',
    action_ts: actionTs(workspace),
    team: teamOf(workspace),
    user: { id: user.id, username: user.name, team_id: workspace.directory.team.id },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: args.callbackId,
    trigger_id: args.triggerId,
  };
}

/** The Events API envelope around one event. */
export function eventEnvelope(workspace: Workspace, event: Json): Json {
  const { team, bot } = workspace.directory;
  return {
    token: 'emulator-verification-token',
    team_id: team.id,
    api_app_id: bot.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: Math.floor(workspace.clock.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: team.id,
        user_id: bot.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export function appHomeOpenedEvent(workspace: Workspace, user: EmulatedUser, channel: string): Json {
  const home = workspace.home(user.id);
  return {
    type: 'app_home_opened',
    user: user.id,
    channel,
    tab: 'home',
    event_ts: workspace.nextTs(),
    ...(home ? { view: viewPayload(workspace, home) } : {}),
  };
}

export function directMessageEvent(workspace: Workspace, message: StoredMessage): Json {
  return {
    type: 'message',
    channel: message.channel,
    user: message.user,
    text: message.text,
    ts: message.ts,
    event_ts: message.ts,
    channel_type: 'im',
    client_msg_id: randomBytes(16).toString('hex'),
    team: workspace.directory.team.id,
  };
}
