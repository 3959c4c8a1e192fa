import { describe, expect, it } from 'vitest';
import {
  approvalForManager,
  composeLetter,
  type LetterKind,
  letterSchemas,
  loadLetterTemplates,
  validateLetterData,
} from '../../../src/letters/index.js';
import { fixture } from './support/fixtures.js';

/** Issue 13: one test per rule an employment lawyer or HR file would hold the letters to. */

const templates = await loadLetterTemplates();
type J = 'us' | 'uk' | 'ca';
const text = (kind: LetterKind, jurisdiction: J, patch: object = {}) =>
  composeLetter(kind, { ...fixture(kind, jurisdiction), ...patch } as never, { jurisdiction, templates })
    .text;
const problems = (kind: LetterKind, jurisdiction: J, data: object) => {
  const result = validateLetterData(kind, data, jurisdiction);
  return result.ok ? [] : result.problems.map((problem) => problem.path);
};
const without = <T extends object>(data: T, key: string) =>
  Object.fromEntries(Object.entries(data).filter(([name]) => name !== key));

describe('request', () => {
  it('UK: also makes a statutory flexible working request with its required statements', () => {
    const uk = text('request', 'uk');
    expect(uk).toContain(
      'statutory request for flexible working under Part 8A of the Employment Rights Act 1996',
    );
    expect(uk).toMatch(
      /The change I am asking for: to work 09:00 – 16:45 UK time on Mondays, Wednesdays and Thursdays/,
    );
    expect(uk).toContain('The date I would like it to start: Monday 4 January 2027.');
    expect(uk).toContain(
      'I have not made a statutory flexible working request to you in the last 12 months.',
    );
    expect(text('request', 'uk', { previousFlexibleRequest: '2026-06-01' })).toContain(
      'I made a statutory flexible working request on Monday 1 June 2026.',
    );
    expect(text('request', 'us')).not.toContain('flexible working');
  });

  it('Canada: names the statute set for the organisation, and says so plainly when none is set', () => {
    expect(text('request', 'ca')).toContain('under the Ontario Human Rights Code');
    expect(text('request', 'ca', { humanRightsLaw: 'federal' })).toContain(
      'under the Canadian Human Rights Act',
    );
    expect(text('request', 'ca', { humanRightsLaw: null })).toContain(
      'the Canadian Human Rights Act, or the code of the province',
    );
  });

  it('times always carry AM/PM (US), a.m./p.m. (Canada) or the 24-hour clock (UK)', () => {
    expect(text('request', 'us')).toMatch(/9:00 AM – 4:45 PM ET/);
    expect(text('request', 'ca')).toMatch(/9:00 a\.m\. – 4:45 p\.m\. ET/);
    expect(text('request', 'uk')).toMatch(/09:00 – 16:45 UK time/);
    for (const j of ['us', 'ca'] as const)
      expect(text('request', j)).not.toMatch(/\b\d{1,2}:\d{2}(?! ?(AM|PM|a\.m\.|p\.m\.))/);
  });

  it('an accommodation and its details read as one phrase, not "label: details"', () => {
    expect(text('request', 'us')).toContain('making up the hours (leaving at 4:45 PM on appointment days)');
    expect(text('request', 'us')).not.toContain('hours: leaving');
  });
});

describe('provider verification form', () => {
  it.each([
    [
      'us',
      /allow the health care provider who completes this form to give .* HR the answers on this form, and nothing else/,
    ],
    [
      'uk',
      /Access to Medical Reports Act 1988 gives me these rights\. I can ask to see this form before it is sent/,
    ],
    ['ca', /consent to the health care provider .* I can withdraw this consent at any time/],
  ] as const)('%s: has a consent block the employee signs', (j, consent) => {
    const form = text('provider_verification', j);
    expect(form).toMatch(consent);
    expect(form).toMatch(
      /Employee signature: _+ {3}Date: _+\nEmployee: Sam Rivera\nReference: ACC-2026-0042/,
    );
  });

  it('US: the 42 CFR Part 2 consent and notice appear only when the employee adds them, and GINA always', () => {
    const withPart2 = text('provider_verification', 'us');
    expect(withPart2).toContain('42 CFR part 2 prohibits unauthorized use or disclosure of these records.');
    const without2 = text('provider_verification', 'us', { part2Consent: false });
    expect(without2).not.toContain('42 CFR');
    expect(without2).toContain('Genetic Information Nondiscrimination Act of 2008 (GINA)');
    // The form never says why the consent might be needed.
    expect(withPart2).not.toMatch(/substance|alcohol|drug|addiction/i);
  });

  it('asks yes or no whether a health condition is the reason, without naming it', () => {
    for (const j of ['us', 'uk', 'ca'] as const) {
      expect(text('provider_verification', j)).toContain(
        'Is this change to working hours needed because of a health condition? Please do not name it.\n\n[ ] Yes     [ ] No',
      );
    }
  });

  it('asks only what the schedule change needs: no review date, no travel time', () => {
    for (const j of ['us', 'uk', 'ca'] as const) {
      const form = text('provider_verification', j);
      expect(form).not.toMatch(/review/i);
      expect(form).not.toMatch(/travel/i);
    }
  });
});

