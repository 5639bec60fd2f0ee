import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/service/**/*.test.ts', 'test/protocol/**/*.test.ts', 'test/robustness/**/*.test.ts', 'test/cli/**/*.test.ts'],
    testTimeout: 30000,
    pool: 'forks',
  },
});
