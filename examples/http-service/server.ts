import { serve } from '@hono/node-server';
import { openRegister } from 'hrdd/node';
import { createApp } from './app.js';

// npx tsx server.ts  →  POST http://127.0.0.1:8787/assess  (PORT=0 picks a free port)
// With HRDD_DB (a register directory or postgres:// URL), the /register endpoints too.
const port = Number(process.env.PORT ?? 8787);
const register = process.env.HRDD_DB ? await openRegister({ db: process.env.HRDD_DB, create: true }) : undefined;
serve({ fetch: createApp(register ? { register } : {}).fetch, port, hostname: '127.0.0.1' }, (info) =>
  console.log(`hrdd service on http://127.0.0.1:${info.port}`),
);
