import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { example, ROOT } from '../helpers.js';

// The package as a user gets it: `npm pack`, installed into an empty project with the HTTP example's own
// dependencies, and the example copied there unchanged and started. It installs from the npm registry (the cache
// first), so it gets a long timeout and one retry for a slow network; it packs the `dist/` that `npm test` has just
// built (`--ignore-scripts`: the `prepack` build would clean `dist/` under the tests running beside this one).
const dependencies = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies as Record<
  string,
  string
>;
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_loglevel: 'error' },
  });

describe('the packed package', { timeout: 300_000, retry: 1 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'hrdd-tarball-'));
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill();
  });

  it('installs into an empty project, where hrdd/schemas/<name>.json, the CLI and the HTTP example work as shipped', async () => {
    if (!existsSync(join(ROOT, 'dist', 'index.js')))
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    const packed = JSON.parse(
      run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT),
    ) as {
      filename: string;
      files: { path: string }[];
    }[];
    const files = packed[0]!.files.map((f) => f.path);
    for (const file of [
      'dist/index.js',
      'dist/index.cjs',
      'dist/node/index.js',
      'dist/node/batch-worker.js',
      'dist/cli/main.js',
      'schemas/transaction.schema.json',
    ])
      expect(files, file).toContain(file);
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('tests/'))).toBe(false);
    const project = join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        join(scratch, packed[0]!.filename),
        `hono@${dependencies.hono}`,
        `@hono/node-server@${dependencies['@hono/node-server']}`,
      ],
      project,
    );

    // JSON Schemas by name, from ESM and CommonJS.
    const esm = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import s from 'hrdd/schemas/transaction.json' with { type: 'json' }; console.log(s.$schema)",
      ],
      project,
    );
    expect(esm).toContain('2020-12');
    const require = createRequire(join(project, 'index.js'));
    expect(require('hrdd/schemas/record.json').$schema).toContain('2020-12');
    expect(run(process.execPath, [join(project, 'node_modules', '.bin', 'hrdd'), '--version'], project).trim()).toMatch(
      /^\d+\.\d+\.\d+/,
    );

    // The example, copied as it is: it imports only hrdd, hrdd/node and its own dependencies.
    for (const file of ['app.ts', 'register-routes.ts', 'server.ts'])
      copyFileSync(join(ROOT, 'examples', 'http-service', file), join(project, file));
    const tsx = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    server = spawn(process.execPath, ['--import', tsx, 'server.ts'], {
      cwd: project,
      env: { ...process.env, PORT: '0' },
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      server!.stdout!.on('data', (d) => {
        output += d;
        const match = /hrdd service on (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      server!.stderr!.on('data', (d) => {
        output += d;
      });
      server!.on('exit', (code) => reject(new Error(`the example exited with ${code}: ${output}`)));
    });
    const res = await fetch(`${url}/assess`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transaction: example('10-'), asOf: '2026-11-01' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { decision: string }).decision).toBe('decline');
    const schema = (await (await fetch(`${url}/schema/transaction`)).json()) as Record<string, unknown>;
    expect(schema).toEqual(JSON.parse(readFileSync(join(ROOT, 'schemas', 'transaction.schema.json'), 'utf8')));
  });
});
