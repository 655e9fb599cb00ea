import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // Set-up hooks start worker threads and embedded databases: seconds each, more on a loaded CI machine.
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
