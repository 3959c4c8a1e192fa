/**
 * Word lists the detector adds to its hand-built lexicon (lexicon.ts), each with where it comes from.
 *
 * Every list below was written out by hand for this project from public-domain works of the US
 * federal government (17 U.S.C. § 105), which anyone may reuse:
 * - MedlinePlus health topics and drug information, and MedlinePlus en español (U.S. National
 *   Library of Medicine, NLM);
 * - RxNorm's names of prescribable drugs, generic and brand (NLM);
 * - NIMH's health topics on mental disorders (National Institute of Mental Health);
 * - NIDA's "Commonly Used Drugs Charts" and DEA's "Slang Terms and Code Words" (street names);
 * - SAMHSA's glossaries of treatment and recovery (levels of care, medications for OUD/AUD).
 * No text was copied from any diagnostic manual: the names of conditions are common words and
 * facts, listed here in the form people type them. Spellings are lower case without accents: the
 * detector reads text in its normal form (normal-form.ts), where "depresión" is "depresion".
 * The same sources and licences are listed in the README under "Vocabulary".
 */

/** A comma-separated list, so the word lists stay compact and easy to scan. */
export function list(items: string): string[] {
  return items
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

// ---- conditions, common and formal names (NIMH health topics; MedlinePlus health topics)
export const CONDITIONS = list(`
  dysthymia, dysthymic, persistent depressive disorder, cyclothymia, cyclothymic, cyclothymic disorder,
  trichotillomania, dermatillomania, excoriation disorder, skin picking disorder, hair pulling disorder,
  kleptomania, kleptomaniac, pyromania, body dysmorphia, body dysmorphic, body dysmorphic disorder,
  hoarding disorder, compulsive hoarding, scrupulosity, misophonia, selective mutism,
  avoidant restrictive food intake disorder, arfid, orthorexia, anorexia nervosa, bulimia nervosa,
  binge eating disorder, rumination disorder, schizophreniform, delusional disorder,
  psychotic disorder, psychotic break, psychotic episode, first episode psychosis, postpartum psychosis,
  bipolar i, bipolar ii, bipolar 1, bipolar 2, bi polar, manic depression, manic depressive,
  histrionic personality, narcissistic personality disorder, antisocial personality disorder,
  avoidant personality disorder, dependent personality disorder, schizotypal, schizoid,
  dissociative identity disorder, multiple personality disorder, depersonalization, derealization,
  depersonalisation, derealisation, conversion disorder, functional neurological disorder,
  somatic symptom disorder, illness anxiety disorder, hypochondria, hypochondriac,
  adjustment disorder, acute stress disorder, complex ptsd, complex trauma, postpartum depression,
  postnatal depression, perinatal depression, premenstrual dysphoric disorder, pmdd,
  seasonal affective disorder, gambling disorder, gambling addiction, compulsive gambling,
  problem gambling, gaming disorder, sex addiction, porn addiction, love addiction, shopping addiction,
  autism spectrum, autism spectrum disorder, attention deficit, attention deficit disorder,
  attention deficit hyperactivity disorder, dyscalculia, tic disorder, tourette syndrome,
  catatonia, emetophobia, social phobia, social anxiety disorder, separation anxiety disorder,
  panic disorder, agoraphobic, obsessive compulsive disorder, intermittent explosive disorder,
  oppositional defiant disorder, reactive attachment disorder, tardive dyskinesia,
  alcohol dependence, opioid dependence, drug dependence, chemical dependency, substance dependence,
  alcohol use disorder, opioid use disorder, stimulant use disorder, cannabis use disorder,
  fetal alcohol, wernicke, korsakoff, suicidal ideation, self injury, nssi,
  treatment resistant depression, major depressive episode, mixed episode, rapid cycling,
  mental illness, serious mental illness, emotional dysregulation, burnout diagnosis,
  traumatic brain injury, ehlers danlos, chronic fatigue syndrome, myalgic encephalomyelitis
`);

// Abbreviations that are clinical in any case ("ptsd", "PTSD").
export const CONDITION_ABBREVIATIONS = list('pmdd, arfid, cptsd, c ptsd, ocpd, adhd, ptsd');

// Abbreviations that are ordinary words or other things in lower case: only as capitals.
export const CONDITION_ABBREVIATIONS_CAPS = list('OUD, MDD, GAD, BPD, SUD, PDD, PPD, ASD, TEPT, TDAH, TLP');

// ---- psychiatric and addiction medications, generic and brand (RxNorm; MedlinePlus drug information)
export const MEDICATIONS = list(`
  revia, depade, provigil, modafinil, nuvigil, armodafinil, sunosi, solriamfetol, wakix, pitolisant,
  xyrem, xywav, auvelity, lybalvi, cobenfy, ingrezza, valbenazine, austedo, deutetrabenazine,
  nuplazid, pimavanserin, emsam, selegiline, nardil, phenelzine, parnate, tranylcypromine, marplan,
  isocarboxazid, anafranil, clomipramine, tofranil, imipramine, doxepin, silenor, sinequan,
  desipramine, norpramin, protriptyline, aplenzin, forfivo, symbyax, equetro, eskalith, depakene,
  sarafem, pexeva, brisdelle, khedezla, drizalma, oleptro, zulresso, brexanolone, exxua, gepirone,
  mydayis, evekeo, zenzedi, adzenys, dyanavel, jornay, azstarys, quillichew, quillivant, daytrana,
  aptensio, metadate, methylin, relexxii, cotempla, desoxyn, kapvay, onyda,
  tranxene, clorazepate, serax, oxazepam, halcion, triazolam, estazolam, zaleplon, rozerem,
  ramelteon, dayvigo, lemborexant, quviviq, daridorexant, edluar, fanapt, iloperidone, secuado, aristada, sustenna, hafyera, perseris, uzedy,
  relprevv, navane, thiothixene, loxitane, loxapine, trilafon, perphenazine, thorazine,
  chlorpromazine, fluphenazine, prolixin, orap, pimozide, stelazine, trifluoperazine, thioridazine,
  molindone, bunavail, probuphine, kloxxado, zimhi, opvee, nalmefene, selincro, baclofen, topiramate,
  catapres, minipress, atarax, benadryl for sleep, lithium carbonate, valproic acid,
  norco, lortab, opana, roxicodone, vivitrol shot, sublocade shot, methadone dose, suboxone strips
`);

// Street and slang names of prescription drugs (DEA "Slang Terms and Code Words"; NIDA charts).
export const DRUG_SLANG = list(`
  percocets, perc30s, roxies, roxy, roxys, oxys, oxies, vikes, vics, norcos,
  xans, xannies, xanny, xanax bars, zanny, zannies, klonnies, k pins, kpins, addy, addies, adderal xr,
  benzo bars, blues, m30, m30s, dillies, fent, fetty, tranq, xylazine, lean, sizzurp, purple drank,
  dope, smack, h, black tar, china white, krokodil, ice, crystal, tina, glass, shards, yayo, yeyo,
  blow, snow, nose candy, rock, rocks, k, k hole, khole, mandy, ecstasy, xtc, acid, lsd,
  mushrooms, shrooms, dmt, ayahuasca, pcp, angel dust, bath salts, flakka, spice, k2, poppers,
  whippets, nitrous, ghb, g, roofies, rohypnol
`);
// Slang names that are ordinary words too: clinical only in a use context (see lexicon.ts).
export const DRUG_SLANG_CONTEXTUAL = new Set(
  list(`dope, smack, h, ice, crystal, tina, glass, shards, blow, snow, rock, rocks, k, acid, spice,
  blues, lean, g, mandy, subs, mushrooms, whippets, nitrous, poppers, fent, roxy, addy, vics, k2, fetty`),
);

// ---- the language of use and of recovery (NIDA; SAMHSA recovery glossary; mutual-help literature)
export const USE_SLANG = list(`
  dopesick, dope sick, dopesickness, kicking dope, kick dope, kicked dope, getting high, got high,
  get high, stay high, staying high, smoking crack, shooting up, shot up heroin, snorted coke,
  nodding off on, fiending, junkie, junky, crackhead, cokehead, pothead, methhead, tweaker, tweaking on,
  blackout drunk, black out drunk, drunk every night, drinking every night, drinking every day,
  day drinking, drinking alone, functioning alcoholic, high functioning alcoholic, problem drinker,
  heavy drinker, hit the bottle, hitting the bottle, on the wagon, off the wagon, fell off the wagon,
  falling off the wagon, off the sauce, on the sauce, hitting the sauce, hit the sauce, off the booze,
  on the booze, back on the booze, white knuckling, pink cloud, pink clouding, clean date,
  sobriety date, sober date, dry drunk, using again, my using,
  drug habit, pill habit, opioid habit, harm reduction, needle exchange,
  court ordered treatment, court mandated treatment, drug court, dui, dwi, owi, detoxing, withdrawing from, tapering off, taper off, cold turkey, mat program,
  medication for opioid use disorder, moud, maud, recovery residence, halfway house, three quarter house,
  oxford house, chip night, 30 day chip, 90 day chip, higher power
`);

// ---- treatment and levels of care (SAMHSA; MedlinePlus)
export const TREATMENTS = list(`
  dialectical behavior therapy, dialectical behaviour therapy, dialectical behavioral therapy,
  dialectical behavior, dialectical behaviour, cognitive behavioral therapy, cognitive behavioural therapy,
  cognitive behavior therapy, cognitive processing therapy, prolonged exposure therapy,
  exposure and response prevention, exposure response prevention, acceptance and commitment therapy,
  interpersonal therapy, schema therapy, psychodynamic therapy, trauma focused therapy,
  eye movement desensitization, transcranial magnetic stimulation, electroconvulsive therapy,
  ketamine infusion, ketamine infusions, ketamine therapy, esketamine treatment, spravato treatment,
  intensive outpatient program, intensive outpatient programme, partial hospitalization program,
  partial hospitalisation programme, day treatment program, residential treatment,
  residential program, inpatient treatment, inpatient psych, inpatient psychiatric, psychiatric unit,
  psychiatric hospital, psychiatric ward, psych unit, psych hospital, behavioral health unit,
  crisis stabilization, crisis unit, involuntary hold, 5150, baker act,
  sober living house, sober house, outpatient rehab, aftercare program, relapse prevention,
  relapse prevention group, group therapy, family therapy, couples therapy,
  couples counseling, couples counselling, marriage counseling, talk therapy, art therapy,
  psychiatric nurse, medication management appointment, med management, psychiatric evaluation, psych evaluation, eating disorder program, eating disorder clinic,
  methadone program, suboxone clinic, suboxone program, dosing clinic, opioid treatment program
`);
// Not listed on purpose: "treatment program", "outpatient program", "outpatient treatment". The app's
// own default wording ("a scheduled outpatient medical treatment program") names no condition and
// must stay releasable.

// Capitalised abbreviations of treatment (any of these, in capitals, next to a care word or alone).
export const TREATMENT_ABBREVIATIONS = list('moud, maud, emdr');

// ---- clinicians and the people around care
export const PROVIDER_ROLES = list(`
  therapist, therapists, psychiatrist, psychiatrists, psychologist, psychologists, counselor,
  counsellor, counselors, counsellors, psychotherapist, psychotherapists, psychoanalyst, shrink,
  case manager, case worker, caseworker, social worker, clinical social worker, nurse practitioner,
  psych np, pmhnp, addiction counselor, addiction counsellor, drug counselor, substance abuse counselor,
  recovery coach, peer support specialist, peer specialist, sober companion, sponsor, sponsee,
  care coordinator, treatment team, clinical team, prescriber, psych nurse, psychiatric nurse
`);

// Roles that mean a clinician only when the writer has one ("my sponsor", "my case worker").
export const PROVIDER_ROLES_OF_MINE = new Set(
  list(`sponsor, case manager, case worker, caseworker, social worker, care coordinator, treatment team,
  clinical team, prescriber, recovery coach, peer support specialist, peer specialist, nurse practitioner`),
);

// Titles before a clinician's name.
export const DOCTOR_TITLES = new Set(list('dr, doctor, dra, doctora'));

// Words that follow "Dr" without being anyone's name: the soft drink, disaster recovery, cartoons.
export const NOT_DOCTOR_NAMES = new Set(
  list(`pepper, peppers, seuss, who, oz, strange, doom, evil, no, jekyll, dre, martens, scholl, scholls,
  site, sites, plan, plans, test, tests, testing, drill, drills, region, regions, failover, environment,
  environments, strategy, runbook, runbooks, exercise, exercises, setup, solution, cluster, copy,
  replica, replicas, backup, backups, process, procedure, procedures, policy, tier, rto, rpo, and, or,
  appointment, appointments, appt, appts, visit, visits, note, notes, office, said, says, told, wants,
  the, a, an, my, your, his, her, their, our, is, was, will, can, to, at, on, in, for, of, with,
  today, tomorrow, yesterday, monday, tuesday, wednesday, thursday, friday, saturday, sunday`),
);

// ---- Spanish (MedlinePlus en español; NIDA en español), accents removed (see above)
export const SPANISH_CONDITIONS = list(`
  depresion, depresion mayor, depresion posparto, trastorno depresivo, distimia, ansiedad generalizada,
  trastorno de ansiedad, crisis de ansiedad, ataque de ansiedad, ataques de ansiedad, ataque de panico,
  ataques de panico, trastorno de panico, trastorno bipolar, bipolaridad, esquizofrenia, esquizoafectivo,
  psicosis, brote psicotico, trastorno obsesivo compulsivo, estres postraumatico, trastorno limite,
  trastorno de la personalidad, trastorno alimentario, trastorno de la conducta alimentaria,
  anorexia nerviosa, bulimia nerviosa, trastorno por atracon, alcoholismo, drogadiccion, ludopatia,
  adiccion, adicciones, adicto, adicta, alcoholico, alcoholica, deficit de atencion, autismo,
  enfermedad mental, problemas de salud mental, mi salud mental, tricotilomania,
  tengo ansiedad, mi ansiedad, sufro de ansiedad, sufro ansiedad, con ansiedad, cleptomania, dismorfia corporal, autolesiones
`);
export const SPANISH_TREATMENT = list(`
  terapia, terapias, psicoterapia, terapeuta, psicologo, psicologa, psiquiatra, psiquiatrico,
  psiquiatrica, psiquiatria, rehabilitacion, centro de rehabilitacion, desintoxicacion, desintoxicarme,
  hospital de dia, ingreso psiquiatrico, internamiento, programa ambulatorio, programa ambulatorio intensivo,
  tratamiento ambulatorio, grupo de apoyo, alcoholicos anonimos, narcoticos anonimos, reunion de aa,
  reuniones de aa, grupo de aa, reunion de na, antidepresivo, antidepresivos, ansiolitico,
  ansioliticos, antipsicotico, antipsicoticos, estabilizador del animo, pastillas para dormir,
  sertralina, fluoxetina, paroxetina, venlafaxina, duloxetina, bupropion, mirtazapina, trazodona,
  quetiapina, aripiprazol, risperidona, olanzapina, lamotrigina, acido valproico, clonazepam,
  alprazolam, lorazepam, diazepam, metilfenidato, lisdexanfetamina, atomoxetina, naltrexona,
  buprenorfina, metadona, acamprosato
`);
export const SPANISH_USE = list(`
  recaida, recai, sin beber, dejar de beber, deje de beber, dejo de beber, problemas con el alcohol,
  problema con el alcohol, problemas con la bebida, consumo de drogas, consumir drogas, consumo de alcohol,
  sindrome de abstinencia, abstinencia, sobrio, sobria, sobriedad, limpio desde, limpia desde,
  cocaina, heroina, metanfetamina, marihuana, porros, fumar porros, borrachera, borracheras,
  me drogo, me drogaba, drogarme, beber todos los dias, bebo todos los dias, bebo demasiado
`);
// "me diagnosticaron X", "diagnosticada con X": whatever follows is the condition.
export const SPANISH_DIAGNOSED = list(
  'me diagnosticaron, diagnosticado con, diagnosticada con, diagnostico de',
);

// A word after a care word that belongs to the same detail: "... therapy program", "IOP group".
export const CARE_SUFFIXES = new Set(
  list(`program, programme, programs, group, groups, session, sessions, class, classes, skills,
  clinic, center, centre, unit, ward, meeting, meetings, appointment, appointments, appt, appts,
  treatment, therapy, course, track, day, days, night, nights, stuff, diagnosis, disorder, episode`),
);

// What a treatment place is called after its name: "Harborlight Recovery", "Cedar Ridge Behavioral Health".
export const PLACE_KINDS = new Set(
  list(`center, centre, centers, centres, clinic, clinics, house, institute, hospital, services, program,
  programme, ranch, lodge, village, campus, recovery, wellness, health, behavioral, behavioural, treatment,
  rehab, detox, counseling, counselling, psychiatry, psychiatric, therapy, residence, residences,
  retreat, pavilion, foundation`),
);
// Of those, the ones that say "treatment place" on their own after a name ("Harborlight Recovery").
export const PLACE_KINDS_ALONE = new Set(
  list(`recovery, behavioral, behavioural, treatment, rehab, detox, counseling, counselling, psychiatry,
  psychiatric, therapy, wellness`),
);

// Stems that make an email address or web address name a clinical service.
export const CLINICAL_ADDRESS_STEMS = list(`
  psych, therap, counsel, recover, rehab, detox, sober, addict, mental, behavioral, behavioural, clinic,
  wellness, treatment, iop, 12step, twelvestep, suicid, crisis, 988, samhsa, alanon, al-anon,
  alcoholics, narcotics, smartrecovery, aa.org, na.org, ca.org, methadone, suboxone, bupe, naloxone,
  narcan, nami, dbsa, adaa, nimh, nida, eating, anorexi, bulimi, bipolar, depress, anxiety, ptsd, adhd,
  autism, hospital, health, harbor, terapia, psiquiatr, psicolog
`);

// Work language in which care words are about a product or a client, not the writer.
export const WORK_CONTEXT = new Set(
  list(`app, apps, booking, bookings, platform, client, clients, customer, customers, billing,
  integration, integrations, dashboard, dashboards, portal, feature, features, mockup, mockups, mock,
  mocks, demo, demos, product, products, crm, api, ticket, tickets, vendor, vendors, account, accounts,
  contract, contracts, renewal, deal, deals, project, projects, role, roles, volunteer, volunteers,
  volunteering, finder, directory, marketplace, chatbot, bot, matching, website, landing, copy, campaign,
  sprint, backlog, roadmap, spec, schema, database, module, microservice, service, endpoint, dataset,
  prototype, figma, wireframe, wireframes, repo, codebase, pilot, rollout, launch, release`),
);
