import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = join(ROOT, 'src');

/** Which folders of src/ each folder imports, type-only imports included (a type cycle is a cycle too). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const folderOf = (file: string) =>
    relative(SRC, file)
      .split(/[\\/]/)[0]!
      .replace(/\.(ts|js|json)$/, '');
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const from = folderOf(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const to = folderOf(normalize(join(dirname(file), spec!)));
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

describe('rooms and layers', () => {
  const graph = folderGraph();

  it('no folder imports another that imports it back, not even for types', () => {
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      if (trail.includes(node)) {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('logic and digest depend on nothing of ours but errors; data holds no rule-set or questionnaire code', () => {
    expect([...(graph.get('logic') ?? [])]).toEqual(['errors']);
    expect([...(graph.get('digest') ?? [])]).toEqual(['errors']);
    for (const folder of ['rules', 'questionnaire', 'engine', 'tester', 'audit'])
      expect(graph.get('data')?.has(folder) ?? false, folder).toBe(false);
    for (const folder of ['tester', 'audit', 'report', 'node', 'cli'])
      expect(graph.get('engine')?.has(folder) ?? false, folder).toBe(false);
  });
});
