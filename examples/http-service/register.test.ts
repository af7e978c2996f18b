import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegister, type Register } from '../../src/node/index.js';
import { example } from '../../tests/helpers.js';
import { createApp } from './app.js';

let base = '';
let server: ReturnType<typeof serve>;
let register: Register;

beforeAll(async () => {
  register = await openRegister({ db: 'memory://', create: true });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: createApp({ register }).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await register.close();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON responses are checked field by field below
type Json = any;
const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('HTTP service example: register endpoints', () => {
  it('assess, register, report misuse, see what needs attention, record an assurance and a review', async () => {
    const record: Json = await (await post('/assess', { transaction: example('03-'), asOf: '2026-11-01' })).json();
    expect((await post('/register/assessments', record)).status).toBe(201);
    expect(await (await fetch(`${base}/register/attention?asOf=2026-11-02`)).json()).toEqual([]);

    const report = await post('/register/misuse-reports', {
      party: 'Fjordvik District Police',
      source: 'https://example.org/report',
      date: '2026-11-02',
      summary: 'Used to identify protesters',
      credibility: 'high',
    });
    expect(report.status).toBe(201);
    expect(((await report.json()) as Json).parties[0]).toMatchObject({ by: 'name', partyId: 'eu-1' });
    const attention: Json = await (await fetch(`${base}/register/attention?asOf=2026-11-03`)).json();
    expect(attention).toHaveLength(1);
    expect(attention[0].reasons[0]).toMatch(/misuse report MR-\w+ \(high credibility/);

    const assurance = await post('/register/assurances', {
      partyId: 'eu-1',
      type: 'audit-right',
      reference: 'contract annex 4',
      validFrom: '2026-11-03',
    });
    expect(assurance.status).toBe(201);
    const sameEyes = await post('/register/reviews', {
      transactionId: 'SO-2026-0103',
      decision: 'escalate',
      justification: 'misuse report under investigation',
      preparer: 'Kim',
      approver: 'Kim',
      date: '2026-11-03',
    });
    expect(sameEyes.status).toBe(400);
    expect(((await sameEyes.json()) as Json).issues[0].path).toBe('approver');
    const shown: Json = await (await fetch(`${base}/register/transactions/SO-2026-0103`)).json();
    expect(shown.assurances).toHaveLength(1);
    expect(shown.reports[0].credibility).toBe('high');
  });

  it('/openapi.json lists every route the server serves, and only those, with or without a register', async () => {
    const served = (app: ReturnType<typeof createApp>) =>
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
        .sort();
    const documented = (doc: Json) =>
      Object.entries(doc.paths as Record<string, Record<string, unknown>>)
        .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
        .sort();
    const doc: Json = await (await fetch(`${base}/openapi.json`)).json();
    const withRegister = served(createApp({ register }));
    expect(withRegister).toContain('post /register/misuse-reports');
    expect(documented(doc)).toEqual(withRegister);
    const plain = createApp();
    expect(documented(await (await plain.request('/openapi.json')).json())).toEqual(served(plain));
    // Bodies come from the register's zod models; every reference resolves to a component.
    const review = doc.paths['/register/reviews'].post.requestBody.content['application/json'].schema;
    expect(review).toEqual({ $ref: '#/components/schemas/RegisterReview' });
    expect(doc.components.schemas.RegisterReview.required).toEqual(
      expect.arrayContaining(['transactionId', 'decision', 'preparer', 'approver']),
    );
    for (const [, name] of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g))
      expect(doc.components.schemas, name).toHaveProperty([name!]);
  });

  it('a bad date is a 400', async () => {
    expect((await fetch(`${base}/register/attention?asOf=tomorrow`)).status).toBe(400);
  });
});
