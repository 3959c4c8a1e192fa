import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CAUSE_HEADER } from './attribution.js';
import { validateMessage } from './block-kit.js';
import type { Fault, FaultPlan } from './faults.js';
import { callMethod } from './methods.js';
import { type Interaction, isJson, type Json, SlackApiError, type Workspace } from './workspace.js';

/**
 * The Web API over HTTP on loopback, as the app's WebClient reaches it through `slackApiUrl`:
 * `POST /api/<method>` (form-encoded with JSON-encoded `blocks`/`view`, or JSON), the upload URLs
 * handed out by `files.getUploadURLExternal`, and the `response_url`s of commands and clicks.
 * Slack answers 200 with `{ ok: false, error }` for refusals; so does this, because the client
 * retries non-200 answers for half an hour. Fault modes (see faults.ts) answer 429, 5xx or nothing
 * instead, when a test asks for them.
 */

export interface WebApiServer {
  /** e.g. `http://127.0.0.1:4321` */
  readonly baseUrl: string;
  /** What the app sets as `slackApiUrl`: `${baseUrl}/api/` */
  readonly apiUrl: string;
  close(): Promise<void>;
}

/** Argument fields the client sends as JSON strings inside a form body. */
const JSON_FIELDS = ['blocks', 'view', 'attachments', 'files', 'metadata', 'response_metadata'];

