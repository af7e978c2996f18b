import type { Hono } from 'hono';
import { parseWith } from 'hrdd';
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