describe('documentation request', () => {
  it('US: carries the GINA safe-harbour notice, says the employer pays, and sends the consent form', () => {
    const us = text('documentation_request', 'us');
    expect(us).toContain('we ask that no genetic information be given in answer to this request');
    expect(us).toContain('family medical history');
    expect(us).toContain('We will pay any fee your provider charges for it.');
    expect(us).toContain('It has a consent section for you to sign');
  });

  it('each notice is a paragraph of its own, not run into the next', () => {
    expect(text('documentation_request', 'us')).toContain(
      'an embryo of a person or their family.\n\nIf the same time away',
    );
    expect(text('hr_acknowledgment', 'uk')).toContain('who uses it.\n\nAccess to Work');
  });

  it('UK: a fit note advising altered hours can be enough; medical-report rights; the employer pays', () => {
    const uk = text('documentation_request', 'uk');
    expect(uk).toContain(
      'A fit note from your GP can be enough, if it says you may be fit for work with altered hours.',
    );
    expect(uk).toContain('Access to Medical Reports Act 1988');
    expect(uk).toContain('We will pay any fee for a report we ask for.');
    expect(uk).not.toContain('GINA');
  });

  it('Canada: the employer pays and a consent goes with the form', () => {
    const ca = text('documentation_request', 'ca');
    expect(ca).toContain('We will pay any fee your provider charges for it.');
    expect(ca).toContain('consent line for you to sign');
  });
});

describe('acknowledgment', () => {
  it('names a contact, and refuses one with no name', () => {
    expect(text('hr_acknowledgment', 'us')).toContain(
      'Jordan Lee, HR Business Partner, is handling your request.',
    );
    const data = { ...fixture('hr_acknowledgment'), hr: { email: 'hr@northwind.example' } };
    expect(problems('hr_acknowledgment', 'us', data)).toEqual(['hr.name']);
  });

  it('gives an interim arrangement when the start date comes before the reply, and requires one', () => {
    expect(text('hr_acknowledgment', 'us')).toContain(
      'You asked for the change to start on Monday, December 21, 2026, before our reply is due. Until we decide, this is what happens: You can leave at 4:45 PM',
    );
    expect(problems('hr_acknowledgment', 'us', { ...fixture('hr_acknowledgment'), interim: null })).toEqual([
      'interim',
    ]);
  });

  it('replies by the date the employee asked for, never later', () => {
    expect(text('hr_acknowledgment', 'us')).toContain(
      'You asked for a reply by Tuesday, December 29, 2026. We will reply by Tuesday, December 29, 2026.',
    );
    const late = { ...fixture('hr_acknowledgment'), respondBy: '2027-01-05' };
    expect(problems('hr_acknowledgment', 'us', late)).toContain('respondBy');
  });

  it.each([
    ['us', /retaliation/, /Family and Medical Leave Act \(FMLA\)/],
    ['uk', /victimisation/, /Access to Work[\s\S]*occupational health/],
    ['ca', /reprisal/, /Ontario Human Rights Code/],
  ] as const)('%s: no retaliation, the EAP, and what this country adds', (j, retaliation, extra) => {
    const letter = text('hr_acknowledgment', j);
    expect(letter).toMatch(retaliation);
    expect(letter).toMatch(/Employee Assistance Program(me)? \(EAP\) offers free and confidential support/);
    expect(letter).toMatch(extra);
  });
});

