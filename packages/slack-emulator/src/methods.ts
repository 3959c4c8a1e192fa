import { validateMessage, validateView } from './block-kit.js';
import { MANAGER_PROFILE_FIELD_ID } from './directory.js';
import {
  compareTs,
  isJson,
  type Json,
  SlackApiError,
  type StoredMessage,
  type StoredView,
  type Workspace,
} from './workspace.js';

/**
 * The Web API methods the app uses, each a function of the workspace and the parsed arguments.
 * A method refuses what Slack refuses by throwing `SlackApiError` with Slack's error code.
 */

export interface MethodContext {
  readonly workspace: Workspace;
  /** The bot scopes the app's manifest asks for; undefined means every scope is granted. */
  readonly scopes?: ReadonlySet<string>;
  /** Base URL of the emulator, e.g. `http://127.0.0.1:4321`, for upload URLs. */
  readonly baseUrl: string;
}

type Method = (args: Json, context: MethodContext) => Json;

function isUser(context: { workspace: Workspace }, id: string): boolean {
  return context.workspace.directory.users.some((user) => user.id === id);
}

function required(args: Json, name: string): string {
  const value = args[name];
  if (typeof value !== 'string' || value === '') {
    throw new SlackApiError('invalid_arguments', {
      response_metadata: { messages: [`[ERROR] missing required field: ${name}`] },
    });
  }
  return value;
}

/** Slack's shape for refused content: the code, the problems, and the same as [ERROR] lines. */
function refused(error: string, problems: readonly string[]): SlackApiError {
  return new SlackApiError(error, {
    errors: [...problems],
    response_metadata: { messages: problems.map((problem) => `[ERROR] ${problem}`) },
  });
}

function messageContent(args: Json): { text: string; blocks: unknown[] } {
  const problem = validateMessage(args);
  if (problem) throw refused(problem.error, problem.problems);
  return {
    text: typeof args.text === 'string' ? args.text : '',
    blocks: Array.isArray(args.blocks) ? args.blocks : [],
  };
}

function checkedView(args: Json, expected?: 'modal' | 'home'): Json {
  const problems = validateView(args.view, expected);
  if (problems.length > 0) throw refused('invalid_arguments', problems);
  return args.view as Json;
}

function viewResponse(view: StoredView, context: MethodContext): Json {
  const { workspace } = context;
  return {
    ok: true,
    view: {
      id: view.id,
      team_id: workspace.directory.team.id,
      type: view.type,
      ...view.definition,
      state: { values: view.values },
      hash: view.hash,
      root_view_id: view.rootViewId,
      previous_view_id: view.previousViewId,
      app_id: workspace.directory.bot.appId,
      bot_id: workspace.directory.bot.botId,
    },
  };
}

function messageJson(message: StoredMessage, context: MethodContext, withMetadata = true): Json {
  const { bot } = context.workspace.directory;
  return {
    type: 'message',
    user: message.user,
    ...(message.fromBot ? { bot_id: bot.botId, app_id: bot.appId } : {}),
    ts: message.ts,
    text: message.text,
    blocks: message.blocks,
    ...(withMetadata && message.metadata ? { metadata: message.metadata } : {}),
  };
}

/**
 * Message metadata as Slack takes it: an object (or its JSON) with a string `event_type` and an
 * object `event_payload`; anything else is refused with Slack's `invalid_metadata_format`.
 */
function messageMetadata(args: Json): StoredMessage['metadata'] {
  if (args.metadata === undefined) return undefined;
  const value = args.metadata;
  if (
    !isJson(value) ||
    typeof value.event_type !== 'string' ||
    !/^[A-Za-z0-9_]+$/.test(value.event_type) ||
    !isJson(value.event_payload)
  ) {
    throw new SlackApiError('invalid_metadata_format');
  }
  return { event_type: value.event_type, event_payload: value.event_payload };
}

/** The history scope Slack asks for, by the kind of conversation: a DM, a private or a public channel. */
function historyScope(channel: string, workspace: Workspace): string {
  if (channel.startsWith('D')) return 'im:history';
  if (channel.startsWith('G')) return 'groups:history';
  const known = workspace.directory.channels.find((candidate) => candidate.id === channel);
  return known?.isPrivate ? 'groups:history' : 'channels:history';
}

