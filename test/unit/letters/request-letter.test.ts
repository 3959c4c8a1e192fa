import { beforeAll, describe, expect, it } from 'vitest';
import { jurisdictions } from '../../../src/domain/request.js';
import { composeLetter, type LetterTemplates, loadLetterTemplates } from '../../../src/letters/index.js';
import { fixture } from './support/fixtures.js';

let templates: LetterTemplates;
beforeAll(async () => {
  templates = await loadLetterTemplates();
});

const render = (jurisdiction: 'us' | 'uk' | 'ca', patch: object = {}) =>
  composeLetter('request', { ...fixture('request', jurisdiction), ...patch }, { jurisdiction, templates })
    .text;

describe('the request letter carries everything HR needs to act', () => {
  it.each([
    [
      'us',
      /request a reasonable accommodation under the Americans with Disabilities Act \(ADA\)/,
      /start the interactive process/,
    ],
    ['uk', /reasonable adjustments to my working hours under the Equality Act 2010/, /meet to discuss them/],
    [
      'ca',
      /workplace accommodation under the Ontario Human Rights Code, which sets out the employer’s duty to accommodate/,
      /start the accommodation process/,
    ],
  ] as const)('%s: says it is a request and asks to start the process', (jurisdiction, request, process) => {
    const text = render(jurisdiction);
    expect(text).toMatch(request);
    expect(text).toMatch(process);
  });

  it('describes the need in functional terms with the default reason wording', () => {
    expect(render('us')).toContain(
      'I am taking part in a scheduled outpatient medical treatment program, which meets',
    );
    expect(render('uk')).toContain('a scheduled outpatient medical treatment programme, which meets');
  });

  it("uses the employee's chosen reason statement instead, when given", () => {
    const text = render('us', { reasonStatement: 'I attend a medical program in the evenings' });
    expect(text).toContain(
      'start the interactive process. I attend a medical program in the evenings. I am asking',
    );
    expect(text).not.toContain('outpatient');
  });

  it('gives the exact schedule: days, times with time zone, start, end and review dates', () => {
    const us = render('us');
    expect(us).toContain('Days: Mondays, Wednesdays, and Thursdays');
    expect(us).toContain('Appointment times: 5:30 PM – 8:30 PM ET');
    expect(us).toContain('Away from work, with travel: 4:45 PM – 9:15 PM ET (45 minutes each way)');
    expect(us).toContain('Starting: Monday, January 4, 2027');
    expect(us).toContain('Until: Thursday, March 11, 2027');
    expect(us).toContain('Review date: Monday, February 15, 2027');
    const uk = render('uk');
    expect(uk).toContain('Days: Mondays, Wednesdays and Thursdays');
    expect(uk).toContain('Appointment times: 17:30 – 20:30 UK time');
    expect(uk).toContain('Starting: Monday 4 January 2027');
    expect(render('ca')).toContain('Appointment times: 5:30 p.m. – 8:30 p.m. ET');
  });

  it('lists the accommodations asked for and how the work will be covered', () => {
    const text = render('us');
    expect(text).toContain(
      '• Leaving early or starting late on appointment days, and making up the hours (leaving at 4:45 PM',
    );
    expect(text).toContain('• Blocking appointment times in my calendar');
    expect(text).toContain('How I will make up the time: I will start at 7:45 AM on appointment days');
    expect(text).toContain('• I will hand over anything time-sensitive to Alex Chen');
  });

  it('names every accommodation type in plain words, with FMLA only in the US and only for intermittent leave', () => {
    const accommodations = [
      { type: 'leave_early_start_late' },
      { type: 'shifted_hours' },
      { type: 'compressed_week' },
      { type: 'remote_on_treatment_days' },
      { type: 'reduced_hours' },
      { type: 'intermittent_leave' },
      { type: 'swap_shifts_oncall' },
      { type: 'protected_calendar' },
      { type: 'other', details: 'A quiet desk near the exit on appointment days' },
    ];
    const us = render('us', { accommodations });
    for (const phrase of [
      'Shifting my working hours',
      'A compressed week',
      'Working remotely on appointment days',
      'Temporarily reduced hours',
      'Intermittent leave for appointments (this may also qualify as intermittent leave under the FMLA)',
      'Swapping shifts or on-call duties',
      '• A quiet desk near the exit on appointment days.',
    ]) {
      expect(us).toContain(phrase);
    }
    expect(us).toContain('Family and Medical Leave Act (FMLA)');
    expect(render('us')).not.toContain('FMLA');
    expect(render('uk', { accommodations })).not.toContain('FMLA');
    expect(render('ca', { accommodations })).not.toContain('FMLA');
  });

  it.each(jurisdictions)(
    '%s: essential duties, documentation to HR directly, a reply in N days, forwarding',
    (j) => {
      const text = render(j, { replyWithinDays: 7 });
      expect(text).toMatch(/I will continue to (meet|carry out) the essential (functions|duties) of my role/);
      expect(text).toMatch(/sent to HR directly, not through my manager/);
      expect(text).toMatch(/reply in writing within 7 days/);
      expect(text).toContain(
        'If you are not the right person to handle this request, please forward it to whoever is',
      );
      expect(text).toContain('My manager needs to know only the schedule.');
    },
  );

  it('says "1 day", not "1 days"', () => {
    expect(render('us', { replyWithinDays: 1 })).toContain('within 1 day,');
  });

  it('addresses the HR team when no one is named, and signs as the employee', () => {
    const text = render('us', { hr: {} });
    expect(text).toContain('Dear HR team,');
    expect(text).toMatch(/Kind regards,\n\nSam Rivera\nData Analyst\n$/);
  });
});
