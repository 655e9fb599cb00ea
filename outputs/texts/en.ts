import { monthName } from './month-name.js';
import type { BreakEvenWords, ContractWords, NoEffectWords, PriceBasisWords, ProviderWords, RiskFinding, Texts, TriggerWords } from './texts.js';
import { FUND_REPORT_EN } from './fund-report-en.js';

/** English, on request (`lang=en` or `"language": "en"`). */

function triggerSentence(t: TriggerWords): string {
  const via = t.payee === 'investor' ? ' (to the investors, through the waterfall)' : '';
  const lag = t.lagMonths > 0 ? `, paid ${t.lagMonths} ${t.lagMonths === 1 ? 'month' : 'months'} later` : '';
  const card = t.rateCard ? ' (depending on how long the person was on benefit)' : '';
  switch (t.kind) {
    case 'jobStart':
      return `${t.price}${card} per participant who starts work${via}${lag}`;
    case 'sustained':
      return `${t.price}${card} per participant who works ${t.months} consecutive months${via}${lag}`;
    case 'perMonthOffBenefit':
      return `${t.price}${card} per ${t.basis === 'attributable' ? 'benefit month saved beyond what happens without the programme' : 'benefit month saved'}${via}${lag}`;
    case 'shareOfSavings':
      return `${t.share} of the ${t.basis === 'attributable' ? 'attributable' : 'gross'} savings on benefit and administration${via}${lag}`;
    case 'custom':
      return `a custom payment rule (${t.expression})${via}${lag}`;
    case 'outcome':
      return `${t.price} per participant reaching the outcome '${t.expression}'${t.basis === 'attributable' ? ', as far as more than without the programme' : ''}${via}${lag}`;
  }
}

function contractInWords(w: ContractWords): string[] {
  const sentences: string[] = [];
  sentences.push(
    `The municipality signs the outcome contract "${w.name}" with a provider (a social enterprise) that coaches ${w.participants} people from social assistance (bijstand) into work. ` +
      `They enter from ${w.firstIntake} to ${w.lastIntake}; coaching lasts ${w.programmeMonths} months per participant. ` +
      `The calculation follows the contract for ${w.horizonMonths} months from ${w.startMonth}.`,
  );
  sentences.push(`The municipality pays for results only: ${w.triggers.map(triggerSentence).join('; ')}.`);
  const caps = [
    w.capPerYear && `at most ${w.capPerYear} per calendar year`,
    w.capTotal && `at most ${w.capTotal} in total`,
    w.capPerParticipant && `at most ${w.capPerParticipant} per participant`,
  ].filter(Boolean);
  if (caps.length > 0) sentences.push(`Payments are capped: ${caps.join(', ')}.`);
  if (w.threshold) sentences.push(`Nothing is paid until the programme does at least ${w.threshold} better than the situation without it.`);
  sentences.push(
    w.counterfactual.method === 'rates'
      ? `Some people find work without the programme too: ${w.counterfactual.counterfactualRate} a month, against ${w.counterfactual.programmeRate} a month in the programme. Only the difference is the programme's achievement.`
      : `An estimated ${w.counterfactual.share} of the moves into work would have happened without the programme (deadweight). Only the rest is the programme's achievement.`,
  );
  const costs = [
    w.providerCostPerParticipantMonth && `${w.providerCostPerParticipantMonth} per participant per coaching month`,
    w.providerCostPerPlacement && `${w.providerCostPerPlacement} per placement`,
    w.providerFixedCostPerMonth && `${w.providerFixedCostPerMonth} fixed costs per month`,
  ].filter(Boolean);
  if (costs.length > 0) sentences.push(`The provider's costs: ${costs.join(', ')}.`);
  if (w.investor)
    sentences.push(
      `Investors pre-finance the provider (commitment ${w.investor.commitment}). They are repaid from the outcome payments, with a return of at most ${w.investor.returnCap} a year.`,
    );
  return sentences;
}

