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

  get keepable(): boolean {
    return this.answerable && !this.unrecorded && this.reads.length > 0;
  }
}

/**
 * Whether any transaction that touched one of the reads' scopes committed after the read's
 * snapshot: one statement on `public_change`'s primary key. A change made by a transaction that
 * had committed when the snapshot was taken is visible in it, and so was read; one still running
 * then is not, and that is a change the read could not have seen.
 */
export async function anyChangedSince(knex: Knex, logger: StatementLogger, reads: readonly PublicRead[]): Promise<boolean> {
  const scopes: string[] = [];
  const snapshots: string[] = [];
  for (const read of reads) {
    for (const scope of read.scopes) {
      scopes.push(scope);
      snapshots.push(read.snapshot);
    }
  }
  const [row] = await preparedRowsOn<{ changed: boolean }>(
    knex,
    logger,
    'public_changed_since',
    `select exists (
       select 1 from unnest($1::text[], $2::text[]) as r(scope, snapshot)
       join public_change c on c.scope = r.scope and c.xid >= pg_snapshot_xmin(r.snapshot::pg_snapshot)
       where not pg_visible_in_snapshot(c.xid, r.snapshot::pg_snapshot)) as "changed"`,
    [scopes, snapshots],
  );
  return row?.changed ?? true;
}

/** The oldest transaction still running now: every change recorded before it is visible to any read from now on. */
export async function oldestRunningTransaction(knex: Knex, logger: StatementLogger): Promise<string> {
  const [row] = await preparedRowsOn<{ xmin: string }>(knex, logger, 'public_change_horizon', `select pg_snapshot_xmin(pg_current_snapshot())::text as "xmin"`, []);
  return row!.xmin;
}

/** Forgets the changes of transactions older than `xmin` (from `oldestRunningTransaction`, taken earlier). */
export async function forgetChangesBefore(knex: Knex, logger: StatementLogger, xmin: string): Promise<void> {
  await preparedRowsOn(knex, logger, 'public_change_forget', `delete from public_change where xid < $1::xid8`, [xmin]);
}
