import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../src/config.js';
import type { RequestStatus } from '../../../src/domain/statuses.js';
import { loadLetterTemplates } from '../../../src/letters/index.js';
import {
  type EmployeeLetterKind,
  employeeLetterKinds,
  employeeLetterText,
} from '../../../src/workflows/employee-letter.js';
import { canary, requestIn } from '../domain/lifecycle/fixtures.js';

const letters = await loadLetterTemplates();
// Only the organisation's details reach a letter.
const config = { org: { companyName: 'Northwind Analytics' } } as unknown as AppConfig;
const services = { config, letters, now: () => new Date('2026-03-10T15:00:00Z') };

const statusFor: Record<EmployeeLetterKind, RequestStatus> = {
  hr_acknowledgment: 'acknowledged',
  documentation_request: 'documentation_requested',
  alternative_offer: 'alternative_offered',
  approval: 'approved',
};

describe('the letters HR’s steps send the employee', () => {
  for (const kind of employeeLetterKinds)
    for (const jurisdiction of ['us', 'uk', 'ca'] as const)
      it(`writes the ${kind} letter (${jurisdiction}) from work facts, never the employee’s words`, () => {
        const { request } = requestIn(statusFor[kind]);
        const withWords = {
          ...request,
          disclosure: { ...request.disclosure, jurisdiction },
          sensitive: {
            ...request.sensitive,
            ...canary,
            alternativeExplanation: 'An earlier start keeps cover.',
          },
        };
        const text = employeeLetterText(services, kind, withWords, {
          employeeName: 'Sam Rivera',
          hrName: 'Alex Morgan',
        });
        expect(text).toContain(request.id);
        expect(text).toContain('Sam Rivera');
        for (const [field, words] of Object.entries(canary))
          if (field !== 'alternativeExplanation') expect(text).not.toContain(words);
        expect(text).not.toMatch(/\{\{|undefined|NaN/);
      });
});
