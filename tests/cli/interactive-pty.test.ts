import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { CLI } from './run-cli.js';

// Drives `hrdd questionnaire` in a real pseudo-terminal (util-linux `script`), answering each prompt as it appears.
const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasScript) console.warn('pseudo-terminal test skipped: no `script` command (util-linux)');

/**
 * Runs `hrdd questionnaire --definition … --out …` in a pseudo-terminal, typing each step's keys once its prompt is
 * on screen; resolves with the exit code and how many steps were typed (killed after 20 s).
 */
async function answerInTerminal(
  definition: string,
  out: string,
  steps: readonly [prompt: string, keys: string][],
): Promise<{ code: number | null; typed: number }> {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} questionnaire --definition ${JSON.stringify(definition)} --out ${JSON.stringify(out)}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  let typed = 0;
  child.stdout.on('data', (data: Buffer) => {
    screen += data.toString();
    while (typed < steps.length && screen.includes(steps[typed]![0])) {
      const [prompt, keys] = steps[typed++]!;
      screen = screen.slice(screen.indexOf(prompt) + prompt.length);
      setTimeout(() => child.stdin.write(keys), 100);
    }
  });
  const timer = setTimeout(() => child.kill(), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { code, typed };
}

describe.skipIf(!hasScript)('hrdd questionnaire in a terminal', () => {
  it('asks only visible questions, re-asks an invalid answer and writes the answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrdd-pty-'));
    const definition = join(dir, 'q.json');
    const out = join(dir, 'answers.json');
    writeFileSync(
      definition,
      JSON.stringify({
        id: 'flow',
        replaces: true,
        version: '1',
        title: 'Flow',
        questions: [
          { id: 'cloud', type: 'boolean', prompt: 'Hosted in the cloud?', required: true },
          {
            id: 'region',
            type: 'single',
            prompt: 'Which region?',
            options: [
              { value: 'eu', label: 'EU' },
              { value: 'other', label: 'Elsewhere' },
            ],
            visibleIf: { var: 'answers.cloud' },
            required: true,
          },
          { id: 'seats', type: 'number', prompt: 'How many seats?', validation: { min: 1 } },
        ],
      }),
    );
    // Each answer is typed once its prompt is on screen: y, arrow down twice (past "(no answer)") + enter, an
    // invalid 0, then 12.
    const steps: [string, string][] = [
      ['Hosted in the cloud?', 'y\r'],
      ['Which region?', '\x1b[B\x1b[B\r'],
      ['How many seats?', '0\r'],
      ['expected a number from 1', '12\r'],
    ];
    const { code, typed } = await answerInTerminal(definition, out, steps);
    expect(typed).toBe(steps.length);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ cloud: true, region: 'other', seats: 12 });
  }, 30_000);

  it('Enter on a yes/no question records no answer; Ctrl-C saves the answers given so far and exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrdd-pty-'));
    const definition = join(dir, 'q.json');
    const out = join(dir, 'answers.json');
    writeFileSync(
      definition,
      JSON.stringify({
        id: 'stop',
        version: '1',
        title: 'Stop',
        replaces: true,
        questions: [
          { id: 'cloud', type: 'boolean', prompt: 'Hosted in the cloud?' },
          { id: 'seats', type: 'number', prompt: 'How many seats?' },
          { id: 'contact', type: 'text', prompt: 'Contact name?' },
        ],
      }),
    );
    const steps: [string, string][] = [
      ['Hosted in the cloud?', '\r'],
      ['How many seats?', '12\r'],
      ['Contact name?', '\x03'],
    ];
    const { code, typed } = await answerInTerminal(definition, out, steps);
    expect(typed).toBe(steps.length);
    expect(code).toBe(130);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ seats: 12 });
  }, 30_000);
});
