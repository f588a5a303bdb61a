import type { EntityManager } from '@mikro-orm/postgresql';
import { InspectionStatus } from '../../domain/inspection-lifecycle';
import { InspectionType } from '../../domain/inspection-types';
import type { LocalDate } from '../../domain/local-date';
import type { AreaCodes, Provider } from '../providers';
import { Inspection } from './inspection.entity';

/** Newest first by the day feedback was given (the end of an inspection), then by when each was scheduled here. */
const LATEST_FEEDBACK_FIRST = { orderBy: [{ feedbackDate: 'desc' as const }, { createdAt: 'desc' as const }] };

/** Inspections as other modules read them (and the one link between inspections another module records). */
export class InspectionRepository {
  constructor(private readonly em: EntityManager) {}

  /** The inspection with this ID (a row key, not a global ID), or null. */
  byId(id: string): Promise<Inspection | null> {
    return this.em.findOne(Inspection, { id });
  }

  /**
   * The settings' full inspections and monitoring visits with feedback before `before` (never an
   * incomplete one), the latest first: where their four-point grades come from (CH-196).
   */
  gradedBefore(providerIds: readonly string[], before: LocalDate): Promise<Inspection[]> {
    if (providerIds.length === 0) return Promise.resolve([]);
    return this.em.find(
      Inspection,
      {
        provider: { $in: [...providerIds] },
        type: { $in: [InspectionType.FULL_INSPECTION, InspectionType.MONITORING_VISIT] },
        status: { $ne: InspectionStatus.INCOMPLETE },
        feedbackDate: { $lt: before },
      },
      LATEST_FEEDBACK_FIRST,
    );
  }

  /**
   * The setting's other full and interim inspections whose feedback was given by the time this one
   * started (never an incomplete one), the latest first: the candidates for the previous judged
   * inspection an interim judgement is relative to (CH-170).
   */
  fullOrInterimBefore(inspection: Inspection): Promise<Inspection[]> {
    return this.em.find(
      Inspection,
      {
        provider: inspection.provider,
        id: { $ne: inspection.id },
        type: { $in: [InspectionType.FULL_INSPECTION, InspectionType.INTERIM_INSPECTION] },
        status: { $ne: InspectionStatus.INCOMPLETE },
        feedbackDate: { $lte: inspection.onSiteStart! },
      },
      LATEST_FEEDBACK_FIRST,
    );
  }

  /** How many inspections of the setting started before this one: a later visit does not make this one the second. */
  countStartedBefore(inspection: Inspection, provider: Provider): Promise<number> {
    return this.em.count(Inspection, { provider, id: { $ne: inspection.id }, onSiteStart: { $lt: inspection.onSiteStart! } });
  }

  /** The setting's last `limit` full or interim inspections published before this one, the latest first (monitoring visits left out). */
  publishedBefore(inspection: Inspection, provider: Provider, limit: number): Promise<Inspection[]> {
    return this.em.find(
      Inspection,
      {
        provider,
        id: { $ne: inspection.id },
        type: { $in: [InspectionType.FULL_INSPECTION, InspectionType.INTERIM_INSPECTION] },
        status: InspectionStatus.PUBLISHED,
        feedbackDate: { $lt: inspection.feedbackDate! },
      },
      { orderBy: [{ feedbackDate: 'desc' }, { id: 'desc' }], limit },
    );
  }

  /** The settings' inspections with feedback given (never an incomplete one): their history, as scheduling reads it. */
  completedOf(providerIds: readonly string[]): Promise<Inspection[]> {
    if (providerIds.length === 0) return Promise.resolve([]);
    return this.em.find(
      Inspection,
      { provider: { $in: [...providerIds] }, feedbackDate: { $ne: null }, status: { $ne: InspectionStatus.INCOMPLETE } },
      { fields: ['id', 'provider', 'type', 'onSiteStart', 'feedbackDate', 'publishedOn'] as never },
    );
  }

  /**
   * Inspections whose report is still to come (feedback given, neither published nor withheld, not
   * incomplete) at settings in an area, each with its setting loaded, the earliest feedback first.
   */
  reportsPendingIn(area: AreaCodes): Promise<Inspection[]> {
    const where: Record<string, unknown> = {
      feedbackDate: { $ne: null },
      status: { $nin: [InspectionStatus.PUBLISHED, InspectionStatus.NOT_PUBLISHED, InspectionStatus.INCOMPLETE] },
    };
    if (area.localAuthority) where.provider = { localAuthority: area.localAuthority };
    if (area.region)
      where.provider = { localAuthority: { ...(area.localAuthority ? { onsCode: area.localAuthority } : {}), region: area.region } };
    return this.em.find(Inspection, where, { populate: ['provider'], orderBy: [{ feedbackDate: 'asc' }, { id: 'asc' }] });
  }

  /** Records the previous judged inspection an interim inspection's judgement is relative to (CH-170), or none. */
  setPreviousInspection(inspection: Inspection, previous: Inspection | null): void {
    inspection.previousInspection = previous ? this.em.getReference(Inspection, previous.id, { wrapped: true }) : null;
  }
}
