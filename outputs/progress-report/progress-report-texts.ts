/**
 * The words of the yearly progress report (voortgangsrapportage) for the council, in Dutch and
 * English. Functions where a sentence carries numbers; the numbers come formatted from the
 * caller, so every figure printed is one of the re-forecast's.
 */
export interface ProgressReportTexts {
  kicker: string;
  title: (contract: string, asOf: string) => string;
  madeOn: (date: string, version: string) => string;
  agreedHeading: string;
  agreed: (p: { start: string; months: number; participants: number; programmeMonths: number }) => string;
  agreedPlan: (p: { payments: string; placements: string; net: string }) => string;
  triggersLabel: string;
  capsLabel: (p: { perYear: string | null; total: string | null }) => string;
  happenedHeading: string;
  happened: (p: { asOf: string; participants: string; starts: string; inWork: string; fallbacks: string; paid: string }) => string;
  outsideBand: (count: number, months: number) => string;
  planVsActualCaption: string;
  yearTable: { year: string; measure: string; actual: string; plan: string; band: string; outside: string; jobStarts: string; fallbacks: string; payments: string; yes: string; no: string };
  noCompleteYear: string;
  estimatesHeading: string;
  estimatesIntro: (p: { draws: string; ess: string }) => string;
  estimatesTable: { input: string; prior: string; posterior: string; shift: string; width: string; informedBy: string };
  counterfactualNote: string;
  counterfactualInformed: string;
  forecastHeading: string;
  forecastTable: { year: string; budget: string; paid: string; plan: string; forecast: string };
  capsChance: (p: { plan: string; forecast: string }) => string;
  netTable: { measure: string; plan: string; forecast: string; change: string; municipality: string; provider: string; payments: string; placements: string };
  changedHeading: string;
  changedStarts: (p: { actual: string; planMean: string; low: string; high: string }) => string;
  changedRate: (p: { input: string; prior: string; posterior: string; shift: string }) => string;
  changedNet: (p: { plan: string; forecast: string; change: string }) => string;
  changedPayments: (p: { plan: string; forecast: string; change: string }) => string;
  reproductionHeading: string;
  reproduction: { seed: string; iterations: string; priorDraws: string; ess: string; asOf: string; software: string };
  paymentsChartTitle: string;
  inWorkChartTitle: string;
  planBand: string;
  actual: string;
  planLabel: string;
  forecastLabel: string;
}

