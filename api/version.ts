import { createRequire } from 'node:module';

/** The package version, stored with every run so that figures can be traced to the code that made them. */
export const SOFTWARE_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
