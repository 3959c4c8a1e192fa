import { type ChildProcess, fork } from 'node:child_process';

/**
 * The bench's own processes (the app, the baseline, the worker, the load generator), each forked
 * with tsx and spoken to over IPC: a message out, and the answer of the type asked for back.
 */

export interface Child {
  readonly proc: ChildProcess;
  ask<T>(message: object, reply: string): Promise<T>;
}

export function startChild(
  file: string,
  env: Record<string, string | undefined>,
  execArgv: string[] = [],
): Child {
  const proc = fork(new URL(file, import.meta.url), [], {
    env: env as NodeJS.ProcessEnv,
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(message: object, reply: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (answer: { type: string }) => {
        if (answer.type !== reply) return;
        proc.off('message', onMessage);
        proc.off('exit', onExit);
        resolve(answer as T);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`${file} exited (code ${code}) while asked for ${reply}`));
      proc.on('message', onMessage);
      proc.once('exit', onExit);
      if (Object.keys(message).length > 0) proc.send(message);
    });
  return { proc, ask };
}

/** Asks the child to stop, and kills it if it has not within 10 s. */
export async function stopChild(child: Child): Promise<void> {
  if (child.proc.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.proc.kill('SIGKILL'), 10_000);
    child.proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.proc.send({ type: 'stop' });
  });
}