function risk(f: RiskFinding): string {
  switch (f.kind) {
    case 'lossChance':
      return `The chance that the municipality loses money on this contract is ${f.lossChance}. In 1 in 10 outcomes the net result is ${f.p10} or lower.`;
    case 'driver':
      return (
        `If ${f.input} turns out ${f.direction} (${f.value} instead of ${f.base}), the net result falls by ${f.drop} to ${f.result}` +
        (f.turnsNegative ? ': the municipality then loses money.' : '.')
      );
    case 'capsBind':
      return `On average ${f.lapsed} of earned payments is not paid because a cap is reached. That risk lies with the provider and can strain the partnership.`;
    case 'providerLoses':
      return `The provider loses money on this contract with a chance of ${f.chance} (median ${f.medianMargin}). A provider that makes a loss may stop before the results come in.`;
    case 'investorLoses':
      return `The investors lose (part of) their money with a chance of ${f.chance}; ${f.meanLoss} on average.`;
    case 'fewParticipants':
      return `With ${f.participants} participants chance decides much of the outcome: a few placements more or fewer change the result noticeably.`;
  }
}

function chanceInWords(p: number): string {
  if (p <= 0) return 'in no run at all';
  if (p >= 1) return 'in every run';
  if (p < 0.05) return 'rarely: in fewer than 1 in 20 outcomes';
  if (p > 0.95) return 'almost always: in more than 19 in 20 outcomes';
  const tenths = Math.round(p * 10);
  if (tenths === 10) return 'in more than 9 in 10 outcomes';
  return `in about ${tenths} in 10 outcomes`;
}

function providerInWords(w: ProviderWords): string {
  const income = w.hasInvestor
    ? 'its income from this contract (the outcome payments reaching it and the money the investors put in for its costs, which it does not repay)'
    : 'its income from this contract (the outcome payments)';
  const keeps = `What the provider keeps is ${income} minus its costs: ${w.marginMean} expected, between ${w.marginP10} and ${w.marginP90} in 8 of 10 outcomes.`;
  if (w.lossChance === null || w.lossProbability === null) return keeps;
  const loss =
    w.lossProbability <= 0
      ? 'In no run does the provider make a loss.'
      : `The chance that the provider makes a loss, its costs exceeding its income, is ${w.lossChance} (${chanceInWords(w.lossProbability)}). A provider making a loss may stop before the results come.`;
  const caveat = w.anyUncertainInput ? '' : ' Note: every input was entered as a fixed number, so this chance reflects only chance per participant, not uncertainty in the assumptions.';
  return `${keeps} ${loss}${caveat}`;
}

function priceBasis(w: PriceBasisWords): string {
  const amounts =
    w.indexation === null
      ? `All amounts are euros of ${w.startYear} (constant prices): the contract has no indexation.`
      : `Amounts are euros of ${w.startYear}, raised in later years by the contract's indexation (benefits ${w.indexation.benefit}, prices ${w.indexation.price}, costs ${w.indexation.cost} a year); if that indexation follows inflation, they are nominal (current prices).`;
  return (
    `${amounts} Totals and yearly amounts are added up as they fall, without discounting. ` +
    `The present value is real: each month discounted to ${w.startMonth} at ${w.discountRate} a year (prescribed for Dutch social cost-benefit analyses: 2.25%, Werkgroep discontovoet 2020).`
  );
}

function breakEvenRow(w: BreakEvenWords): string {
  if (w.value !== null) return w.valueWithinYear === null ? w.value : `${w.value} a month (${w.valueWithinYear} within a year)`;
  const caps = w.capped ? "; the contract's caps limit the payments" : '';
  return `not between ${w.low} and ${w.high}: the net result stays ${w.staysPositive ? 'above' : 'below'} zero there (from ${w.outputAtLow} to ${w.outputAtHigh})${caps}`;
}

function noEffect(w: NoEffectWords): string {
  const what =
    w.method === 'rates'
      ? 'Suppose the programme changes nothing: participants find work as often as without it.'
      : 'Suppose the programme changes nothing: every move into work would have happened without it (deadweight 100%).';
  const pays = w.paysNothing
    ? 'Then the municipality pays no outcome payments: the contract pays only for results beyond what happens without the programme.'
    : `Then the municipality still pays ${w.payments} in outcome payments (against ${w.expectedPayments} expected): payment for moves into work that would have come without the contract.`;
  return `${what} ${pays} The municipality's net result is then ${w.netResult}. This is one calculation with every assumption at its expected value, without chance.`;
}

