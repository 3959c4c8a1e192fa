import {
  type Actor,
  type Directory,
  type EmulatedUser,
  renderMessage,
  renderView,
} from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDirectory } from '../../src/cli/demo-workspace.js';
import { StoreUnavailableError } from '../../src/store/types.js';
import { type Harness, startHarness } from '../support/harness.js';
import { stepFour, stepOne, stepThree, stepTwo } from '../support/intake-answers.js';
import { type PrivateRedis, startPrivateRedis } from '../support/redis-server.js';
import { TEAM } from '../support/scripts.js';

/**
 * `npm run test:faults`: Redis killed with SIGKILL, and started again, while people use the app
 * over HTTP: during the intake, during Send to HR and during HR's actions. Each employee walks the
 * whole journey and HR acknowledges their request and asks for documentation; at every click and
 * every form sent, Redis is killed (before the step, or a few milliseconds into it) and restarted.
 *
 * What must hold: whoever is stopped by the fault is told plainly to try again, with what they
 * typed still on screen; pressing again carries on; every request the person was told was sent is
 * stored once, with one HR card; each HR action is recorded once. The run prints its figures.
 *
 * Nothing here is timed: every wait is bounded, with limits far above what a loaded machine needs.
 */

const JOURNEYS = Number(process.env.FAULT_JOURNEYS ?? 6);
const SEED = Number(process.env.FAULT_SEED ?? 17);
const HR_CHANNEL = 'CHR';
/** What a person reads when told to try again: the app's own messages, or Slack's after no ack. */
const TRY_AGAIN = /try again|again in a (moment|minute)/gi;
const TOLD_SENT = 'Your request is saved, and HR will be told';
const WAIT_MS = 60_000;

