import { serve } from '@hono/node-server';
import { createApp } from './app.js';

// npx tsx server.ts  →  POST http://127.0.0.1:8787/assess  (PORT=0 picks a free port)
const port = Number(process.env.PORT ?? 8787);
serve({ fetch: createApp().fetch, port, hostname: '127.0.0.1' }, (info) =>
  console.log(`hrdd service on http://127.0.0.1:${info.port}`),
);
