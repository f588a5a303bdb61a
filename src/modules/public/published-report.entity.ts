import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { InspectionType } from '../../domain/inspection-types';
import type { LocalDate } from '../../domain/local-date';
import type { PublicReportContent } from '../../domain/public-report';
import { SettingType } from '../../domain/setting-types';
import { Inspection } from '../inspections/inspection.entity';

/**
 * A published version of a report: the redacted public content, stored as published. An
 * amendment adds a version; the history stays. Public queries read only this table, never the
 * internal records, and only the columns public searches need are kept beside the content.
 */
@Entity({ tableName: 'published_report' })
@Unique({ properties: ['inspection', 'version'] })
@Index({ properties: ['current', 'publishedOn', 'id'] })
export class PublishedReport {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Inspection, { ref: true })
  inspection!: Ref<Inspection>;

  @Property({ type: 'integer' })
  version!: number;

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

  @Property({ type: 'text', nullable: true })
  amendmentReason: string | null = null;

  @Property({ type: 'json' })
  content!: PublicReportContent;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
