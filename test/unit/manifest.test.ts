import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

/** Slack's own schema, kept in the repository with its MIT licence (test/fixtures/slack-manifest-schema). */
const schemas = new URL('../fixtures/slack-manifest-schema/', import.meta.url);
const repository = new URL('../../', import.meta.url);
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;

/** The dispatching schema picks the versioned one by `_metadata.major_version`, as Slack does. */
let compiled: ReturnType<Ajv['compile']> | undefined;
function validator() {
  if (compiled) return compiled;
  const ajv = new Ajv({ strict: false, allErrors: true });
  const published = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';
  for (const version of ['1.0.0', '2.0.0']) {
    const file = `manifest.schema.${version}.json`;
    ajv.addSchema(readJson(new URL(file, schemas)), `${published}${file}`);
  }
  compiled = ajv.compile(readJson(new URL('manifest.schema.json', schemas)));
  return compiled;
}

interface Manifest {
  features: {
    app_home: { messages_tab_read_only_enabled: boolean };
    slash_commands: { command: string; url?: string }[];
    shortcuts: { callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    socket_mode_enabled: boolean;
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
  };
}

const manifestFiles = readdirSync(repository).filter((name) => /^manifest(\..+)?\.json$/.test(name));
const read = (file: string) => readJson(new URL(file, repository)) as unknown as Manifest;

it('ships Socket Mode and HTTP manifests, each plain and strict', () => {
  expect(manifestFiles.sort()).toEqual([
    'manifest.http.json',
    'manifest.json',
    'manifest.strict.http.json',
    'manifest.strict.json',
  ]);
});

describe.each(manifestFiles)('%s', (file) => {
  const manifest = read(file);
  const http = file.includes('.http.');
  const strict = file.includes('.strict.');

  it('is valid against Slack’s manifest schema', () => {
    const validate = validator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('declares the command, the shortcut and the events the app listens to', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/accommodation']);
    expect(manifest.features.shortcuts.map((s) => s.callback_id)).toEqual(['start_accommodation_request']);
    const events = manifest.settings.event_subscriptions.bot_events;
    for (const event of ['app_home_opened', 'app_uninstalled', 'tokens_revoked']) {
      expect(events).toContain(event);
    }
  });

  it(http ? 'points events, interactivity and the command at the app' : 'uses Socket Mode', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(!http);
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((command) => command.url),
    ];
    for (const url of urls) {
      if (http) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
      else expect(url).toBeUndefined();
    }
  });

  it('may read the history of HR’s channel, public or private, to find a card it posted but never heard back about', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['channels:history', 'groups:history']),
    );
  });

  if (strict) {
    it('has a read-only messages tab, so neither DM events nor DM history', () => {
      expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(true);
      expect(manifest.settings.event_subscriptions.bot_events).not.toContain('message.im');
      expect(manifest.oauth_config.scopes.bot).not.toContain('im:history');
    });
  } else {
    it('hears direct messages', () => {
      expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
      expect(manifest.settings.event_subscriptions.bot_events).toContain('message.im');
      expect(manifest.oauth_config.scopes.bot).toContain('im:history');
    });
  }
});

it('each HTTP manifest is its Socket Mode twin with request URLs, nothing else', () => {
  for (const [socket, http] of [
    ['manifest.json', 'manifest.http.json'],
    ['manifest.strict.json', 'manifest.strict.http.json'],
  ] as const) {
    const twin = read(http);
    twin.settings.socket_mode_enabled = true;
    delete twin.settings.event_subscriptions.request_url;
    delete twin.settings.interactivity.request_url;
    for (const command of twin.features.slash_commands) delete command.url;
    expect(twin).toEqual(read(socket));
  }
});

it('the schema check catches a manifest Slack would refuse', () => {
  const validate = validator();
  const broken = { ...read('manifest.json'), settings: { interactivity: { request_url: 'not a url' } } };
  expect(validate(broken)).toBe(false);
});
