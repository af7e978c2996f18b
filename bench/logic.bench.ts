import { LogicEngine } from 'json-logic-engine';
import jsonLogic from 'json-logic-js';
import { compileLogic } from '../src/logic/index.js';
import { type BenchSection, interleavedRounds } from './types.js';

// A 40-rule workload of and/or/if/in/some/all/reduce/var over varied transaction-like facts.
const CAPS = [
  'general-ict',
  'biometric-identification',
  'network-interception',
  'intrusion-spyware',
  'sensors-recording',
];
const TYPES = ['law-enforcement', 'private-company', 'reseller', 'academic', 'government-security'];
const COUNTRIES = ['DE', 'NO', 'CN', 'IR', 'BR', 'KE', 'AE', 'RU'];

function facts(i: number) {
  const items = Array.from({ length: 1 + (i % 4) }, (_, j) => ({
    id: `i${j}`,
    quantity: 1 + ((i * 7 + j) % 50),
    price: 100 * (1 + ((i + j) % 30)),
    capabilities: [CAPS[(i + j) % CAPS.length], CAPS[(i * 3 + j) % CAPS.length]],
    covert: (i + j) % 5 === 0,
    bulk: (i + j) % 7 === 0,
  }));
  return {
    transaction: {
      destination: COUNTRIES[i % COUNTRIES.length],
      endUsers: [{ id: 'e1', type: TYPES[i % TYPES.length], country: COUNTRIES[(i + 1) % COUNTRIES.length] }],
      items,
      payment: { method: i % 9 === 0 ? 'cash' : 'bank-transfer' },
      services: i % 3 === 0 ? ['hosting', 'training'] : [],
    },
    answers: { endUseStatement: i % 4 !== 0, audits: i % 6 === 0 ? 'refused' : 'accepted' },
    derived: { civilLiberties: ((i * 37) % 100) / 100, groups: i % 8 === 3 ? ['comprehensive-sanctions'] : [] },
  };
}

function rules(): unknown[] {
  const out: unknown[] = [];
  for (let k = 0; k < 8; k++) {
    const cap = CAPS[k % CAPS.length];
    const type = TYPES[k % TYPES.length];
    out.push(
      { some: [{ var: 'transaction.items' }, { in: [cap, { var: 'capabilities' }] }] },
      {
        and: [
          { '==': [{ var: 'transaction.endUsers.0.type' }, type] },
          { '<': [{ var: 'derived.civilLiberties' }, 0.3 + k / 20] },
        ],
      },
      {
        if: [
          { in: [{ var: 'transaction.destination' }, ['CN', 'IR', 'RU']] },
          { all: [{ var: 'transaction.items' }, { '>': [{ var: 'quantity' }, k] }] },
          false,
        ],
      },
      {
        '>': [
          {
            reduce: [
              { var: 'transaction.items' },
              { '+': [{ var: 'accumulator' }, { '*': [{ var: 'current.quantity' }, { var: 'current.price' }] }] },
              0,
            ],
          },
          10_000 * (k + 1),
        ],
      },
      {
        or: [
          { '==': [{ var: 'transaction.payment.method' }, 'cash'] },
          { '!': { var: 'answers.endUseStatement' } },
          {
            and: [
              { in: ['hosting', { var: 'transaction.services' }] },
              { some: [{ var: 'transaction.items' }, { var: 'covert' }] },
            ],
          },
        ],
      },
    );
  }
  return out;
}

export default async function run(): Promise<BenchSection> {
  const ruleList = rules();
  const data = Array.from({ length: 200 }, (_, i) => facts(i));
  // Each round runs the 200 facts ten times: long enough that one garbage collection or JIT pause hits few rounds.
  const inputs = Array.from({ length: 10 }, () => data).flat();
  const engine = new LogicEngine();
  const contenders: [string, ((d: unknown) => unknown)[]][] = [
    ['json-logic-js', ruleList.map((r) => (d: unknown) => jsonLogic.apply(r as jsonLogic.RulesLogic, d))],
    ['json-logic-engine (compiled)', ruleList.map((r) => engine.build(r as never) as (d: unknown) => unknown)],
    ['hrdd compiled', ruleList.map((r) => compileLogic(r))],
  ];
  // Same answers from all three before timing anything.
  for (const d of data) {
    const expected = JSON.stringify(contenders[0]![1].map((f) => f(d)));
    for (const [name, fs] of contenders) {
      if (JSON.stringify(fs.map((f) => f(d))) !== expected) throw new Error(`${name} disagrees on the workload`);
    }
  }
  // One input = one transaction's facts through all 40 rules.
  const all = contenders.map(([name, fs]) => {
    const run = (d: unknown) => {
      let matched = 0;
      for (let i = 0; i < fs.length; i++) if (fs[i]!(d)) matched++;
      return matched;
    };
    return [name, run] as [string, (d: unknown) => unknown];
  });
  const perSecond = interleavedRounds(all, inputs, 31);
  const base = perSecond.get('json-logic-js')!;
  const ours = perSecond.get('hrdd compiled')!;
  const jle = perSecond.get('json-logic-engine (compiled)')!;
  return {
    name: 'logic',
    rows: [...perSecond].map(([name, tps]) => ({
      evaluator: name,
      'transactions/s (40 rules)': Math.round(tps),
      'vs json-logic-js': Number((tps / base).toFixed(2)),
    })),
    summary: {
      compiledVsJsonLogicJs: Number((ours / base).toFixed(2)),
      compiledVsJsonLogicEngine: Number((ours / jle).toFixed(2)),
      target: 'compiled ≥ 10× json-logic-js and ≥ 1× json-logic-engine',
      met: ours / base >= 10 && ours / jle >= 1,
    },
  };
}
