import { Migration } from '@mikro-orm/migrations';

export class Migration20261123150355 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_entry" ("id" uuid not null, "at" timestamptz not null, "subject" varchar(200) not null, "role" varchar(40) not null, "operation" varchar(200) not null, "kind" varchar(10) not null, "targets" text[] not null, "request_id" varchar(64) not null, "outcome" varchar(20) not null, constraint "audit_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "audit_entry_at_id_index" on "audit_entry" ("at", "id");`);
    // Append-only: the database itself refuses to change or remove a line of the trail.
    this.addSql(
      `create function "audit_entry_append_only"() returns trigger language plpgsql as $$ begin raise exception 'the audit trail is append-only'; end $$;`,
    );
    this.addSql(
      `create trigger "audit_entry_no_update_or_delete" before update or delete on "audit_entry" for each row execute function "audit_entry_append_only"();`,
    );
    this.addSql(
      `create trigger "audit_entry_no_truncate" before truncate on "audit_entry" for each statement execute function "audit_entry_append_only"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop function if exists "audit_entry_append_only"();`);
  }
}