/** A small seeded generator (mulberry32), so a run's kill timings can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const employees: EmulatedUser[] = Array.from({ length: JOURNEYS }, (_, i) => ({
  id: `UFAULT${i + 1}`,
  role: 'an employee asking for flexible hours',
  handle: `employee${i + 1}`,
  name: `person${i + 1}`,
  realName: `Person Number${i + 1}`,
  title: 'Support Engineer',
  tz: 'America/New_York',
  tzLabel: 'Eastern Standard Time',
  tzOffset: -18_000,
  email: `person${i + 1}@example.com`,
}));

const world: Directory = { ...demoDirectory, users: [...demoDirectory.users, ...employees] };

const figures = {
  killsInjected: 0,
  toldTryAgain: 0,
  slackShowedItsOwnError: 0,
  retries: 0,
  requestsToldSent: 0,
  requestsLost: 0,
  duplicateRequests: 0,
  duplicateCards: 0,
  hrActionsDone: 0,
  duplicateHrActions: 0,
};

describe('Redis killed and restarted throughout the journey', () => {
  let redis: PrivateRedis;
  let harness: Harness;
  const next = random(SEED);
  const told = new Map<string, string>();

  async function until(done: () => boolean | Promise<boolean>, what: string, limit = WAIT_MS): Promise<void> {
    const deadline = Date.now() + limit;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`Still waiting for ${what}.`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function storeIsBack(): Promise<void> {
    await until(async () => {
      try {
        await harness.app.services.store.ping();
        return true;
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        return false;
      }
    }, 'the store to answer again');
  }

  /** Everything a person can read now: the form in front, and every message they can see. */
  function tryAgainCount(actor: Actor): number {
    const names = actor.names();
    const { workspace } = harness.emulator;
    const messages = workspace
      .channelsOf(actor.user.id)
      .flatMap((channel) => workspace.messagesSeenBy(channel, actor.user.id))
      .map((message) => renderMessage(message, names).text);
    const modal = actor.topModal();
    const texts = [...messages, modal ? renderView(modal, names).text : '', actor.screen()];
    return texts.reduce((sum, text) => sum + (text.match(TRY_AGAIN)?.length ?? 0), 0);
  }

  function modalText(actor: Actor): string {
    const modal = actor.topModal();
    return modal ? renderView(modal, actor.names()).text : '';
  }

  /**
   * One step with Redis killed before it or a few milliseconds into it, then restarted. Until the
   * step is done, the person must have been told to try again, and the step is done again (without
   * a fault). `kept` checks that what they typed is still there after a refusal.
   */
  async function withKill(
    actor: Actor,
    what: string,
    act: () => Promise<unknown>,
    done: () => boolean | Promise<boolean>,
    kept?: () => void,
  ): Promise<void> {
    const before = tryAgainCount(actor);
    const delay = next() < 0.3 ? -1 : Math.floor(next() * 60);
    const kill = delay < 0 ? redis.kill() : new Promise((r) => setTimeout(r, delay)).then(() => redis.kill());
    if (delay < 0) await kill;
    figures.killsInjected += 1;
    let slackError = false;
    try {
      await act();
    } catch (error) {
      // No answer within Slack's 3 seconds: Slack shows its own "try again", the form stays open.
      if (!String(error).includes('Slack showed')) throw error;
      slackError = true;
    }
    await kill;
    await redis.restart();
    await storeIsBack();
    for (let attempt = 1; ; attempt += 1) {
      let told = slackError;
      await until(
        async () => (await done()) || told || tryAgainCount(actor) > before,
        `${actor.handle} to be told what happened after "${what}"`,
      );
      if (await done()) return;
      if (!told) told = tryAgainCount(actor) > before;
      expect(told, `${actor.handle} was told nothing after "${what}"`).toBe(true);
      if (slackError) figures.slackShowedItsOwnError += 1;
      else figures.toldTryAgain += 1;
      kept?.();
      expect(attempt, `"${what}" still not done after ${attempt} tries`).toBeLessThan(6);
      figures.retries += 1;
      slackError = false;
      try {
        await act();
      } catch (error) {
        if (!String(error).includes('Slack showed')) throw error;
        slackError = true;
      }
    }
  }

  const onStep = (actor: Actor, n: number) => () => modalText(actor).includes(`Step ${n} of 5`);
  /** The form's typed values are still in it (Slack keeps them when a submission is refused). */
  const typedKept = (actor: Actor, values: readonly string[]) => () => {
    const typed = JSON.stringify(actor.topModal()?.values ?? {}).toLowerCase();
    for (const value of values) expect(typed).toContain(value.toLowerCase());
  };

  async function requestOf(actor: Actor): Promise<string | undefined> {
    const summaries = await harness.app.services.store.requests.listByEmployee(TEAM, actor.user.id);
    return summaries[0]?.id;
  }

  const cardsOf = (id: string) =>
    harness
      .calls('chat.postMessage')
      .filter(
        (c) => c.ok && c.args.channel === HR_CHANNEL && !c.args.thread_ts && String(c.args.text).includes(id),
      );

  function cardTarget(id: string, label: string) {
    const { hr } = harness;
    const cards = harness.emulator.workspace
      .messagesSeenBy(HR_CHANNEL, hr.user.id)
      .filter((m) => m.fromBot && !m.threadTs && m.text.includes(id));
    return cards.flatMap((card) => renderMessage(card, hr.names()).targets).find((t) => t.label === label);
  }

  async function statusOf(id: string): Promise<string | undefined> {
    return (await harness.app.services.store.requests.get(TEAM, id))?.status;
  }

  beforeAll(async () => {
    redis = await startPrivateRedis();
    harness = await startHarness({
      env: {
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: `faults${process.pid}`,
        OUTBOX_SWEEP_SECONDS: '1',
        OUTBOX_RETRY_BASE_MS: '200',
        OUTBOX_MAX_ATTEMPTS: '50',
      },
      emulator: { directory: world, waitTimeoutMs: WAIT_MS },
    });
  }, 120_000);

  afterAll(async () => {
    process.stdout.write(
      `${[
        'Redis kill run (npm run test:faults):',
        `  journeys: ${JOURNEYS} (seed ${SEED})`,
        `  kills injected (SIGKILL, then restart): ${figures.killsInjected}`,
        `  told to try again by the app: ${figures.toldTryAgain}; Slack's own error after no answer: ${figures.slackShowedItsOwnError}`,
        `  steps done again after a fault: ${figures.retries}`,
        `  requests the person was told were sent: ${figures.requestsToldSent}`,
        `  requests lost: ${figures.requestsLost}`,
        `  duplicate requests: ${figures.duplicateRequests}; duplicate HR cards: ${figures.duplicateCards}`,
        `  HR actions done: ${figures.hrActionsDone}; recorded twice: ${figures.duplicateHrActions}`,
      ].join('\n')}\n`,
    );
    await harness?.stop();
    await redis?.stop();
  });

  it('tells the person to try again, loses nothing and does nothing twice', async () => {
    const { hr } = harness;
    for (const employee of employees.map((user) => harness.as(user.handle))) {
      await withKill(
        employee,
        '/accommodation',
        () => employee.command('/accommodation'),
        () => modalText(employee).includes('Your privacy, in plain words') || onStep(employee, 1)(),
      );
      if (!onStep(employee, 1)()) {
        await withKill(
          employee,
          'I understand, continue',
          () => employee.click('I understand, continue'),
          onStep(employee, 1),
        );
      }
      await employee.fill(stepOne);
      await withKill(
        employee,
        'Next (step 1)',
        () => employee.submit(),
        onStep(employee, 2),
        typedKept(employee, ['17:30', '20:30', '2027-01-04']),
      );
      await employee.fill(stepTwo);
      await withKill(
        employee,
        'Next (step 2)',
        () => employee.submit(),
        onStep(employee, 3),
        typedKept(employee, ['09:00', '17:30']),
      );
      await employee.fill(stepThree);
      await withKill(
        employee,
        'Next (step 3)',
        () => employee.submit(),
        onStep(employee, 4),
        typedKept(employee, ['hand over anything urgent']),
      );
      await employee.fill(stepFour);
      await withKill(employee, 'Next (step 4)', () => employee.submit(), onStep(employee, 5));
      await withKill(
        employee,
        'Send to HR',
        () => employee.submit(),
        () => employee.topModal() === undefined,
        () => expect(modalText(employee)).toContain('Dear HR'),
      );
      // Told it was sent: the DM the outbox delivers once the request is stored.
      await until(() => employee.sees(TOLD_SENT), `${employee.handle} to be told the request was sent`);
      const id = await requestOf(employee);
      told.set(employee.user.id, id ?? '');
      if (!id) continue;

      await until(() => cardTarget(id, 'Acknowledge') !== undefined, `HR's card for ${id}`);
      await withKill(
        hr,
        `Acknowledge ${id}`,
        async () => {
          const target = cardTarget(id, 'Acknowledge');
          if (target) await hr.click(target);
        },
        async () => (await statusOf(id)) === 'acknowledged',
      );
      await until(
        () => cardTarget(id, 'Ask for documentation') !== undefined,
        `the card of ${id} to offer the next steps`,
      );
      await withKill(
        hr,
        `Ask for documentation on ${id}`,
        async () => {
          const target = cardTarget(id, 'Ask for documentation');
          if (target) await hr.click(target);
        },
        () => modalText(hr).includes('neither obvious nor already known'),
      );
      await hr.fill({
        'Before you ask, please confirm': [
          'The need for this change is not obvious',
          'The need is not already documented (nothing on file covers it)',
        ],
      });
      await withKill(
        hr,
        `Send the documentation request on ${id}`,
        () => hr.submit(),
        async () => (await statusOf(id)) === 'documentation_requested',
      );
      if (hr.topModal()) await hr.closeModal();
    }

    // Whatever the faults left in the outbox is delivered in the end: wait for the last card states.
    const { store } = harness.app.services;
    for (const [userId, id] of told) {
      figures.requestsToldSent += 1;
      const requests = await store.requests.listByEmployee(TEAM, userId);
      if (requests.length === 0 || !id) figures.requestsLost += 1;
      figures.duplicateRequests += Math.max(0, requests.length - 1);
      if (!id) continue;
      await until(() => cardsOf(id).length >= 1, `the card of ${id}`);
      const audit = await store.audit.list(TEAM, id);
      const acknowledged = audit.filter((entry) => entry.action === 'acknowledge').length;
      const asked = audit.filter((entry) => entry.action === 'request_documentation').length;
      figures.hrActionsDone += Math.min(acknowledged, 1) + Math.min(asked, 1);
      figures.duplicateHrActions += Math.max(0, acknowledged - 1) + Math.max(0, asked - 1);
    }
    // Let the outbox settle so a card posted late (and twice) would show.
    await harness.emulator.settle();
    for (const id of told.values()) if (id) figures.duplicateCards += Math.max(0, cardsOf(id).length - 1);

    expect(figures.killsInjected).toBeGreaterThanOrEqual(Math.min(50, JOURNEYS * 9));
    expect(figures.requestsToldSent).toBe(JOURNEYS);
    expect(figures.requestsLost).toBe(0);
    expect(figures.duplicateRequests).toBe(0);
    // A kill between Slack posting HR's card and the app recording where it is: the retry finds the
    // card by its metadata in the channel's history and updates it instead of posting a second.
    expect(figures.duplicateCards).toBe(0);
    expect(figures.hrActionsDone).toBe(JOURNEYS * 2);
    expect(figures.duplicateHrActions).toBe(0);
  });
});
