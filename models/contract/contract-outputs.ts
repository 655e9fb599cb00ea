import type { OutputInfo } from '../simulation/model.js';

/**
 * The named results of a contract. The Monte Carlo and sensitivity engines refer to these by
 * name (`payerNetResult > 0`), so names are stable API. Money is nominal euros unless the name
 * says present value (discounted to the start month at the contract's discount rate).
 */
export const CONTRACT_SCALAR_OUTPUTS = [
  ['payerOutcomePayments', 'EUR', 'Outcome payments made by the payer within the horizon.'],
  ['payerOutcomePaymentsPresentValue', 'EUR', 'Present value of the outcome payments.'],
  ['avoidedCostsGross', 'EUR', 'Benefit and administration avoided through work of participants (observed, includes deadweight).'],
  ['avoidedBenefitGross', 'EUR', 'Benefit avoided through work (observed).'],
  ['avoidedAdministrationGross', 'EUR', 'Administration (uitvoeringskosten) avoided through work (observed).'],
  ['avoidedCostsCounterfactual', 'EUR', 'Benefit and administration that work would have avoided without the programme.'],
  ['avoidedCostsAttributable', 'EUR', 'Benefit and administration the programme avoided beyond the counterfactual (all exits).'],
  ['payerLks', 'EUR', 'Loonkostensubsidie paid for participants in the programme.'],
  ['payerLksAttributable', 'EUR', 'LKS beyond what the counterfactual would have cost.'],
  ['payerOwnCosts', 'EUR', "The payer's own costs (set-up, contract management, a guarantee it gives)."],
  ['payerNetResult', 'EUR', 'Attributable avoided costs minus attributable LKS, outcome payments and own costs.'],
  ['payerNetPresentValue', 'EUR', 'Present value of the payer net result.'],
  ['benefitCostRatio', 'ratio', 'PV of attributable avoided costs / PV of outcome payments, attributable LKS and own costs.'],
  ['paybackMonth', 'month', 'First contract month from which the cumulative payer net result stays at or above zero (NaN if never).'],
  ['peakAnnualPayment', 'EUR', 'Largest outcome payment in one calendar year.'],
  ['worstYearNet', 'EUR', 'Lowest payer net result in one calendar year.'],
  ['shareOfSavingsPaidOut', 'ratio', 'PV of outcome payments / PV of attributable avoided costs net of attributable LKS.'],
  ['paymentsDueAfterHorizon', 'EUR', 'Payments earned within the horizon but due after it (lag).'],
  ['paymentsLapsedByCaps', 'EUR', 'Payments earned but not paid because a yearly or total cap was reached.'],
  ['paymentsHeldByThreshold', 'EUR', 'Payments withheld because the threshold was never met afterwards.'],
  ['thresholdMetMonth', 'month', 'First month the threshold was met (0 without a threshold, NaN if never).'],
  ['providerCosts', 'EUR', "The provider's costs."],
  ['providerOutcomeIncome', 'EUR', 'Outcome payments reaching the provider, directly or after the waterfall.'],
  [
    'providerMargin',
    'EUR',
    "What the provider keeps: all its income (outcome payments paid to it, its share of payments after the investor waterfall, and investor funding drawn to pay its costs, which it does not repay) minus its costs. The sum of yearlyProviderNetCash.",
  ],
  ['investorDrawn', 'EUR', 'Capital drawn from investors.'],
  ['investorReceived', 'EUR', 'Waterfall distributions plus guarantee received by investors.'],
  ['investorIrr', 'rate', 'Annual IRR of investor flows (NaN without a sign change).'],
  ['investorMultiple', 'ratio', 'Received / drawn.'],
  ['investorNetPresentValue', 'EUR', 'PV of investor flows at the hurdle rate.'],
  ['investorLoss', 'EUR', 'Drawn minus received, when positive.'],
  ['guaranteePaid', 'EUR', 'First-loss guarantee paid out.'],
  ['participants', 'count', 'Participants entering within the horizon.'],
  ['placements', 'count', 'Job starts (programme).'],
  ['placementsCounterfactual', 'count', 'Job starts without the programme.'],
  ['placementsAttributable', 'count', 'Job starts beyond the counterfactual.'],
  ['sustained6', 'count', 'Participants completing 6 months in work (programme).'],
  ['sustained12', 'count', 'Participants completing 12 months in work (programme).'],
  ['sustained24', 'count', 'Participants completing 24 months in work (programme).'],
  ['sustained12Counterfactual', 'count', 'Completing 12 months in work without the programme.'],
  ['fallbacks', 'count', 'Falls back onto bijstand after work (programme).'],
] as const;

export type ContractScalarName = (typeof CONTRACT_SCALAR_OUTPUTS)[number][0];

export const CONTRACT_SERIES_OUTPUTS = [
  ['yearlyOutcomePayments', 'EUR', 'Outcome payments per calendar year.'],
  ['yearlyAvoidedCostsAttributable', 'EUR', 'Attributable avoided benefit and administration per year.'],
  ['yearlyLksAttributable', 'EUR', 'Attributable LKS per year.'],
  ['yearlyPayerNet', 'EUR', 'Payer net result per year.'],
  ['yearlyProviderCosts', 'EUR', 'Provider costs per year.'],
  ['yearlyProviderNetCash', 'EUR', 'Provider outcome income plus investor funding drawn minus costs per year; sums to providerMargin.'],
  ['yearlyInvestorNetFlow', 'EUR', 'Investor distributions and guarantee minus draws per year.'],
  ['yearlyPlacements', 'count', 'Job starts per year (programme).'],
] as const;

export const contractScalarInfo: OutputInfo[] = CONTRACT_SCALAR_OUTPUTS.map(([name, unit, description]) => ({ name, unit, description }));

export const scalarIndex = Object.fromEntries(CONTRACT_SCALAR_OUTPUTS.map(([name], i) => [name, i])) as Record<ContractScalarName, number>;
