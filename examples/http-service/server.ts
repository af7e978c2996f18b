import { serve } from '@hono/node-server';
import { createApp } from './app.js';

// npx tsx examples/http-service/server.ts  →  POST http://127.0.0.1:8787/assess
const port = Number(process.env.PORT ?? 8787);
serve({ fetch: createApp().fetch, port, hostname: '127.0.0.1' }, (info) =>
  console.log(`hrdd service on http://127.0.0.1:${info.port}`),
);
