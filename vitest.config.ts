import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests over the source and data, and browser tests
// that drive real Chromium against the built site in dist/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores and the tests measure layout.
          fileParallelism: false,
        },
      },
    ],
  },
});
