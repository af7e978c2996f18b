import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchema, schemaNames } from '../src/schemas/index.js';

/** The committed JSON Schema files, by file name, as `schemas/` should hold them. */
export function renderSchemas(): Map<string, string> {
  return new Map(
    schemaNames().map((name) => [`${name}.schema.json`, `${JSON.stringify(jsonSchema(name), null, 2)}\n`]),
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = join(import.meta.dirname, '..', 'schemas');
  mkdirSync(dir, { recursive: true });
  const files = renderSchemas();
  for (const old of readdirSync(dir)) if (!files.has(old)) rmSync(join(dir, old));
  for (const [file, text] of files) writeFileSync(join(dir, file), text);
  console.log(`wrote ${files.size} schemas to schemas/`);
}
