export * from './budget-holder-schema.js';
export { compileBudgetHolders, DEFAULT_PAYER_HOLDER, type BudgetPlan, type BudgetLine, type PayerPlan } from './compile-budget-holders.js';
export { budgetOutputLayout, type BudgetOutputLayout } from './budget-holder-outputs.js';
export { settleBudgetHolders, createBudgetWorkspace, type BudgetWorkspace } from './settle-budget-holders.js';
export { whoGainsTable, WhoGainsSchema, type WhoGains } from './who-gains.js';
