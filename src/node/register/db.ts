import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HrddError } from '../../errors.js';

/** The advisory lock every writer takes: one chain, one writer at a time (also across processes and hosts). */
export const REGISTER_LOCK = 7_406_311;

/** A row as both drivers return it: column name to value. */
export type Row = Record<string, unknown>;

/** What register code needs of a connection: parameterised queries ($1, $2…) returning rows. */
export interface Sql {
  query<R = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Bulk insert by `COPY … FROM` where the driver streams it cheaply (PGlite: parameters of large text are slow to
   * pass there); absent, callers insert with `unnest` of array parameters.
   */
  copy?(table: string, columns: readonly string[], rows: readonly (readonly CopyCell[])[]): Promise<void>;
}

export type Cell = string | number | null;
/** A cell to copy: text may come as UTF-8 bytes, copied as they are. */
export type CopyCell = Cell | Uint8Array;

/** A value in COPY's text format: backslash escapes, `\N` for null. */
function copyCell(value: Cell): string {
  if (value === null) return '\\N';
  const s = String(value);
  if (!/[\\\n\r\t]/.test(s)) return s;
  // A chain record is canonical JSON, with backslashes but no raw control characters: plain replaceAll is native.
  return s.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\t', '\\t');
}

const BACKSLASH = 0x5c;
const decoder = new TextDecoder();

/**
 * The COPY text of `rows`, as parts of a Blob: text cells are written out, byte cells go in as they are (canonical
 * JSON holds no raw tab or newline; one with a backslash is escaped as text).
 */
function copyBody(rows: readonly (readonly CopyCell[])[]): (string | Uint8Array)[] {
  const parts: (string | Uint8Array)[] = [];
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = row[i]!;
      if (i > 0) text += '\t';
      if (!(cell instanceof Uint8Array)) text += copyCell(cell);
      else if (cell.includes(BACKSLASH)) text += copyCell(decoder.decode(cell));
      else {
        parts.push(text, cell);
        text = '';
      }
    }
    text += '\n';
  }
  parts.push(text);
  return parts;
}

/** A register database: PGlite in a directory, or a Postgres server. */
export interface Db extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** The directory or the URL (password removed). */
  readonly location: string;
  /** Runs `fn` inside one database transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The default register location: `HRDD_DB`, else `./hrdd-register`. */
export function defaultDbLocation(env: NodeJS.ProcessEnv = process.env): string {
  return env.HRDD_DB && env.HRDD_DB.trim() !== '' ? env.HRDD_DB : './hrdd-register';
}

export function isServerUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * Opens a register database. A `postgres://` or `postgresql://` URL connects to a server (several writers at
 * once); anything else is a directory holding an embedded PGlite database, created when missing, or `memory://`
 * for one that lives only as long as the process.
 */
export async function openDb(spec: string): Promise<Db> {
  return isServerUrl(spec) ? openPostgres(spec) : openPglite(spec);
}

/**
 * `COPY … FROM STDIN` on a server connection: the rows go as COPY text, byte cells as they are, instead of as
 * parameters the driver would escape and encode on this thread.
 */
async function copyToServer(
  client: import('pg').PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly CopyCell[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const [{ from }, { pipeline }, { Readable }] = await Promise.all([
    import('pg-copy-streams'),
    import('node:stream/promises'),
    import('node:stream'),
  ]);
  const parts = copyBody(rows)
    .filter((part) => part.length > 0)
    .map((part) => (typeof part === 'string' ? Buffer.from(part) : part));
  await pipeline(Readable.from(parts), client.query(from(`copy ${table} (${columns.join(', ')}) from stdin`)));
}

async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => {
    // An idle client lost its connection; the next query reconnects or reports the failure.
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new HrddError(`cannot connect to the register database ${redact(url)}: ${(error as Error).message}`, [
      { path: 'db', message: (error as Error).message },
    ]);
  }
  return {
    kind: 'postgres',
    location: redact(url),
    async query<R>(text: string, params: readonly unknown[] = []) {
      return (await pool.query(text, params as unknown[])).rows as R[];
    },
    async transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<R>(text: string, params: readonly unknown[] = []) {
            return (await client.query(text, params as unknown[])).rows as R[];
          },
          copy: (table, columns, rows) => copyToServer(client, table, columns, rows),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * An embedded database may be opened by one process at a time: a lock file beside it, holding the owner's pid,
 * makes a second process wait (two reviewers on one machine) and is taken over when its owner has died.
 */
async function lockDirectory(dir: string, timeoutMs = 60_000): Promise<() => void> {
  const lock = join(dir, '.hrdd-register.lock');
  const deadline = Date.now() + timeoutMs;
  let wait = 20;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lock);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = Number.NaN;
      try {
        owner = Number.parseInt(readFileSync(lock, 'utf8'), 10);
      } catch {
        // released meanwhile
      }
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
        try {
          unlinkSync(lock);
        } catch {
          // another process took it over first
        }
        continue;
      }
      if (Date.now() > deadline)
        throw new HrddError(`the register ${dir} is in use by another process`, [
          { path: lock, message: `held by process ${owner}` },
        ]);
      await new Promise((r) => setTimeout(r, wait + Math.floor(Math.random() * wait)));
      wait = Math.min(wait * 2, 250);
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(spec: string): Promise<Db> {
  const memory = spec === 'memory://';
  const dir = memory ? spec : resolve(spec);
  let release = () => {};
  if (!memory) {
    mkdirSync(dir, { recursive: true });
    release = await lockDirectory(dir);
  }
  let db: import('@electric-sql/pglite').PGlite;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    db = await PGlite.create(memory ? undefined : dir);
  } catch (error) {
    release();
    throw new HrddError(`cannot open the register database ${dir}: ${(error as Error).message}`, [
      { path: 'db', message: (error as Error).message },
    ]);
  }
  type Runner = Pick<import('@electric-sql/pglite').Transaction, 'query'>;
  const copier =
    (runner: Runner) => async (table: string, columns: readonly string[], rows: readonly (readonly CopyCell[])[]) => {
      if (rows.length === 0) return;
      await runner.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], {
        blob: new Blob(copyBody(rows) as ConstructorParameters<typeof Blob>[0]),
      });
    };
  return {
    kind: 'pglite',
    location: dir,
    async query<R>(text: string, params: readonly unknown[] = []) {
      return (await db.query<R>(text, params as unknown[])).rows;
    },
    copy: copier(db),
    transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
      return db.transaction((tx) =>
        fn({
          async query<R>(text: string, params: readonly unknown[] = []) {
            return (await tx.query<R>(text, params as unknown[])).rows;
          },
          copy: copier(tx),
        }),
      );
    },
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
