import type { ClinicalCategory } from './types.js';
import * as V from './vocabulary.js';

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
  /**
   * The term does not count when one of these words comes within the next few words: "drinking a
   * lot of water" is about water even though "drinking a lot" alone would count.
   */
  unlessSoon?: readonly string[];
  /** Only the phrase as written counts, not its plural ("a 12-step program", not "follow these 12 steps"). */
  singularOnly?: boolean;
}

type Options = Omit<Term, 'phrase' | 'category'>;

const list = V.list;
// Sentences about a product, a client or a role rather than the writer ("the therapy booking app").
const AT_WORK = [...V.WORK_CONTEXT];

function terms(category: ClinicalCategory, phrases: readonly string[], options: Options = {}): Term[] {
  return phrases.map((phrase) => ({ phrase, category, ...options }));
}

// Words that show a sentence is about the writer's own use of something.
const MY = list('my, her, his, their, your');
const TIME_UNITS = list('day, days, week, weeks, month, months, year, years');
// Going somewhere regularly: "going to NA tonight", "I'm at recovery on tuesdays".
const GOING_TO = list('going to, go to, went to, get to, getting to, head to, heading to, headed to');
// What people drink at work. A sentence about drinking these is not about alcohol.
const BEVERAGES = list(
  'coffee, coffees, water, tea, teas, soda, sodas, juice, milk, kombucha, caffeine, espresso, espressos, latte, lattes, matcha, smoothie, smoothies, seltzer, la croix, energy, diet coke',
);
// How a drinking habit is described: "I drink too much", "drinking a lot to cope".
const HOW_MUCH_DRINKING = list(
  'too much, way too much, a lot, so much, more and more, heavily, every night, every day, most nights, alone, to cope, to forget, to sleep, to wind down, to numb, to get through, before work, at work, during the day, again',
);

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

