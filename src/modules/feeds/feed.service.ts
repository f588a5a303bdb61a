import { createHash } from 'node:crypto';
import { preparedRows } from '../../db/prepared';
import { PublicScope, SNAPSHOT_COLUMN, type PublicReads } from '../../db/public-changes';
import { badArgument } from '../shared/arguments';
import type { EntityManager } from '@mikro-orm/postgresql';
import { feedAudience, type FeedEventType } from '../../domain/feed';
import { Role, type Principal } from '../../domain/access';
import type { ConnectionShape } from '../shared/connection';
import { publicCode } from '../../domain/redaction';
import type { FeedEvent } from './feed.entity';
import type { PublicFeedEvent } from './feed.types';

export const FEED_MAX_PAGE = 500;
export const FEED_DEFAULT_PAGE = 100;

const PREFIX = 'feed:';
export const feedCursor = (position: number): string => Buffer.from(`${PREFIX}${position}`).toString('base64url');

export function parseFeedCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!text.startsWith(PREFIX)) return null;
  const position = Number(text.slice(PREFIX.length));
  return Number.isSafeInteger(position) && position >= 0 && feedCursor(position) === cursor ? position : null;
}

/** An event as readers see it, in the feed and in webhook bodies alike: the GraphQL type, and its position. */
export type FeedEventView = PublicFeedEvent & { position: number };

/** What a view of an event is made of (an entity, or a row of the feed's read). */
export type FeedEventRecord = Pick<
  FeedEvent,
  'id' | 'type' | 'position' | 'urn' | 'settingType' | 'occurredOn' | 'publishedAt' | 'payload'
>;

export function viewOf(event: FeedEventRecord): FeedEventView {
  const payload = event.payload;
  return {
    id: publicCode(event.id, 'UUID'),
    type: event.type,
    position: event.position!,
    urn: publicCode(event.urn, 'URN'),
    settingType: event.settingType,
    area: payload.area,
    occurredOn: event.occurredOn,
    publishedAt: event.publishedAt,
    report: payload.report ?? null,
    setting: payload.setting ?? null,
    enforcementAction: payload.enforcementAction ?? null,
    withdrawal: payload.withdrawal ?? null,
    notification: payload.notification ?? null,
  };
}

export interface FeedFilter {
  localAuthority?: string | null;
  region?: string | null;
  types?: readonly FeedEventType[] | null;
}

/**
 * The judgement feed, oldest first, resumable after any cursor. Only committed events have a
 * position, and positions follow commit order, so `position > after` never skips an event that
 * commits late nor repeats one.
 */
export class FeedService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal | null,
    /** Told what a page was read from, so a public page can be cached (src/server/answer-cache.ts). */
    private readonly reads?: PublicReads,
  ) {}

  /** The authority whose notifications this reader gets with this filter: its own, or none. */
  private addressee(filter: FeedFilter): string | null {
    return feedAudience({ localAuthority: this.principal?.role === Role.LOCAL_AUTHORITY ? this.principal.localAuthority : null }, filter)
      .addressee;
  }

  /** Whether this reader is served notifications addressed to it (data that is not public) for this filter. */
  readsNotifications(filter: FeedFilter): boolean {
    return this.addressee(filter) !== null;
  }

  async page(filter: FeedFilter, args: { first?: number | null; after?: string | null }): Promise<ConnectionShape<FeedEventView>> {
    const size = args.first ?? FEED_DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > FEED_MAX_PAGE) {
      throw badArgument('first', `"first" must be between 1 and ${FEED_MAX_PAGE}`);
    }
    const after = args.after == null ? 0 : parseFeedCursor(args.after);
    if (after === null) throw badArgument('after', '"after" is not a cursor of this feed');

    // One prepared statement per shape of filter; values bound, rows not hydrated.
    const values: unknown[] = [after];
    const parameter = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    const conditions = ['position > $1'];
    if (filter.types?.length) conditions.push(`type = any(${parameter([...filter.types])}::feed_event_type[])`);
    const area = ['addressee is null'];
    if (filter.localAuthority) area.push(`local_authority = ${parameter(filter.localAuthority)}`);
    const region = filter.region ? parameter(filter.region) : null;
    if (region) area.push(`region = ${region}`);
    const addressee = this.addressee(filter);
    conditions.push(
      addressee
        ? `((${area.join(' and ')}) or (addressee = ${parameter(addressee)}${region ? ` and region = ${region}` : ''}))`
        : area.join(' and '),
    );
    const limit = parameter(size + 1);
    const text = `select id, type, position::text as "positionText", urn, setting_type as "settingType", occurred_on::text as "occurredOn", published_at as "publishedAt", payload, ${SNAPSHOT_COLUMN}
      from feed_event where ${conditions.join(' and ')} order by position limit ${limit}`;
    const name = `feed_page_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
    // The pool returns bigint and timestamptz as text (the ORM's type parsers): made a number and a Date here.
    const read = await preparedRows<
      Omit<FeedEventRecord, 'position' | 'publishedAt'> & { positionText: string; publishedAt: string; snapshot: string }
    >(this.em, name, text, values);
    // Notifications are never cached: only a page of the public feed depends on no one reader.
    if (addressee) this.reads?.refuse();
    else this.reads?.record([PublicScope.feed(filter)], read[0]?.snapshot);
    const rows = read.map(({ positionText, publishedAt, snapshot: _snapshot, ...row }) => ({
      ...row,
      position: Number(positionText),
      publishedAt: new Date(publishedAt),
    }));
    const page = rows.slice(0, size);
    const edges = page.map((event) => ({ cursor: feedCursor(event.position!), node: viewOf(event) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: after > 0,
        startCursor: edges[0]?.cursor ?? null,
        // Where to resume: the last event read, or, on an empty page, the cursor given.
        endCursor: edges.at(-1)?.cursor ?? args.after ?? null,
      },
    };
  }
}
