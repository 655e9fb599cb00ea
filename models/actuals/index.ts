export * from './actuals-schema.js';
export { checkActuals, type CheckedActuals } from './validate-actuals.js';
export { actualsFromTable, ACTUALS_COLUMNS, columnLetter, parseDecimal, type TableProblem, type TableLocation } from './actuals-table.js';
