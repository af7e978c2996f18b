import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  AssessmentRecordSchema,
  checkDepth,
  createEngine,
  defaultQuestionnaire,
  HrddError,
  jsonSchema,
  loadQuestionnaire,
  parseWith,
  schemaNames,
  TransactionSchema,
  toRecord,
} from 'hrdd';
import type { Register } from 'hrdd/node';
import { z } from 'zod';
import { registerPaths, registerRoutes } from './register-routes.js';

/** The largest request body accepted: a real order is a few kilobytes, a large one well under a megabyte. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** What POST /assess takes: the transaction, the questionnaire answers and the assessment date. */
const AssessRequestSchema = z
  .strictObject({
    transaction: TransactionSchema,
    answers: z.record(z.string(), z.unknown()).optional(),
    asOf: z.iso.date(),
  })
  .meta({ id: 'AssessRequest' });

/** What POST /questionnaire/validate takes: the answers, and the transaction when conditions read it. */
const ValidateRequestSchema = z
  .strictObject({
    answers: z.record(z.string(), z.unknown()),
    transaction: TransactionSchema.optional(),
    asOf: z.iso.date().optional().describe('Required with a transaction: date-based conditions read it.'),
  })
  .refine((body) => body.transaction === undefined || body.asOf !== undefined, {
    path: ['asOf'],
    message: 'asOf (YYYY-MM-DD) is required with a transaction',
  })
  .meta({ id: 'ValidateRequest' });

const ValidationResultSchema = z
  .strictObject({
    ok: z.boolean(),
    issues: z.array(
      z.strictObject({
        questionId: z.string(),
        code: z.enum(['required', 'hidden', 'type', 'option', 'range', 'pattern', 'unknown-question']),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'ValidationResult' });

/**
 * Request bodies are validated with their schema before anything runs; bad fields come back by path. Nesting is
 * checked first, without recursion, so a body nested 100,000 levels deep is a 400 like any other bad input.
 */
const body = async <S extends z.ZodType>(req: { json(): Promise<unknown> }, schema: S, what: string) => {
  const raw = await req.json();
  checkDepth(raw, what);
  return parseWith(schema, raw, what);
};

/**
 * An OpenAPI 3.1 document generated from the same zod schemas the service validates with; with `register`, the
 * register's endpoints too.
 */
export function openApiDocument(options: { register?: boolean } = {}): Record<string, unknown> {
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
          summary: 'Validate questionnaire answers, with the transaction when the questions depend on it',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: ref(ValidateRequestSchema, 'input') } },
          },
          responses: {
            '200': {
              description: 'Whether the answers are complete and valid, and every issue by question',
              content: { 'application/json': { schema: ref(ValidationResultSchema, 'output') } },
            },
            '400': problem,
          },
        },
      },
      '/schema/{name}': {
        get: {
          summary: 'JSON Schema of a format',
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: schemaNames() } }],
          responses: { '200': { description: 'JSON Schema' }, '404': { description: 'Unknown name' } },
        },
      },
      '/openapi.json': {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1 document' } } },
      },
      ...(options.register ? registerPaths(ref, problem) : {}),
    },
    components: { schemas: components },
  };
  // JSON Schema's local references become OpenAPI component references.
  return JSON.parse(JSON.stringify(doc).replaceAll('"#/$defs/', '"#/components/schemas/'));
}

/** The service: one engine, compiled once at start-up; with a register, its endpoints too (register-routes.ts). */
export function createApp(options: { maxBodyBytes?: number; register?: Register } = {}): Hono {
  const engine = createEngine();
  const questionnaire = loadQuestionnaire(defaultQuestionnaire);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const app = new Hono();
  // Bodies are counted as they arrive (a missing or false Content-Length does not get past it).
  app.use(
    '*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) =>
        c.json(
          { error: `request body larger than ${maxBodyBytes} bytes`, issues: [{ path: '', message: 'too large' }] },
          413,
        ),
    }),
  );
  app.onError((error, c) => {
    if (error instanceof HrddError) return c.json({ error: error.message.split('\n')[0], issues: error.issues }, 400);
    if (error instanceof SyntaxError) return c.json({ error: 'request body is not JSON', issues: [] }, 400);
    return c.json({ error: 'internal error' }, 500);
  });
  app.post('/assess', async (c) => {
    const { transaction, answers, asOf } = await body(c.req, AssessRequestSchema, 'assess request');
    const input = { transaction, ...(answers ? { answers } : {}) };
    return c.json(toRecord(engine.assess(transaction, { asOf, ...(answers ? { answers } : {}) }), input, engine));
  });
  app.post('/questionnaire/validate', async (c) => {
    const { answers, transaction, asOf } = await body(c.req, ValidateRequestSchema, 'validate request');
    const facts = transaction && asOf ? engine.facts(transaction, { asOf }) : undefined;
    return c.json(questionnaire.validate(answers, facts));
  });
  app.get('/schema/:name', (c) => {
    // Only the published names: `constructor` or `__proto__` are unknown names like any other.
    const schema = jsonSchema(c.req.param('name'));
    return schema ? c.json(schema) : c.json({ error: `unknown schema; one of ${schemaNames().join(', ')}` }, 404);
  });
  const openApi = openApiDocument({ register: options.register !== undefined });
  app.get('/openapi.json', (c) => c.json(openApi));
  if (options.register) registerRoutes(app, options.register);
  return app;
}
