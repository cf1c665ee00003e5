import { defineConfig } from 'vitest/config';

// One runner, several projects: pure core and Node services in node, React in jsdom,
// the browser test against the preview host in its own project (it needs the built renderer).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          include: ['test/shared/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'electron',
          include: ['test/electron/**/*.test.ts', 'test/boundaries.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          // A whole screen with user-event typing can take seconds in jsdom on a busy 2-core
          // machine; vitest's 5 s default failed tests there that pass alone in under a second.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          // The project's own scripts and the bench runner (not the slow benches themselves).
          name: 'tools',
          include: ['test/scripts/**/*.test.ts', 'test/bench/**/*.test.ts', 'test/project/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A page waits on real services (a new user's PIN is hashed at ~250 ms by design) on a
          // shared, busy machine: poll for up to 15 s instead of vitest's default 1 s.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
