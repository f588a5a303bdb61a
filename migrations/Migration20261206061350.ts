import { Migration } from '@mikro-orm/migrations';

export class Migration20261206061350 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "regulation40_channel" as enum ('ONLINE', 'PAPER');`);
    this.addSql(
      `create type "regulation40_category" as enum ('DEATH_OF_CHILD', 'SEXUAL_EXPLOITATION', 'CHILD_PROTECTION_ENQUIRY_INSTIGATED', 'CHILD_PROTECTION_ENQUIRY_OUTCOME', 'SERIOUS_EVENT');`,
    );
    this.addSql(`create type "regulation40_status" as enum ('RECEIVED', 'TRIAGED', 'FOLLOWED_UP', 'CLOSED');`);
    this.addSql(`create type "regulation40_routing" as enum ('URGENT_ACTION', 'MEMO_TO_ALLOCATED_INSPECTOR');`);
    this.addSql(
      `create table "regulation40_notification" ("id" uuid not null, "provider_id" uuid not null, "channel" "regulation40_channel" not null, "provider_category" "regulation40_category" not null, "incident_date" date not null, "received_on" date not null, "account" text not null, "instigation_notification_id" uuid null, "submitted_by" varchar(200) not null, "status" "regulation40_status" not null default 'RECEIVED', "confirmed_category" "regulation40_category" null, "triaged_on" date null, "routing" "regulation40_routing" null, "assigned_inspector" varchar(200) null, "followed_up_on" date null, "findings" jsonb null, "summary_of_reason" text null, "provider_action" text null, "delay_reason" text null, "delay_impact" text null, "ofsted_action" text null, "closed_on" date null, "actions" jsonb not null, "created_at" timestamptz not null default now(), constraint "regulation40_notification_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "regulation40_notification_provider_id_index" on "regulation40_notification" ("provider_id");`);
    this.addSql(`create index "regulation40_notification_received_on_index" on "regulation40_notification" ("received_on");`);
    this.addSql(`create index "regulation40_notification_status_index" on "regulation40_notification" ("status");`);
    this.addSql(`create index "regulation40_notification_assigned_inspector_index" on "regulation40_notification" ("assigned_inspector");`);

    this.addSql(
      `alter table "regulation40_notification" add constraint "regulation40_notification_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "regulation40_notification" cascade;`);

    this.addSql(`drop type "regulation40_channel";`);
    this.addSql(`drop type "regulation40_category";`);
    this.addSql(`drop type "regulation40_status";`);
    this.addSql(`drop type "regulation40_routing";`);
  }
}