export const PROGRESS_REPORT_TEXTS: Record<'nl' | 'en', ProgressReportTexts> = {
  nl: {
    kicker: 'Voortgangsrapportage resultaatfinanciering',
    title: (contract, asOf) => `${contract}: stand tot en met ${asOf}`,
    madeOn: (date, version) => `Opgesteld op ${date} met resultaatfinanciering ${version}`,
    agreedHeading: 'Wat is afgesproken',
    agreed: (p) => `Het contract begon in ${p.start} en loopt ${p.months} maanden. Afgesproken zijn ${p.participants} deelnemers met ${p.programmeMonths} maanden begeleiding.`,
    agreedPlan: (p) => `Bij ondertekening verwachtte het model gemiddeld ${p.payments} aan resultaatbetalingen, ${p.placements} plaatsingen in werk en een netto resultaat voor de gemeente van ${p.net}.`,
    triggersLabel: 'Betaald wordt voor',
    capsLabel: (p) => [p.perYear ? `plafond per jaar ${p.perYear}` : '', p.total ? `totaalplafond ${p.total}` : ''].filter(Boolean).join(', ') || 'geen plafond',
    happenedHeading: 'Wat er gebeurd is',
    happened: (p) => `Tot en met ${p.asOf} zijn ${p.participants} deelnemers ingestroomd, ${p.starts} met werk begonnen en ${p.fallbacks} teruggevallen in de bijstand; ${p.inWork} zijn nu aan het werk. Er is ${p.paid} aan resultaatbetalingen gedaan.`,
    outsideBand: (count, months) => `In ${count} van de ${months} maanden lag een realisatie (starts, aan het werk, terugval of betaling) buiten de 80%-band van het plan.`,
    planVsActualCaption: 'Deelnemers aan het werk per maand: realisatie tegen het plan bij ondertekening (gemiddelde en 80%-band).',
    yearTable: { year: 'Jaar', measure: 'Wat', actual: 'Realisatie', plan: 'Plan (gemiddeld)', band: 'Plan 80%-band', outside: 'Buiten band', jobStarts: 'Gestart met werk', fallbacks: 'Terugval', payments: 'Betalingen', yes: 'ja', no: 'nee' },
    noCompleteYear: 'Er is nog geen volledig kalenderjaar gerealiseerd; de vergelijking per maand staat hierboven.',
    estimatesHeading: 'Bijgestelde schattingen',
    estimatesIntro: (p) => `De onzekere kansen zijn bijgesteld met de regel van Bayes: ${p.draws} trekkingen uit de verdelingen bij ondertekening, gewogen naar hoe goed ze de maandelijkse aantallen verklaren (effectieve steekproefomvang ${p.ess}).`,
    estimatesTable: { input: 'Invoer', prior: 'Bij ondertekening (gem., 90%)', posterior: 'Nu (gem., 90%)', shift: 'Verschuiving (sd)', width: 'Breedte nu/toen', informedBy: 'Op basis van' },
    counterfactualNote: 'Let op: de realisaties gaan alleen over de deelnemers. Wat er zonder het programma was gebeurd (de kans op werk zonder programma, de deadweight) blijft even onzeker als bij ondertekening, tenzij een vergelijkingsgroep wordt bijgehouden.',
    counterfactualInformed: 'Een deel van de gegevens (een vergelijkingsgroep of deelnemers na hun begeleidingsperiode) zegt iets over de kans op werk zonder programma.',
    forecastHeading: 'Bijgestelde prognose',
    forecastTable: { year: 'Jaar', budget: 'Budget (plafond)', paid: 'Al betaald', plan: 'Plan P10 / P50 / P90', forecast: 'Prognose P10 / P50 / P90' },
    capsChance: (p) => `Kans dat een plafond knelt: ${p.plan} bij ondertekening, nu ${p.forecast}.`,
    netTable: { measure: 'Verwachting (gemiddeld)', plan: 'Plan', forecast: 'Prognose', change: 'Verschil', municipality: 'Netto resultaat gemeente', provider: 'Resultaat aanbieder', payments: 'Resultaatbetalingen', placements: 'Plaatsingen in werk' },
    changedHeading: 'Wat is er veranderd en waarom',
    changedStarts: (p) => `Tot nu toe ${p.actual} starts met werk; het plan verwachtte ${p.planMean} (80%-band ${p.low} tot ${p.high}).`,
    changedRate: (p) => `De geschatte kans per maand op ${p.input} is bijgesteld van ${p.prior} naar ${p.posterior} (${p.shift} standaardafwijkingen van de oorspronkelijke schatting).`,
    changedNet: (p) => `Daardoor verandert het verwachte netto resultaat voor de gemeente van ${p.plan} naar ${p.forecast} (${p.change}).`,
    changedPayments: (p) => `De verwachte resultaatbetalingen over de hele looptijd gaan van ${p.plan} naar ${p.forecast} (${p.change}).`,
    reproductionHeading: 'Verantwoording',
    reproduction: { seed: 'Seed', iterations: 'Iteraties', priorDraws: 'Gewogen trekkingen', ess: 'Effectieve steekproefomvang', asOf: 'Realisaties tot en met', software: 'Software' },
    paymentsChartTitle: 'Resultaatbetalingen per jaar: plan en prognose (mediaan, 80%-band)',
    inWorkChartTitle: 'Aan het werk per maand',
    planBand: 'Plan 80%-band',
    actual: 'Realisatie',
    planLabel: 'Plan',
    forecastLabel: 'Prognose',
  },
  en: {
    kicker: 'Progress report, results-based financing',
    title: (contract, asOf) => `${contract}: position up to ${asOf}`,
    madeOn: (date, version) => `Prepared on ${date} with resultaatfinanciering ${version}`,
    agreedHeading: 'What was agreed',
    agreed: (p) => `The contract started in ${p.start} and runs ${p.months} months. It provides for ${p.participants} participants with ${p.programmeMonths} months of coaching.`,
    agreedPlan: (p) => `At signing the model expected on average ${p.payments} of outcome payments, ${p.placements} job placements and a net result for the municipality of ${p.net}.`,
    triggersLabel: 'Payments are made for',
    capsLabel: (p) => [p.perYear ? `yearly cap ${p.perYear}` : '', p.total ? `total cap ${p.total}` : ''].filter(Boolean).join(', ') || 'no cap',
    happenedHeading: 'What happened',
    happened: (p) => `Up to ${p.asOf}, ${p.participants} participants entered, ${p.starts} started work and ${p.fallbacks} fell back onto bijstand; ${p.inWork} are in work now. Outcome payments of ${p.paid} were made.`,
    outsideBand: (count, months) => `In ${count} of the ${months} months an actual (job starts, in work, fall-backs or payments) lay outside the plan's 80% band.`,
    planVsActualCaption: 'Participants in work per month: actuals against the plan at signing (mean and 80% band).',
    yearTable: { year: 'Year', measure: 'What', actual: 'Actual', plan: 'Plan (mean)', band: 'Plan 80% band', outside: 'Outside band', jobStarts: 'Job starts', fallbacks: 'Fall-backs', payments: 'Payments', yes: 'yes', no: 'no' },
    noCompleteYear: 'No calendar year is complete yet; the month-by-month comparison is above.',
    estimatesHeading: 'Updated estimates',
    estimatesIntro: (p) => `The uncertain rates were updated by Bayes' rule: ${p.draws} draws from the distributions at signing, weighted by how well they explain the monthly counts (effective sample size ${p.ess}).`,
    estimatesTable: { input: 'Input', prior: 'At signing (mean, 90%)', posterior: 'Now (mean, 90%)', shift: 'Shift (sd)', width: 'Width now/then', informedBy: 'Informed by' },
    counterfactualNote: 'Note: the actuals cover only the participants. What would have happened without the programme (the job-entry rate without it, the deadweight) stays as uncertain as at signing unless a comparison group is recorded.',
    counterfactualInformed: 'Part of the data (a comparison group, or participants past their coaching months) bears on the job-entry rate without the programme.',
    forecastHeading: 'Updated forecast',
    forecastTable: { year: 'Year', budget: 'Budget (cap)', paid: 'Paid so far', plan: 'Plan P10 / P50 / P90', forecast: 'Forecast P10 / P50 / P90' },
    capsChance: (p) => `Chance that a cap binds: ${p.plan} at signing, ${p.forecast} now.`,
    netTable: { measure: 'Expectation (mean)', plan: 'Plan', forecast: 'Forecast', change: 'Change', municipality: 'Municipality net result', provider: 'Provider result', payments: 'Outcome payments', placements: 'Job placements' },
    changedHeading: 'What changed and why',
    changedStarts: (p) => `So far ${p.actual} job starts; the plan expected ${p.planMean} (80% band ${p.low} to ${p.high}).`,
    changedRate: (p) => `The estimated monthly chance of ${p.input} was revised from ${p.prior} to ${p.posterior} (${p.shift} standard deviations of the original estimate).`,
    changedNet: (p) => `As a result the expected net result for the municipality moves from ${p.plan} to ${p.forecast} (${p.change}).`,
    changedPayments: (p) => `Expected outcome payments over the whole contract move from ${p.plan} to ${p.forecast} (${p.change}).`,
    reproductionHeading: 'Reproduction',
    reproduction: { seed: 'Seed', iterations: 'Iterations', priorDraws: 'Weighted draws', ess: 'Effective sample size', asOf: 'Actuals up to', software: 'Software' },
    paymentsChartTitle: 'Outcome payments per year: plan and forecast (median, 80% band)',
    inWorkChartTitle: 'In work per month',
    planBand: 'Plan 80% band',
    actual: 'Actual',
    planLabel: 'Plan',
    forecastLabel: 'Forecast',
  },
};
