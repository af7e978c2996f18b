import { serve } from '@hono/node-server';
import { openRegister } from '../../src/node/index.js';
import { createApp } from './app.js';

// npx tsx examples/http-service/server.ts  →  POST http://127.0.0.1:8787/assess
// With HRDD_DB (a register directory or postgres:// URL), the /register endpoints too.
const port = Number(process.env.PORT ?? 8787);
const register = process.env.HRDD_DB ? await openRegister({ db: process.env.HRDD_DB, create: true }) : undefined;
serve({ fetch: createApp(register ? { register } : {}).fetch, port, hostname: '127.0.0.1' }, (info) =>
  console.log(`hrdd service on http://127.0.0.1:${info.port}`),
);
