/**
 * A compiled expression node: reads named values by index and returns a number. Booleans are
 * 1 and 0; NaN stands for "undefined" (an IRR without a sign change) and propagates.
 */
export type Evaluator = (values: Float64Array) => number;
