import { Migration } from '@mikro-orm/migrations';

export class Migration20261123125137 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "registered_provider_kind" as enum ('ORGANISATION', 'INDIVIDUAL');`);
    this.addSql(
      `create type "setting_type" as enum ('CHILDRENS_HOME', 'SECURE_CHILDRENS_HOME', 'INDEPENDENT_FOSTERING_AGENCY', 'BOARDING_SCHOOL', 'RESIDENTIAL_SPECIAL_SCHOOL', 'VOLUNTARY_ADOPTION_AGENCY', 'ADOPTION_SUPPORT_AGENCY', 'RESIDENTIAL_FAMILY_CENTRE', 'RESIDENTIAL_HOLIDAY_SCHEME_FOR_DISABLED_CHILDREN', 'RESIDENTIAL_FURTHER_EDUCATION_COLLEGE');`,
    );
    this.addSql(`create type "provider_status" as enum ('REGISTERED', 'SUSPENDED', 'CLOSED', 'CANCELLED');`);
    this.addSql(
      `create table "region" ("code" varchar(9) not null, "name" varchar(100) not null, constraint "region_pkey" primary key ("code"));`,
    );

    this.addSql(
      `create table "local_authority" ("ons_code" varchar(9) not null, "dfe_code" varchar(3) not null, "ofsted_urn" varchar(10) not null, "name" varchar(100) not null, "authority_type" varchar(50) not null, "region_code" varchar(9) not null, constraint "local_authority_pkey" primary key ("ons_code"));`,
    );
    this.addSql(`alter table "local_authority" add constraint "local_authority_dfe_code_unique" unique ("dfe_code");`);
    this.addSql(`alter table "local_authority" add constraint "local_authority_ofsted_urn_unique" unique ("ofsted_urn");`);
    this.addSql(`create index "local_authority_region_code_index" on "local_authority" ("region_code");`);

    this.addSql(
      `create table "registered_provider" ("id" uuid not null, "kind" "registered_provider_kind" not null, "name" varchar(200) not null, "address_line1" varchar(200) not null, "address_line2" varchar(200) null, "address_town" varchar(200) not null, "address_postcode" varchar(10) not null, "created_at" timestamptz not null default now(), constraint "registered_provider_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "provider" ("id" uuid not null, "urn" varchar(9) not null, "setting_type" "setting_type" not null, "name" varchar(200) not null, "address_line1" varchar(200) not null, "address_line2" varchar(200) null, "address_town" varchar(200) not null, "address_postcode" varchar(10) not null, "local_authority_ons_code" varchar(9) not null, "registered_provider_id" uuid not null, "responsible_individual_name" varchar(200) null, "places" int null, "registration_date" date not null, "status" "provider_status" not null default 'REGISTERED', "status_date" date not null, "short_break_service" boolean not null default false, "provides_education" boolean not null default false, "single_person_agency" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "provider_pkey" primary key ("id"), constraint provider_places_non_negative check (places >= 0), constraint provider_urn_format check (urn ~ '^(SC[0-9]{6}|[0-9]{7})$'));`,
    );
    this.addSql(`alter table "provider" add constraint "provider_urn_unique" unique ("urn");`);
    this.addSql(`create index "provider_registered_provider_id_index" on "provider" ("registered_provider_id");`);
    this.addSql(`create index "provider_local_authority_ons_code_urn_index" on "provider" ("local_authority_ons_code", "urn");`);
    this.addSql(`create index "provider_setting_type_urn_index" on "provider" ("setting_type", "urn");`);

    this.addSql(
      `create table "manager_appointment" ("id" uuid not null, "provider_id" uuid not null, "name" varchar(200) not null, "start_date" date not null, "end_date" date null, constraint "manager_appointment_pkey" primary key ("id"), constraint manager_appointment_dates check (end_date is null or end_date > start_date));`,
    );
    this.addSql(`create index "manager_appointment_provider_id_index" on "manager_appointment" ("provider_id");`);
    this.addSql(`create unique index "manager_appointment_one_in_post" on "manager_appointment" ("provider_id") where "end_date" is null;`);

    this.addSql(
      `alter table "local_authority" add constraint "local_authority_region_code_foreign" foreign key ("region_code") references "region" ("code") on update cascade;`,
    );

    this.addSql(
      `alter table "provider" add constraint "provider_local_authority_ons_code_foreign" foreign key ("local_authority_ons_code") references "local_authority" ("ons_code") on update cascade;`,
    );
    this.addSql(
      `alter table "provider" add constraint "provider_registered_provider_id_foreign" foreign key ("registered_provider_id") references "registered_provider" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "manager_appointment" add constraint "manager_appointment_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade;`,
    );
  }
}
