import type { AddressInfo } from 'node:net';
import { App, type Receiver } from '@slack/bolt';
import type { AppConfig } from './config.js';
import { createDrafter } from './drafting/index.js';
import { createEffectQueue, startOutboxWorker } from './jobs/outbox.js';
import { loadLetterTemplates } from './letters/index.js';
import { boltLogger, createLogger } from './logger.js';
import { sendingTo } from './privacy/audience.js';
import { isClinical } from './privacy/clinical/index.js';
import { createOutboundGuard, type OutboundCall } from './privacy/guard.js';
import { memoryHeldBackCounter, redisHeldBackCounter } from './privacy/held-back-counter.js';
import { rememberingStore } from './privacy/remembering-store.js';
import { redactInScope } from './privacy/scope.js';
import type { AppServices, ServiceOptions } from './services.js';
import { postingFor, rememberingAppPosts } from './slack/app-posts.js';
import { installKeyOf } from './slack/install-key.js';
import { registerListeners } from './slack/listeners/index.js';
import { deferredUntilAcked } from './slack/middleware/after-ack.js';
import { crisisCheckMiddleware } from './slack/middleware/crisis-check.js';
import { oncePerDeliveryMiddleware } from './slack/middleware/once-per-delivery.js';
import { postOwnerMiddleware } from './slack/middleware/post-owner.js';
import { actingUser, privacyScopeMiddleware } from './slack/middleware/privacy-scope.js';
import { requireInstallMiddleware } from './slack/middleware/require-install.js';
import { resolveActorMiddleware } from './slack/middleware/resolve-actor.js';
import { ProfileCache } from './slack/profile.js';
import { GuardedHttpReceiver } from './slack/receiver/guarded-http-receiver.js';
import { RoleDirectory } from './slack/role-directory.js';
import { createStore } from './store/index.js';

/**
 * The composition root: the one place that builds every service and wires it into Bolt.
 * Nothing below it reaches for globals; every listener gets what it needs from `AppServices`
 * (declared in `services.ts`, so nothing imports this module back).
 */
export type { AppServices, ServiceOptions } from './services.js';

/**
 * What a log line or a prompt may say: clinical terms become placeholders, and so does anything the
 * privacy scope of the request being handled knows to be someone's private detail (a word the
 * detector flags in one field, "I'm in recovery", is the same detail where it reads as ordinary).
 */
export const scrubForLogs = redactInScope;

export async function buildServices(config: AppConfig, options: ServiceOptions = {}): Promise<AppServices> {
  const logger = createLogger({ level: config.logLevel, stream: options.logStream, scrub: scrubForLogs });
  const vault = { masterKeys: config.vaultMasterKeys };
  const store = config.redisUrl
    ? createStore({
        kind: 'redis',
        url: config.redisUrl,
        keyStoreUrl: config.keyStoreUrl ?? '',
        pseudonymKey: config.pseudonymKey ?? Buffer.alloc(0),
        // A purge is final on disk only once the key store is rewritten: a failure must be seen.
        onKeyStoreError: () =>
          logger.error(
            'the key store could not rewrite its files after a purge; it tries again after the next purge or restart',
          ),
        keyPrefix: config.redisKeyPrefix,
        durability: config.redisDurability,
        vault,
        conversationTtlSeconds: config.draftIdleDays * 86_400,
      })
    : createStore({ kind: 'memory', vault, conversationTtlSeconds: config.draftIdleDays * 86_400 });
  // A master key that is not the one its id wrapped data with stops start-up here, not on every read.
  await store.vault.verifyMasterKeys();
  // "Saved" means what REDIS_DURABILITY says: a Redis that cannot keep that promise stops start-up
  // here with the fix, rather than every person being told "not yet safe" on every click.
  const durability = await store.durability();
  if (durability.kind === 'unmet') throw new Error(durability.why);
  if (config.redisUrl) logger.info({ durability: durability.kind }, 'how writes are made safe');
  const drafter = createDrafter({
    apiKey: config.openai.apiKey,
    baseURL: config.openai.baseURL,
    model: config.openai.model,
    timeoutMs: config.openai.timeoutMs,
    maxRetries: config.openai.maxRetries,
    privacy: { redact: scrubForLogs, isClinical },
    logger,
  });
  const letters = await loadLetterTemplates({ overrideDir: config.templatesDir });
  return {
    config,
    logger,
    store: rememberingStore(store),
    drafter,
    letters,
    roles: new RoleDirectory({ hr: config.hr, eap: config.eap, logger }),
    profiles: new ProfileCache(),
    // Effects committed while a listener runs are queued once it has acked (middleware/after-ack).
    effects: deferredUntilAcked(createEffectQueue(config, logger)),
    now: options.now ?? (() => new Date()),
  };
}

export interface BoltAppOptions {
  /** Told of every Web API call the outbound guard judges, with its audience (tests, metrics). */
  readonly onOutbound?: (call: OutboundCall) => void;
}

