import type { Command } from 'commander';
import { oneOf } from '../io.js';
import { jsonSchema, schemaNames } from '../schema-registry.js';

export function register(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of a format (draft 2020-12).')
    .argument('<name>', `one of: ${schemaNames().join(', ')}`)
    .action((name: string) => {
      const key = oneOf(name, schemaNames(), 'schema name');
      process.stdout.write(`${JSON.stringify(jsonSchema(key), null, 2)}\n`);
    });
}
