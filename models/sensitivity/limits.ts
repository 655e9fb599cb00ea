/**
 * Defaults and limits of every sensitivity method, in one place so the API document, the
 * request validation and the methods agree. A limit caps work per request: the service runs
 * requests in-process, so one request must not be able to occupy it for minutes.
 */

/** Most model evaluations one sensitivity request may need; more is a `limit-exceeded` error. */
export const MAX_MODEL_RUNS = 2_000_000;
/** Longest list of input paths (or ranges) a request may name. */
export const MAX_LISTED_INPUTS = 1_000;

/** Default seed: a request without one still gets a reproducible answer. */
export const DEFAULT_SENSITIVITY_SEED = 1;
export const MAX_SEED = 2 ** 32 - 1;

/** Tornado and spider vary each input from its P10 to its P90 by default. */
export const DEFAULT_LOW_QUANTILE = 0.1;
export const DEFAULT_HIGH_QUANTILE = 0.9;

export const DEFAULT_SPIDER_STEPS = 9;
export const MAX_SPIDER_STEPS = 101;

/** Break-even searches from the input's P1 to its P99 unless the request gives a range. */
export const DEFAULT_BREAK_EVEN_LOW_QUANTILE = 0.01;
export const DEFAULT_BREAK_EVEN_HIGH_QUANTILE = 0.99;
export const DEFAULT_BREAK_EVEN_GRID_POINTS = 21;
export const MAX_BREAK_EVEN_GRID_POINTS = 10_001;
/** Root tolerance as a fraction of the search range: 1e-10 of the range is far below any input's meaning. */
export const DEFAULT_BREAK_EVEN_RELATIVE_TOLERANCE = 1e-10;
export const DEFAULT_BREAK_EVEN_MAX_ITERATIONS = 100;
export const MAX_BREAK_EVEN_ITERATIONS = 1_000;

export const DEFAULT_TWO_WAY_STEPS = 11;
export const MAX_TWO_WAY_STEPS = 201;

/** Sobol base sample size N; the method costs N·(d + 2) model runs for d inputs. */
export const DEFAULT_SOBOL_SAMPLE_SIZE = 1_024;
export const MIN_SOBOL_SAMPLE_SIZE = 16;
export const MAX_SOBOL_SAMPLE_SIZE = 1_000_000;
export const DEFAULT_BOOTSTRAP_RESAMPLES = 200;
export const MIN_BOOTSTRAP_RESAMPLES = 10;
export const MAX_BOOTSTRAP_RESAMPLES = 2_000;
/** Resamples × N·(d + 2): the bootstrap's work in stored model results, capped like the model runs. */
export const MAX_BOOTSTRAP_WORK = 400_000_000;
export const DEFAULT_CONFIDENCE_LEVEL = 0.95;

/** Morris: r trajectories on a p-level grid; p must be even so the jump of p/2 levels is exact. */
export const DEFAULT_MORRIS_TRAJECTORIES = 20;
export const MIN_MORRIS_TRAJECTORIES = 2;
export const MAX_MORRIS_TRAJECTORIES = 100_000;
export const DEFAULT_MORRIS_LEVELS = 4;
export const MAX_MORRIS_LEVELS = 100;

export const DEFAULT_RANK_CORRELATION_SAMPLE_SIZE = 1_000;
export const MIN_RANK_CORRELATION_SAMPLE_SIZE = 10;
export const MAX_RANK_CORRELATION_SAMPLE_SIZE = 200_000;

export const DEFAULT_VALUE_OF_INFORMATION_SAMPLE_SIZE = 10_000;
export const MIN_VALUE_OF_INFORMATION_SAMPLE_SIZE = 100;
export const MAX_VALUE_OF_INFORMATION_SAMPLE_SIZE = 1_000_000;
