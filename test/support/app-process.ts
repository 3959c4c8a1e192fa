import { type ChildProcess, fork } from 'node:child_process';

/** The app in a child process (test/support/app-child.ts): its URL, and ways to end it. */
export interface AppProcess {
  readonly url: string;
  readonly proc: ChildProcess;
  /** SIGKILL: the process dies mid-whatever it was doing, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  /** A graceful stop (the app finishes what it has in hand), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** Starts the app with `env` and waits (bounded) until it listens. */
export async function startAppProcess(env: Record<string, string | undefined>): Promise<AppProcess> {
  const proc = fork(new URL('./app-child.ts', import.meta.url), [], {
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the app process did not start within 60 s')), 60_000);
    proc.on('message', (message: { type?: string; url?: string }) => {
      if (message.type !== 'ready' || !message.url) return;
      clearTimeout(timer);
      resolve(message.url);
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app process exited (code ${code}) before it listened`));
    });
  });
  const ended = new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve();
    else proc.once('exit', () => resolve());
  });
  return {
    url,
    proc,
    kill: async () => {
      proc.kill('SIGKILL');
      await ended;
    },
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      proc.send({ type: 'stop' });
      await ended;
      clearTimeout(timer);
    },
  };
}
