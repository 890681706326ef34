import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // oclif prints through console.log; vitest must not swallow it in command tests.
    disableConsoleIntercept: true,
    testTimeout: 60_000,
    pool: 'forks',
  },
});
