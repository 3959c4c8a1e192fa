import type { ClinicalCategory } from './types.js';

/**
 * Words next to a term that decide whether it is clinical here. Each entry is one or more words
 * ("in the parking"), compared with the words right before or right after the term.
 */
export interface Neighbours {
  before?: readonly string[];
  after?: readonly string[];
}

export interface Term {
  /** Words separated by spaces; in text they may be joined by spaces or hyphens. */
  phrase: string;
  category: ClinicalCategory;
  /** The text must match the phrase's casing (acronyms that are common words in lower case). */
  exactCase?: boolean;
  /** Also match spellings one edit away (two for long drug names): people type drug names from memory. */
  fuzzy?: boolean;
  /**
   * The term counts only when one of these holds: a listed neighbour, or (with `nearby`) another
   * clinical detail close by. Used for words that are clinical in some sentences only.
   */
  requires?: Neighbours & { nearby?: boolean };
  /** The term does not count when one of these neighbours is present (idioms, tech and business use). */
  unless?: Neighbours;
}

type Options = Omit<Term, 'phrase' | 'category'>;

/** A comma-separated list, so the word lists stay compact and easy to scan. */
function list(items: string): string[] {
  return items
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function terms(category: ClinicalCategory, phrases: readonly string[], options: Options = {}): Term[] {
  return phrases.map((phrase) => ({ phrase, category, ...options }));
}

// Words that show a sentence is about the writer's own use of something.
const MY = list('my, her, his, their, your');
const TIME_UNITS = list('day, days, week, weeks, month, months, year, years');

// Brand and generic names, grouped by what they treat. Misspellings one edit away are matched
// too (see `fuzzy`); the rest of the common misspellings are listed as variants.
const MEDICATIONS = [
  // opioid and alcohol use treatment
  ...list(
    'suboxone, subutex, zubsolv, sublocade, brixadi, buprenorphine, bupe, naloxone, narcan, naltrexone, vivitrol, methadone, methadose, lofexidine, lucemyra, antabuse, disulfiram, acamprosate, campral, chantix, varenicline',
  ),
  // antidepressants
  ...list(
    'zoloft, sertraline, prozac, fluoxetine, lexapro, escitalopram, celexa, citalopram, paxil, paroxetine, luvox, fluvoxamine, trintellix, vortioxetine, viibryd, vilazodone, effexor, venlafaxine, pristiq, desvenlafaxine, cymbalta, duloxetine, fetzima, levomilnacipran, wellbutrin, bupropion, zyban, remeron, mirtazapine, trazodone, desyrel, spravato, esketamine, elavil, amitriptyline, nortriptyline, pamelor, buspirone, buspar, hydroxyzine, vistaril, zurzuvae, zuranolone',
  ),
  // ADHD
  ...list(
    'adderall, vyvanse, lisdexamfetamine, ritalin, methylphenidate, concerta, focalin, dexmethylphenidate, dexedrine, dextroamphetamine, strattera, atomoxetine, intuniv, guanfacine, qelbree, viloxazine, amphetamine, amphetamines',
  ),
  // benzodiazepines and sleep
  ...list(
    'xanax, alprazolam, klonopin, clonazepam, ativan, lorazepam, valium, diazepam, librium, chlordiazepoxide, restoril, temazepam, ambien, zolpidem, lunesta, eszopiclone, belsomra, benzodiazepine, benzo, benzos',
  ),
  // mood stabilisers and antipsychotics
  ...list(
    'lithobid, depakote, valproate, divalproex, lamictal, lamotrigine, tegretol, carbamazepine, trileptal, oxcarbazepine, topamax, topiramate, seroquel, quetiapine, abilify, aripiprazole, risperdal, risperidone, zyprexa, olanzapine, latuda, lurasidone, geodon, ziprasidone, vraylar, cariprazine, rexulti, brexpiprazole, caplyta, lumateperone, invega, paliperidone, haldol, haloperidol, clozaril, clozapine, saphris, asenapine',
  ),
  // other common ones in this setting
  ...list(
    'gabapentin, neurontin, lyrica, pregabalin, propranolol, prazosin, clonidine, metformin, ozempic, semaglutide',
  ),
  // opioid painkillers (prescribed, so medication; misuse shows up through the words around them)
  ...list(
    'oxycodone, oxycontin, percocet, vicodin, hydrocodone, morphine, tramadol, codeine, dilaudid, hydromorphone, painkiller, painkillers',
  ),
  // classes
  ...list(
    'antidepressant, antidepressants, ssri, ssris, snri, snris, maoi, antipsychotic, antipsychotics, anxiolytic, mood stabilizer, mood stabiliser, beta blocker, anti anxiety, sleeping pills, sleeping pill',
  ),
];

// Misspellings too far from the real name for the edit-distance match.
const MEDICATION_VARIANTS = list(
  'suboxen, suboxin, suboxzone, subaxone, xanex, xanas, zanax, zannax, adderal, aderall, aderal, addarall, zolof, zolft, lexipro, lexapr, welbutrin, wellbutren, seroquil, serequel, klonipin, klonapin, clonopin, methadon, methodone, vivitral, naltrexon, prozak, lamictle, abilfy, vyvance, vivance, ritalyn, lithiam, gabapenten, trazadone',
);

export const LEXICON: readonly Term[] = [
  // ---- conditions
  ...terms('condition', list('depression'), {
    fuzzy: true,
    unless: {
      before: list('great, economic, tropical, global, a'),
      after: list('era, of the 1930s, in the parking, in the road, in the ground, in the floor'),
    },
  }),
  ...terms(
    'condition',
    list('depressive, clinical depression, mental illness, mentally ill, dual diagnosis'),
  ),
  ...terms('condition', list('depressed'), {
    requires: { before: list('been, feeling, feel, clinically, severely, really, very') },
    unless: { after: list('about, that, the') },
  }),
  ...terms('condition', list('bipolar, schizophrenia, schizoaffective, schizophrenic'), {
    fuzzy: true,
    unless: { after: list('about, transistor, junction') },
  }),
  ...terms('condition', list('ptsd, cptsd, c ptsd, adhd, post traumatic stress, posttraumatic stress')),
  ...terms('condition', list('ocd'), {
    unless: { before: list('so, bit, little, kinda, super'), after: list('about') },
  }),
  ...terms('condition', list('GAD, MDD, BPD'), { exactCase: true }),
  ...terms('condition', list('psychosis, psychotic, anorexia, anorexic, bulimia, bulimic, binge eating')),
  ...terms('condition', list('disordered eating, autism, autistic, asperger, aspergers, epilepsy')),
  ...terms('condition', list('epileptic, diabetes, diabetic, migraine, migraines, chemo, chemotherapy')),
  ...terms('condition', list('radiotherapy, dialysis, leukemia, lymphoma, tumor, tumour, dementia')),
  ...terms('condition', list('alzheimer, alzheimers, fibromyalgia, lupus, crohn, crohns, colitis')),
  ...terms('condition', list('hiv, long covid, concussion, narcolepsy, tourette, tourettes, dyslexia')),
  ...terms(
    'condition',
    list('dyspraxia, agoraphobia, postpartum, seasonal affective, traumatic brain injury'),
  ),
  ...terms('condition', list('borderline personality, alcoholism, addiction, addictions, addict, addicts')),
  ...terms('condition', list('nervous breakdown, mental breakdown, emotional breakdown')),
  ...terms('condition', list('cancer'), {
    unless: { after: list('research, charity, awareness, walk, fundraiser, foundation, client') },
  }),
  ...terms('condition', list('remission'), { requires: { before: [...list('in'), ...MY] } }),
  // Whole names, so the redaction covers "eating disorder" rather than leaving "eating [health detail 1]".
  ...terms(
    'condition',
    list(
      'eating disorder, personality disorder, panic disorder, anxiety disorder, mood disorder, stress disorder, bipolar disorder, use disorder, alcohol use disorder, opioid use disorder, substance use disorder, cannabis use disorder, stimulant use disorder, major depressive disorder, major depression, obsessive compulsive, generalized anxiety, generalised anxiety, social anxiety, borderline personality disorder, binge eating disorder, post traumatic stress disorder',
    ),
  ),
  ...terms('condition', list('disorder, disorders'), { unless: { before: list('civil, public, in') } }),
  ...terms('condition', list('alcoholic, alcoholics'), {
    unless: {
      before: list('non'),
      after: list('beverage, beverages, drink, drinks, beer, beers, option, options, content, punch'),
    },
  }),
  ...terms('condition', list('trauma'), {
    requires: {
      before: [...MY, ...list('childhood, past, complex, with')],
      after: list('therapy, therapist, history, survivor, response'),
    },
  }),
  ...terms('condition', list('mental health'), {
    requires: {
      before: [...MY, ...list('poor, bad, for my')],
      after: list(
        'issue, issues, problem, problems, condition, conditions, crisis, struggle, struggles, treatment, program, programme, provider, hospital, leave, stuff, reasons, challenges, diagnosis, unit, facility, ward, counselor, counsellor, therapist, clinic',
      ),
    },
    unless: { after: list('day, first aid, awareness, week, training, month, resources, stipend') },
  }),
  ...terms('condition', list('anxiety'), {
    requires: {
      before: [
        ...MY,
        ...list('have, social, severe, bad, chronic, generalized, generalised, crippling, with'),
      ],
      after: list('disorder, attack, attacks, meds, medication, medicine, issues, diagnosis'),
      nearby: true,
    },
  }),

  // ---- substance use
  ...terms('substance_use', list('relapse, relapsed, relapses, relapsing'), { fuzzy: true }),
  ...terms('substance_use', list('relapsd, relasped, sobriety, sober living, clean and sober')),
  ...terms('substance_use', list('sober'), {
    unless: {
      before: list('a, the, very, more, most, quite, rather'),
      after: list('look, truth, assessment, reminder, analysis, view, reflection, reality, fact'),
    },
  }),
  ...terms('substance_use', list("overdose, overdosed, overdoses, overdosing, od'd, od'ed"), {
    unless: { after: list('on') },
  }),
  ...terms('substance_use', list('using again, used again, slipped and used'), {
    unless: { after: list('the, a, an, our, that, this, it, those, these') },
  }),
  ...terms('substance_use', list('drinking'), {
    requires: {
      before: [...MY, ...list('quit, stopped, stop, binge, heavy, problem, problematic, started, been')],
      after: list('problem, again, too much, heavily, habit, issue, issues, every night, every day, alone'),
    },
    unless: { after: list('coffee, water, tea, soda, from, juice, milk, kombucha') },
  }),
  ...terms('substance_use', list('binge drinking, heavy drinking, drinking problem')),
  ...terms('substance_use', list('alcohol'), {
    requires: {
      before: [...list('quit, stopped, off, addicted to, hooked on, sober from'), ...MY],
      after: list(
        'use, abuse, addiction, dependence, dependency, problem, problems, issue, issues, withdrawal, treatment, rehab, detox, recovery, disorder, habit, poisoning',
      ),
    },
  }),
  ...terms('substance_use', list('opioid, opioids, opiate, opiates, fentanyl'), {
    unless: { after: list('crisis, epidemic, settlement, article, policy') },
  }),
  ...terms('substance_use', list('heroin, cocaine, meth, methamphetamine, crystal meth, crack cocaine')),
  ...terms('substance_use', list('kratom, ketamine, mdma, psilocybin, shrooms, oxy')),
  ...terms('substance_use', list('booze'), {
    requires: { before: [...MY, ...list('off the, quit the, quit, off')] },
  }),
  ...terms('substance_use', list('substance use, substance abuse, substance misuse, substance dependence')),
  ...terms('substance_use', list('cannabis, marijuana'), {
    unless: {
      after: list('dispensary, client, industry, company, legalization, legalisation, stocks'),
    },
  }),
  ...terms('substance_use', list('weed'), {
    requires: {
      before: [...list('smoking, smoke, smoked, quit, stopped'), ...MY],
      after: list('habit, use, every, addiction, again'),
    },
  }),
  ...terms('substance_use', list('crack'), {
    requires: {
      before: list('smoking, smoke, smoked, doing, did'),
      after: list('addiction, habit, pipe, use'),
    },
  }),
  ...terms('substance_use', list('pill, pills'), {
    requires: {
      before: [...list('popping, popped, pop, abusing, using, pain'), ...MY],
      after: list('addiction, habit'),
    },
  }),
  ...terms('substance_use', list('drug, drugs'), {
    requires: {
      before: list('doing, did, using, do, on, took, taking, addicted to, hooked on, recreational'),
      after: list('use, abuse, addiction, problem, problems, habit, history, dealer'),
    },
    unless: {
      after: list('test, testing, screen, discovery, store, company, trial, trials, pricing'),
    },
  }),
  ...terms('substance_use', list('clean time, clean date, got clean, getting clean, staying clean')),

  // ---- medications
  ...terms('medication', MEDICATIONS, { fuzzy: true }),
  ...terms('medication', MEDICATION_VARIANTS),
  ...terms('medication', list('lithium'), {
    fuzzy: true,
    unless: {
      after: list('battery, batteries, ion, polymer, mine, mines, mining, supply, prices'),
    },
  }),
  ...terms('medication', list('insulin'), { requires: { before: [...MY, ...list('on, take, taking')] } }),
  // "the meds" is nearly always someone's own; "the medication field" is caught by `unless`.
  ...terms('medication', list('meds'), {
    requires: { before: list('the') },
    unless: { after: list('reminder, app, field, list') },
  }),
  ...terms('medication', list('meds, med, medication, medications, medicine'), {
    requires: {
      before: [...MY, ...list('on, new, psych, taking, take, took, missed, miss, anxiety, sleep, pain')],
      after: list('check, change, changes, adjustment, management, side effects'),
    },
    unless: { after: list('reminder, app, field, list') },
  }),
  ...terms('medication', list('dose, doses, dosage'), {
    requires: {
      before: [
        ...MY,
        ...list(
          'miss a, missed a, skip a, skipped a, missing a, next, daily, morning, evening, nightly, double',
        ),
      ],
    },
  }),

  // ---- treatment modalities and settings
  ...terms('treatment', list('iop, intensive outpatient, partial hospitalization, partial hospitalisation')),
  ...terms(
    'treatment',
    list('hospitalized, hospitalised, hospitalization, hospitalisation, inpatient rehab'),
  ),
  ...terms('treatment', list('rehab, rehabs, psychiatric, psychotherapy, psychoanalysis, emdr')),
  ...terms('treatment', list('electroconvulsive, medication assisted, treatment center, treatment centre')),
  ...terms('treatment', list('treatment facility, med check, medication management')),
  ...terms('treatment', list('detoxing, detoxed, detoxification, methadone clinic, psych ward, psych eval')),
  ...terms('treatment', list('detox'), {
    unless: {
      before: list('digital, social, media, email, dopamine, news, screen, phone, sugar, juice'),
      after: list('the, our, your, this, that, a, retreat'),
    },
  }),
  ...terms('treatment', list('residential'), {
    requires: {
      after: list('treatment, program, programme, rehab, facility, stay, care, placement, center, centre'),
    },
  }),
  ...terms('treatment', list('inpatient'), {
    unless: {
      after: list('billing, module, system, software, data, records, portal, app, feature, client'),
    },
  }),
  ...terms('treatment', list('therapy, therapies'), {
    unless: { before: list('retail, was, like, such, pure, gene') },
  }),
  ...terms('treatment', list('counseling, counselling'), {
    unless: { before: list('the, career, financial, legal, credit, debt, company') },
  }),
  ...terms('treatment', list('cbt'), {
    unless: {
      after: list('module, modules, course, courses, training, platform, system, content, test, exam'),
    },
  }),
  ...terms('treatment', list('dbt'), {
    requires: {
      before: list('doing, in, a, started, my'),
      after: list('skills, group, therapy, program, programme, session, sessions, class, therapist'),
    },
    unless: {
      after: list('model, models, run, job, jobs, project, cloud, test, tests, core, package, seed'),
    },
  }),
  ...terms('treatment', list('ect, tms'), {
    requires: { after: list('session, sessions, treatment, treatments, therapy') },
  }),
  ...terms('treatment', list('mat'), {
    exactCase: true,
    requires: { after: list('program, clinic, treatment') },
  }),
  ...terms('treatment', list('php'), {
    requires: {
      after: list('program, programme, level, day, days, group, treatment, partial'),
      nearby: true,
    },
  }),
  ...terms('treatment', list('12 step, twelve step'), {
    requires: {
      before: list('my, working, work, doing, in'),
      after: list('program, programme, meeting, meetings, group, groups, recovery, work, fellowship'),
    },
  }),
  ...terms('treatment', list('aa meeting, aa meetings, na meeting, na meetings, aa group, na group')),
  ...terms('treatment', list('AA'), {
    exactCase: true,
    requires: {
      before: list('to, at, attend, attending, my, from, after, before'),
      after: list('meeting, meetings, group, sponsor, step, steps, chip, tonight, tomorrow'),
      nearby: true,
    },
    unless: { after: list('battery, batteries, cell, cells, rating, rated, flight, flights') },
  }),
  ...terms('treatment', list('NA'), {
    exactCase: true,
    requires: { after: list('meeting, meetings, group, sponsor, step, steps, chip'), nearby: true },
    unless: { after: list('region, regions, market, sales, team') },
  }),

  // ---- clinicians and providers
  ...terms('provider', list('psychiatrist, psychologist, therapist, counselor, counsellor'), {
    fuzzy: true,
    unless: { before: list('camp, career, financial, legal, admissions, massage') },
  }),
  ...terms('provider', list('clinician, lcsw, lmft, lmhc, lpc, lpcc, cadc, lcadc, addiction specialist')),
  ...terms('provider', list('behavioral health, behavioural health, hazelden, betty ford, sierra tucson')),
  ...terms(
    'provider',
    list('menninger, mclean hospital, silver hill hospital, caron treatment, phoenix house'),
  ),
  ...terms('provider', list('recovery centers of america, american addiction centers, sober coach')),
  ...terms('provider', list('psych'), {
    requires: {
      before: MY,
      after: list('hold, hospital, unit, meds, med, appointment, appt, nurse, np, visit, evaluation'),
    },
  }),
  ...terms('provider', list('shrink'), { requires: { before: [...MY, ...list('a, see, seeing')] } }),
  ...terms('provider', list('case manager'), { requires: { nearby: true } }),

  // ---- symptoms
  ...terms('symptom', list('panic attack, panic attacks, hearing voices, intrusive thoughts')),
  ...terms('symptom', list('racing thoughts, mood swings, auditory hallucinations, visual hallucinations')),
  ...terms('symptom', list('dissociating, dissociation, dissociative, dissociate, mania, hypomania')),
  ...terms('symptom', list('hypomanic, cravings, blackouts, delirium tremens')),
  ...terms('symptom', list('flashbacks'), { unless: { after: list('to') } }),
  ...terms('symptom', list('seizure, seizures'), {
    unless: { before: list('asset, assets, property, cargo, police, customs') },
  }),
  ...terms('symptom', list('withdrawal, withdrawals'), {
    requires: {
      before: list('in, through, having, had, bad, opioid, alcohol, benzo, nicotine'),
      after: list('symptoms, symptom, effects, is real, is awful, is rough, is no joke'),
      nearby: true,
    },
    unless: {
      before: list('cash, atm, strategic, early, bank, troop, troops'),
      after: list('of, from the, limit, limits, fee, fees, request, period, mode, date, form'),
    },
  }),
  ...terms('symptom', list('craving'), {
    requires: { after: list('a drink, to use, to drink, alcohol, a hit, pills'), nearby: true },
  }),
  ...terms('symptom', list('manic'), {
    requires: { after: list('episode, episodes, phase, depression, state'), nearby: true },
  }),
  ...terms('symptom', list('insomnia'), {
    requires: { before: [...MY, ...list('chronic, have')], nearby: true },
  }),
  ...terms('symptom', list('flashback, nightmares, tremors, shakes, paranoia, hallucinations'), {
    requires: { nearby: true },
  }),
  ...terms('symptom', list('hallucinating, delusions, triggered, blacked out'), {
    requires: { nearby: true },
  }),
  ...terms('symptom', list('breakdown'), { requires: { before: list('nervous, mental, emotional') } }),

  // ---- recovery and support groups
  ...terms('support_group', list('alcoholics anonymous, narcotics anonymous, cocaine anonymous')),
  ...terms('support_group', list('gamblers anonymous, overeaters anonymous, al anon, alanon, alateen')),
  ...terms('support_group', list('smart recovery, celebrate recovery, sponsee, home group, step work')),
  ...terms('support_group', list('working the steps, serenity prayer, aa sponsor, na sponsor')),
  ...terms('support_group', list('sponsor'), {
    requires: { before: [...MY, ...list('aa, na')] },
    unless: { after: list('for, of') },
  }),
  ...terms('support_group', list('recovery'), {
    requires: {
      before: [
        ...MY,
        'early',
        "i'm in",
        'im in',
        'i am in',
        'been in',
        'was in',
        'addiction',
        'sober',
        'long term',
        ...TIME_UNITS.map((unit) => `${unit} in`),
      ],
      after: list(
        'meeting, meetings, program, programme, center, centre, house, community, coach, group, groups, residence, journey, work, date',
      ),
    },
    unless: {
      before: list('data, disaster, password, account, key, error, crash'),
      after: list('code, codes, key, keys, email, phone, password, mode, point, plan, disk'),
    },
  }),
];
