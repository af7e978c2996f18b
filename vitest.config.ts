import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The examples import the package by its name, as a project that installed it would; here that is the source.
  resolve: {
    alias: [
      { find: /^hrdd$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^hrdd\/node$/, replacement: fileURLToPath(new URL('./src/node/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'examples/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
