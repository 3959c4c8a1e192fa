import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const shared = new URL('../../../shared/slack/', import.meta.url);
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;

/** Slack's own schema, so "Create app from manifest" cannot fail on either manifest we ship. */
function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const v1 = readJson(new URL('manifest.schema.1.0.0.json', shared));
  return ajv.compile(v1);
}

describe.each(['manifest.json', 'manifest.strict.json'])('%s', (file) => {
  const manifest = readJson(new URL(`../../${file}`, import.meta.url));

  it('is valid against Slack’s manifest schema', () => {
    const validate = validator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('declares the command, the shortcut and the events the app listens to', () => {
    const text = JSON.stringify(manifest);
    expect(text).toContain('"/accommodation"');
    expect(text).toContain('"start_accommodation_request"');
    expect(text).toContain('"message.im"');
    expect(text).toContain('"app_home_opened"');
  });
});

it('the strict variant makes the messages tab read-only', () => {
  const strict = readJson(new URL('../../manifest.strict.json', import.meta.url)) as {
    features: { app_home: { messages_tab_read_only_enabled: boolean } };
  };
  expect(strict.features.app_home.messages_tab_read_only_enabled).toBe(true);
});
