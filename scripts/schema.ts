/**
 * schema.graphql is the public contract, emitted from the code:
 *   ts-node scripts/schema.ts write   rewrites it
 *   ts-node scripts/schema.ts check   fails when the committed file differs from the code
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/paths';
import { buildGraphQLSchema, printCommittedSchema } from '../src/server/schema';

async function main(): Promise<void> {
  const mode = process.argv[2];
  const file = path.join(projectRoot, 'schema.graphql');
  const emitted = printCommittedSchema(await buildGraphQLSchema());
  if (mode === 'write') {
    fs.writeFileSync(file, emitted);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  } else if (mode === 'check') {
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (committed !== emitted) {
      process.stderr.write('schema.graphql differs from the schema the code emits: run `npm run schema:emit` and commit it\n');
      process.exitCode = 1;
    } else {
      process.stdout.write('schema.graphql matches the code\n');
    }
  } else {
    throw new Error('usage: schema.ts write|check');
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
