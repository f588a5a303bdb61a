import { Migration } from '@mikro-orm/migrations';

export class Migration20261123142007 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "published_report" ("id" uuid not null, "inspection_id" uuid not null, "version" int not null, "current" boolean not null default true, "urn" varchar(9) not null, "setting_type" "setting_type" not null, "inspection_type" "inspection_type" not null, "local_authority" varchar(9) not null, "region" varchar(9) not null, "published_on" date not null, "amendment_reason" text null, "content" jsonb not null, "created_at" timestamptz not null default now(), constraint "published_report_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "published_report_urn_index" on "published_report" ("urn");`);
    this.addSql(`create index "published_report_local_authority_index" on "published_report" ("local_authority");`);
    this.addSql(`create index "published_report_region_index" on "published_report" ("region");`);
    this.addSql(`create index "published_report_current_published_on_id_index" on "published_report" ("current", "published_on", "id");`);
    this.addSql(
      `alter table "published_report" add constraint "published_report_inspection_id_version_unique" unique ("inspection_id", "version");`,
    );

    this.addSql(
      `alter table "published_report" add constraint "published_report_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "inspection" add column "report_overall_text" text null, add column "report_helped_and_protected_text" text null, add column "report_leaders_and_managers_text" text null, add column "report_summary_text" text null, add column "child_friendly_summary" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "published_report" cascade;`);

    this.addSql(
      `alter table "inspection" drop column "report_overall_text", drop column "report_helped_and_protected_text", drop column "report_leaders_and_managers_text", drop column "report_summary_text", drop column "child_friendly_summary";`,
    );
  }
}
