import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { boltLogger, createLogger } from '../../src/logger.js';
import { redactClinical } from '../../src/privacy/clinical/index.js';

/**
 * What Bolt and its Socket Mode client write through our logger at debug level: they print whole
 * payloads (what the person typed, the verification token, the modal we answer with). None of it
 * may reach a log line, whatever LOG_LEVEL an operator picks while chasing a problem.
 */

function debugLogger() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    scrub: (text) => redactClinical(text).text,
    stream: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  return { bolt: boltLogger(logger, (text) => redactClinical(text).text), lines };
}

const dm = {
  envelope_id: 'e1',
  type: 'events_api',
  payload: {
    token: 'verification-token-4f2a',
    team_id: 'T1',
    event: {
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: 'I meet Dave at the church hall on Fifth',
    },
  },
};

const answer = {
  envelope_id: 'e2',
  payload: {
    response_action: 'update',
    view: {
      type: 'modal',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Dave at the church hall' } }],
    },
  },
};

describe('Bolt’s debug logging', () => {
  it('never writes a received Socket Mode payload, its token or what the person typed', () => {
    const { bolt, lines } = debugLogger();
    bolt.debug(`Received a message on the WebSocket: ${JSON.stringify(dm)}`);
    bolt.debug(
      `Unable to parse an incoming WebSocket message (will ignore): SyntaxError, ${JSON.stringify(dm)}x`,
    );
    const logged = lines.join('');
    expect(logged).not.toContain('verification-token-4f2a');
    expect(logged).not.toContain('church hall');
  });

  it('never writes what the app answers with (ack bodies, outgoing WebSocket messages)', () => {
    const { bolt, lines } = debugLogger();
    bolt.debug(
      `Calling ack() - type: view_submission, envelope_id: e2, data: ${JSON.stringify(answer.payload)}`,
    );
    bolt.debug(`ack() call begins (body: ${JSON.stringify(answer.payload)})`);
    bolt.debug(`Sending a WebSocket message: ${JSON.stringify(answer)}`);
    expect(lines.join('')).not.toContain('church hall');
  });

  it('still writes the lines that carry no payload', () => {
    const { bolt, lines } = debugLogger();
    bolt.debug('Starting Socket Mode session ...');
    expect(lines.join('')).toContain('Starting Socket Mode session');
  });
});
