import { Migration } from '@mikro-orm/migrations';

/**
 * Redaction by construction (issue 12): reports get a stable public ID and a public version
 * history, can be withdrawn, and the feed may erase a withdrawn report's content (and nothing
 * else). Amendment reasons stored before they were redacted are never published again: the
 * versions' histories leave them out, and the feed's copies of them are erased here.
 */
export class Migration20261205090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "published_report" add column "public_id" uuid null, add column "versions" jsonb null, add column "withdrawn_on" date null, add column "withdrawal_reason" text null;`,
    );
    // The stable ID of a report is its first version's row ID, so links to first versions keep working.
    this.addSql(
      `update "published_report" p set "public_id" = (select f."id" from "published_report" f where f."inspection_id" = p."inspection_id" order by f."version" asc limit 1);`,
    );
    this.addSql(`update "published_report" p set "versions" = (
        select jsonb_agg(jsonb_build_object('version', v."version", 'publishedOn', v."published_on", 'amendmentReason', null) order by v."version")
        from "published_report" v where v."inspection_id" = p."inspection_id" and v."version" <= p."version");`);
    this.addSql(`alter table "published_report" alter column "public_id" set not null, alter column "versions" set not null;`);
    this.addSql(`create index "published_report_public_id_index" on "published_report" ("public_id");`);

    this.addSql(`alter type "feed_event_type" add value if not exists 'REPORT_WITHDRAWN' after 'REPORT_AMENDED';`);

    // Amendment reasons the feed carried as given, unredacted: erased once, here, with the trigger held off.
    this.addSql(`alter table "feed_event" disable trigger "feed_event_no_change";`);
    this.addSql(`update "feed_event" set "payload" = jsonb_set("payload", '{report,amendmentReason}', 'null'::jsonb)
        where "payload"->'report'->>'amendmentReason' is not null;`);
    this.addSql(`alter table "feed_event" enable trigger "feed_event_no_change";`);

    // Append-only, but for the erasure of a withdrawn report: its content goes; its place, type,
    // area and times stay, and the withdrawal takes the report's place.
    this.addSql(`create or replace function "feed_event_append_only"() returns trigger language plpgsql as $$
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
        if tg_op = 'UPDATE' and old."payload"->'report' is not null
           and jsonb_typeof(new."payload"->'withdrawal') = 'object'
           and new."payload" = jsonb_build_object('area', old."payload"->'area', 'withdrawal', new."payload"->'withdrawal')
           and (new."id", new."position", new."type", new."urn", new."local_authority", new."region", new."addressee", new."occurred_on", new."published_at")
               is not distinct from (old."id", old."position", old."type", old."urn", old."local_authority", old."region", old."addressee", old."occurred_on", old."published_at") then
          return new;
        end if;
        raise exception 'the feed is append-only';
      end $$;`);

    // A withdrawal reaches every endpoint that takes any report event, whether or not it asked for withdrawals.
    this.addSql(`create or replace function "feed_event_fan_out"() returns trigger language plpgsql as $$
      begin
        insert into "webhook_delivery" ("id", "endpoint_id", "event_id")
          select gen_random_uuid(), e."id", new."id" from "webhook_endpoint" e
          where e."active"
            and (new."type" = any(e."event_types")
                 or (new."type"::text = 'REPORT_WITHDRAWN'
                     and e."event_types"::text[] && array['REPORT_PUBLISHED', 'JUDGEMENT_PUBLISHED', 'MONITORING_VISIT_PUBLISHED', 'REPORT_AMENDED']))
            and ((new."addressee" is null and e."local_authority" = new."local_authority") or e."local_authority" = new."addressee");
        return null;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function "feed_event_fan_out"() returns trigger language plpgsql as $$
      begin
        insert into "webhook_delivery" ("id", "endpoint_id", "event_id")
          select gen_random_uuid(), e."id", new."id" from "webhook_endpoint" e
          where e."active" and new."type" = any(e."event_types")
            and ((new."addressee" is null and e."local_authority" = new."local_authority") or e."local_authority" = new."addressee");
        return null;
      end $$;`);
    this.addSql(`create or replace function "feed_event_append_only"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          if new."position" is not null then raise exception 'a feed event gets its position at commit, not from its writer'; end if;
          return new;
        end if;
        if tg_op = 'UPDATE' and pg_trigger_depth() > 1 and old."position" is null and new."position" is not null
           and (new."id", new."type", new."urn", new."local_authority", new."region", new."addressee", new."occurred_on", new."payload")
               is not distinct from (old."id", old."type", old."urn", old."local_authority", old."region", old."addressee", old."occurred_on", old."payload") then
          return new;
        end if;
        raise exception 'the feed is append-only';
      end $$;`);
    // PostgreSQL cannot drop an enum value: REPORT_WITHDRAWN stays in feed_event_type.
    this.addSql(`drop index if exists "published_report_public_id_index";`);
    this.addSql(
      `alter table "published_report" drop column "public_id", drop column "versions", drop column "withdrawn_on", drop column "withdrawal_reason";`,
    );
  }
}
