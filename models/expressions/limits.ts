/**
 * Limits on user-written expressions. They keep parsing and compiling cheap and bounded: mathjs
 * parses recursively, so an unbounded nesting depth could exhaust the stack of the server.
 */

/** Longest expression source accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 2_000;

/** Deepest expression tree accepted (each operator, call, parenthesis or conditional is a level). */
export const MAX_EXPRESSION_DEPTH = 64;
