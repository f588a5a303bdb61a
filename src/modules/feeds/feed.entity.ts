import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { FeedEventType } from '../../domain/feed';
import type { LocalDate } from '../../domain/local-date';
import { SettingType } from '../../domain/setting-types';
import type { PublicArea, PublicEnforcementAction, PublicReport } from '../public/public.types';
import type { FeedNotification, PublicReportWithdrawal, PublicSettingEntry } from './feed.types';

/**
 * What an event carries: its area and one of a report, a setting, an enforcement action, a
 * withdrawal (public, all of them made by the redaction gate) or a notification (for its
 * addressee only). An event whose report is withdrawn keeps only its area and the withdrawal.
 */
export interface FeedPayload {
  area: PublicArea;
  report?: PublicReport;
  setting?: PublicSettingEntry;
  enforcementAction?: PublicEnforcementAction;
  withdrawal?: PublicReportWithdrawal;
  notification?: FeedNotification;
}

/**
 * One event of the judgement feed, written by the change it describes in that change's own
 * transaction (a transactional outbox). Its `position` is given at commit, under a lock, from a
 * sequence: positions follow the order in which the writers committed, so a reader resuming
 * after a position can never miss an event that commits later with a smaller one. Append-only,
 * but for one change: a withdrawn report's content is erased from the events that carried it.
 */
@Entity({ tableName: 'feed_event' })
@Index({ properties: ['localAuthority', 'position'] })
@Index({ properties: ['region', 'position'] })
@Index({ properties: ['addressee', 'position'] })
export class FeedEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Given at commit (see the migration); null only inside the writing transaction. */
  @Property({ type: new BigIntType('number'), nullable: true, unique: true })
  position?: number | null = null;

  @Enum({ items: () => FeedEventType, nativeEnumName: 'feed_event_type' })
  type!: FeedEventType;

  @Property({ type: 'string', length: 9 })
  urn!: string;

  @Enum({ items: () => SettingType, nativeEnumName: 'setting_type' })
  settingType!: SettingType;

  /** The setting's local authority and region (ONS codes). */
  @Property({ type: 'string', length: 9 })
  localAuthority!: string;

  @Property({ type: 'string', length: 9 })
  region!: string;

  /** Notifications: the one local authority it is addressed to; null for public events. */
  @Property({ type: 'string', length: 9, nullable: true })
  addressee: string | null = null;

  /** The day it happened (published, served, registered, judged). */
  @Property({ type: 'date' })
  occurredOn!: LocalDate;

  /** When it reached the feed: the commit of the change. */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  publishedAt: Date & Opt = new Date();

  /** The public data (a report, a setting, an action, a withdrawal) or, for its addressee, the notification. */
  @Property({ type: 'json' })
  payload!: FeedPayload;
}
