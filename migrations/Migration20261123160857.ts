import { Migration } from '@mikro-orm/migrations';

export class Migration20261123160857 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "feed_event_type" as enum ('REPORT_PUBLISHED', 'JUDGEMENT_PUBLISHED', 'MONITORING_VISIT_PUBLISHED', 'REPORT_AMENDED', 'ENFORCEMENT_ACTION_TAKEN', 'PROVIDER_REGISTERED', 'PROVIDER_CLOSED', 'PROVIDER_CANCELLED', 'INADEQUATE_JUDGEMENT_NOTIFICATION', 'SERIOUS_CONCERNS_NOTIFICATION');`,
    );
    this.addSql(`create type "delivery_status" as enum ('PENDING', 'DELIVERED', 'FAILED');`);
    this.addSql(
      `create table "feed_event" ("id" uuid not null, "position" bigint null, "type" "feed_event_type" not null, "urn" varchar(9) not null, "setting_type" "setting_type" not null, "local_authority" varchar(9) not null, "region" varchar(9) not null, "addressee" varchar(9) null, "occurred_on" date not null, "published_at" timestamptz not null default now(), "payload" jsonb not null, constraint "feed_event_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "feed_event" add constraint "feed_event_position_unique" unique ("position");`);
    this.addSql(`create index "feed_event_addressee_position_index" on "feed_event" ("addressee", "position");`);
    this.addSql(`create index "feed_event_region_position_index" on "feed_event" ("region", "position");`);
    this.addSql(`create index "feed_event_local_authority_position_index" on "feed_event" ("local_authority", "position");`);

    this.addSql(
      `create table "webhook_endpoint" ("id" uuid not null, "local_authority" varchar(9) not null, "url" text not null, "event_types" "feed_event_type"[] not null, "secret" varchar(100) not null, "active" boolean not null default true, "created_by" varchar(200) not null, "created_at" timestamptz not null, constraint "webhook_endpoint_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_endpoint_local_authority_index" on "webhook_endpoint" ("local_authority");`);

    this.addSql(
      `create table "webhook_delivery" ("id" uuid not null, "endpoint_id" uuid not null, "event_id" uuid not null, "status" "delivery_status" not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "last_status_code" int null, "last_error" text null, "last_attempt_at" timestamptz null, "delivered_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "webhook_delivery_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_delivery_status_next_attempt_at_index" on "webhook_delivery" ("status", "next_attempt_at");`);
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`,
    );

    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "feed_event" ("id") on update cascade;`,
    );

    // Positions in commit order. Each writing transaction, at its commit (a deferred trigger), takes
    // one transaction-level advisory lock and the next number of the sequence; the lock is held
    // until the commit is visible, so a later number always belongs to a later commit, and a
    // reader that has seen position n has seen every event below n that will ever exist.
    this.addSql(`create sequence "feed_event_position_seq" as bigint;`);
    this.addSql(`create function "feed_event_take_position"() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(7310415942);
        update "feed_event" set "position" = nextval('feed_event_position_seq'), "published_at" = clock_timestamp()
          where "id" = new."id" and "position" is null;
        return null;
      end $$;`);
    this.addSql(`create constraint trigger "feed_event_position_at_commit" after insert on "feed_event"
      deferrable initially deferred for each row execute function "feed_event_take_position"();`);

    // The feed is append-only: an event, once written, is never changed but for its position at commit.
    this.addSql(`create function "feed_event_append_only"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          if new."position" is not null then raise exception 'a feed event gets its position at commit, not from its writer'; end if;
          return new;
        end if;
        -- Only the commit-time trigger (one trigger deeper than any statement) may set the position.
        if tg_op = 'UPDATE' and pg_trigger_depth() > 1 and old."position" is null and new."position" is not null
           and (new."id", new."type", new."urn", new."local_authority", new."region", new."addressee", new."occurred_on", new."payload")
               is not distinct from (old."id", old."type", old."urn", old."local_authority", old."region", old."addressee", old."occurred_on", old."payload") then
          return new;
        end if;
        raise exception 'the feed is append-only';
      end $$;`);
    this.addSql(
      `create trigger "feed_event_no_change" before insert or update or delete on "feed_event" for each row execute function "feed_event_append_only"();`,
    );
    this.addSql(
      `create function "feed_event_no_truncate"() returns trigger language plpgsql as $$ begin raise exception 'the feed is append-only'; end $$;`,
    );
    this.addSql(
      `create trigger "feed_event_no_truncate" before truncate on "feed_event" for each statement execute function "feed_event_no_truncate"();`,
    );

    // The webhook queue is filled in the event's own transaction: one delivery per active endpoint
    // that wants this type, for its own area's public events and the notifications addressed to it.
    this.addSql(`create function "feed_event_fan_out"() returns trigger language plpgsql as $$
      begin
        insert into "webhook_delivery" ("id", "endpoint_id", "event_id")
          select gen_random_uuid(), e."id", new."id" from "webhook_endpoint" e
          where e."active" and new."type" = any(e."event_types")
            and ((new."addressee" is null and e."local_authority" = new."local_authority") or e."local_authority" = new."addressee");
        return null;
      end $$;`);
    this.addSql(`create trigger "feed_event_fan_out" after insert on "feed_event" for each row execute function "feed_event_fan_out"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "feed_event_fan_out" on "feed_event";`);
    this.addSql(`drop trigger if exists "feed_event_no_change" on "feed_event";`);
    this.addSql(`drop trigger if exists "feed_event_no_truncate" on "feed_event";`);
    this.addSql(`drop function if exists "feed_event_no_truncate"();`);
    this.addSql(`drop trigger if exists "feed_event_position_at_commit" on "feed_event";`);
    this.addSql(`drop function if exists "feed_event_fan_out"();`);
    this.addSql(`drop function if exists "feed_event_append_only"();`);
    this.addSql(`drop function if exists "feed_event_take_position"();`);
    this.addSql(`drop sequence if exists "feed_event_position_seq";`);
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_id_foreign";`);

    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);

    this.addSql(`drop table if exists "feed_event" cascade;`);

    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop type "feed_event_type";`);
    this.addSql(`drop type "delivery_status";`);
  }
}
