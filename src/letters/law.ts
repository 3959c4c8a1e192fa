import { z } from 'zod';
import type { Jurisdiction } from '../domain/request.js';

/**
 * Which human rights law covers a Canadian workplace: the federal Act for federally regulated
 * employers (banks, airlines, telecoms, federal government), otherwise the province's or
 * territory's own code. Set once per organisation (`CA_HUMAN_RIGHTS_LAW`).
 */
export const canadianLaws = [
  'federal',
  'ab',
  'bc',
  'mb',
  'nb',
  'nl',
  'ns',
  'nt',
  'nu',
  'on',
  'pe',
  'qc',
  'sk',
  'yt',
] as const;
export const CanadianLaw = z.enum(canadianLaws, { error: `one of ${canadianLaws.join(', ')}` });
export type CanadianLaw = z.infer<typeof CanadianLaw>;

export interface LawFacts {
  /** The statute, as a letter names it. */
  readonly statute: string;
  /** Where someone can take a complaint outside the company. */
  readonly outsideBody: string;
  /** The usual time limit, only where it is one fixed period; otherwise null. */
  readonly timeLimit: string | null;
}

const canada: Record<CanadianLaw, LawFacts> = {
  federal: {
    statute: 'the Canadian Human Rights Act',
    outsideBody: 'the Canadian Human Rights Commission',
    timeLimit: 'one year',
  },
  ab: {
    statute: 'the Alberta Human Rights Act',
    outsideBody: 'the Alberta Human Rights Commission',
    timeLimit: 'one year',
  },
  bc: {
    statute: 'the BC Human Rights Code',
    outsideBody: 'the BC Human Rights Tribunal',
    timeLimit: 'one year',
  },
  mb: {
    statute: 'The Human Rights Code of Manitoba',
    outsideBody: 'the Manitoba Human Rights Commission',
    timeLimit: 'one year',
  },
  nb: {
    statute: 'the New Brunswick Human Rights Act',
    outsideBody: 'the New Brunswick Human Rights Commission',
    timeLimit: 'one year',
  },
  nl: {
    statute: 'the Human Rights Act, 2010 of Newfoundland and Labrador',
    outsideBody: 'the Human Rights Commission of Newfoundland and Labrador',
    timeLimit: 'one year',
  },
  ns: {
    statute: 'the Nova Scotia Human Rights Act',
    outsideBody: 'the Nova Scotia Human Rights Commission',
    timeLimit: 'one year',
  },
  nt: {
    statute: 'the Northwest Territories Human Rights Act',
    outsideBody: 'the Northwest Territories Human Rights Commission',
    timeLimit: null,
  },
  nu: {
    statute: 'the Nunavut Human Rights Act',
    outsideBody: 'the Nunavut Human Rights Tribunal',
    timeLimit: null,
  },
  on: {
    statute: 'the Ontario Human Rights Code',
    outsideBody: 'the Human Rights Tribunal of Ontario',
    timeLimit: 'one year',
  },
  pe: {
    statute: 'the Prince Edward Island Human Rights Act',
    outsideBody: 'the Prince Edward Island Human Rights Commission',
    timeLimit: 'one year',
  },
  qc: {
    statute: 'the Quebec Charter of Human Rights and Freedoms',
    outsideBody: 'the Commission des droits de la personne et des droits de la jeunesse',
    timeLimit: null,
  },
  sk: {
    statute: 'The Saskatchewan Human Rights Code, 2018',
    outsideBody: 'the Saskatchewan Human Rights Commission',
    timeLimit: 'one year',
  },
  yt: {
    statute: 'the Yukon Human Rights Act',
    outsideBody: 'the Yukon Human Rights Commission',
    timeLimit: null,
  },
};

const canadaUnknown: LawFacts = {
  statute:
    'the human rights law that covers our workplace (the Canadian Human Rights Act, or the code of the province or territory)',
  outsideBody:
    'the Canadian Human Rights Commission, or the human rights commission or tribunal of the province or territory',
  timeLimit: null,
};

export function lawFacts(jurisdiction: Jurisdiction, canadianLaw: CanadianLaw | null): LawFacts {
  if (jurisdiction === 'us') {
    return {
      statute: 'the Americans with Disabilities Act (ADA)',
      outsideBody:
        'the U.S. Equal Employment Opportunity Commission (EEOC), or your state’s fair employment agency',
      timeLimit: '180 days (300 days where a state or local law also bans disability discrimination)',
    };
  }
  if (jurisdiction === 'uk') {
    return {
      statute: 'the Equality Act 2010',
      outsideBody: 'Acas, for early conciliation, which comes before any employment tribunal claim',
      timeLimit: 'three months less one day',
    };
  }
  return canadianLaw ? canada[canadianLaw] : canadaUnknown;
}
