import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { InspectionType } from '../../domain/inspection-types';
import type { LocalDate } from '../../domain/local-date';
import type { PublicReportContent } from '../../domain/public-report';
import type { PublicText } from '../../domain/public-text';
import { SettingType } from '../../domain/setting-types';
import { Inspection } from '../inspections/inspection.entity';

/** A version in a report's public history: when it was published and, for an amendment, why (redacted). */
export interface PublishedVersionEntry {
  version: number;
  publishedOn: LocalDate;
  amendmentReason: PublicText | null;
}

/**
 * A published version of a report: the redacted public content, stored as published. An
 * amendment adds a version; the history stays. Public queries read only this table, never the
 * internal records, and only the columns public searches need are kept beside the content.
 * Withdrawal takes every version of the report down (none stays current) and keeps the rows, for
 * the record, with when and why.
 */
@Entity({ tableName: 'published_report' })
@Unique({ properties: ['inspection', 'version'] })
@Index({ properties: ['current', 'publishedOn', 'id'] })
// The public read path's keyset pages, newest first, of a setting, a local authority and a region:
// each page read from its index in order, however long the history (the rows it skips are never read).
@Index({
  name: 'published_report_current_urn_newest',
  expression:
    'create index "published_report_current_urn_newest" on "published_report" ("urn", "published_on" desc, "id" desc) where "current"',
})
@Index({
  name: 'published_report_current_local_authority_newest',
  expression:
    'create index "published_report_current_local_authority_newest" on "published_report" ("local_authority", "published_on" desc, "id" desc) where "current"',
})
@Index({
  name: 'published_report_current_region_newest',
  expression:
    'create index "published_report_current_region_newest" on "published_report" ("region", "published_on" desc, "id" desc) where "current"',
})
export class PublishedReport {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Inspection, { ref: true })
  inspection!: Ref<Inspection>;

  @Property({ type: 'integer' })
  version!: number;

  /** The report's stable public ID: the same for every version of the inspection's report (the first version's row ID). */
  @Property({ type: 'uuid' })
  @Index()
  publicId!: string;

  /** The latest version of its inspection's report. */
  @Property({ type: 'boolean' })
  current: boolean & Opt = true;

  @Property({ type: 'string', length: 9 })
  @Index()
  urn!: string;

  @Enum({ items: () => SettingType, nativeEnumName: 'setting_type' })
  settingType!: SettingType;

  @Enum({ items: () => InspectionType, nativeEnumName: 'inspection_type' })
  inspectionType!: InspectionType;

  @Property({ type: 'string', length: 9 })
  @Index()
  localAuthority!: string;

  @Property({ type: 'string', length: 9 })
  @Index()
  region!: string;

  @Property({ type: 'date' })
  publishedOn!: LocalDate;

  /** Why the version was amended, as the manager gave it. Internal: the public reads the redacted reason in `content`. */
  @Property({ type: 'text', nullable: true })
  amendmentReason: string | null = null;

  @Property({ type: 'json' })
  content!: PublicReportContent;

  /** The public history up to this version (withdrawn versions left out), redacted; fixed when the version is published. */
  @Property({ type: 'json' })
  versions!: PublishedVersionEntry[];

  /** When the report was withdrawn from the public (every version at once); null while it is public. */
  @Property({ type: 'date', nullable: true })
  withdrawnOn: LocalDate | null = null;

  /** Why it was withdrawn, as the manager gave it. Internal: never published. */
  @Property({ type: 'text', nullable: true })
  withdrawalReason: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
