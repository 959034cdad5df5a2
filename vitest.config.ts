import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@shared': resolve(import.meta.dirname, 'shared'),
      '@renderer': resolve(import.meta.dirname, 'renderer/src'),
    },
  },
  test: {
    include: [
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
      'renderer/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
      'resources/**/*.test.ts',
      'e2e/durability/**/*.test.ts',
    ],
    environment: 'node',
    // Tests spawn ffmpeg and the CLI; two cores cannot run many of those at once.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