function timestampArg(args: Json, name: 'oldest' | 'latest'): string | undefined {
  const value = args[name];
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  if (!/^\d+(\.\d{1,6})?$/.test(text)) throw new SlackApiError(`invalid_ts_${name}`);
  return text;
}

const truthy = (value: unknown) => value === true || value === 'true' || value === '1' || value === 1;

const methods: Record<string, Method> = {
  'auth.test': (_args, { workspace }) => {
    const { team, bot } = workspace.directory;
    return {
      ok: true,
      url: `https://${team.domain}.slack.com/`,
      team: team.name,
      user: bot.name.toLowerCase().replace(/[^a-z0-9]+/g, '_'),
      team_id: team.id,
      user_id: bot.userId,
      bot_id: bot.botId,
      is_enterprise_install: false,
    };
  },

  'chat.postMessage': (args, context) => {
    const channel = context.workspace.resolveChannel(required(args, 'channel'));
    const content = messageContent(args);
    const metadata = messageMetadata(args);
    const message = context.workspace.addMessage({
      channel,
      ...content,
      user: context.workspace.directory.bot.userId,
      fromBot: true,
      ...(typeof args.thread_ts === 'string' ? { threadTs: args.thread_ts } : {}),
      ...(metadata ? { metadata } : {}),
    });
    context.workspace.announceAppPost(message);
    return { ok: true, channel, ts: message.ts, message: messageJson(message, context) };
  },

  'chat.update': (args, context) => {
    const channel = context.workspace.resolveChannel(required(args, 'channel'));
    const ts = required(args, 'ts');
    const message = context.workspace.findMessage(channel, ts);
    if (!message) throw new SlackApiError('message_not_found');
    if (!message.fromBot) throw new SlackApiError('cant_update_message');
    const content = messageContent({
      text: args.text ?? message.text,
      blocks: args.blocks ?? message.blocks,
    });
    const metadata = messageMetadata(args);
    message.text = content.text;
    message.blocks = content.blocks;
    if (metadata) message.metadata = metadata;
    message.edited = true;
    context.workspace.touch();
    return { ok: true, channel, ts, text: message.text, message: messageJson(message, context) };
  },

  'chat.postEphemeral': (args, context) => {
    const channel = context.workspace.resolveChannel(required(args, 'channel'));
    const user = required(args, 'user');
    if (!isUser(context, user)) throw new SlackApiError('user_not_found');
    if (!context.workspace.isMember(channel, user)) throw new SlackApiError('user_not_in_channel');
    const content = messageContent(args);
    const message = context.workspace.addMessage({
      channel,
      ...content,
      user: context.workspace.directory.bot.userId,
      fromBot: true,
      visibleTo: user,
    });
    return { ok: true, message_ts: message.ts };
  },

  'chat.delete': (args, context) => {
    const channel = context.workspace.resolveChannel(required(args, 'channel'));
    const ts = required(args, 'ts');
    const message = context.workspace.findMessage(channel, ts);
    if (!message) throw new SlackApiError('message_not_found');
    if (!message.fromBot) throw new SlackApiError('cant_delete_message');
    context.workspace.deleteMessage(channel, ts);
    return { ok: true, channel, ts };
  },

  'conversations.open': (args, { workspace }) => {
    if (typeof args.channel === 'string') {
      return { ok: true, channel: { id: workspace.resolveChannel(args.channel) } };
    }
    const users = required(args, 'users')
      .split(',')
      .map((id) => id.trim());
    if (users.length !== 1) throw new SlackApiError('not_supported');
    const userId = users[0] ?? '';
    if (!isUser({ workspace }, userId)) throw new SlackApiError('user_not_found');
    return { ok: true, no_op: true, already_open: true, channel: { id: workspace.openDm(userId) } };
  },

  /**
   * A conversation's messages, newest first, as Slack lists them: at most `limit` (default 100,
   * at most 999) after `oldest` and before `latest`, `has_more` and a cursor when more are left.
   * Message metadata comes back only with `include_all_metadata`. The scope needed depends on
   * the conversation (im:history, groups:history or channels:history), so it is checked here.
   */
  'conversations.history': (args, context) => {
    const { workspace, scopes } = context;
    const channel = required(args, 'channel');
    if (!workspace.hasConversation(channel)) throw new SlackApiError('channel_not_found');
    const scope = historyScope(channel, workspace);
    if (scopes && !scopes.has(scope)) {
      throw new SlackApiError('missing_scope', { needed: scope, provided: [...scopes].join(',') });
    }
    const requested = args.limit === undefined || args.limit === '' ? 100 : Number(args.limit);
    if (!Number.isInteger(requested) || requested < 0) throw new SlackApiError('invalid_limit');
    const limit = Math.min(requested === 0 ? 100 : requested, 999);
    const cursor = typeof args.cursor === 'string' && args.cursor !== '' ? args.cursor : undefined;
    const resumeBefore = cursor
      ? Buffer.from(cursor, 'base64')
          .toString('utf8')
          .replace(/^next_ts:/, '')
      : undefined;
    if (resumeBefore !== undefined && !/^\d+\.\d{6}$/.test(resumeBefore))
      throw new SlackApiError('invalid_cursor');
    const oldest = timestampArg(args, 'oldest');
    const latest = timestampArg(args, 'latest');
    const inclusive = truthy(args.inclusive);
    const listed = workspace
      .history(channel, { ...(oldest ? { oldest } : {}), ...(latest ? { latest } : {}), inclusive })
      .filter((message) => resumeBefore === undefined || compareTs(message.ts, resumeBefore) < 0);
    const page = listed.slice(0, limit);
    const hasMore = listed.length > page.length;
    const last = page.at(-1);
    const withMetadata = truthy(args.include_all_metadata);
    return {
      ok: true,
      messages: page.map((message) => messageJson(message, context, withMetadata)),
      has_more: hasMore,
      pin_count: 0,
      ...(hasMore && last
        ? { response_metadata: { next_cursor: Buffer.from(`next_ts:${last.ts}`).toString('base64') } }
        : {}),
    };
  },

  'views.open': (args, context) => {
    const definition = checkedView(args, 'modal');
    const userId = context.workspace.redeemTrigger(args.trigger_id ?? args.interactivity_pointer);
    return viewResponse(context.workspace.openModal(userId, definition), context);
  },

  'views.push': (args, context) => {
    const definition = checkedView(args, 'modal');
    const userId = context.workspace.redeemTrigger(args.trigger_id ?? args.interactivity_pointer);
    return viewResponse(context.workspace.pushModal(userId, definition), context);
  },

  'views.update': (args, context) => {
    if (args.view_id === undefined && args.external_id === undefined) {
      throw new SlackApiError('invalid_arguments', {
        response_metadata: { messages: ['[ERROR] missing required field: view_id or external_id'] },
      });
    }
    const definition = checkedView(args);
    const view = context.workspace.findView({ viewId: args.view_id, externalId: args.external_id });
    if (!view) throw new SlackApiError('not_found');
    if (typeof args.hash === 'string' && args.hash !== view.hash) throw new SlackApiError('hash_conflict');
    return viewResponse(context.workspace.updateView(view, definition), context);
  },

  'views.publish': (args, context) => {
    const userId = required(args, 'user_id');
    if (!isUser(context, userId)) throw new SlackApiError('user_not_found');
    const definition = checkedView(args, 'home');
    const current = context.workspace.home(userId);
    if (current && typeof args.hash === 'string' && args.hash !== current.hash) {
      throw new SlackApiError('hash_conflict');
    }
    return viewResponse(context.workspace.publishHome(userId, definition), context);
  },

  'users.info': (args, { workspace, scopes }) => {
    const id = required(args, 'user');
    const user = workspace.directory.users.find((candidate) => candidate.id === id);
    if (!user) throw new SlackApiError('user_not_found');
    return {
      ok: true,
      user: {
        id: user.id,
        team_id: workspace.directory.team.id,
        name: user.name,
        real_name: user.realName,
        deleted: false,
        is_bot: false,
        tz: user.tz,
        tz_label: user.tzLabel,
        tz_offset: user.tzOffset,
        profile: {
          real_name: user.realName,
          display_name: user.name,
          title: user.title,
          ...(!scopes || scopes.has('users:read.email') ? { email: user.email } : {}),
        },
      },
    };
  },

  /**
   * A person's profile as Slack returns it, custom fields under `fields` keyed by the field's id,
   * each `{ value, alt }` and, with `include_labels`, its `label`. The manager is such a field, of
   * type "user": its value is a user id.
   */
  'users.profile.get': (args, { workspace, scopes }) => {
    const id = required(args, 'user');
    const user = workspace.directory.users.find((candidate) => candidate.id === id);
    if (!user) throw new SlackApiError('user_not_found');
    const labels = args.include_labels === true || args.include_labels === 'true';
    return {
      ok: true,
      profile: {
        real_name: user.realName,
        display_name: user.name,
        title: user.title,
        ...(!scopes || scopes.has('users:read.email') ? { email: user.email } : {}),
        fields: user.managerId
          ? {
              [MANAGER_PROFILE_FIELD_ID]: {
                value: user.managerId,
                alt: '',
                ...(labels ? { label: 'Manager' } : {}),
              },
            }
          : {},
      },
    };
  },

  'usergroups.users.list': (args, { workspace }) => {
    const members = workspace.directory.userGroups[required(args, 'usergroup')];
    if (!members) throw new SlackApiError('no_such_subteam');
    return { ok: true, users: [...members] };
  },

  'files.getUploadURLExternal': (args, context) => {
    const filename = required(args, 'filename');
    const length = Number(args.length);
    if (!Number.isInteger(length) || length < 0) throw new SlackApiError('invalid_arguments');
    const id = context.workspace.nextId('F');
    context.workspace.files.set(id, {
      id,
      filename,
      length,
      completed: false,
      uploadedBy: context.workspace.directory.bot.userId,
    });
    return { ok: true, upload_url: `${context.baseUrl}/upload/${id}`, file_id: id };
  },

  'files.completeUploadExternal': (args, context) => {
    const { workspace } = context;
    const entries = Array.isArray(args.files) ? args.files.filter(isJson) : [];
    if (entries.length === 0) throw new SlackApiError('invalid_arguments');
    const files = entries.map((entry) => {
      const file = workspace.files.get(String(entry.id));
      if (!file) throw new SlackApiError('file_not_found');
      if (!file.content) throw new SlackApiError('file_upload_not_complete');
      return { file, title: typeof entry.title === 'string' ? entry.title : file.filename };
    });
    const channel =
      typeof args.channel_id === 'string' ? workspace.resolveChannel(args.channel_id) : undefined;
    for (const { file, title } of files) {
      file.title = title;
      file.completed = true;
      if (channel) file.channel = channel;
    }
    if (channel) {
      const message = workspace.addMessage({
        channel,
        text: typeof args.initial_comment === 'string' ? args.initial_comment : '',
        blocks: [],
        user: workspace.directory.bot.userId,
        fromBot: true,
        files: files.map(({ file }) => file.id),
        ...(typeof args.thread_ts === 'string' ? { threadTs: args.thread_ts } : {}),
      });
      workspace.announceAppPost(message);
    }
    return {
      ok: true,
      files: files.map(({ file }) => ({
        id: file.id,
        name: file.filename,
        title: file.title,
        size: file.length,
      })),
    };
  },
  'files.delete': (args, { workspace }) => {
    const id = required(args, 'file');
    const file = workspace.files.get(id);
    if (!file) throw new SlackApiError('file_not_found');
    // A bot token may delete only what the app uploaded, as in Slack.
    if (file.uploadedBy !== workspace.directory.bot.userId) throw new SlackApiError('cant_delete_file');
    workspace.deleteFile(id);
    return { ok: true };
  },
};

/** The bot scopes each method needs (any one of them), as Slack's method pages list them. */
const METHOD_SCOPES: Record<string, readonly string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.delete': ['chat:write'],
  'conversations.open': ['im:write', 'mpim:write', 'channels:manage', 'groups:write'],
  'users.info': ['users:read'],
  'users.profile.get': ['users.profile:read'],
  'usergroups.users.list': ['usergroups:read'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  'files.delete': ['files:write'],
};

/** Runs a method by name; unknown names get Slack's `unknown_method`, missing scopes `missing_scope`. */
export function callMethod(name: string, args: Json, context: MethodContext): Json {
  const method = methods[name];
  if (!method) throw new SlackApiError('unknown_method');
  const needed = METHOD_SCOPES[name];
  const { scopes } = context;
  if (scopes && needed && !needed.some((scope) => scopes.has(scope))) {
    throw new SlackApiError('missing_scope', { needed: needed.join(','), provided: [...scopes].join(',') });
  }
  return method(args, context);
}

export const supportedMethods = Object.keys(methods);
