import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Inspection } from '../inspections';
import { newestFirst } from './public.service';
import { PublishedReport } from './published-report.entity';

/** ONS codes a report was published under (its setting's local authority and region then). */
export interface PublishedArea {
  region?: string | null;
  localAuthority?: string | null;
}

/** Where a batch of current versions ends: the next batch starts after it (by URN, then newest first). */
export type VersionPosition = Pick<PublishedReport, 'urn' | 'publishedOn' | 'id'>;

/** The published versions of reports, as other modules read them. */
export class PublishedReportRepository {
  constructor(private readonly em: EntityManager) {}

  /** The version of an inspection's report the public sees now, or null (never published, or withdrawn). */
  currentVersionOf(inspection: Inspection): Promise<PublishedReport | null> {
    return this.em.findOne(PublishedReport, { inspection, current: true });
  }

  /** The current versions of the reports on these settings, by URN and, within a setting, newest first. */
  currentVersionsAt(urns: readonly string[]): Promise<PublishedReport[]> {
    return this.em.find(PublishedReport, { urn: { $in: [...urns] }, current: true }, { orderBy: [{ urn: 'asc' }, ...newestFirst.orderBy] });
  }

  /**
   * A batch of the current versions of every report in an area (by the local authority and region
   * it was published under), by URN and, within a setting, newest first, after `after`.
   */
  currentVersionsIn(area: PublishedArea, after: VersionPosition | null, limit: number): Promise<PublishedReport[]> {
    const where: FilterQuery<PublishedReport>[] = [{ current: true }];
    if (area.localAuthority) where.push({ localAuthority: area.localAuthority });
    if (area.region) where.push({ region: area.region });
    if (after !== null) {
      where.push({
        $or: [
          { urn: { $gt: after.urn } },
          { urn: after.urn, publishedOn: { $lt: after.publishedOn } },
          { urn: after.urn, publishedOn: after.publishedOn, id: { $lt: after.id } },
        ],
      });
    }
    return this.em.find(PublishedReport, { $and: where }, { orderBy: [{ urn: 'asc' }, ...newestFirst.orderBy], limit });
  }
}
