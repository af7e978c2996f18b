import { canonicalJson } from '../digest/index.js';
import { pathReader } from '../logic/index.js';

/** A fact value as text in a rationale: lists joined with ", ", absent values as "unknown". */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map(formatValue).join(', ');
  }
  const record = value as Record<string, unknown>;
  // Classifications read better as "EAR 3A981" than as JSON.
  if (typeof record.regime === 'string' && typeof record.code === 'string') return `${record.regime} ${record.code}`;
  return canonicalJson(value);
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** Renders `{{path}}` placeholders with values from the facts (own properties only). */
export function renderTemplate(template: string, data: unknown): string {
  return compileTemplate(template)(data);
}

/** `renderTemplate` for a fixed template, parsed once into its text and its placeholders' readers. */
export function compileTemplate(template: string): (data: unknown) => string {
  const texts: string[] = [];
  const readers: ((data: unknown) => unknown)[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(last, m.index));
    readers.push(pathReader(m[1]!));
    last = m.index + m[0].length;
  }
  const tail = template.slice(last);
  if (readers.length === 0) return () => tail;
  return (data) => {
    let text = '';
    for (let i = 0; i < readers.length; i++) text += texts[i]! + formatValue(readers[i]!(data));
    return text + tail;
  };
}

/** The fact paths a template shows (`{{it.name}}`): reported with the finding's facts. */
export function templatePaths(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}
