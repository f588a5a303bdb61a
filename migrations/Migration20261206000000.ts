import { Migration } from '@mikro-orm/migrations';

/**
 * The scopes of the public answers a change of each table touches, from its changed rows (`rows`).
 * `all` stands for everything: reference data (areas' names) and a truncation.
 */
const SCOPES: Record<string, (rows: string) => string> = {
  published_report: (rows) =>
    `select unnest(array['urn:' || r."urn", 'la:' || r."local_authority", 'region:' || r."region", 'england']) from ${rows} r`,
  provider: (rows) => `select 'urn:' || r."urn" from ${rows} r`,
  registered_provider: (rows) =>
    `select 'urn:' || p."urn" from "provider" p where p."registered_provider_id" in (select r."id" from ${rows} r)`,
  feed_event: (rows) =>
    `select unnest(array['feed:la:' || r."local_authority", 'feed:region:' || r."region", 'feed:england']) from ${rows} r`,
  local_authority: () => `select 'all'`,
  region: () => `select 'all'`,
};

/**
 * What changed in the public answers, and in which transaction (issue 19). The public answer cache
 * (src/server/answer-cache.ts) keeps an answer with the snapshot its rows were read in, and serves
 * it again only while no transaction that committed after that snapshot touched what it read.
 *
 * Every write to a table the public read path selects from records, by statement-level trigger,
 * the scopes it touched with its own transaction ID. Inserts only, and no two transactions ever
 * insert the same key: writers never wait on one another here. Old rows are deleted by the cache
 * once no cached answer can be older than them.
 */
export class Migration20261206000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "public_change" ("scope" text not null, "xid" xid8 not null, constraint "public_change_pkey" primary key ("scope", "xid"));`,
    );
    const record = (scopes: string) =>
      `insert into "public_change" ("scope", "xid") select distinct s, pg_current_xact_id() from (${scopes}) x(s) where s is not null on conflict do nothing;`;
    for (const [table, scopes] of Object.entries(SCOPES)) {
      // A transition table is planned only when its branch runs, so one function serves every event.
      this.addSql(`create function "public_change_${table}"() returns trigger language plpgsql as $$
        begin
          if tg_op = 'TRUNCATE' then ${record(`select 'all'`)}
          elsif tg_op = 'INSERT' then ${record(scopes('"public_change_new"'))}
          elsif tg_op = 'DELETE' then ${record(scopes('"public_change_old"'))}
          else ${record(scopes('(select * from "public_change_new" union all select * from "public_change_old")'))}
          end if;
          return null;
        end $$;`);
      const run = `for each statement execute function "public_change_${table}"()`;
      this.addSql(`create trigger "public_change_insert" after insert on "${table}" referencing new table as "public_change_new" ${run};`);
      this.addSql(
        `create trigger "public_change_update" after update on "${table}" referencing old table as "public_change_old" new table as "public_change_new" ${run};`,
      );
      this.addSql(`create trigger "public_change_delete" after delete on "${table}" referencing old table as "public_change_old" ${run};`);
      this.addSql(`create trigger "public_change_truncate" after truncate on "${table}" ${run};`);
    }
  }

  override async down(): Promise<void> {
    for (const table of Object.keys(SCOPES)) {
      for (const event of ['insert', 'update', 'delete', 'truncate']) this.addSql(`drop trigger "public_change_${event}" on "${table}";`);
      this.addSql(`drop function "public_change_${table}"();`);
    }
    this.addSql(`drop table "public_change";`);
  }
}
