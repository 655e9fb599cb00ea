/**
 * mathjs's single-file bundle has no type declarations of its own; it is the same library as
 * the `mathjs` package entry, so it gets that entry's types.
 */
declare module 'mathjs/lib/browser/math.js' {
  import type { all, create } from 'mathjs';

  const bundle: { create: typeof create; all: typeof all };
  export default bundle;
}
