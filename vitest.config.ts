import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Indexing tests spawn worker pools and decode real photos: running files in parallel on a
    // 2-core machine only makes them compete, so files run one after another.
    fileParallelism: false,
    reporters: ['default'],
  },
});
