import { Migration } from '@mikro-orm/migrations';

export class Migration20261123135408 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "deferral_reason" as enum ('SERIOUS_WEATHER', 'SERIOUS_INCIDENT', 'RISK_TO_PEOPLE', 'EVIDENCE_SEVERELY_RESTRICTED', 'KEY_STAFF_UNAVAILABLE', 'ACCOMMODATION_ISSUES');`,
    );
    this.addSql(
      `create table "factual_accuracy_comment" ("id" uuid not null, "inspection_id" uuid not null, "position" int not null, "received_on" date not null, "comment" text not null, "response" text null, "responded_on" date null, constraint "factual_accuracy_comment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "factual_accuracy_comment_inspection_id_index" on "factual_accuracy_comment" ("inspection_id");`);

    this.addSql(
      `create table "complaint" ("id" uuid not null, "inspection_id" uuid not null, "lodged_on" date not null, "summary" text not null, "answer" text null, "answered_on" date null, constraint "complaint_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "complaint_inspection_id_index" on "complaint" ("inspection_id");`);

    this.addSql(
      `alter table "factual_accuracy_comment" add constraint "factual_accuracy_comment_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "complaint" add constraint "complaint_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );

    this.addSql(`alter type "inspection_status" add value if not exists 'DEFERRED' after 'SCHEDULED';`);

    this.addSql(`alter type "inspection_status" add value if not exists 'INCOMPLETE' after 'FIELDWORK_COMPLETE';`);

    this.addSql(`alter type "inspection_status" add value if not exists 'DRAFT_IN_QUALITY_ASSURANCE' after 'INCOMPLETE';`);

    this.addSql(`alter type "inspection_status" add value if not exists 'DRAFT_SENT_TO_PROVIDER' after 'DRAFT_IN_QUALITY_ASSURANCE';`);

    this.addSql(`alter type "inspection_status" add value if not exists 'PROVIDER_COMMENTS_RECEIVED' after 'DRAFT_SENT_TO_PROVIDER';`);

    this.addSql(`alter type "inspection_status" add value if not exists 'UNDER_COMPLAINT' after 'PROVIDER_COMMENTS_RECEIVED';`);

    this.addSql(`alter type "inspection_status" add value if not exists 'FINAL_REPORT_ISSUED' after 'UNDER_COMPLAINT';`);

    this.addSql(`alter type "inspection_status" add value if not exists 'PUBLISHED' after 'FINAL_REPORT_ISSUED';`);

    this.addSql(`alter type "inspection_status" add value if not exists 'NOT_PUBLISHED' after 'PUBLISHED';`);

    this.addSql(`alter table "inspection" drop column "draft_report_sent_at";`);

    this.addSql(
      `alter table "inspection" add column "deferral_reason" "deferral_reason" null, add column "deferral_justification" text null, add column "deferral_agreed_by" varchar(200) null, add column "incomplete_reason" text null, add column "quality_assurance_submitted_on" date null, add column "quality_assured_by" varchar(200) null, add column "provider_informed_of_changes_on" date null, add column "draft_sent_on" date null, add column "comments_returned_on" date null, add column "final_report_issued_on" date null, add column "published_on" date null, add column "not_published_reason" text null, add column "not_published_decided_by" varchar(200) null, add column "status_before_complaint" "inspection_status" null, add column "placing_authorities" text[] not null default '{}';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "factual_accuracy_comment" cascade;`);

    this.addSql(`drop table if exists "complaint" cascade;`);

    this.addSql(
      `alter table "inspection" drop column "deferral_reason", drop column "deferral_justification", drop column "deferral_agreed_by", drop column "incomplete_reason", drop column "quality_assurance_submitted_on", drop column "quality_assured_by", drop column "provider_informed_of_changes_on", drop column "draft_sent_on", drop column "comments_returned_on", drop column "final_report_issued_on", drop column "published_on", drop column "not_published_reason", drop column "not_published_decided_by", drop column "status_before_complaint", drop column "placing_authorities";`,
    );

    this.addSql(`alter table "inspection" add column "draft_report_sent_at" timestamptz(6) null;`);

    this.addSql(`drop type "deferral_reason";`);
  }
}
