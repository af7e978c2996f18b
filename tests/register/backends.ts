import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The Postgres server the suite also runs against (CI sets it; locally the Postgres half is skipped without it). */
export const PG_URL = process.env.HRDD_TEST_PG_URL;

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, empty register location, and how to drop it. */
  fresh(): Promise<{ db: string; drop(): Promise<void> }>;
}

export const pgliteBackend: Backend = {
  name: 'pglite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'hrdd-register-'));
    return { db: join(dir, 'db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

export const postgresBackend: Backend = {
  name: 'postgres',
  async fresh() {
    const name = `hrdd_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(PG_URL!);
    url.pathname = `/${name}`;
    return {
      db: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  },
};

/** PGlite always; Postgres when `HRDD_TEST_PG_URL` is set — and CI (CI=true) must set it. */
export function backends(): Backend[] {
  if (!PG_URL && process.env.CI === 'true')
    throw new Error('CI must run the register suite against Postgres: .ci/run sets HRDD_TEST_PG_URL');
  return PG_URL ? [pgliteBackend, postgresBackend] : [pgliteBackend];
}
