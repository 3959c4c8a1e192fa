import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Receiver } from '@slack/bolt';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './config.js';
import { boltLogger, createLogger, type Logger } from './logger.js';
import { register as registerCommands } from './slack/listeners/commands/index.js';
import { register as registerEvents } from './slack/listeners/events/index.js';

/**
 * The composition root: the one place that builds every service and wires it into Bolt.
 * Nothing below it reaches for globals; every listener gets what it needs from `AppServices`.
 */
export interface AppServices {
  readonly config: AppConfig;
  readonly logger: Logger;
}

export interface ServiceOptions {
  readonly logStream?: DestinationStream;
}

export async function buildServices(config: AppConfig, options: ServiceOptions = {}): Promise<AppServices> {
  const scrub = (text: string) => text;
  const logger = createLogger({ level: config.logLevel, stream: options.logStream, scrub });
  return { config, logger };
}

export function createBoltApp(services: AppServices, receiver?: Receiver): App {
  const { config, logger } = services;
  const app = new App({
    token: config.slack.botToken,
    ...(receiver ? { receiver } : {}),
    ...(config.slack.mode === 'socket'
      ? { socketMode: true, appToken: config.slack.appToken }
      : receiver
        ? {}
        : { signingSecret: config.slack.signingSecret }),
    logger: boltLogger(logger, (text) => text),
    clientOptions: {
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    },
  });
  registerCommands(app, services);
  registerEvents(app, services);
  app.error(async (error) => {
    logger.error({ err: error }, 'listener failed');
  });
  return app;
}

export interface RunningApp {
  /** Where Slack (or the emulator) sends commands, interactivity and events. */
  readonly url: string;
  readonly port: number;
  readonly services: AppServices;
  stop(): Promise<void>;
}

export interface HttpAppOptions extends ServiceOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
}

/** Starts the app with an HTTP receiver: production HTTP mode, the demo and end-to-end tests. */
export async function startHttpApp(config: AppConfig, options: HttpAppOptions = {}): Promise<RunningApp> {
  const services = await buildServices(config, options);
  const signingSecret = config.slack.signingSecret;
  if (!signingSecret) throw new Error('HTTP mode needs SLACK_SIGNING_SECRET.');
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: '/slack/events',
    logger: boltLogger(services.logger, (text) => text),
  });
  const app = createBoltApp(services, receiver);
  const host = options.host ?? '127.0.0.1';
  const server = await receiver.start({ port: options.port ?? config.slack.port, host });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/slack/events`,
    port,
    services,
    stop: async () => {
      await app.stop();
    },
  };
}