export function createBoltApp(services: AppServices, receiver?: Receiver, options: BoltAppOptions = {}): App {
  const { config, logger } = services;
  // Held-back calls are counted where `privacy stats` reads them (in memory for the demo).
  const guard = createOutboundGuard({
    logger,
    ...(options.onOutbound ? { onOutbound: options.onOutbound } : {}),
    counter: config.redisUrl
      ? redisHeldBackCounter(config.redisUrl, config.redisKeyPrefix)
      : memoryHeldBackCounter(),
  });
  const app = new App({
    token: config.slack.botToken,
    ...(receiver ? { receiver } : {}),
    ...(config.slack.mode === 'socket'
      ? { socketMode: true, appToken: config.slack.appToken }
      : receiver
        ? {}
        : { signingSecret: config.slack.signingSecret }),
    logger: boltLogger(logger, scrubForLogs),
    extendedErrorHandler: true,
    clientOptions: {
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      // Every Web API call, from every client Bolt builds, leaves through the guard.
      // What it posts in someone's DM is remembered (where, not what), for their Delete my data.
      fetch: rememberingAppPosts(guard.fetch, services.store, logger, services.now),
    },
  });
  // A view returned in an ack goes back in the HTTP response, not through the client: every
  // receiver hands its events to `processEvent`, so the guard judges those views here, in the
  // listener's own context (its audience and privacy scope), whichever receiver is in use.
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) =>
    processEvent({ ...event, ack: async (response) => event.ack(await guard.screenAck(response)) });
  // Before any listener: the privacy scope, a delivery seen before dropped, then who is acting,
  // then crisis language.
  app.use(privacyScopeMiddleware());
  app.use(requireInstallMiddleware(logger));
  app.use(postOwnerMiddleware());
  app.use(oncePerDeliveryMiddleware(services.store, logger));
  app.use(resolveActorMiddleware(services));
  app.use(crisisCheckMiddleware(services));
  registerListeners(app, services);
  // With extendedErrorHandler on, Bolt passes the request body along; its typings only know the short form.
  const onError = async ({ error, body }: { error: Error; body: unknown }) => {
    logger.error({ err: error }, 'listener failed');
    await tellSomethingWentWrong(app, services, body);
  };
  app.error(onError as unknown as Parameters<App['error']>[0]);
  return app;
}

export const SOMETHING_WENT_WRONG =
  'Sorry, something went wrong on my side and I couldn’t finish that. Nothing you saved is lost. ' +
  'Please try again in a minute.';

/**
 * The safety net under every listener: the person who acted hears that it failed, in a DM, rather
 * than nothing. Best effort: if Slack itself is unreachable there is no one to tell.
 */
async function tellSomethingWentWrong(app: App, services: AppServices, body: unknown): Promise<void> {
  const userId = actingUser(body);
  if (!userId) return;
  // Their own DM with the app: HR's when they act as HR.
  const audience = services.roles.current().hrIds.has(userId) ? 'hr' : 'employee';
  const teamId = installKeyOf(body);
  const post = () =>
    sendingTo(audience, async () => {
      const opened = await app.client.conversations.open({ users: userId });
      const channel = opened.channel?.id;
      if (channel) await app.client.chat.postMessage({ channel, text: SOMETHING_WENT_WRONG });
    });
  try {
    // Runs after the listener's own context is gone: remembered as theirs here, for Delete my data.
    await (teamId ? postingFor({ teamId, userId }, post) : post());
  } catch {
    // Already logged above; a second failure has nothing new to say.
  }
}

export interface RunningApp {
  /** Where Slack (or the emulator) sends commands, interactivity and events. */
  readonly url: string;
  readonly port: number;
  readonly services: AppServices;
  readonly app: App;
  stop(): Promise<void>;
}

export interface HttpAppOptions extends ServiceOptions, BoltAppOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
}

/** Starts the app with an HTTP receiver: production HTTP mode, the demo and end-to-end tests. */
export async function startHttpApp(config: AppConfig, options: HttpAppOptions = {}): Promise<RunningApp> {
  const services = await buildServices(config, options);
  const signingSecret = config.slack.signingSecret;
  if (!signingSecret) throw new Error('HTTP mode needs SLACK_SIGNING_SECRET.');
  const receiver = new GuardedHttpReceiver({
    signingSecret,
    endpoints: '/slack/events',
    logger: boltLogger(services.logger, scrubForLogs),
    appLogger: services.logger,
  });
  const app = createBoltApp(services, receiver, options);
  const host = options.host ?? '127.0.0.1';
  const server = await receiver.start({ port: options.port ?? config.slack.port, host });
  const { port } = server.address() as AddressInfo;
  // HR and EAP membership is listed now, so that no request has to wait for it.
  await services.roles.refresh(app.client);
  const stopWorker = config.worker.inApp ? await startOutboxWorker(services) : async () => {};
  return {
    url: `http://${host}:${port}/slack/events`,
    port,
    services,
    app,
    stop: async () => {
      await app.stop();
      await stopWorker();
      await services.effects.close();
      await services.store.close();
    },
  };
}
