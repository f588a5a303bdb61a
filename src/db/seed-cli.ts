/**
 * npm run seed -- --providers N [--years Y] [--seed S] [--replace]
 * Writes the synthetic register (deterministic from the seed) into DATABASE_URL, or into the
 * embedded PostgreSQL that `npm start` uses when DATABASE_URL is not set. Without `--years` (or
 * with 1), each setting has its last published report; with more, the register has that many
 * years of history (synthetic-history.ts): inspections and visits, enforcement, every report
 * published and versioned, and the judgement feed.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from './database';
import { clearRegister, isRegisterEmpty, seedFeed, seedSyntheticHistory, seedSyntheticRegister } from './seed';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      providers: { type: 'string', default: '4000' },
      seed: { type: 'string' },
      years: { type: 'string', default: '1' },
      replace: { type: 'boolean', default: false },
    },
  });
  const config = loadConfig();
  const providers = Number(values.providers);
  const seed = values.seed !== undefined ? Number(values.seed) : config.SEED;
  if (!Number.isInteger(providers) || providers < 1 || providers > 100_000)
    throw new Error('--providers must be a whole number from 1 to 100000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const years = Number(values.years);
  if (!Number.isInteger(years) || years < 1 || years > 25) throw new Error('--years must be a whole number from 1 to 25');

  const log = (message: string) => process.stdout.write(`${message}\n`);
  const db = await openDatabase(config, log);
  try {
    log(`Database: ${db.description}`);
    const em = db.orm.em.fork();
    if (!(await isRegisterEmpty(em))) {
      if (!values.replace) throw new Error('The register already holds providers: pass --replace to replace them with synthetic ones');
      await clearRegister(em);
    }
    const started = Date.now();
    if (years > 1) {
      const counts = await seedSyntheticHistory(em, { providers, seed, years, log });
      const tables = Object.entries(counts.rows)
        .map(([table, n]) => `${table} ${n}`)
        .join(', ');
      log(
        `Seeded ${counts.providers} settings with ${years} years of history (seed ${seed}): ${counts.publishedReports} published reports ` +
          `(${counts.publishedVersions} versions) and ${counts.feedEvents} feed events in ${Date.now() - started} ms ` +
          `(register and histories ${counts.timings.generateAndWriteMs} ms, feed ${counts.timings.feedMs} ms)`,
      );
      log(`Rows: ${tables}`);
      return;
    }
    const counts = await seedSyntheticRegister(em, { providers, seed });
    log(
      `Seeded ${counts.providers} settings, ${counts.registeredProviders} registered providers and ` +
        `${counts.appointments} manager appointments and ${counts.publishedReports} published inspection reports (seed ${seed}) in ${Date.now() - started} ms`,
    );
    const feedStarted = Date.now();
    const published = await seedFeed(em);
    log(`Wrote the judgement feed of those ${published} publications in ${Date.now() - feedStarted} ms`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
