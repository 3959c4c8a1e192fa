import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

it('privacy scan runs from the command line with no environment at all', () => {
  // Only what is needed to find node and npx; no app settings, no secrets.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root };
  const input = 'I relapsed last weekend\r\nthe rollback is done\r\nbad\u0000line\r\n';
  const result = spawnSync('npx', ['tsx', 'src/cli.ts', 'privacy', 'scan'], {
    cwd: root,
    env,
    input,
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(
    result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line)),
  ).toEqual([
    {
      clinical: true,
      crisis: false,
      redacted: 'I [health detail 1] last weekend',
      spans: [{ start: 2, end: 10, category: 'substance_use' }],
    },
    { clinical: false, crisis: false, redacted: 'the rollback is done', spans: [] },
    { error: 'line 3: NUL byte at character 4, so this looks like binary data; send plain text' },
  ]);
});