describe('approval', () => {
  it('states the approved working pattern: days and hours, and dates', () => {
    const us = text('approval', 'us');
    expect(us).toContain('• Mondays, Wednesdays, and Thursdays: 7:45 AM – 4:45 PM ET');
    expect(us).toContain('• Other working days: usual hours');
    expect(us).toContain('• Until: Thursday, March 11, 2027');
  });

  it('the manager is given the working pattern only: no session or return times, by construction', () => {
    const values = letterSchemas.approval.parse(fixture('approval'));
    const notice = approvalForManager(values.approved);
    expect(Object.keys(notice).sort()).toEqual(
      ['endDate', 'otherDaysUnchanged', 'reviewDate', 'rows', 'startDate', 'timeZone'].sort(),
    );
    expect(JSON.stringify(notice)).not.toMatch(/session|travel|return/i);
    // An approval cannot even carry appointment times.
    const withSessions = { ...fixture('approval'), approved: { ...values.approved, sessionStart: '17:30' } };
    expect(problems('approval', 'us', withSessions)).toEqual(['approved']);
    const managerPart = text('approval', 'us').split('Who is told what')[1]?.split('Review')[0] ?? '';
    expect(managerPart).toContain('Mondays, Wednesdays, and Thursdays: 7:45 AM – 4:45 PM ET');
    expect(managerPart).not.toMatch(/5:30 PM|8:30 PM|9:15 PM/);
  });

  it('UK and Canada: temporary, not a change of contract; every letter says how and when the review happens', () => {
    expect(text('approval', 'uk')).toContain('It is not a permanent change to your contract of employment.');
    expect(text('approval', 'ca')).toContain('It does not change your terms of employment.');
    for (const j of ['us', 'uk', 'ca'] as const) {
      expect(text('approval', j)).toMatch(
        /On or before .*, we will review the arrangement with you in a short meeting with Jordan Lee\./,
      );
    }
  });
});

describe('denial', () => {
  const us = () => fixture('denial', 'us') as Record<string, unknown>;

  it.each(['reasons', 'process', 'alternativesConsidered', 'reconsiderBy'])(
    'the schema refuses a denial without %s',
    (key) => {
      expect(problems('denial', 'us', without(us(), key))).toContain(key);
    },
  );

  it('refuses a reason without its basis, and an alternative without why it fails', () => {
    const noBasis = { ...us(), reasons: [{ explanation: 'We could not do it.' }] };
    expect(problems('denial', 'us', noBasis)).toEqual(['reasons[0].basis']);
    const noWhy = { ...us(), alternativesConsidered: [{ kind: 'leave', option: 'Unpaid leave' }] };
    expect(problems('denial', 'us', noWhy)).toEqual(['alternativesConsidered[0].whyNot']);
  });

  it('US: refuses a denial that did not consider leave and reassignment', () => {
    const data = us();
    const onlySchedule = (data.alternativesConsidered as { kind: string }[]).filter(
      (a) => a.kind !== 'leave' && a.kind !== 'reassignment',
    );
    expect(problems('denial', 'us', { ...data, alternativesConsidered: onlySchedule })).toEqual([
      'alternativesConsidered',
      'alternativesConsidered',
    ]);
  });

  it('UK: refuses a denial without consultation first or without a statutory ground', () => {
    const uk = fixture('denial', 'uk') as Record<string, unknown>;
    expect(problems('denial', 'uk', without(uk, 'consultedOn'))).toEqual(['consultedOn']);
    expect(problems('denial', 'uk', without(uk, 'flexibleWorkingGround'))).toEqual(['flexibleWorkingGround']);
  });

  it.each([
    ['us', [/undue hardship/, /EEOC/, /180 days/, /retaliation/, /vacant job/]],
    [
      'uk',
      [
        /grievance procedure/,
        /Acas for early conciliation/,
        /three months less one day/,
        /victimisation/,
        /we cannot reorganise the work/,
      ],
    ],
    ['ca', [/Human Rights Tribunal of Ontario/, /Local 204/, /within one year/, /reprisal/]],
  ] as const)(
    '%s: names the specific reason, reconsideration, the outside route and no retaliation',
    (j, patterns) => {
      const letter = text('denial', j);
      for (const pattern of patterns) expect(letter).toMatch(pattern);
      expect(letter).toMatch(/(reconsider|appeal) by /);
    },
  );
});

describe('extension', () => {
  it('shows the proposed new end and review dates, not the old ones', () => {
    const us = text('extension_request', 'us');
    expect(us).toContain('Proposed new end date: Friday, April 9, 2027');
    expect(us).toContain('Proposed review date: Monday, March 22, 2027');
    expect(us).not.toContain('February 15, 2027');
    expect(us).not.toContain('March 11, 2027');
  });
});
