import { Migration } from '@mikro-orm/migrations';

export class Migration20261123132901 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "inspection_type" as enum ('FULL_INSPECTION', 'INTERIM_INSPECTION', 'MONITORING_VISIT', 'ASSURANCE_VISIT');`);
    this.addSql(`create type "inspection_status" as enum ('SCHEDULED', 'ON_SITE', 'FIELDWORK_COMPLETE');`);
    this.addSql(`create type "item_status" as enum ('OPEN', 'MET', 'NOT_MET');`);
    this.addSql(`create type "person_role" as enum ('CHILD', 'FAMILY_MEMBER', 'STAFF_MEMBER', 'OTHER');`);
    this.addSql(
      `create type "line_of_enquiry_source" as enum ('STATEMENT_OF_PURPOSE', 'CONCERN_OR_COMPLAINT', 'NOTIFICATION', 'MONITORING_REPORT', 'QUESTIONNAIRES', 'PREVIOUS_INSPECTION', 'OTHER');`,
    );
    this.addSql(
      `create type "judgement_kind" as enum ('FULL_INSPECTION', 'INTERIM', 'NO_JUDGEMENT', 'ASSURANCE_VISIT', 'MONITORING_VISIT');`,
    );
    this.addSql(`create type "grade" as enum ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', 'INADEQUATE');`);
    this.addSql(
      `create type "interim_outcome" as enum ('IMPROVED_EFFECTIVENESS', 'SUSTAINED_EFFECTIVENESS', 'DECLINED_IN_EFFECTIVENESS');`,
    );
    this.addSql(`create type "no_judgement_reason" as enum ('NO_CHILDREN_SINCE_REGISTRATION', 'CLOSED_NOT_TAKING_PLACEMENTS');`);
    this.addSql(
      `create type "evidence_source" as enum ('CHILDREN', 'PARENTS_AND_CARERS', 'STAFF', 'MANAGERS', 'OTHER_PROFESSIONALS', 'OBSERVATION', 'RECORDS_AND_DOCUMENTS', 'QUESTIONNAIRES');`,
    );
    this.addSql(
      `create type "judgement_area" as enum ('OVERALL_EXPERIENCES_AND_PROGRESS', 'HELPED_AND_PROTECTED', 'LEADERS_AND_MANAGERS');`,
    );
    this.addSql(`create type "finding" as enum ('STRENGTH', 'WEAKNESS');`);
    this.addSql(`create type "compliance_notice_ground" as enum ('PROMOTE_WELFARE_OR_RISK_OF_HARM', 'FAILED_TO_MEET_A_REQUIREMENT');`);
    this.addSql(
      `create table "inspection" ("id" uuid not null, "provider_id" uuid not null, "type" "inspection_type" not null, "status" "inspection_status" not null default 'SCHEDULED', "scheduled_start" date not null, "notice_given_on" date null, "notice_reason" text null, "on_site_start" date null, "on_site_end" date null, "feedback_date" date null, "extended_on_site_reason" text null, "lead_inspector" varchar(200) not null, "team_inspectors" text[] not null, "previous_inspection_id" uuid null, "draft_report_sent_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "inspection_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "inspection_scheduled_start_id_index" on "inspection" ("scheduled_start", "id");`);
    this.addSql(`create index "inspection_provider_id_scheduled_start_id_index" on "inspection" ("provider_id", "scheduled_start", "id");`);

    this.addSql(
      `create table "recommendation" ("id" uuid not null, "inspection_id" uuid not null, "reference" varchar(300) not null, "guidance_summary" text null, "action" text not null, "status" "item_status" not null default 'OPEN', "checked_at_id" uuid null, "created_at" timestamptz not null default now(), constraint "recommendation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "recommendation_inspection_id_index" on "recommendation" ("inspection_id");`);

    this.addSql(
      `create table "protected_person" ("id" uuid not null, "inspection_id" uuid not null, "name" varchar(200) not null, "initials" varchar(20) not null, "role" "person_role" not null, constraint "protected_person_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "protected_person_inspection_id_index" on "protected_person" ("inspection_id");`);

    this.addSql(
      `create table "line_of_enquiry" ("id" uuid not null, "inspection_id" uuid not null, "source" "line_of_enquiry_source" not null, "position" int not null, "text" text not null, "created_at" timestamptz not null default now(), constraint "line_of_enquiry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "line_of_enquiry_inspection_id_index" on "line_of_enquiry" ("inspection_id");`);

    this.addSql(
      `create table "judgement_record" ("id" uuid not null, "inspection_id" uuid not null, "version" int not null, "kind" "judgement_kind" not null, "overall_experiences_and_progress" "grade" null, "helped_and_protected" "grade" null, "leaders_and_managers" "grade" null, "interim_outcome" "interim_outcome" null, "no_judgement_reason" "no_judgement_reason" null, "statement" text null, "serious_or_widespread_concerns" boolean null, "concerns" text null, "progress_summary" text null, "new_overall_grade" "grade" null, "conditions" jsonb null, "rationale" text null, "vacancy_reason" text null, "manager_vacancy_days" int null, "change_reason" text null, "recorded_at" timestamptz not null default now(), constraint "judgement_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "judgement_record_inspection_id_index" on "judgement_record" ("inspection_id");`);
    this.addSql(
      `alter table "judgement_record" add constraint "judgement_record_inspection_id_version_unique" unique ("inspection_id", "version");`,
    );

    this.addSql(
      `create table "evidence" ("id" uuid not null, "inspection_id" uuid not null, "source" "evidence_source" not null, "judgement_area" "judgement_area" not null, "evaluation_criterion" varchar(10) null, "finding" "finding" not null, "narrative" text not null, "interview_time" varchar(5) null, "interviewee_role" varchar(200) null, "identification_justification" text null, "recorded_at" timestamptz not null default now(), constraint "evidence_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "evidence_inspection_id_recorded_at_id_index" on "evidence" ("inspection_id", "recorded_at", "id");`);

    this.addSql(
      `create table "recommendation_evidence" ("recommendation_id" uuid not null, "evidence_id" uuid not null, constraint "recommendation_evidence_pkey" primary key ("recommendation_id", "evidence_id"));`,
    );

    this.addSql(
      `create table "evidence_person" ("evidence_id" uuid not null, "protected_person_id" uuid not null, constraint "evidence_person_pkey" primary key ("evidence_id", "protected_person_id"));`,
    );

    this.addSql(
      `create table "compliance_notice" ("id" uuid not null, "inspection_id" uuid not null, "ground" "compliance_notice_ground" not null, "served_on" date not null, "created_at" timestamptz not null default now(), constraint "compliance_notice_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "compliance_notice_inspection_id_index" on "compliance_notice" ("inspection_id");`);

    this.addSql(
      `create table "compliance_notice_action" ("id" uuid not null, "notice_id" uuid not null, "position" int not null, "regulation" varchar(200) not null, "action" text not null, "completion_date" date not null, constraint "compliance_notice_action_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "compliance_notice_action_notice_id_index" on "compliance_notice_action" ("notice_id");`);

    this.addSql(
      `create table "requirement" ("id" uuid not null, "inspection_id" uuid not null, "regulation" varchar(200) not null, "action" text not null, "due_date" date not null, "impact_statement" text not null, "status" "item_status" not null default 'OPEN', "checked_at_id" uuid null, "created_at" timestamptz not null default now(), constraint "requirement_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "requirement_inspection_id_index" on "requirement" ("inspection_id");`);

    this.addSql(
      `create table "requirement_evidence" ("requirement_id" uuid not null, "evidence_id" uuid not null, constraint "requirement_evidence_pkey" primary key ("requirement_id", "evidence_id"));`,
    );

    this.addSql(
      `alter table "inspection" add constraint "inspection_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "inspection" add constraint "inspection_previous_inspection_id_foreign" foreign key ("previous_inspection_id") references "inspection" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "recommendation" add constraint "recommendation_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "recommendation" add constraint "recommendation_checked_at_id_foreign" foreign key ("checked_at_id") references "inspection" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "protected_person" add constraint "protected_person_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "line_of_enquiry" add constraint "line_of_enquiry_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "judgement_record" add constraint "judgement_record_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "evidence" add constraint "evidence_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "recommendation_evidence" add constraint "recommendation_evidence_recommendation_id_foreign" foreign key ("recommendation_id") references "recommendation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "recommendation_evidence" add constraint "recommendation_evidence_evidence_id_foreign" foreign key ("evidence_id") references "evidence" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "evidence_person" add constraint "evidence_person_evidence_id_foreign" foreign key ("evidence_id") references "evidence" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "evidence_person" add constraint "evidence_person_protected_person_id_foreign" foreign key ("protected_person_id") references "protected_person" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "compliance_notice" add constraint "compliance_notice_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "compliance_notice_action" add constraint "compliance_notice_action_notice_id_foreign" foreign key ("notice_id") references "compliance_notice" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "requirement" add constraint "requirement_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "requirement" add constraint "requirement_checked_at_id_foreign" foreign key ("checked_at_id") references "inspection" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "requirement_evidence" add constraint "requirement_evidence_requirement_id_foreign" foreign key ("requirement_id") references "requirement" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "requirement_evidence" add constraint "requirement_evidence_evidence_id_foreign" foreign key ("evidence_id") references "evidence" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "inspection" drop constraint "inspection_previous_inspection_id_foreign";`);

    this.addSql(`alter table "recommendation" drop constraint "recommendation_inspection_id_foreign";`);

    this.addSql(`alter table "recommendation" drop constraint "recommendation_checked_at_id_foreign";`);

    this.addSql(`alter table "protected_person" drop constraint "protected_person_inspection_id_foreign";`);

    this.addSql(`alter table "line_of_enquiry" drop constraint "line_of_enquiry_inspection_id_foreign";`);

    this.addSql(`alter table "judgement_record" drop constraint "judgement_record_inspection_id_foreign";`);

    this.addSql(`alter table "evidence" drop constraint "evidence_inspection_id_foreign";`);

    this.addSql(`alter table "compliance_notice" drop constraint "compliance_notice_inspection_id_foreign";`);

    this.addSql(`alter table "requirement" drop constraint "requirement_inspection_id_foreign";`);

    this.addSql(`alter table "requirement" drop constraint "requirement_checked_at_id_foreign";`);

    this.addSql(`alter table "recommendation_evidence" drop constraint "recommendation_evidence_recommendation_id_foreign";`);

    this.addSql(`alter table "evidence_person" drop constraint "evidence_person_protected_person_id_foreign";`);

    this.addSql(`alter table "recommendation_evidence" drop constraint "recommendation_evidence_evidence_id_foreign";`);

    this.addSql(`alter table "evidence_person" drop constraint "evidence_person_evidence_id_foreign";`);

    this.addSql(`alter table "requirement_evidence" drop constraint "requirement_evidence_evidence_id_foreign";`);

    this.addSql(`alter table "compliance_notice_action" drop constraint "compliance_notice_action_notice_id_foreign";`);

    this.addSql(`alter table "requirement_evidence" drop constraint "requirement_evidence_requirement_id_foreign";`);

    this.addSql(`drop table if exists "inspection" cascade;`);

    this.addSql(`drop table if exists "recommendation" cascade;`);

    this.addSql(`drop table if exists "protected_person" cascade;`);

    this.addSql(`drop table if exists "line_of_enquiry" cascade;`);

    this.addSql(`drop table if exists "judgement_record" cascade;`);

    this.addSql(`drop table if exists "evidence" cascade;`);

    this.addSql(`drop table if exists "recommendation_evidence" cascade;`);

    this.addSql(`drop table if exists "evidence_person" cascade;`);

    this.addSql(`drop table if exists "compliance_notice" cascade;`);

    this.addSql(`drop table if exists "compliance_notice_action" cascade;`);

    this.addSql(`drop table if exists "requirement" cascade;`);

    this.addSql(`drop table if exists "requirement_evidence" cascade;`);

    this.addSql(`drop type "inspection_type";`);
    this.addSql(`drop type "inspection_status";`);
    this.addSql(`drop type "item_status";`);
    this.addSql(`drop type "person_role";`);
    this.addSql(`drop type "line_of_enquiry_source";`);
    this.addSql(`drop type "judgement_kind";`);
    this.addSql(`drop type "grade";`);
    this.addSql(`drop type "interim_outcome";`);
    this.addSql(`drop type "no_judgement_reason";`);
    this.addSql(`drop type "evidence_source";`);
    this.addSql(`drop type "judgement_area";`);
    this.addSql(`drop type "finding";`);
    this.addSql(`drop type "compliance_notice_ground";`);
  }
}
