/**
 * Limits on user-written expressions. They keep parsing and compiling cheap and bounded: mathjs
 * parses recursively, so an unbounded nesting depth could exhaust the stack of the server.
 */

/** Longest expression source accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 2_000;

/** Deepest expression tree accepted (each operator, call, parenthesis or conditional is a level). */
export const MAX_EXPRESSION_DEPTH = 64;

/** Most terms one `sum(k, from, to, term)` or `prod(...)` may have. */
export const MAX_RANGE_LENGTH = 10_000;

/** Deepest nesting of range sums and products (a sum inside a sum inside a sum). */
export const MAX_RANGE_NESTING = 3;

/**
 * Most terms all range sums and products of one expression may evaluate together, counting a
 * nested range's terms once for every term of the ranges around it: it bounds the work of one
 * evaluation (about 1 ms), whatever the ranges.
 */
export const MAX_RANGE_TERMS = 100_000;
