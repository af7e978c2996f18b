import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { signRecord } from '../../audit/index.js';
import { readJsonFile, readTextFile } from '../io.js';

export function register(program: Command): void {
  program
    .command('sign')
    .description(
      'Sign an assessment record (its canonical hash) with an Ed25519 private key: a detached signature for evidence given outside the company (check it with `hrdd report --signature … --key …`).',
    )
    .argument('<record.json>', 'a record written by `hrdd assess`')
    .requiredOption('--key <private.pem>', 'Ed25519 private key (PKCS #8 PEM)')
    .option('--out <file>', 'write the signature to a file instead of standard output')
    .action(async (file: string, flags: { key: string; out?: string }) => {
      const signature = await signRecord(readJsonFile(file, 'record'), readTextFile(flags.key, 'private key'));
      const text = `${JSON.stringify(signature, null, 2)}\n`;
      if (flags.out) writeFileSync(flags.out, text);
      else process.stdout.write(text);
    });
}
