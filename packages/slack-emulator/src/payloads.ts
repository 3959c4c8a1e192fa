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

/** `team` of an interactive payload: null for an org-wide install, as Slack sends it. */
function teamOf(workspace: Workspace): Json | null {
  const { team, enterprise, orgWideInstall } = workspace.directory;
  if (orgWideInstall) return null;
  return {
    id: team.id,
    domain: team.domain,
    ...(enterprise ? { enterprise_id: enterprise.id, enterprise_name: enterprise.name } : {}),
  };
}

function enterpriseOf(workspace: Workspace): Json | null {
  const { enterprise } = workspace.directory;
  return enterprise ? { id: enterprise.id, name: enterprise.name } : null;
}

function isEnterpriseInstall(workspace: Workspace): boolean {
  return workspace.directory.orgWideInstall === true;
}

/** Where the app is installed: the organisation for an org-wide install, else the workspace. */
function installedOn(workspace: Workspace): string {
  const { team, enterprise, orgWideInstall } = workspace.directory;
  return orgWideInstall && enterprise ? enterprise.id : team.id;
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
    app_installed_team_id: installedOn(workspace),
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
    ...(message.fromBot
      ? { bot_id: workspace.directory.bot.botId, app_id: workspace.directory.bot.appId }
      : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
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
  const { enterprise } = workspace.directory;
  return new URLSearchParams({
    token: 'emulator-verification-token',
    team_id: workspace.directory.team.id,
    team_domain: workspace.directory.team.domain,
    ...(enterprise ? { enterprise_id: enterprise.id, enterprise_name: enterprise.name } : {}),
    channel_id: args.channel,
    channel_name: workspace.channelName(args.channel),
    user_id: user.id,
    user_name: user.name,
    command: args.command,
    text: args.text,
    api_app_id: workspace.directory.bot.appId,
    is_enterprise_install: String(isEnterpriseInstall(workspace)),
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
    enterprise: enterpriseOf(workspace),
    is_enterprise_install: isEnterpriseInstall(workspace),
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
  /** One per input whose element has `response_url_enabled`, with the conversation chosen. */
  responseUrls?: Json[];
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
    response_urls: args.responseUrls ?? [],
    is_enterprise_install: isEnterpriseInstall(workspace),
    enterprise: enterpriseOf(workspace),
  };
}

export function viewClosedPayload(args: {
  workspace: Workspace;
  user: EmulatedUser;
  view: StoredView;
  /** True when the whole stack of modals was closed at once. */
  isCleared?: boolean;
}): Json {
  const { workspace, user } = args;
  return {
    type: 'view_closed',
    team: teamOf(workspace),
    user: userOf(workspace, user),
    api_app_id: workspace.directory.bot.appId,
    token: 'emulator-verification-token',
    view: viewPayload(workspace, args.view),
    is_cleared: args.isCleared ?? false,
    is_enterprise_install: isEnterpriseInstall(workspace),
    enterprise: enterpriseOf(workspace),
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
    is_enterprise_install: isEnterpriseInstall(workspace),
    enterprise: enterpriseOf(workspace),
    callback_id: args.callbackId,
    trigger_id: args.triggerId,
  };
}

/** The Events API envelope around one event. */
export function eventEnvelope(workspace: Workspace, event: Json): Json {
  const { team, bot, enterprise } = workspace.directory;
  const orgWide = isEnterpriseInstall(workspace);
  return {
    token: 'emulator-verification-token',
    team_id: team.id,
    ...(enterprise ? { enterprise_id: enterprise.id } : {}),
    api_app_id: bot.appId,
    event,
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: Math.floor(workspace.clock.now() / 1000),
    authorizations: [
      {
        enterprise_id: enterprise?.id ?? null,
        team_id: orgWide ? null : team.id,
        user_id: bot.userId,
        is_bot: true,
        is_enterprise_install: orgWide,
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

/**
 * A `message` event for a message in a conversation: a person's (with `client_msg_id`), or one
 * the app posted, echoed back with `bot_id` as Slack does. Thread replies carry `thread_ts`; a
 * message with files is a `file_share`.
 */
export function directMessageEvent(workspace: Workspace, message: StoredMessage): Json {
  const { bot } = workspace.directory;
  const files = message.files
    .map((id) => workspace.files.get(id))
    .filter((file) => file !== undefined)
    .map((file) => ({
      id: file.id,
      name: file.filename,
      title: file.title ?? file.filename,
      size: file.length,
      user: message.user,
      mode: 'hosted',
      url_private: `https://files.slack.com/files-pri/${workspace.directory.team.id}-${file.id}/${file.filename}`,
    }));
  return {
    type: 'message',
    ...(files.length > 0 ? { subtype: 'file_share', files, upload: false } : {}),
    channel: message.channel,
    user: message.user,
    text: message.text,
    ts: message.ts,
    event_ts: message.ts,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    channel_type: message.channel.startsWith('D') ? 'im' : 'channel',
    ...(message.fromBot
      ? { bot_id: bot.botId, app_id: bot.appId, blocks: message.blocks }
      : { client_msg_id: randomBytes(16).toString('hex') }),
    team: workspace.directory.team.id,
  };
}

/** A person edited their message: Slack sends `message_changed` with the old and new message. */
export function messageChangedEvent(
  workspace: Workspace,
  message: StoredMessage,
  previousText: string,
): Json {
  const shape = (text: string): Json => ({
    type: 'message',
    user: message.user,
    text,
    ts: message.ts,
    team: workspace.directory.team.id,
    ...(message.fromBot ? { bot_id: workspace.directory.bot.botId } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
  });
  const eventTs = workspace.nextTs();
  return {
    type: 'message',
    subtype: 'message_changed',
    message: { ...shape(message.text), edited: { user: message.user, ts: eventTs } },
    previous_message: shape(previousText),
    channel: message.channel,
    hidden: true,
    ts: eventTs,
    event_ts: eventTs,
    channel_type: message.channel.startsWith('D') ? 'im' : 'channel',
  };
}
