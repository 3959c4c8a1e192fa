import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A load balancer in front of two app replicas, as in the README's HTTP-mode scale-out: each
 * request goes to the next replica in turn. With `retryOnOther`, the same signed bytes are also
 * sent to the other replica at once with Slack's retry headers, as when Slack retries a request it
 * thinks was lost and the balancer routes the retry elsewhere: the app must still act once.
 */

export interface Balancer {
  readonly url: string;
  /** Requests received, and copies sent to the other replica. */
  readonly counts: { received: number; retried: number };
  close(): Promise<void>;
}

export async function startBalancer(
  targets: readonly [string, string],
  retryOnOther: boolean,
): Promise<Balancer> {
  const counts = { received: 0, retried: 0 };
  let next = 0;
  const forward = (
    target: string,
    headers: Record<string, string | string[] | undefined>,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> =>
    new Promise((resolve) => {
      const out = request(target, { method: 'POST', headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () =>
          resolve({
            status: answer.statusCode ?? 502,
            headers: answer.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      out.on('error', () => resolve({ status: 502, headers: {}, text: '' }));
      out.end(body);
    });

  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      counts.received += 1;
      const body = Buffer.concat(chunks);
      const first = next;
      next = (next + 1) % 2;
      const primary = forward(targets[first] as string, incoming.headers, body);
      if (retryOnOther) {
        counts.retried += 1;
        void forward(
          targets[1 - first] as string,
          { ...incoming.headers, 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
          body,
        );
      }
      void primary.then((answer) => {
        outgoing.writeHead(answer.status, answer.headers);
        outgoing.end(answer.text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    counts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
