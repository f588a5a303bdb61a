import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140209 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "notification_recipient" as enum ('PLACING_AUTHORITY_DCS', 'HOST_AUTHORITY_DCS', 'DEPARTMENT_FOR_EDUCATION');`,
    );
    this.addSql(
      `create type "case_review_trigger" as enum ('INADEQUATE_OVERALL', 'INTERIM_DECLINE_WITH_SERIOUS_CONCERNS', 'SERIOUS_OR_WIDESPREAD_CONCERNS', 'LONG_MANAGER_VACANCY');`,
    );
    this.addSql(
      `create type "enforcement_option" as enum ('NO_ENFORCEMENT_ACTION', 'MONITORING_VISITS', 'BRING_INSPECTION_FORWARD', 'COMPLIANCE_NOTICE', 'IMPOSE_CONDITIONS', 'RESTRICTION_OF_ACCOMMODATION', 'SUSPENSION', 'NOTICE_OF_PROPOSAL_TO_CANCEL', 'PROSECUTION');`,
    );
    this.addSql(
      `create table "notification_task" ("id" uuid not null, "inspection_id" uuid not null, "recipient" "notification_recipient" not null, "local_authority" varchar(9) null, "rule_id" varchar(10) not null, "due_by" date not null, "done_on" date null, constraint "notification_task_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "notification_task_inspection_id_index" on "notification_task" ("inspection_id");`);
    this.addSql(`create index "notification_task_local_authority_index" on "notification_task" ("local_authority");`);

    this.addSql(
      `create table "case_review" ("id" uuid not null, "provider_id" uuid not null, "inspection_id" uuid not null, "trigger" "case_review_trigger" not null, "rule_id" varchar(10) not null, "urgent" boolean not null, "opened_on" date not null, "due_by" date not null, "held_on" date null, "options_considered" jsonb null, "chosen_option" "enforcement_option" null, "decision_reason" text null, "decided_by" varchar(200) null, constraint "case_review_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "case_review_provider_id_index" on "case_review" ("provider_id");`);
    this.addSql(`create index "case_review_inspection_id_index" on "case_review" ("inspection_id");`);

    this.addSql(
      `alter table "notification_task" add constraint "notification_task_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_review" add constraint "case_review_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review" add constraint "case_review_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );

    this.addSql(`alter table "judgement_record" add column "decline_suggests_serious_concerns" boolean null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_task" cascade;`);

    this.addSql(`drop table if exists "case_review" cascade;`);

    this.addSql(`alter table "judgement_record" drop column "decline_suggests_serious_concerns";`);

    this.addSql(`drop type "notification_recipient";`);
    this.addSql(`drop type "case_review_trigger";`);
    this.addSql(`drop type "enforcement_option";`);
  }
}
