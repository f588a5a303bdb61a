import type { Knex } from '@mikro-orm/postgresql';
import { preparedRowsOn, type StatementLogger } from './prepared';

/**
 * The scopes of the public answers: what a public read depends on, and what a write touches.
 * Triggers on the tables the public read path selects from record the scopes each transaction
 * touched in `public_change` (migrations/Migration20261206000000.ts), spelled as here.
 */
export const PublicScope = {
  /** A setting's reports and register entry. */
  urn: (urn: string) => `urn:${urn}`,
  /** The published reports of an area: a local authority, else a region, else England. */
  reports: (area: { localAuthority?: string | null; region?: string | null }) =>
    area.localAuthority ? `la:${area.localAuthority}` : area.region ? `region:${area.region}` : 'england',
  /** The feed's events of an area, likewise. */
  feed: (area: { localAuthority?: string | null; region?: string | null }) =>
    area.localAuthority ? `feed:la:${area.localAuthority}` : area.region ? `feed:region:${area.region}` : 'feed:england',
  /** Everything: reference data (the areas' names) or a table emptied. Every read depends on it. */
  all: 'all',
} as const;

/** A column for a public read's statement: the snapshot its rows are read in, as text. */
export const SNAPSHOT_COLUMN = `pg_current_snapshot()::text as "snapshot"`;

/** One read of a public answer: the scopes it depends on and the snapshot it was read in. */
export interface PublicRead {
  scopes: readonly string[];
  snapshot: string;
}

/**
 * What one request's public answer was read from. The answer can be kept only when every read it
 * made was recorded with its snapshot (a read that found nothing has none, and is not), and when
 * the server found the whole operation fit to keep (`answerable`: public, anonymous, no error).
 */
export class PublicReads {
  readonly reads: PublicRead[] = [];
  private unrecorded = false;
  /** Set once the operation is known to be a public, anonymous query that answered without an error. */
  answerable = false;

  /** A read of `scopes` whose rows were read in `snapshot` (undefined when it found no row). */
  record(scopes: readonly string[], snapshot: string | undefined): void {
    if (snapshot === undefined) this.unrecorded = true;
    else this.reads.push({ scopes: [...scopes, PublicScope.all], snapshot });
  }

  /** A read whose answer must never be kept (it depends on who asked). */
  refuse(): void {
    this.unrecorded = true;
  }

  get keepable(): boolean {
    return this.answerable && !this.unrecorded && this.reads.length > 0;
  }
}

/**
 * Which of `answers` (each the reads of one answer) were touched by a transaction that committed
 * after the snapshot they were read in: one statement on `public_change`'s primary key, whatever
 * their number. A change made by a transaction that had committed when a snapshot was taken is
 * visible in it, and so was read; one still running then is not, and that is a change the read
 * could not have seen. Returns the indexes of the changed answers.
 */
export async function changedSince(knex: Knex, logger: StatementLogger, answers: readonly (readonly PublicRead[])[]): Promise<Set<number>> {
  const indexes: number[] = [];
  const scopes: string[] = [];
  const snapshots: string[] = [];
  answers.forEach((reads, index) => {
    for (const read of reads) {
      for (const scope of read.scopes) {
        indexes.push(index);
        scopes.push(scope);
        snapshots.push(read.snapshot);
      }
    }
  });
  const rows = await preparedRowsOn<{ answer: number }>(
    knex,
    logger,
    'public_changed_since',
    `select distinct r.answer from unnest($1::int[], $2::text[], $3::text[]) as r(answer, scope, snapshot)
       join public_change c on c.scope = r.scope and c.xid >= pg_snapshot_xmin(r.snapshot::pg_snapshot)
      where not pg_visible_in_snapshot(c.xid, r.snapshot::pg_snapshot)`,
    [indexes, scopes, snapshots],
  );
  return new Set(rows.map((row) => row.answer));
}

/**
 * Checks answers for changes in batches: every answer asked about while the event loop turns once
 * is checked by the same statement, which starts after all of them were asked (so it sees every
 * change committed before any of them), and each answer once however many requests ask for it.
 */
export class ChangeChecker {
  private batch: Map<readonly PublicRead[], { resolve: (changed: boolean) => void; reject: (error: unknown) => void }[]> | null = null;

  constructor(
    private readonly knex: Knex,
    private readonly logger: StatementLogger,
  ) {}

  /** Whether what `reads` read has changed since (true: the answer is stale). */
  changed(reads: readonly PublicRead[]): Promise<boolean> {
    return new Promise((resolve, reject) => {
      if (!this.batch) {
        this.batch = new Map();
        setImmediate(() => this.flush());
      }
      let waiting = this.batch.get(reads);
      if (!waiting) this.batch.set(reads, (waiting = []));
      waiting.push({ resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.batch!;
    this.batch = null;
    const answers = [...batch.keys()];
    changedSince(this.knex, this.logger, answers).then(
      (changed) => answers.forEach((reads, index) => batch.get(reads)!.forEach((waiting) => waiting.resolve(changed.has(index)))),
      (error: unknown) => batch.forEach((waiting) => waiting.forEach((one) => one.reject(error))),
    );
  }
}

/** The oldest transaction still running now: every change recorded before it is visible to any read from now on. */
export async function oldestRunningTransaction(knex: Knex, logger: StatementLogger): Promise<string> {
  const [row] = await preparedRowsOn<{ xmin: string }>(
    knex,
    logger,
    'public_change_horizon',
    `select pg_snapshot_xmin(pg_current_snapshot())::text as "xmin"`,
    [],
  );
  return row!.xmin;
}

/** Forgets the changes of transactions older than `xmin` (from `oldestRunningTransaction`, taken earlier). */
export async function forgetChangesBefore(knex: Knex, logger: StatementLogger, xmin: string): Promise<void> {
  await preparedRowsOn(knex, logger, 'public_change_forget', `delete from public_change where xid < $1::xid8`, [xmin]);
}
