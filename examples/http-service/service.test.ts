import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayAssessment } from '../../src/index.js';
import { example } from '../../tests/helpers.js';
import { createApp } from './app.js';

let base = '';
let server: ReturnType<typeof serve>;

beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: createApp().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// biome-ignore lint/suspicious/noExplicitAny: JSON responses are checked field by field below
type Json = any;
const json = async (res: Response): Promise<Json> => res.json();
const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('HTTP service example', () => {
  it('POST /assess returns a replayable record', async () => {
    const res = await post('/assess', { transaction: example('10-'), asOf: '2026-11-01' });
    expect(res.status).toBe(200);
    const record = await json(res);
    expect(record.decision).toBe('decline');
    expect(replayAssessment(record).reproduced).toBe(true);
  });

  it('bad input is a 400 naming the fields by their path in the request', async () => {
    const res = await post('/assess', { transaction: { ...example('01-'), destination: 'XX' }, asOf: '2026-11-01' });
    expect(res.status).toBe(400);
    expect((await json(res)).issues[0].path).toBe('transaction.destination');
    const noDate = await json(await post('/assess', { transaction: example('01-') }));
    expect(noDate.issues).toContainEqual(expect.objectContaining({ path: 'asOf' }));
    const noJson = await fetch(`${base}/assess`, { method: 'POST', body: '{oops' });
    expect(noJson.status).toBe(400);
    expect((await json(noJson)).error).toBe('request body is not JSON');
  });

  it('POST /questionnaire/validate checks answers against the transaction', async () => {
    const res = await post('/questionnaire/validate', {
      answers: { misuse_reports: 'x' },
      transaction: example('03-'),
      asOf: '2026-11-01',
    });
    const body = await json(res);
    expect(body.ok).toBe(false);
    expect(body.issues).toContainEqual(expect.objectContaining({ questionId: 'misuse_reports', code: 'type' }));
    const blind = await json(await post('/questionnaire/validate', { answers: {} }));
    expect(blind.ok).toBe(false);
    expect(blind.issues[0].code).toBe('facts-required');
    const undated = await post('/questionnaire/validate', { answers: {}, transaction: example('03-') });
    expect(undated.status).toBe(400);
    expect((await json(undated)).issues).toEqual([
      { path: 'asOf', message: 'asOf (YYYY-MM-DD) is required with a transaction' },
    ]);
  });

  it('GET /schema/:name and /openapi.json', async () => {
    expect((await json(await fetch(`${base}/schema/transaction`))).$schema).toContain('2020-12');
    expect((await fetch(`${base}/schema/nope`)).status).toBe(404);
    const doc = await json(await fetch(`${base}/openapi.json`));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/assess', '/questionnaire/validate', '/schema/{name}']);
    expect(doc.components.schemas.Transaction).toBeDefined();
    const validate = doc.paths['/questionnaire/validate'].post;
    expect(validate.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ValidateRequest');
    expect(doc.components.schemas.ValidationResult.properties.ok.type).toBe('boolean');
    expect(JSON.stringify(doc)).not.toContain('"#/$defs/');
  });
});