export async function startWebApi(options: {
  workspace: Workspace;
  botToken: string;
  faults: FaultPlan;
  /** The bot scopes from the app's manifest; without them every call is allowed. */
  scopes?: ReadonlySet<string>;
  host?: string;
  port?: number;
}): Promise<WebApiServer> {
  const { workspace, botToken, faults } = options;
  let baseUrl = '';
  /** Calls held by a `hang` fault, by method, until the fault is cleared. */
  const held = new Set<{ method: string; response: ServerResponse }>();
  faults.onClear((method) => {
    for (const entry of held) {
      if (method === undefined || method === '*' || method === entry.method) {
        held.delete(entry);
        entry.response.socket?.destroy();
      }
    }
  });

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Taken before anything is awaited: the call arrived while these were waiting for their ack.
    const { awaiting, causedBy } = workspace.attribute(
      workspace.waitingForAck(),
      request.headers[CAUSE_HEADER],
    );
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'POST') return send(response, 405, { ok: false, error: 'method_not_allowed' });

    const endpoint = endpointOf(path);
    let slow: string | undefined;
    const fault = endpoint ? faults.take(endpoint) : undefined;
    if (endpoint && fault) {
      if (fault.kind === 'slow') {
        slow = 'slow';
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
      } else {
        const args = await faultedArgs(request, body, path);
        return answerFault(fault, endpoint, args, response, awaiting);
      }
    }
    const noted = { ...(slow ? { fault: slow } : {}), ...(causedBy !== undefined ? { causedBy } : {}) };

    if (path.startsWith('/api/')) {
      const method = decodeURIComponent(path.slice('/api/'.length));
      const args = await parseArgs(request, body);
      const { token, ...recorded } = args;
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? token;
      const result =
        bearer === undefined
          ? failure('not_authed')
          : bearer !== botToken
            ? failure('invalid_auth')
            : run(method, recorded);
      workspace.record(
        method,
        recorded,
        { ok: result.ok === true, ...(result.ok ? {} : { error: String(result.error) }), ...noted },
        awaiting,
      );
      return send(response, 200, result);
    }

    if (path.startsWith('/upload/')) {
      const fileId = path.slice('/upload/'.length);
      const file = workspace.files.get(fileId);
      const content = await uploadedContent(request, body);
      if (file) file.content = content;
      workspace.record(
        'files.upload_url',
        { file_id: fileId, filename: file?.filename, bytes: content.length },
        file ? { ok: true, ...noted } : { ok: false, error: 'file_not_found', ...noted },
        awaiting,
      );
      if (!file) return send(response, 404, { ok: false, error: 'file_not_found' });
      return sendText(response, 200, `OK - ${content.length}`);
    }

    if (path.startsWith('/respond/')) {
      const args = await parseArgs(request, body);
      const result = respond(path.slice('/respond/'.length), args);
      workspace.record(
        'response_url',
        args,
        { ok: result.ok === true, ...(result.ok ? {} : { error: String(result.error) }), ...noted },
        awaiting,
      );
      return send(response, result.ok ? 200 : 404, result);
    }

    return send(response, 404, { ok: false, error: 'unknown_method' });
  }

  /** Answers a call as the fault says, records it, and does nothing else. */
  function answerFault(
    fault: Exclude<Fault, { kind: 'slow' }>,
    method: string,
    args: Json,
    response: ServerResponse,
    awaiting: readonly Interaction[],
  ): void {
    if (fault.kind === 'ratelimited') {
      workspace.record(method, args, { ok: false, error: 'ratelimited', fault: 'ratelimited' }, awaiting);
      response.writeHead(429, {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': String(fault.retryAfter),
      });
      response.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (fault.kind === 'error') {
      const status = fault.status ?? 500;
      workspace.record(
        method,
        args,
        { ok: false, error: `http_${status}`, fault: `http_${status}` },
        awaiting,
      );
      send(response, status, { ok: false, error: 'fatal_error' });
      return;
    }
    workspace.record(method, args, { ok: false, error: 'hang', fault: 'hang' }, awaiting);
    const entry = { method, response };
    held.add(entry);
    response.on('close', () => held.delete(entry));
  }

  async function faultedArgs(request: IncomingMessage, body: Buffer, path: string): Promise<Json> {
    if (path.startsWith('/upload/')) return { file_id: path.slice('/upload/'.length), bytes: body.length };
    const { token: _token, ...args } = await parseArgs(request, body);
    return args;
  }

  function run(method: string, args: Json): Json {
    try {
      return callMethod(method, args, {
        workspace,
        baseUrl,
        ...(options.scopes ? { scopes: options.scopes } : {}),
      });
    } catch (error) {
      if (error instanceof SlackApiError) return failure(error.error, error.extra);
      throw error;
    }
  }

  /** A response_url post: ephemeral by default, in_channel, or replacing/deleting the clicked message. */
  function respond(id: string, args: Json): Json {
    const target = workspace.responseTarget(id);
    if (!target) return failure('expired_url');
    if (args.delete_original === true || args.delete_original === 'true') {
      if (target.messageTs) workspace.deleteMessage(target.channel, target.messageTs);
      return { ok: true };
    }
    const problem = validateMessage(args);
    if (problem) return failure(problem.error, { errors: problem.problems });
    const text = typeof args.text === 'string' ? args.text : '';
    const blocks = Array.isArray(args.blocks) ? args.blocks : [];
    const replace = args.replace_original === true || args.replace_original === 'true';
    const original = target.messageTs ? workspace.findMessage(target.channel, target.messageTs) : undefined;
    if (replace && original) {
      original.text = text;
      original.blocks = blocks;
      original.edited = true;
      workspace.touch();
      return { ok: true };
    }
    workspace.addMessage({
      channel: target.channel,
      text,
      blocks,
      user: workspace.directory.bot.userId,
      fromBot: true,
      ...(args.response_type === 'in_channel' ? {} : { visibleTo: target.userId }),
    });
    return { ok: true };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.address}:${address.port}`;

  return {
    baseUrl,
    apiUrl: `${baseUrl}/api/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The name a fault is set under: the Web API method, `files.upload_url` or `response_url`. */
function endpointOf(path: string): string | undefined {
  if (path.startsWith('/api/')) return decodeURIComponent(path.slice('/api/'.length));
  if (path.startsWith('/upload/')) return 'files.upload_url';
  if (path.startsWith('/respond/')) return 'response_url';
  return undefined;
}

function failure(error: string, extra: Json = {}): Json {
  return { ok: false, error, ...extra };
}

function send(response: ServerResponse, status: number, body: Json): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseArgs(request: IncomingMessage, body: Buffer): Promise<Json> {
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    const parsed: unknown = body.length ? JSON.parse(body.toString('utf8')) : {};
    return isJson(parsed) ? parsed : {};
  }
  if (type.includes('multipart/form-data')) {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
    const args: Json = {};
    for (const [key, value] of form.entries())
      args[key] = typeof value === 'string' ? decodeField(key, value) : '[binary]';
    return args;
  }
  const args: Json = {};
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) args[key] = decodeField(key, value);
  return args;
}

function decodeField(key: string, value: string): unknown {
  if (!JSON_FIELDS.includes(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The client posts file bytes as a multipart field; a plain body is taken as the bytes. */
async function uploadedContent(request: IncomingMessage, body: Buffer): Promise<Buffer> {
  const type = request.headers['content-type'] ?? '';
  if (!type.includes('multipart/form-data')) return body;
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  const first = form.values().next().value;
  return Buffer.from(typeof first === 'string' ? first : '');
}
