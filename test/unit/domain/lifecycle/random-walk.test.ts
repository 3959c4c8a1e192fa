import { describe, expect, it } from 'vitest';
import type { CommandPayload } from '../../../../src/domain/commands.js';
import type { ReminderKind } from '../../../../src/domain/effects.js';
import { availableActions } from '../../../../src/domain/lifecycle/actions.js';
import { remindersFor, waitingOnOf } from '../../../../src/domain/lifecycle/clock.js';
import { decide } from '../../../../src/domain/lifecycle/decide.js';
import type { AccommodationRequest } from '../../../../src/domain/request.js';
import type { Actor } from '../../../../src/domain/roles.js';
import { addDays } from '../../../../src/domain/schedule-math.js';
import { type CommandType, commandTypes } from '../../../../src/domain/statuses.js';
import { payloads, people, policy, start, submitPayload } from './fixtures.js';

/** A small seeded generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const actors: readonly Actor[] = Object.values(people);
const hours = [0.1, 1, 5, 30, 24 * 4, 24 * 20, 24 * 90, 24 * 400];

/**
 * Hundreds of random lives: random commands, by random people, at random moments, each accepted
 * decision applied as the store would (effects to a pending-reminder table, version bumped). Along
 * the way the invariants that every surface and the worker rely on must hold.
 */
describe('random lives of a request', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`seed ${seed}`, () => {
      const next = random(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
      const consent = next() < 0.5;
      const base = submitPayload();
      const payload: CommandPayload<'submit'> = {
        ...base,
        disclosure: { ...base.disclosure, shareScheduleWithManager: consent, eapMayTrackStatus: !consent },
      };
      /**
       * Mostly what someone could press now (so lives go deep: documentation, alternatives,
       * reviews, extensions), sometimes the app's own commands, sometimes anything at all by
       * anyone (so refusals are exercised too). Endings are rarer, or every life would be short.
       */
      const choose = (current: AccommodationRequest, at: Date): readonly [CommandType, Actor] => {
        const roll = next();
        if (roll < 0.15) return [pick(commandTypes), pick(actors)];
        if (roll < 0.25)
          return [pick(['mark_review_due', 'close_after_grace', 'purge'] as const), people.system];
        if (roll < 0.28) return [pick(['withdraw', 'erase'] as const), people.owner];
        const options = actors.flatMap((who) =>
          availableActions(current, who, at, policy)
            .filter(
              (action) =>
                action.command &&
                !['withdraw', 'add_note', 'release', 'close', 'assign'].includes(action.command),
            )
            .map((action) => [action.command as CommandType, who] as const),
        );
        return options.length > 0 ? pick(options) : [pick(commandTypes), pick(actors)];
      };
      let now = start;
      let request: AccommodationRequest | null = null;
      const pending = new Map<ReminderKind, string>();

      for (let turn = 0; turn < 60; turn++) {
        now = new Date(now.getTime() + pick(hours) * 3_600_000);
        const [type, actor] = request === null ? (['submit', people.owner] as const) : choose(request, now);
        const body =
          type === 'submit'
            ? payload
            : type === 'assign'
              ? { assigneeId: pick([people.hr.id, people.hr2.id]) }
              : payloads[type];
        const decision = decide(request, { type, payload: body }, actor, now, policy);
        if (!decision.ok) continue;

        const before: AccommodationRequest | null = request;
        const after: AccommodationRequest = decision.request;
        expect(decision.audit.fromStatus).toBe(before?.status ?? 'draft');
        expect(decision.audit.toStatus).toBe(after.status);
        expect(decision.audit.actorId).toBe(actor.id);
        expect(after.version).toBe(before?.version ?? 0);

        for (const effect of decision.effects) {
          if (effect.kind === 'schedule_reminder') pending.set(effect.reminder, effect.at);
          if (effect.kind === 'cancel_reminder') pending.delete(effect.reminder);
          if (effect.kind === 'manager_dm') expect(consent).toBe(true);
          if (effect.kind === 'eap_dm') expect(consent).toBe(false);
        }
        expect(JSON.stringify(decision.effects)).not.toContain('CANARY');

        // The reminders the worker holds are exactly what the record calls for: none stale, none twice.
        const wanted = new Map(remindersFor(after, policy).map((r) => [r.reminder, r.at]));
        expect(new Map([...pending].sort())).toEqual(new Map([...wanted].sort()));
        // A paused clock reminds HR of nothing.
        if (waitingOnOf(after) !== 'hr') {
          expect(pending.has('hr_acknowledge_due')).toBe(false);
          expect(pending.has('hr_decision_due')).toBe(false);
          expect(pending.has('hr_escalation')).toBe(false);
        }
        // Nobody owes an answer: nothing is due.
        if (waitingOnOf(after) === 'nobody') expect(after.dueAt).toBeUndefined();
        else if (after.status !== 'draft') expect(after.dueAt).toBeDefined();

        request = { ...after, version: after.version + 1 };
        if (request.status === 'purged') break;

        // Every button shown along the way works.
        for (const who of actors) {
          for (const action of availableActions(request, who, now, policy)) {
            if (!action.command) continue;
            const form =
              action.id === 'assign_to_me'
                ? { assigneeId: who.id }
                : action.id === 'reassign'
                  ? { assigneeId: request.assigneeId === people.hr2.id ? people.hr.id : people.hr2.id }
                  : action.command === 'request_extension'
                    ? { until: addDays(request.approval?.pattern.endDate ?? '2026-06-05', 30) }
                    : payloads[action.command];
            const pressed = decide(request, { type: action.command, payload: form }, who, now, policy);
            expect(
              pressed.ok ? 'accepted' : `${pressed.code}: ${pressed.message}`,
              `${who.id} ${action.id} in ${request.status}`,
            ).toBe('accepted');
          }
        }
      }
    });
  }
});
