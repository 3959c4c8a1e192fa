import { describe, expect, it } from 'vitest';
import { articleText, loadKnowledge, parseArticle } from '../../../src/drafting/index.js';
import { gradeLevel } from './readability.js';

const { articles } = loadKnowledge();
const countries = ['us', 'uk', 'ca'] as const;

/** Every topic issue 14 asks the knowledge base to cover, by the article that covers it. */
const requiredTopics = [
  'what-to-ask-for',
  'disclosure',
  'medical-documentation',
  'timelines',
  'alternative-or-refusal',
  'retaliation',
  'who-sees-it',
  'leave-or-accommodation',
  'temporary-and-extensions',
  'schedule-changes',
  'pay-and-hours',
  'who-is-covered',
  'bringing-someone',
  'drug-testing',
  'relapse',
  'your-letter-and-data',
  'request-status',
  'withdrawing',
  'starting-a-request',
];

describe('the knowledge base', () => {
  it('covers every topic the assistant must answer', () => {
    expect(articles.map((article) => article.id).sort()).toEqual([...requiredTopics].sort());
  });

  it('cites the public bodies it rests on: JAN, the EEOC, the US DOL, Acas, GOV.UK, the Canadian Human Rights Commission', () => {
    const hosts = new Set(
      articles.flatMap((article) => article.sources.map((source) => new URL(source.url).host)),
    );
    for (const host of [
      'askjan.org',
      'www.eeoc.gov',
      'www.dol.gov',
      'www.acas.org.uk',
      'www.gov.uk',
      'www.chrc-ccdp.gc.ca',
    ]) {
      expect(hosts, host).toContain(host);
    }
  });

  it.each(articles.map((article) => [article.id, article] as const))(
    '"%s" is dated, sourced, and says when to ask HR, the EAP or a lawyer',
    (_id, article) => {
      expect(article.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(article.sources.length).toBeGreaterThan(0);
      expect(article.help).toMatch(/\b(HR|EAP|lawyer)\b/);
      expect(article.title.length).toBeLessThanOrEqual(75);
    },
  );

  it('says the law per country where the law differs', () => {
    for (const id of [
      'timelines',
      'retaliation',
      'leave-or-accommodation',
      'drug-testing',
      'who-is-covered',
    ]) {
      const article = articles.find((candidate) => candidate.id === id);
      for (const country of countries)
        expect(article?.byJurisdiction[country], `${id} ${country}`).toBeTruthy();
    }
  });

  it.each(articles.flatMap((article) => countries.map((country) => [article.id, country, article] as const)))(
    '"%s" as read in %s is written at grade 8 or below',
    (_id, country, article) => {
      expect(gradeLevel(`${article.title}. ${articleText(article, country)}`)).toBeLessThanOrEqual(8);
    },
  );

  it('the grade measure does catch dense legal prose', () => {
    expect(
      gradeLevel(
        'Notwithstanding the foregoing, an employer’s obligation to provide reasonable accommodation is contingent upon the employee’s participation in an individualized interactive process, the determination of undue hardship being a fact-specific inquiry.',
      ),
    ).toBeGreaterThan(12);
  });

  it('shows each country only its own part', () => {
    const leave = articles.find((article) => article.id === 'leave-or-accommodation');
    if (!leave) throw new Error('no leave article');
    expect(articleText(leave, 'us')).toContain('FMLA');
    expect(articleText(leave, 'uk')).not.toContain('FMLA');
    expect(articleText(leave, 'uk')).toContain('Statutory Sick Pay');
    expect(articleText(leave, 'ca')).toContain('EI sickness benefits');
  });
});

describe('what each country is told, where the law is easy to overstate', () => {
  const text = (id: string, country: 'us' | 'uk' | 'ca') => {
    const article = articles.find((candidate) => candidate.id === id);
    if (!article) throw new Error(`no ${id} article`);
    return articleText(article, country);
  };

  it('UK: a flexible working refusal has no appeal in law; Acas advises one, and early conciliation comes first', () => {
    const uk = text('alternative-or-refusal', 'uk');
    expect(uk).toMatch(/does not give you an appeal, but Acas advises employers to offer one/);
    expect(uk).toMatch(/3 months less a day/);
    expect(uk).not.toMatch(/You can appeal inside the company/);
  });

  it('Canada: a right to see what the employer holds only where a privacy law covers the job', () => {
    const ca = text('your-letter-and-data', 'ca');
    expect(ca).toMatch(/federally regulated, or you work in British Columbia, Alberta or Quebec/);
    expect(ca).toMatch(/Elsewhere, you can still ask/);
  });

  it('everywhere: part-time staff can ask too', () => {
    for (const country of ['us', 'uk', 'ca'] as const) {
      expect(text('who-is-covered', country)).toMatch(/working part time/);
    }
  });
});

describe('reading an article', () => {
  const valid = [
    '---',
    'id: sample',
    'title: A sample topic',
    'jurisdictions: [all]',
    'reviewed: 2026-11-30',
    'sources:',
    '  - title: JAN',
    '    url: https://askjan.org/',
    '---',
    'Text for everyone.',
    '',
    '## help',
    'Ask HR.',
  ].join('\n');

  it('reads front matter and sections', () => {
    const article = parseArticle('sample.md', valid);
    expect(article).toMatchObject({ id: 'sample', common: 'Text for everyone.', help: 'Ask HR.' });
  });

  it('refuses an article with no help section, naming the file', () => {
    expect(() => parseArticle('sample.md', valid.replace('## help\nAsk HR.', ''))).toThrow(
      /sample\.md.*## help/,
    );
  });

  it('refuses a source that is not an https address, and a file named for another id', () => {
    expect(() => parseArticle('sample.md', valid.replace('https://askjan.org/', 'askjan.org'))).toThrow(
      /sources\.0\.url/,
    );
    expect(() => parseArticle('other.md', valid)).toThrow(/must be named sample\.md/);
  });

  it('refuses an unknown section, so a typo in a country is not silently dropped', () => {
    expect(() => parseArticle('sample.md', `${valid}\n\n## usa\nSomething.`)).toThrow(/"## usa"/);
  });
});
