import type { FundReportTexts } from './fund-report-texts.js';

export const FUND_REPORT_EN: FundReportTexts = {
  documentTitle: (fund) => `Fund report: ${fund}`,
  subtitle: 'Report for the fund board and the municipal council: a local impact fund and its strategies, calculated',
  madeOn: (date, version) => `Made on ${date} with version ${version} of the calculation service.`,

  fundHeading: 'The fund',
  fundInWords: (w) => [
    `${w.name} runs for ${w.horizonYears} years, from ${w.startYear} to ${w.lastYear}. In its first ${w.investmentPeriodYears} years the fund invests in ${w.enterprises} enterprises (${w.archetypes} kinds).`,
    `${w.layerCount} capital providers commit ${w.committed} together, in layers: whoever ranks higher is repaid first; losses fall on the lowest layer first.`,
    w.revolving
      ? 'The fund is revolving: what enterprises repay during the investment period stays in the fund and pays for new investments before new capital is called.'
      : 'The fund is not revolving: what enterprises repay is distributed to the capital providers every year.',
    `Fund costs: ${w.fixedCostsPerYear} a year, ${w.perEnterpriseYear} per enterprise per year for support, and a management fee of ${w.managementFee} a year on committed capital.`,
    `The effects for ${w.municipality} (bijstand benefit and administration avoided, less wage-cost subsidy, outcome payments and own costs) are discounted at ${w.discountRate} a year.`,
  ],
  priceBasis: (startYear) =>
    `Price basis: all amounts are euros of ${startYear} (real, at the start year's prices); nothing is indexed. Returns and the discount rate are therefore real.`,
  priceBasisLabel: 'Price basis',
  layersHeading: 'Capital layers',
  layersIntro: 'From most to least senior: the senior layer is repaid first; a grant is never repaid.',
  layerColumns: { layer: 'Capital provider', kind: 'Kind of layer', amount: 'Committed', targetReturn: 'Target return per year', fromMunicipality: 'From the municipality' },
  enterprisesHeading: 'Enterprises and instruments',
  enterprisesIntro: 'Per kind of enterprise: how many, when they join, what the fund provides to each, jobs for people from bijstand, and the outcome payment.',
  enterpriseColumns: {
    enterprise: 'Enterprise',
    count: 'Number',
    intake: 'Intake (fund year)',
    instruments: 'Financing per enterprise',
    jobs: 'Jobs from bijstand',
    outcomeContract: 'Outcome payment',
  },
  intakeYears: (first, last) => (first === last ? `year ${first + 1}` : `years ${first + 1} to ${last + 1}`),
  instruments: (w) =>
    [
      w.loan ? `loan ${w.loan.amount} at ${w.loan.rate}, ${w.loan.termYears} years` : null,
      w.equity ? `equity ${w.equity.amount} for ${w.equity.stake}, sold after ${w.equity.exitAfterYears} years` : null,
      w.grant ? `grant ${w.grant.amount}` : null,
    ]
      .filter((part) => part !== null)
      .join('; ') || 'none',
  jobsPerEnterprise: (positions) => `${positions} per enterprise`,
  outcomeContract: (perPlacement, perWorkerYear, paidBy) =>
    [perPlacement ? `${perPlacement} per sustained placement` : null, perWorkerYear ? `${perWorkerYear} per worker-year` : null]
      .filter((part) => part !== null)
      .join(' and ') + (paidBy === 'municipality' ? ', paid by the municipality' : ', paid by the fund'),
  none: 'none',

  keyFiguresHeading: 'In short',
  keyFiguresIntro: (strategy, iterations) => `The fund as proposed (${strategy}), averaged over ${iterations} runs with chance in business results, failures and the estimated inputs.`,
  band: (p10, p90) => `In 80% of the runs between ${p10} and ${p90}.`,
  lossChancesCard: 'Chance that a capital provider gets back less than it put in',
  lossChanceLine: (layer, chance) => `${layer}: ${chance}`,
  strategiesHeading: 'The strategies side by side',
  strategiesIntro: (count, iterations) =>
    `${count} strategies were each calculated ${iterations} times on the same random draws (common random numbers): every strategy sees the same good and bad years and the same enterprises that do not make it. Differences therefore come from the choice, not from chance. Shown is the mean over all runs.`,
  onlyOneStrategy: 'One strategy was calculated; add alternative strategies to see them side by side.',
  strategyColumn: 'Strategy',
  figureLabels: {
    capitalDeployed: 'Invested in enterprises',
    capitalRecycled: 'Reinvested from repayments (revolving)',
    fundIrr: 'Fund return (IRR, all layers together, after costs)',
    fundMultiple: 'Fund multiple (distributed / paid in)',
    failures: 'Enterprises that stop',
    workerYears: 'Worker-years of people from bijstand',
    hiresFromBijstand: 'People from bijstand helped into work',
    sustainedPlacements: 'Sustained placements',
    avoidedCostsAttributable: 'Benefit and administration avoided (attributable to the fund)',
    avoidedCostsPerEuroInvested: 'Avoided costs per euro invested',
    outcomePayments: 'Outcome payments to enterprises',
    municipalityNetPosition: 'Net result for the municipality',
    municipalityNetPresentValue: 'Present value of the result for the municipality',
  },
  figureNote:
    'Attributable: after taking off the part that would have happened without the fund (deadweight). A sustained placement is someone still in work after the agreed period (12 months by default).',

  layersResultHeading: 'What each capital layer gets back',
  layersResultIntro:
    'Per layer and strategy: the chance that the layer gets back less than it paid in, what it gets back on average per euro paid in (multiple), its return (IRR, median of the runs) and its mean loss.',
  lossChanceRow: 'Chance of loss',
  multipleRow: 'Back per euro paid in (multiple, mean)',
  irrRow: 'Return per year (IRR, median)',
  lossRow: 'Loss (mean)',
  irrNotAvailable: 'n/a',
  irrNotAvailableReason:
    'n/a: a return (IRR) does not exist when nothing comes back (a grant, or a total loss); the multiple and the chance of loss then say what the layer sees again.',
  irrPartly: (share) => `not computable in ${share} of the runs (nothing back)`,

  distributionHeading: 'Uncertainty: P10, P50 and P90',
  distributionIntro: 'Per strategy the spread of the main outcomes: in 10% of the runs the outcome is below P10, in 10% above P90; P50 is the median.',
  percentileColumns: { figure: 'Outcome', p10: 'P10', p50: 'P50 (median)', p90: 'P90', mean: 'Mean' },

  chartsHeading: 'Charts',
  lossChartTitle: 'Chance of loss per capital layer',
  lossChartAxis: 'Chance the layer gets back less than it paid in',
  lossChartCaption: 'Per capital layer and strategy the chance of loss (share of runs). The percentages are printed beside the bars, so a black-and-white print reads.',
  impactChartTitle: 'Benefit and administration avoided per strategy',
  impactChartAxis: 'Attributable avoided costs (€)',
  impactChartCaption: 'The spread over the runs: the line runs from P10 to P90, the box from P25 to P75, and the dot is the median.',

  assumptionsHeading: 'Inputs and sources',
  assumptionsIntro:
    "The fund's inputs (the first strategy). A fixed number is a choice or a given; a distribution is an estimate whose uncertainty the calculation carries, with its source where known.",
  otherStrategiesInputs: 'The other strategies use the same inputs except for what their description names.',
  zeroInputsOmitted: (count) => `${count} inputs fixed at 0 (options not used, such as an outcome price per worker-year) are left out here; the Excel file lists them all.`,
  expected: 'expected',
  strategiesLabel: 'Strategies',
  sampling: { monteCarlo: 'Monte Carlo (random draws)', latinHypercube: 'Latin hypercube (evenly spread draws)' },
  inputLabels: {
    'fund.layers[].amount': 'committed capital ({layer})',
    'fund.layers[].targetReturn': 'target return per year ({layer})',
    'fund.costs.fixedPerYear': 'fixed fund costs per year',
    'fund.costs.perEnterpriseYear': 'support costs per enterprise per year',
    'fund.costs.managementFeeRate': 'management fee per year (share of committed capital)',
    'risk.regionalCorrelation': 'how bad years cluster in the region (correlation)',
    'impact.avoidedBenefitPerWorkerYear': 'bijstand benefit avoided per worker-year',
    'impact.administrationCostPerWorkerYear': 'administration cost avoided per worker-year',
    'impact.deadweight': 'deadweight (share that would have found work without the fund)',
    'impact.lksPerWorkerYear': 'wage-cost subsidy per worker-year',
    'municipality.ownCostsPerYear': "municipality's own costs per year",
    'money.discountRate': 'discount rate (real, per year)',
    'enterprises[].business.startupCosts': 'startup costs ({enterprise})',
    'enterprises[].business.ownCash': "entrepreneur's own cash ({enterprise})",
    'enterprises[].business.revenue': 'revenue in the first year ({enterprise})',
    'enterprises[].business.revenueGrowth': 'revenue growth per year ({enterprise})',
    'enterprises[].business.costs': 'operating costs in the first year ({enterprise})',
    'enterprises[].business.costGrowth': 'cost growth per year ({enterprise})',
    'enterprises[].business.resultVolatility': 'swing of the result (share of revenue) ({enterprise})',
    'enterprises[].business.otherFailureRate': 'yearly chance of stopping for other reasons ({enterprise})',
    'enterprises[].jobs.positions': 'jobs for people from bijstand ({enterprise})',
    'enterprises[].jobs.yearlyLeaveRate': 'share of workers leaving per year ({enterprise})',
    'enterprises[].jobs.extraCostPerWorkerYear': 'extra support cost per worker per year ({enterprise})',
    'enterprises[].loan.amount': 'loan ({enterprise})',
    'enterprises[].loan.rate': 'interest rate of the loan ({enterprise})',
    'enterprises[].loan.recoveryRate': 'share of the loan recovered on failure ({enterprise})',
    'enterprises[].equity.amount': 'equity investment ({enterprise})',
    'enterprises[].equity.stake': 'stake in the enterprise ({enterprise})',
    'enterprises[].equity.exitMultiple': 'exit value as a multiple of the result ({enterprise})',
    'enterprises[].grant.amount': 'grant to the enterprise ({enterprise})',
    'enterprises[].outcomeContract.pricePerSustainedPlacement': 'outcome payment per sustained placement ({enterprise})',
    'enterprises[].outcomeContract.pricePerWorkerYear': 'outcome payment per worker-year ({enterprise})',
  },

  fundSources: {
    werkNaDetentie: 'Werk na Detentie SIB (2016): about two thirds of those who found work would have found it without the programme',
    baselCorrelation: 'Basel II IRB (BCBS 2005): correlation 12% for corporates with a high default probability',
  },

  reproductionHeading: 'Reproducing',
  reproductionIntro:
    'With the same inputs, seed and version the service gives the same numbers; POST /portfolios/compare with these strategies and settings gives the same comparison.',
  compareEndpoint: 'Same comparison',

  sheets: { sideBySide: 'Strategies side by side', expected: 'Expected, side by side', layersSideBySide: 'Layers side by side', strategies: 'Strategies', fund: 'The fund', enterprises: 'Enterprises' },
  columns: { statistic: 'Statistic', strategy: 'Strategy', description: 'Description', layer: 'Layer', metric: 'Measure' },
};
