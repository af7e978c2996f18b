import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { replayAssessment, schemaNames } from 'hrdd';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example } from '../../tests/helpers.js';
import { createApp, MAX_BODY_BYTES } from './app.js';

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

  it('deep or malformed answers are a 400 naming the path, never a 500', async () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    for (const path of ['/assess', '/questionnaire/validate']) {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"transaction":${JSON.stringify(example('03-'))},"asOf":"2026-11-01","answers":{"misuse_reports":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
      });
      expect(res.status, path).toBe(400);
      const problem = await json(res);
      expect(problem.issues[0].path).toMatch(/^answers\.misuse_reports(\[0\])+$/);
      expect(problem.issues[0].message).toBe('nested more than 64 levels deep');
    }
    expect(deep).toBeDefined();
    const malformed = await post('/assess', {
      transaction: example('03-'),
      asOf: '2026-11-01',
      answers: { misuse_reports: 'x' },
    });
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).issues).toContainEqual(expect.objectContaining({ path: 'answers.misuse_reports' }));
    const notObject = await post('/assess', { transaction: example('03-'), asOf: '2026-11-01', answers: [1] });
    expect(notObject.status).toBe(400);
  });

  it('GET /schema/:name serves only published names: constructor or __proto__ are 404', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'nope'])
      expect((await fetch(`${base}/schema/${name}`)).status, name).toBe(404);
    for (const name of schemaNames())
      expect((await json(await fetch(`${base}/schema/${name}`))).$schema).toContain('2020-12');
  });

  it('GET /schema/:name and /openapi.json', async () => {
    expect((await json(await fetch(`${base}/schema/transaction`))).$schema).toContain('2020-12');
    expect((await fetch(`${base}/schema/nope`)).status).toBe(404);
    const doc = await json(await fetch(`${base}/openapi.json`));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/assess', '/questionnaire/validate', '/schema/{name}', '/openapi.json']);
    expect(doc.components.schemas.Transaction).toBeDefined();
    const validate = doc.paths['/questionnaire/validate'].post;
    expect(validate.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ValidateRequest');
    expect(doc.components.schemas.ValidationResult.properties.ok.type).toBe('boolean');
    expect(JSON.stringify(doc)).not.toContain('"#/$defs/');
  });

  it('a body over the size limit is refused (413) before it is read whole, with or without Content-Length', async () => {
    // Its own server: a refused upload leaves its connection closed mid-request, which the other tests need not share.
    let own: ReturnType<typeof serve> | undefined;
    await new Promise<void>((resolve) => {
      own = serve({ fetch: createApp().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    const at = `http://127.0.0.1:${(own!.address() as AddressInfo).port}`;
    const big = JSON.stringify({ transaction: example('01-'), asOf: '2026-11-01', pad: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await fetch(`${at}/assess`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    expect((await json(res)).error).toBe(`request body larger than ${MAX_BODY_BYTES} bytes`);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(MAX_BODY_BYTES / 2)));
        controller.close();
      },
    });
    const streamed = await fetch(`${at}/assess`, { method: 'POST', body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    await new Promise<void>((resolve) => own!.close(() => resolve()));
  });
});
