import { defineConfig } from 'tsup';

// canonicalize ships ESM only: bundle it so `require('hrdd')` works.
const noExternal = ['canonicalize'];

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'node/index': 'src/node/index.ts',
      'node/batch-worker': 'src/node/batch-worker.ts',
    },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' } },
    sourcemap: false,
    clean: true,
    target: 'node20',
    noExternal,
    splitting: false,
    shims: true,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    noExternal,
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
