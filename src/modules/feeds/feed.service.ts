import type { FilterQuery } from '@mikro-orm/core';
import { badArgument } from '../shared/arguments';
import type { EntityManager } from '@mikro-orm/postgresql';
import { feedAudience, type FeedEventType } from '../../domain/feed';
import { Role, type Principal } from '../../domain/access';
import type { ConnectionShape } from '../shared/connection';
import { publicCode } from '../../domain/redaction';
import { FeedEvent } from './feed.entity';
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

export function viewOf(event: FeedEvent): FeedEventView {
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
  ) {}

  /** The authority whose notifications this reader gets with this filter: its own, or none. */
  private addressee(filter: FeedFilter): string | null {
    return feedAudience({ localAuthority: this.principal?.role === Role.LOCAL_AUTHORITY ? this.principal.localAuthority : null }, filter).addressee;
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

    const types = filter.types?.length ? { type: { $in: [...filter.types] } } : {};
    const area: FilterQuery<FeedEvent> = {
      addressee: null,
      ...(filter.localAuthority ? { localAuthority: filter.localAuthority } : {}),
      ...(filter.region ? { region: filter.region } : {}),
    };
    const addressee = this.addressee(filter);
    const audience: FilterQuery<FeedEvent> = addressee ? { $or: [area, { addressee, ...(filter.region ? { region: filter.region } : {}) }] } : area;
    const rows = await this.em.find(
      FeedEvent,
      { $and: [{ position: { $gt: after } }, types, audience] },
      { orderBy: { position: 'asc' }, limit: size + 1 },
    );
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
