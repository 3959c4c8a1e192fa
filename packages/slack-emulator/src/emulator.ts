import { Actor } from './actor.js';
import { type Directory, findUser } from './directory.js';
import { type Delivery, type DeliveryOptions, deliver } from './sender.js';
import { startWebApi, type WebApiServer } from './web-api.js';
import { type Clock, createClock, type Json, type RecordedCall, Workspace } from './workspace.js';

/**
 * A local Slack for one app: the Web API it calls, the people who use it, and the wire that
 * carries their clicks and messages to the app's HTTP receiver, signed.
 */

export interface EmulatorOptions {
  /** Who is in the workspace: the team, the app's bot user, people, user groups and channels. */
  readonly directory: Directory;
  readonly botToken?: string;
  readonly signingSecret?: string;
  /** Injectable so a test can let a trigger_id expire without waiting. */
  readonly clock?: Clock;
  /** How long without a Web API call counts as "the app is done" after a step. */
  readonly quietMs?: number;
  /** The most a step waits for the app to go quiet, or for text to appear. */
  readonly waitTimeoutMs?: number;
}

export const DEMO_BOT_TOKEN = 'xoxb-emulator-demo-token';
export const DEMO_SIGNING_SECRET = 'emulator-demo-signing-secret';

export class Emulator {
  readonly workspace: Workspace;
  readonly directory: Directory;
  readonly botToken: string;
  readonly signingSecret: string;
  readonly clock: Clock;
  readonly quietMs: number;
  readonly waitTimeoutMs: number;
  private appUrl: string | undefined;
  private readonly actors = new Map<string, Actor>();

  private constructor(
    private readonly server: WebApiServer,
    workspace: Workspace,
    options: EmulatorOptions,
  ) {
    this.workspace = workspace;
    this.directory = workspace.directory;
    this.clock = workspace.clock;
    this.botToken = options.botToken ?? DEMO_BOT_TOKEN;
    this.signingSecret = options.signingSecret ?? DEMO_SIGNING_SECRET;
    this.quietMs = options.quietMs ?? 150;
    this.waitTimeoutMs = options.waitTimeoutMs ?? 10_000;
  }

  static async start(options: EmulatorOptions): Promise<Emulator> {
    const workspace = new Workspace(options.directory, options.clock ?? createClock());
    const server = await startWebApi({ workspace, botToken: options.botToken ?? DEMO_BOT_TOKEN });
    return new Emulator(server, workspace, options);
  }

  /** e.g. `http://127.0.0.1:4321` */
  get baseUrl(): string {
    return this.server.baseUrl;
  }

  /** What the app uses as `slackApiUrl` (SLACK_API_URL). */
  get apiUrl(): string {
    return this.server.apiUrl;
  }

  /** Where the app's receiver listens, e.g. `http://127.0.0.1:3000/slack/events`. */
  connect(appUrl: string): void {
    this.appUrl = appUrl;
  }

  /** A person in the workspace, by handle (`employee`) or id. */
  as(who: string): Actor {
    const user = findUser(this.directory, who);
    if (!user) {
      const known = this.directory.users.map((u) => u.handle).join(', ');
      throw new Error(`There is no "${who}" in the workspace. Try one of: ${known}.`);
    }
    let actor = this.actors.get(user.id);
    if (!actor) {
      actor = new Actor(this, user);
      this.actors.set(user.id, actor);
    }
    return actor;
  }

  /** Every Web API call the app made, in order; optionally only one method. */
  calls(method?: string): RecordedCall[] {
    return method ? this.workspace.calls.filter((call) => call.method === method) : [...this.workspace.calls];
  }

  /** Posts a form body (slash commands) to the app, signed. */
  sendForm(body: string, options?: DeliveryOptions): Promise<Delivery> {
    return this.send(body, 'application/x-www-form-urlencoded', options);
  }

  /** Posts an interactive payload (`payload=` JSON) to the app, signed. */
  sendInteractive(payload: Json, options?: DeliveryOptions): Promise<Delivery> {
    return this.sendForm(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), options);
  }

  /** Posts an Events API envelope to the app, signed. */
  sendEvent(envelope: Json, options?: DeliveryOptions): Promise<Delivery> {
    return this.send(JSON.stringify(envelope), 'application/json', options);
  }

  private send(
    body: string,
    contentType: 'application/x-www-form-urlencoded' | 'application/json',
    options?: DeliveryOptions,
  ): Promise<Delivery> {
    if (!this.appUrl)
      throw new Error('The emulator is not connected to an app yet: call connect(appUrl) first.');
    return deliver({
      url: this.appUrl,
      signingSecret: this.signingSecret,
      body,
      contentType,
      nowMs: this.clock.now(),
      ...(options ? { options } : {}),
    });
  }

  /**
   * Waits until the app has made no Web API call and changed nothing for `quietMs`, bounded by
   * `waitTimeoutMs`. The app acks first and works after, so a step is done only when it is quiet.
   */
  async settle(): Promise<void> {
    const started = Date.now();
    let last = Date.now();
    const stop = this.workspace.onActivity(() => {
      last = Date.now();
    });
    try {
      while (Date.now() - last < this.quietMs && Date.now() - started < this.waitTimeoutMs) {
        await sleep(Math.min(25, this.quietMs));
      }
    } finally {
      stop();
    }
  }

  async stop(): Promise<void> {
    await this.server.close();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  return Emulator.start(options);
}
