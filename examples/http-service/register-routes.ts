import type { Hono } from 'hono';
import { AssessmentRecordSchema, DECISIONS, parseWith } from 'hrdd';
import { AssuranceInputSchema, MisuseReportInputSchema, type Register, ReviewInputSchema } from 'hrdd/node';
import { z } from 'zod';

const AsOfQuery = z.strictObject({ asOf: z.iso.date() });

/**
 * The register's endpoints: what needs attention this morning, and the records a compliance team adds during the
 * day (an assurance, a review with sign-off, a misuse report). Bodies are validated by the register's own schemas;
 * an `HrddError` becomes a 400 listing the bad fields (the app's error handler).
 */
export function registerRoutes(app: Hono, register: Register): Hono {
  app.get('/register/attention', async (c) => {
    const { asOf } = parseWith(AsOfQuery, { asOf: c.req.query('asOf') }, 'query');
    return c.json(await register.needsAttention({ asOf }));
  });
  app.get('/register/transactions/:id', async (c) => c.json(await register.show(c.req.param('id'))));
  app.post('/register/assessments', async (c) => {
    const body = (await c.req.json()) as unknown;
    return c.json(await register.addAssessments(Array.isArray(body) ? body : [body]), 201);
  });
  app.post('/register/assurances', async (c) =>
    c.json(await register.addAssurance(parseWith(AssuranceInputSchema, await c.req.json(), 'assurance')), 201),
  );
  app.post('/register/reviews', async (c) =>
    c.json(await register.addReview(parseWith(ReviewInputSchema, await c.req.json(), 'review')), 201),
  );
  app.post('/register/misuse-reports', async (c) =>
    c.json(
      await register.addMisuseReport(parseWith(MisuseReportInputSchema, await c.req.json(), 'misuse report')),
      201,
    ),
  );
  return app;
}

// What the endpoints answer, for the OpenAPI document (the register returns these shapes).
const Decision = z.enum(DECISIONS);
const AttentionSchema = z
  .strictObject({
    transactionId: z.string(),
    decision: Decision.describe('The decision on record.'),
    reasons: z.array(z.string()).describe('Why its facts may have changed.'),
  })
  .meta({ id: 'RegisterAttention' });
const WrittenSchema = z
  .strictObject({
    seq: z.int().positive().describe('The entry’s place in the register’s chain.'),
    hash: z.string().describe('The entry’s hash (`sha256:…`).'),
  })
  .meta({ id: 'RegisterWritten' });
const PartyMatchSchema = z
  .union([
    z.strictObject({ by: z.literal('id'), partyId: z.string() }),
    z.strictObject({
      by: z.literal('name'),
      partyId: z.string(),
      query: z.string(),
      matchedName: z.string(),
      score: z.number(),
      explanation: z.string(),
    }),
  ])
  .meta({ id: 'RegisterPartyMatch' });
const AddResultSchema = z
  .strictObject({
    added: z.int().min(0),
    skipped: z.array(z.strictObject({ line: z.int(), reason: z.string() })),
    head: z.string().describe('The chain’s head after the write.'),
  })
  .meta({ id: 'RegisterAddResult' });
const TransactionViewSchema = z
  .looseObject({
    transactionId: z.string(),
    active: z.boolean(),
    assessments: z.array(
      z.strictObject({
        seq: z.int(),
        asOf: z.iso.date(),
        decision: Decision,
        band: z.string(),
        reviewBy: z.iso.date().nullable(),
        source: z.enum(['add', 'monitor']),
      }),
    ),
    latest: AssessmentRecordSchema,
    parties: z.array(z.looseObject({ partyId: z.string(), role: z.string() })),
    assurances: z.array(z.looseObject({ seq: z.int() })),
    reviews: z.array(z.looseObject({ seq: z.int() })),
    reports: z.array(z.looseObject({ seq: z.int(), reportId: z.string(), match: PartyMatchSchema })),
    leverage: z.array(z.looseObject({ seq: z.int() })),
    remediation: z.array(z.looseObject({ seq: z.int() })),
  })
  .meta({ id: 'RegisterTransaction' });

type Ref = (schema: z.ZodType, io: 'input' | 'output') => unknown;

/** The register's paths in the OpenAPI document, from the same schemas the endpoints validate with. */
export function registerPaths(ref: Ref, problem: unknown): Record<string, unknown> {
  const json = (schema: z.ZodType, io: 'input' | 'output') => ({ 'application/json': { schema: ref(schema, io) } });
  const post = (summary: string, input: z.ZodType, output: z.ZodType, created: string) => ({
    post: {
      summary,
      requestBody: { required: true, content: json(input, 'input') },
      responses: { '201': { description: created, content: json(output, 'output') }, '400': problem },
    },
  });
  return {
    '/register/attention': {
      get: {
        summary: 'Every active transaction whose facts may have changed by a date, and why (the morning’s list)',
        parameters: [{ name: 'asOf', in: 'query', required: true, schema: { type: 'string', format: 'date' } }],
        responses: {
          '200': { description: 'Transactions to look at again', content: json(z.array(AttentionSchema), 'output') },
          '400': problem,
        },
      },
    },
    '/register/transactions/{id}': {
      get: {
        summary: 'Everything the register holds about one transaction',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The transaction’s record', content: json(TransactionViewSchema, 'output') },
          '400': problem,
        },
      },
    },
    '/register/assessments': post(
      'Add assessment records (one, or an array) to the register',
      z.union([AssessmentRecordSchema, z.array(AssessmentRecordSchema)]),
      AddResultSchema,
      'Records added; records already held are skipped',
    ),
    '/register/assurances': post(
      'Record an assurance obtained from a party, with its evidence and validity',
      AssuranceInputSchema,
      WrittenSchema,
      'The assurance’s chain entry',
    ),
    '/register/reviews': post(
      'Record a reviewed decision with its sign-off (the approver is not the preparer)',
      ReviewInputSchema,
      WrittenSchema,
      'The review’s chain entry',
    ),
    '/register/misuse-reports': post(
      'Record a misuse report or grievance about a party, by id or by name',
      MisuseReportInputSchema,
      WrittenSchema.extend({ reportId: z.string(), parties: z.array(PartyMatchSchema) }).meta({
        id: 'RegisterMisuseReportWritten',
      }),
      'The report’s chain entry and the parties it was matched to',
    ),
  };
}