export const en: Texts = {
  language: 'en',
  locale: 'en-GB',
  decimal: '.',
  thousands: ',',
  currencyPrefix: '€',
  currencySuffix: '',

  parties: { payer: 'Municipality', provider: 'Provider', investor: 'Investors', counts: 'Counts', other: 'Other' },
  statistics: {
    mean: 'Mean',
    sd: 'Standard deviation',
    standardError: 'Standard error',
    min: 'Minimum',
    max: 'Maximum',
    count: 'Iterations',
    nanCount: 'Not computable',
    base: 'Base (expected values)',
    percentile: (p) => `P${p}`,
  },
  units: { EUR: 'euro', count: 'count', ratio: 'ratio', rate: 'per year', month: 'month', probability: 'probability', '': '' },
  outputs: {
    payerOutcomePayments: 'Outcome payments by the municipality',
    payerOutcomePaymentsPresentValue: 'Present value of the outcome payments',
    avoidedCostsGross: 'Benefit and administration avoided, gross (incl. deadweight)',
    avoidedBenefitGross: 'Benefit avoided, gross',
    avoidedAdministrationGross: 'Administration avoided, gross',
    avoidedCostsCounterfactual: 'Costs avoided without the programme',
    avoidedCostsAttributable: 'Costs avoided attributable to the programme',
    payerLks: 'Wage-cost subsidy (LKS)',
    payerLksAttributable: 'LKS attributable to the programme',
    payerOwnCosts: "The municipality's own costs",
    payerNetResult: 'Net result for the municipality',
    payerNetPresentValue: 'Present value of the net result',
    benefitCostRatio: 'Benefit-cost ratio',
    paybackMonth: 'Payback month',
    peakAnnualPayment: 'Largest payment in one calendar year',
    worstYearNet: 'Worst year (net result)',
    shareOfSavingsPaidOut: 'Share of the savings paid out',
    paymentsDueAfterHorizon: 'Earned but due after the horizon',
    paymentsLapsedByCaps: 'Lapsed because of caps',
    paymentsHeldByThreshold: 'Withheld by the threshold',
    thresholdMetMonth: 'Month the threshold was met',
    providerCosts: "Provider's costs",
    providerOutcomeIncome: "Provider's outcome income",
    providerMargin: "Provider's margin",
    investorDrawn: 'Drawn from investors',
    investorReceived: 'Received by investors',
    investorIrr: 'Investor return (IRR)',
    investorMultiple: 'Received / drawn',
    investorNetPresentValue: 'Present value for investors',
    investorLoss: 'Investor loss',
    guaranteePaid: 'Guarantee paid out',
    participants: 'Participants',
    placements: 'Job starts (programme)',
    placementsCounterfactual: 'Job starts without the programme',
    placementsAttributable: 'Job starts attributable to the programme',
    sustained6: 'In work for 6 months',
    sustained12: 'In work for 12 months',
    sustained24: 'In work for 24 months',
    sustained12Counterfactual: 'In work for 12 months without the programme',
    fallbacks: 'Falls back onto benefit',
    yearlyOutcomePayments: 'Outcome payments',
    yearlyAvoidedCostsAttributable: 'Attributable avoided costs',
    yearlyLksAttributable: 'Attributable LKS',
    yearlyPayerNet: 'Municipality net result',
    yearlyProviderCosts: 'Provider costs',
    yearlyProviderNetCash: 'Provider net cash flow',
    yearlyInvestorNetFlow: 'Investor net cash flow',
    yearlyPlacements: 'Job starts',
    intake: 'Intake',
    onBenefit: 'On benefit',
    inWorkFullTime: 'In full-time work',
    inWorkPartTime: 'In part-time work',
    counterfactualInWork: 'In work without the programme',
    counterfactualPlacements: 'Placements without the programme',
    benefitPaid: 'Benefit paid',
    benefitPaidCounterfactual: 'Benefit paid without the programme',
    lks: 'LKS',
    lksAttributable: 'Attributable LKS',
    outcomePayments: 'Outcome payments',
    paidToProvider: 'Paid to the provider',
    paidToInvestorWaterfall: 'Paid to the investors',
    payerNet: 'Municipality net result',
    providerResidualFromWaterfall: 'Provider residual from the waterfall',
    providerNetCash: 'Provider net cash flow',
    investorDraws: 'Investor draws',
    investorDistributions: 'Distributions to investors',
    investorNetFlow: 'Investor net cash flow',
  },
  fund: {
    outputs: {
      capitalCommitted: 'Capital committed (all layers)',
      capitalCalled: 'Capital called (paid in, all layers)',
      capitalDeployed: 'Invested in enterprises (loans, equity and grants)',
      capitalRecycled: 'Reinvested from repayments (revolving)',
      fundingShortfall: 'Funding shortfall (largest cash need beyond the commitments)',
      portfolioInflows: 'Received from enterprises (interest, repayments, recoveries, exits)',
      fundCosts: 'Fund costs (management and operations)',
      fundPaidOutcomePayments: 'Outcome payments paid by the fund',
      terminalValue: 'Terminal value (loans outstanding and stakes held at the horizon)',
      distributions: 'Distributions to the capital providers (all layers, incl. liquidation)',
      portfolioIrr: 'Portfolio return (IRR, before fund costs)',
      portfolioMultiple: 'Portfolio multiple ((inflows + terminal value) / invested)',
      fundIrr: 'Fund return (IRR, after fund costs, all layers together)',
      fundMultiple: 'Fund multiple (distributions / capital called)',
      enterprisesFunded: 'Enterprises funded',
      failures: 'Enterprises failed (within the horizon)',
      failureShare: 'Failure share (failed / funded)',
      worstYearFailures: 'Most enterprises failing in one year',
      loanPrincipal: 'Loan principal lent',
      loanLosses: 'Loan losses (principal not recovered)',
      loanLossRate: 'Loan loss rate (losses / principal lent)',
      equityInvested: 'Invested in equity',
      equityProceeds: 'Proceeds from selling stakes (exits)',
      grantsToEnterprises: 'Grants to enterprises',
      workerYears: 'Worker-years of people from bijstand',
      hiresFromBijstand: 'Hired from bijstand (placements, incl. replacements)',
      sustainedPlacements: 'Sustained placements (still employed after the agreed period)',
      avoidedCostsGross: 'Benefit and administration avoided, gross (incl. deadweight)',
      avoidedCostsAttributable: 'Costs avoided attributable to the fund (after deadweight)',
      lksAttributable: 'Attributable wage-cost subsidy (LKS)',
      outcomePayments: 'Outcome payments to enterprises (all payers)',
      avoidedCostsPerEuroInvested: 'Attributable avoided costs per euro invested',
      workerYearsPerMillionInvested: 'Worker-years per million euros invested',
      municipalityContributions: 'Capital paid in by the municipality',
      municipalityReceived: 'Distributions to the municipality (from the fund)',
      municipalityOutcomePayments: 'Outcome payments by the municipality',
      municipalityOwnCosts: "The municipality's own costs",
      municipalityNetPosition: "The municipality's net position",
      municipalityNetPresentValue: "Present value of the municipality's net position",
      yearlyInvestments: 'Investments in enterprises',
      yearlyPortfolioInflows: 'Received from enterprises',
      yearlyFundCosts: 'Fund costs',
      yearlyCapitalCalls: 'Capital calls (all layers)',
      yearlyCapitalRecycled: 'Reinvested from repayments',
      yearlyDistributions: 'Distributions to the layers (last year incl. liquidation)',
      yearlyFundCash: "The fund's cash at the end of the year",
      yearlyLoanLosses: 'Loans written off (principal lost)',
      yearlyFailures: 'Enterprises failing',
      yearlyEnterprisesActive: 'Enterprises active',
      yearlyWorkerYears: 'People from bijstand employed',
      yearlySustainedPlacements: 'Sustained placements',
      yearlyOutcomePayments: 'Outcome payments (all payers)',
      yearlyAvoidedCostsAttributable: 'Attributable avoided costs',
      yearlyMunicipalityNet: "Municipality's net position",
    },
    layerOutputs: {
      PaidIn: (layer) => `Capital paid in by layer ${layer}`,
      Received: (layer) => `Distributions to layer ${layer}`,
      Irr: (layer) => `Return (IRR) of layer ${layer}`,
      Multiple: (layer) => `Multiple of layer ${layer} (received / paid in)`,
      Loss: (layer) => `Loss of layer ${layer}`,
      LossOccurred: (layer) => `Layer ${layer} loses money (1 = yes; the mean is the chance of loss)`,
      NetFlow: (layer) => `Net cash flow of layer ${layer} (distributions − calls)`,
    },
    layerKinds: {
      senior: 'Senior (repaid first)',
      junior: 'Junior (subordinated)',
      firstLoss: 'First loss',
      grant: 'Grant (not repaid)',
    },
  },
  inputs: {
    'profiles[].share': 'share of the intake ({profile})',
    'profiles[].monthlyBenefit': 'benefit per month ({profile})',
    'profiles[].administrationCostPerYear': 'administration cost per year ({profile})',
    'profiles[].programme.monthlyJobEntryRate': 'monthly chance of work in the programme ({profile})',
    'profiles[].programme.monthlyOtherExitRate': 'monthly chance of other exit in the programme ({profile})',
    'profiles[].counterfactual.monthlyJobEntryRate': 'monthly chance of work without the programme ({profile})',
    'profiles[].counterfactual.monthlyOtherExitRate': 'monthly chance of other exit without the programme ({profile})',
    'intake.delayMonths': 'start delay (months)',
    'work.partTimeShare': 'share of part-time work',
    'work.partTimeBenefitShare': 'top-up benefit in part-time work (share of the norm)',
    'work.lksShare': 'share of placements with wage-cost subsidy',
    'work.lksMonthlyAmount': 'wage-cost subsidy per month',
    'work.fallbackHazard[].monthlyRate': 'monthly chance of falling back (from {from} months in work)',
    'budgetHolders.effects[].amount': 'effect per unit ({effect})',
    'funding.payers[].share': 'weight of payer ({payer})',
    'outcomes[].eligibleShare': 'share of participants who can reach the outcome ({outcome})',
    'outcomes[].programme.monthlyRate': 'monthly chance of the outcome with the programme ({outcome})',
    'outcomes[].counterfactual.monthlyRate': 'monthly chance of the outcome without the programme ({outcome})',
    'outcomes[].values[].once': 'one-off value of the outcome ({outcome}, {holder})',
    'outcomes[].values[].perMonthAfter': 'value per month after the outcome ({outcome}, {holder})',
    'counterfactual.deadweightShare': 'deadweight (share finding work without the programme)',
    'payment.triggers[].price': 'price per result ({trigger})',
    'payment.triggers[].price.bands[].price': 'price per result ({trigger}, from {band} months on benefit)',
    'payment.triggers[].share': 'share of the savings ({trigger})',
    'payment.caps.perParticipant': 'cap per participant',
    'payment.caps.perYear': 'cap per calendar year',
    'payment.caps.total': 'total cap',
    'payment.threshold.minimumImprovement': 'threshold: minimum improvement',
    'payer.ownCostsOneOff': "municipality's one-off own costs",
    'payer.ownCostsPerMonth': "municipality's own costs per month",
    'provider.costPerParticipantMonth': 'provider cost per participant per month',
    'provider.costPerPlacement': 'provider cost per placement',
    'provider.fixedCostPerMonth': 'provider fixed cost per month',
    'investor.commitment': 'investor commitment',
    'investor.financedShare': 'share of costs pre-financed',
    'investor.returnCap': 'investor return cap per year',
    'investor.hurdleRate': 'investor hurdle rate',
    'investor.firstLossGuarantee.amount': 'first-loss guarantee',
    'money.discountRate': 'discount rate (real, per year)',
    'money.benefitIndexation': 'benefit indexation per year',
    'money.priceIndexation': 'price indexation per year',
    'money.costIndexation': 'cost indexation per year',
  },
  distribution: {
    fixed: 'fixed number',
    describe: (type, parameters) => `${type} (${parameters})`,
    names: {
      fixed: 'fixed',
      uniform: 'uniform',
      triangular: 'triangular',
      pert: 'PERT',
      normal: 'normal',
      truncatedNormal: 'truncated normal',
      lognormal: 'lognormal',
      beta: 'beta',
      discrete: 'discrete',
      interval90: '90% interval',
      binomial: 'binomial',
      bernoulli: 'Bernoulli',
      poisson: 'Poisson',
      negativeBinomial: 'negative binomial',
    },
    parameters: {
      value: 'value',
      min: 'min',
      mode: 'most likely',
      max: 'max',
      mean: 'mean',
      sd: 'sd',
      alpha: 'alpha',
      beta: 'beta',
      lambda: 'lambda',
      low: 'low (P5)',
      high: 'high (P95)',
      shape: 'shape',
      values: 'values',
      probabilities: 'probabilities',
      trials: 'trials',
      probability: 'probability',
      successes: 'successes',
    },
  },
  sources: {
    norms: 'Dutch government, social assistance norms 1 January 2024 (net, incl. holiday pay)',
    berenschot: 'Berenschot (2018), administration cost of social assistance, sample of 30 municipalities',
    cbsRetention: 'Statistics Netherlands (CBS), leaving social assistance for work, 2021 cohort: 82% in work after 6 months, 72% after 18',
    mkba: 'Werkgroep discontovoet (2020): real discount rate of 2.25% for Dutch social cost-benefit analyses',
  },
  assumedSource: 'assumption of the scenario or the user',
  defaultSource: 'default of the service',

  workbook: {
    sheets: {
      about: 'About this calculation',
      inputs: 'Inputs',
      summary: 'Summary',
      yearly: 'Cash flows per year',
      monthly: 'Per month',
      triggers: 'Payments per trigger',
      events: 'Probabilities',
      risk: 'Risk',
      histograms: 'Distributions',
      convergence: 'Convergence',
      sensitivity: 'Sensitivity',
      differences: 'Differences',
      grid: 'Table',
      layers: 'Capital layers',
      layerFlows: 'Flows per layer',
    },
    layers: {
      layer: 'Layer',
      provider: 'Provider',
      kind: 'Kind',
      fromMunicipality: 'From the municipality',
      committed: 'Committed',
      paidIn: 'Paid in',
      received: 'Received',
      irr: 'Return (IRR)',
      multiple: 'Multiple',
      loss: 'Loss',
      calls: 'Capital calls',
      distributions: 'Distributions',
      netFlow: 'Net cash flow',
    },
    columns: {
      label: 'Description',
      name: 'Name',
      path: 'Path',
      value: 'Value',
      unit: 'Unit',
      description: 'Explanation',
      party: 'Party',
      series: 'Series',
      statistic: 'Statistic',
      month: 'Month',
      distribution: 'Distribution',
      source: 'Source',
      uncertain: 'Uncertain',
      trigger: 'Trigger',
      total: 'Total',
      variant: 'Variant',
      probability: 'Probability',
      expression: 'Expression',
      undefinedCount: 'Undefined',
      level: 'Confidence level',
      valueAtRisk: 'Value at risk',
      expectedShortfall: 'Expected shortfall',
      binFrom: 'From',
      binTo: 'To',
      iterations: 'Iterations',
      low: 'Low',
      high: 'High',
      outputAtLow: 'Output at low',
      outputAtHigh: 'Output at high',
      swing: 'Swing',
      rangeFrom: 'Range from',
      quantile: 'Quantile',
      inputValue: 'Input value',
      output: 'Output',
      firstOrder: 'First order',
      totalOrder: 'Total order',
      intervalLow: 'Interval low',
      intervalHigh: 'Interval high',
      mu: 'mu',
      muStar: 'mu*',
      muStandardError: 'mu: standard error',
      muStarConfidence: 'mu*: ± (95%)',
      sigma: 'sigma',
      spearman: 'Spearman',
      prcc: 'Partial rank correlation',
      evppi: 'EVPPI',
      item: 'Item',
    },
    about: {
      title: 'Results-based financing: calculation',
      contract: 'Contract',
      softwareVersion: 'Software version',
      generatedAt: 'Made on',
      seed: 'Seed',
      iterations: 'Iterations',
      sampling: 'Sampling',
      drawIndividualOutcomes: 'Individual outcomes drawn',
      percentileMethod: 'Percentiles',
      method: 'Method',
      output: 'Output',
      modelRuns: 'Model runs',
      note: 'Amounts in euros (nominal unless "present value"). Numbers are numbers: calculate with them.',
      yes: 'yes',
      no: 'no',
      sources: 'Sources',
      assumptions: 'Assumptions',
      found: 'Found',
      breakEvenValue: 'Break-even value',
      outputAtValue: 'Output at the break-even value',
      searchRange: 'Search range',
      notFound: 'No break-even within the search range',
      evpi: 'Expected value of perfect information (EVPI)',
      expectedOutput: 'Expected output',
      probabilityPositive: 'Probability of a positive output',
      sumOfFirstOrder: 'Sum of first-order indices',
      baseOutput: 'Output at base values',
    },
    rangeFrom: { quantiles: 'own distribution (P10–P90)', given: 'given range' },
  },

  charts: {
    netResultTitle: 'Net result for the municipality: distribution over all outcomes',
    netResultAxis: 'Net result for the municipality (euro)',
    shareOfRuns: 'Share of outcomes',
    loss: 'loss',
    gain: 'gain',
    meanLabel: (value) => `mean ${value}`,
    fanTitle: 'Cash flows per year per party',
    fanAxis: 'Net cash flow per year (euro)',
    year: 'Year',
    band: 'P10–P90',
    fanSubtitle: ['Net cash flow per year in euros.', 'Light band: P10 to P90; black line with dots: median (P50).'],
    median: 'median (P50)',
    tornadoTitle: (output) => `What moves the ${output.toLowerCase()} most?`,
    tornadoAxis: 'Net result for the municipality (euro)',
    lowEnd: 'low value',
    highEnd: 'high value',
    lowValue: (value) => `low: ${value}`,
    highValue: (value) => `high: ${value}`,
    baseLabel: (value) => `base ${value}`,
    yearlyTitle: 'Payments, avoided costs and net result per year',
    yearlySubtitle: ['Mean per calendar year in euro; the line runs from P10 to P90.'],
    yearlyAxis: 'Euro per year',
    yearlyMeasures: { payments: 'Outcome payments', avoidedCosts: 'Avoided costs', netResult: 'Net result municipality' },
  },

  fundReport: FUND_REPORT_EN,
  report: {
    documentTitle: (contract) => `Outcome contract appraisal: ${contract}`,
    subtitle: 'Annex to a council proposal: what does this contract cost and bring the municipality, and how certain is that?',
    madeOn: (date, version) => `Made on ${date} with the results-based financing service, version ${version}.`,
    contractHeading: 'The contract in plain words',
    contractInWords,
    aboutScenario: 'About this scenario',
    keyFiguresHeading: 'Key figures',
    keyFiguresIntro: (iterations) =>
      `The figures come from ${iterations} runs in which the uncertain assumptions and each participant's luck vary. P10 and P90 bound the range in which 8 of 10 outcomes fall.`,
    expectedNet: 'Expected net result for the municipality',
    expectedNetDetail: (p10, p90, base) => `8 of 10 outcomes between ${p10} and ${p90}. With every assumption at its expected value: ${base}.`,
    chancePaysOff: 'Chance that the contract pays off',
    chancePaysOffDetail: 'Share of outcomes in which the avoided costs exceed the payments and own costs.',
    budgetP90: 'Budget to reserve for the most expensive year (P90)',
    budgetP90Detail: 'In 9 of 10 outcomes the outcome payments in the most expensive calendar year do not exceed this amount.',
    budgetPerYear: 'Outcome payments per year, P90',
    toProvider: 'What flows to the entrepreneur',
    toProviderDetail: (p10, p90, margin) => `Outcome income, 8 of 10 outcomes between ${p10} and ${p90}. Mean margin after costs: ${margin}.`,
    investorHeading: 'Investors',
    investorDetail: (received, drawn, loss) => `On average ${received} received on ${drawn} drawn; mean loss ${loss}.`,
    chartsHeading: 'Charts',
    netResultCaption:
      'How often each net result occurs. Left of the zero line the municipality loses money, right of it the contract pays off. The dashed lines are P10 and P90.',
    fanCaption:
      'Per party the net cash flow per calendar year: the band runs from P10 to P90, the line with dots is the median. Negative is money the party spends that year.',
    tornadoCaption: (range) =>
      `Each bar shows how the net result shifts when one assumption goes to a low or high value while the rest stay put; the longest bars are on top. ${range}`,
    risksHeading: 'What could go wrong',
    risksIntro: 'Drawn from the simulation and the sensitivity analysis:',
    risk,
    noRisks: 'The simulation shows no outcome in which the municipality loses money or a party gets into trouble.',
    assumptionsHeading: 'Assumptions and sources',
    assumptionsIntro:
      'Every input of the calculation with the value used (the mean for a distribution), its distribution and its source. Replace assumptions with your own figures where you have them.',
    scenarioAssumptions: "The scenario's assumptions",
    scenarioSources: "The scenario's sources",
    reproductionHeading: 'Reproducing this calculation',
    reproductionIntro: 'With the same input (annex), seed, settings and software version the service gives exactly the same results.',
    yearColumn: 'Year',
    budgetColumn: 'Payments P90',
    notAvailable: 'n/a',
    simulationId: 'Simulation (at the service)',
    between: (low, high) => `${low} to ${high}`,
    monthName: (isoMonth) => monthName(isoMonth, 'en-GB'),
    sensitivityRange: (relative, low, high) =>
      `Uncertain assumptions move from their own ${low} to ${high}; fixed numbers ${relative} down and up (on request).`,
    sensitivityUncertainOnly: (low, high) =>
      `Only uncertain assumptions move, from their own ${low} to ${high}; fixed numbers (such as the benefit norm, the intake and the contract's prices) stay fixed.`,
    partialYear: (year, from, to, months) => `${year} (${from}–${to}, ${months} months)`,
    monthShort: (month) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1] ?? String(month),
    chanceInWords,
    noUncertainty:
      'Every input was entered as a fixed number: the calculation therefore shows no uncertainty about the assumptions, only chance per participant. A chance of 100% or 0% here does not mean the outcome is certain.',
    noTornado: 'There is no sensitivity chart: no assumption has an uncertainty range.',
    presentValue: 'Present value of the net result',
    presentValueDetail: (rate, p10, p90) => `Real, discounted at ${rate} a year to the start month. 8 of 10 outcomes between ${p10} and ${p90}.`,
    priceBasisHeading: 'Price basis',
    priceBasis,
    yearlyHeading: 'Per calendar year',
    yearlyIntro:
      'Mean over all runs, with below it the band holding 8 of 10 outcomes (P10 to P90). Yearly amounts are added up without discounting (see price basis). The net result is the avoided costs minus the outcome payments, the attributable wage-cost subsidy and the municipality\'s own costs.',
    yearlyColumns: { year: 'Year', payments: 'Outcome payments', avoidedCosts: 'Avoided costs', netResult: 'Net result municipality' },
    yearlyTotal: 'Whole term',
    yearlyCaption: 'Per calendar year the mean (bar) and the band from P10 to P90 (line). A year of fewer than 12 months is marked with its months.',
    breakEvenHeading: 'Break-even points',
    breakEvenIntro: (base) =>
      `At what value is the municipality's net result exactly zero? Each time one assumption moves; all others stay at their expected value, without chance (net result then: ${base}). A contract with several prices or profiles has a row for each, then one for all of them together by one factor.`,
    breakEvenColumns: { input: 'Assumption', now: 'Now', breakEven: 'Break-even (net result zero)' },
    breakEvenRow,
    breakEvenNone: 'This contract has no price or job-entry rate for which a break-even point can be found.',
    breakEvenTogether: (kind) =>
      kind === 'price'
        ? 'All prices of the rate card together, by one factor on the current prices'
        : 'Chance of work in the programme for all profiles together, by one factor on the current chances',
    breakEvenFactor: (factor) => `${factor} of the current values`,
    noEffectHeading: 'If the programme has no effect',
    noEffect,
    providerHeading: 'The provider',
    providerKeeps: 'What the provider keeps (mean)',
    providerInWords,
    providerLossLabel: 'Chance that the provider makes a loss',
    inputDownload: 'Download the full input (JSON)',
    inputDownloadNote:
      'The full input (contract and settings) is a JSON file in the HTML version of this report (link "Download the full input") and comes with the report as data (format json).',
  },
};