const BASE: readonly Term[] = [
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
  ...terms('condition', list('pregnancy, pregnancies, pregnant, miscarriage, miscarried, morning sickness'), {
    unless: {
      after: list(
        'pause, pauses, silence, moment, with meaning, app, apps, feature, features, tracker, trackers, client, clients, product, products, category, module, leave policy, policy, policies',
      ),
    },
  }),
  ...terms('condition', list('ivf, fertility treatment, fertility treatments')),
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
  // "the build relapsed", "we relapsed to the old pricing page": software and numbers relapse too.
  ...terms('substance_use', list('relapse, relapsed, relapses, relapsing'), {
    fuzzy: true,
    unless: {
      before: list(
        'build, builds, test, tests, suite, pipeline, pipelines, ci, service, services, server, servers, bug, bugs, regression, app, site, metric, metrics, numbers, project, deploy, deployment, system, job, jobs, code, we, it, they, churn, revenue, sales, pricing',
      ),
      after: list('to the, into red, into failing, back to the, to old, to an older, to a previous'),
    },
  }),
  ...terms('substance_use', list('relapsd, relasped, sobriety, sober living, clean and sober')),
  ...terms('substance_use', list('sober'), {
    unless: {
      before: list('a, the, very, more, most, quite, rather'),
      after: list('look, truth, assessment, reminder, analysis, view, reflection, reality, fact, curious'),
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
      after: [...HOW_MUCH_DRINKING, ...list('problem, habit, issue, issues')],
    },
    unless: { after: [...BEVERAGES, ...list('from, fountain, fountains, straw, straws')] },
    unlessSoon: BEVERAGES,
  }),
  // "I drink too much" and "he drinks every night" describe a habit; "drink water", "drinks with
  // the team" do not, so only the habit words around it count.
  ...terms('substance_use', list('drink'), {
    requires: { after: HOW_MUCH_DRINKING },
    unless: { before: list('a, the, one, another, free, soft, energy, sports') },
    unlessSoon: BEVERAGES,
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
  // Street names that are everyday words: only in a use context ("using speed again", "doing coke").
  ...terms('substance_use', list('speed, coke, molly, uppers, downers'), {
    requires: {
      before: list(
        'on, doing, did, snorting, snorted, snort, took, taking, bumping, hooked on, addicted to, off the, quit, line of, lines of, bump of, using, use, used, buying, bought',
      ),
      after: list('again, habit, addiction, binge, binges, comedown, problem, to stay, to keep'),
    },
    unless: {
      before: list('diet, full, top, warp, light, high, the, at, up to'),
      after: list(
        'up, of, limit, limits, run, runs, dial, dating, test, tests, bump, bumps, round, rounds, zero, can, cans, bottle, machine, and, or, boost, gain, gains, improvement, improvements, as, for, to, over',
      ),
    },
  }),
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
      before: [
        ...list('popping, popped, pop, abusing, using, pain, off the, hooked on, addicted to, on the'),
        ...MY,
      ],
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
  ...terms('treatment', list('rehab, rehabs'), {
    unlessSoon: AT_WORK,
    unless: {
      after: list(
        'clinic chain, chain, chains, client, clients, industry, company, companies, sector, market, account, accounts',
      ),
    },
  }),
  ...terms('treatment', list('psychiatric, psychotherapy, psychoanalysis, emdr')),
  ...terms('treatment', list('electroconvulsive, medication assisted, treatment center, treatment centre')),
  ...terms('treatment', list('treatment facility, med check, medication management')),
  ...terms('treatment', list('detoxing, detoxed, detoxification, methadone clinic, psych ward, psych eval')),
  ...terms('treatment', list('detox'), {
    unless: {
      before: list('digital, social, media, email, dopamine, news, screen, phone, sugar, juice'),
      after: list(
        'the, our, your, this, that, a, retreat, juice, juices, tea, teas, water, smoothie, smoothies, cleanse, cleanses, diet, challenge, weekend, bath, baths, pop up, popup, shot, shots',
      ),
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
    unlessSoon: AT_WORK,
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
  ...terms('treatment', list('MAT'), {
    exactCase: true,
    requires: {
      before: list('on, my, a, the, in'),
      after: list('program, clinic, treatment, provider, dose, doses, appointment'),
    },
  }),
  ...terms('treatment', list('php'), {
    requires: {
      after: list('program, programme, level, day, days, group, treatment, partial'),
      nearby: true,
    },
  }),
  // "12-step" on its own is the recovery programme; "a 12-step migration plan" is a checklist, and the
  // plural ("follow these 12 steps") is nearly always instructions unless someone is working them.
  ...terms('treatment', list('12 step, twelve step'), {
    singularOnly: true,
    unless: {
      after: list(
        'migration, migrations, plan, plans, guide, guides, checklist, checklists, rollout, runbook, runbooks, setup, install, installation, tutorial, tutorials, wizard, onboarding, deploy, deployment, pipeline, pipelines, recipe, recipes, workflow, workflows, form, forms, flow, flows, procedure, procedures, playbook, playbooks, upgrade, sequence, framework, method, wizard, build, release, script, rollback, approval, review, funnel',
      ),
    },
  }),
  ...terms('treatment', list('12 steps, twelve steps'), {
    requires: {
      before: list('my, working, working the, work the, doing the, through the'),
      after: list('program, programme, of recovery, of aa, of na'),
    },
    unless: { after: list('in, of the, to, below, above, for, from') },
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
  // "NA" is also North America: only going to it, being at it, or its meetings and sponsors count,
  // and not "at NA HQ" or "NA sales".
  ...terms('treatment', list('NA'), {
    exactCase: true,
    requires: {
      before: [...GOING_TO, ...list('at, attend, attending, attended, my')],
      after: list('meeting, meetings, group, sponsor, step, steps, chip, tonight, tomorrow night'),
      nearby: true,
    },
    unless: {
      after: list(
        'region, regions, market, markets, sales, team, teams, hq, office, offices, customers, customer, users, launch, release, rollout, pricing, revenue, numbers, time, hours, timezone, east, west, holidays, accounts, org, leadership, and, or, only, first',
      ),
    },
  }),

  // ---- clinicians and providers
  // "the counselor role on the school project", "my therapist-finder app mock": roles and products.
  ...terms('provider', list('psychiatrist, psychologist, therapist, counselor, counsellor'), {
    fuzzy: true,
    unless: {
      before: list(
        'camp, career, financial, legal, admissions, massage, school, guidance, summer, student, students, youth, academic, college, debt, credit, sales, the school, a camp',
      ),
      after: list(
        'finder, finders, directory, search, marketplace, booking, platform, matching, portal, bot, chatbot, role, roles, position, job, volunteer',
      ),
    },
    unlessSoon: [...AT_WORK, ...list('school, camp, kids, son, daughter')],
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
      // what it does to the person: "the withdrawal is making it hard to focus", "withdrawal kicked in"
      after: list(
        'symptoms, symptom, effects, is real, is awful, is rough, is no joke, is brutal, is the worst, is killing me, is making it hard, is making it harder, is making it tough, is making it difficult, is making me, making me, made me, makes me, has me, kicked in, kicks in, kicking in, hit me, hits me, is hitting me, hitting me',
      ),
      nearby: true,
    },
    unless: {
      before: list('cash, atm, strategic, early, bank, troop, troops, partial, full, penalty free'),
      after: list(
        'of, from the, limit, limits, fee, fees, request, requests, period, periods, mode, date, dates, form, forms, amount, amounts, method, methods, button, flow',
      ),
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
        // a place someone goes: "I'm at recovery on tuesdays", "heading to recovery after work"
        'at',
        ...GOING_TO,
      ],
      after: list(
        'meeting, meetings, program, programme, center, centre, house, community, coach, group, groups, residence, journey, work, date',
      ),
    },
    unless: {
      before: list(
        'data, disaster, password, account, key, error, crash, system, file, files, database, db, backup, service, fault, cost, point in time',
      ),
      after: list(
        'code, codes, key, keys, email, emails, phone, password, mode, point, points, plan, plans, disk, step, steps, phase, phases, time, objective, objectives, stage, stages, of, procedure, procedures, process, drill, drills, site, sites, test, tests, testing, option, options, partition, console, flow, window, scenario, scenarios, rate, rates',
      ),
    },
  }),
];

/** Phrases already in the hand-built lexicon keep their context rules; the lists below only add. */
const KNOWN = new Set(BASE.map((term) => term.phrase.toLowerCase()));
const fresh = (phrases: readonly string[]): string[] =>
  phrases.filter((phrase) => !KNOWN.has(phrase.toLowerCase()));

// Words used for drugs by people who take them, clinical only when someone takes them: "got off the
// percs", "doing blow", "kicking dope"; never "the percs and benefits page" or "the snow".
const USE_VERBS = list(
  'on, off, off the, on the, doing, did, do, using, use, used, snorting, snorted, snort, smoking, smoked, smoke, shooting, shot, popping, popped, pop, took, taking, take, buying, bought, selling, sold, hooked on, addicted to, quit, quitting, kicking, kick, kicked, some, score, scored, cop, copped, withdrawal from, craving, cravings for',
);

const VOCABULARY: readonly Term[] = [
  ...terms('condition', fresh(V.CONDITIONS), { fuzzy: true }),
  ...terms('condition', fresh(V.CONDITION_ABBREVIATIONS)),
  ...terms('condition', fresh(V.CONDITION_ABBREVIATIONS_CAPS), { exactCase: true }),
  ...terms('medication', fresh(V.MEDICATIONS), { fuzzy: true }),
  ...terms('substance_use', fresh(V.DRUG_SLANG.filter((word) => !V.DRUG_SLANG_CONTEXTUAL.has(word)))),
  ...terms('substance_use', fresh([...V.DRUG_SLANG_CONTEXTUAL]), {
    requires: {
      before: USE_VERBS,
      after: list('again, habit, addiction, problem, binge, every day, every night'),
    },
    unless: { before: list('the, a, an') },
    unlessSoon: AT_WORK,
  }),
  ...terms('substance_use', list('perc, percs'), {
    requires: { before: [...USE_VERBS, ...MY], after: list('again, habit, addiction, problem') },
    unlessSoon: [...AT_WORK, ...list('benefits, benefit, page, package, packages, policy, perks')],
  }),
  ...terms('substance_use', fresh(V.USE_SLANG)),
  ...terms('treatment', fresh(V.TREATMENTS), { unlessSoon: AT_WORK }),
  ...terms('treatment', fresh(V.TREATMENT_ABBREVIATIONS)),
  ...terms('provider', fresh(V.PROVIDER_ROLES.filter((role) => !V.PROVIDER_ROLES_OF_MINE.has(role))), {
    unlessSoon: AT_WORK,
  }),
  ...terms('provider', fresh([...V.PROVIDER_ROLES_OF_MINE]), { requires: { before: MY } }),
  ...terms('condition', fresh(V.SPANISH_CONDITIONS)),
  ...terms('condition', list('deprimido, deprimida'), {
    requires: { before: list('estoy, siento, muy, sentirme, ando, sigo') },
  }),
  ...terms('treatment', fresh(V.SPANISH_TREATMENT)),
  ...terms('substance_use', fresh(V.SPANISH_USE)),
  // "reunión de AA", "grupo de NA"
  ...terms('treatment', list('de AA, de NA'), { exactCase: true }),
];

export const LEXICON: readonly Term[] = [...BASE, ...VOCABULARY];
