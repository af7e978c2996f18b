import { Hono } from 'hono';
import { z } from 'zod';
import { schemaNames, schemaRegistry } from '../../src/cli/schema-registry.js';
import {
  AssessmentRecordSchema,
  createEngine,
  defaultQuestionnaire,
  HrddError,
  loadQuestionnaire,
  TransactionSchema,
  toRecord,
} from '../../src/index.js';

/** What POST /assess takes: the transaction, the questionnaire answers and the assessment date. */
const AssessRequestSchema = z
  .strictObject({
    transaction: TransactionSchema,
    answers: z.record(z.string(), z.unknown()).optional(),
    asOf: z.iso.date(),
  })
  .meta({ id: 'AssessRequest' });

/** An OpenAPI 3.1 document generated from the same zod schemas the service validates with. */
export function openApiDocument(): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  const ref = (schema: z.ZodType, io: 'input' | 'output') => {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as {
      $defs?: Record<string, unknown>;
      $ref?: string;
    };
    Object.assign(components, json.$defs ?? {});
    return json.$ref ? { $ref: json.$ref } : json;
  };
  const problem = {
    description: 'Bad input: every bad field by path',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          properties: {
            error: { type: 'string' },
            issues: {
              type: 'array',
              items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
            },
          },
        },
      },
    },
  };
  const doc = {
    openapi: '3.1.0',
    info: {
      title: 'hrdd due-diligence service',
      version: '0.1.0',
      description: 'Human-rights due diligence for export transactions. Not legal advice.',
    },
    paths: {
      '/assess': {
        post: {
          summary: 'Assess a transaction; the response is a self-contained, replayable record',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref(AssessRequestSchema, 'input') } },
          },
          responses: {
            '200': {
              description: 'The assessment record',
              content: { 'application/json': { schema: ref(AssessmentRecordSchema, 'output') } },
            },
            '400': problem,
          },
        },
      },
      '/questionnaire/validate': {
        post: {
          summary: 'Validate questionnaire answers, optionally for a transaction',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    answers: { type: 'object' },
                    transaction: { type: 'object' },
                    asOf: { type: 'string', format: 'date' },
                  },
                  required: ['answers'],
                },
              },
            },
          },
          responses: { '200': { description: '{ ok, issues }' }, '400': problem },
        },
      },
      '/schema/{name}': {
        get: {
          summary: 'JSON Schema of a format',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: schemaNames() } }],
          responses: { '200': { description: 'JSON Schema' }, '404': { description: 'Unknown name' } },
        },
      },
    },
    components: { schemas: components },
  };
  // JSON Schema's local references become OpenAPI component references.
  return JSON.parse(JSON.stringify(doc).replaceAll('"#/$defs/', '"#/components/schemas/'));
}

/** The service: one engine, compiled once at start-up. */
export function createApp(): Hono {
  const engine = createEngine();
  const questionnaire = loadQuestionnaire(defaultQuestionnaire);
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof HrddError) return c.json({ error: error.message.split('\n')[0], issues: error.issues }, 400);
    if (error instanceof SyntaxError) return c.json({ error: 'request body is not JSON', issues: [] }, 400);
    return c.json({ error: 'internal error' }, 500);
  });
  app.post('/assess', async (c) => {
    const body = (await c.req.json()) as { transaction?: unknown; answers?: Record<string, unknown>; asOf?: string };
    if (typeof body?.asOf !== 'string')
      throw new HrddError('Invalid request', [{ path: 'asOf', message: 'asOf (YYYY-MM-DD) is required' }]);
    const assessment = engine.assess(body.transaction, {
      asOf: body.asOf,
      ...(body.answers ? { answers: body.answers } : {}),
    });
    return c.json(
      toRecord(
        assessment,
        { transaction: body.transaction, ...(body.answers ? { answers: body.answers } : {}) },
        engine,
      ),
    );
  });
  app.post('/questionnaire/validate', async (c) => {
    const body = (await c.req.json()) as { answers?: unknown; transaction?: unknown; asOf?: string };
    const facts = body.transaction
      ? (engine.facts(body.transaction, { asOf: body.asOf ?? '2026-01-01' }) as unknown as Record<string, unknown>)
      : undefined;
    return c.json(questionnaire.validate(body.answers, facts));
  });
  app.get('/schema/:name', (c) => {
    const make = schemaRegistry[c.req.param('name')];
    return make ? c.json(make()) : c.json({ error: `unknown schema; one of ${schemaNames().join(', ')}` }, 404);
  });
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  return app;
}
