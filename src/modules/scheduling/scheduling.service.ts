import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy } from '../shared/loader';
import type { Principal } from '../../domain/access';
import { listRegion } from '../auth/scope';
import { InspectionStatus } from '../../domain/inspection-lifecycle';
import type { LocalDate } from '../../domain/local-date';
import { isOpen, OPEN_STATUSES } from '../../domain/provider-register';
import { inspectionsDue, type InspectionDue, type PastInspection } from '../../domain/scheduling';
import { Inspection } from '../inspections/inspection.entity';
import { overallGradeOf } from '../../domain/judgements';
import { JudgementRecord } from '../judgements/judgement.entity';
import { Provider } from '../providers/provider.entity';
import { ComplianceNoticeAction } from '../requirements/requirement.entity';

/**
 * The inspections due for many settings at once: their completed inspections, the judgements
 * those gave and their compliance notice actions are read in three statements, whatever the count.
 */
export async function dueFor(em: EntityManager, providers: readonly Provider[], today: LocalDate): Promise<Map<string, InspectionDue[]>> {
  const ids = providers.map((p) => p.id);
  const result = new Map<string, InspectionDue[]>();
  if (ids.length === 0) return result;
  const inspections = await em.find(
    Inspection,
    { provider: { $in: ids }, feedbackDate: { $ne: null }, status: { $ne: InspectionStatus.INCOMPLETE } },
    { fields: ['id', 'provider', 'type', 'onSiteStart', 'feedbackDate'] as never },
  );
  const inspectionIds = inspections.map((i) => i.id);
  const records = inspectionIds.length
    ? await em.find(JudgementRecord, { inspection: { $in: inspectionIds } }, { orderBy: { version: 'asc' }, fields: ['id', 'inspection', 'version', 'kind', 'overallExperiencesAndProgress', 'newOverallGrade'] as never })
    : [];
  const latest = new Map(records.map((r) => [r.inspection.id, r]));
  const actions = inspectionIds.length
    ? await em.find(ComplianceNoticeAction, { notice: { inspection: { $in: inspectionIds } } }, { populate: ['notice'] })
    : [];
  const providerOfInspection = new Map(inspections.map((i) => [i.id, i.provider.id]));
  // Grouped by setting once, rather than scanned again for every setting.
  const inspectionsOf = groupBy(inspections, (i) => i.provider.id);
  const actionsOf = groupBy(actions, (a) => providerOfInspection.get(a.notice.getEntity().inspection.id)!);

  for (const provider of providers) {
    if (!isOpen(provider.status)) {
      result.set(provider.id, []);
      continue;
    }
    const history: PastInspection[] = (inspectionsOf.get(provider.id) ?? []).map((i) => {
      const record = latest.get(i.id);
      return { type: i.type, start: i.onSiteStart ?? i.feedbackDate!, end: i.feedbackDate!, overall: record ? overallGradeOf(record) : null };
    });
    const noticeActions = (actionsOf.get(provider.id) ?? []).map((a) => ({ completionDate: a.completionDate }));
    result.set(provider.id, inspectionsDue({ settingType: provider.settingType, registrationDate: provider.registrationDate, history, noticeActions, today }));
  }
  return result;
}

/** Open settings with something due before `before`, in a region or local authority (in URN order; the resolver pages them soonest first). */
export async function dueBefore(
  em: EntityManager,
  requested: { before: LocalDate; region?: string | null; localAuthority?: string | null },
  today: LocalDate,
  principal: Principal,
): Promise<{ provider: Provider; due: InspectionDue[] }[]> {
  const filter = { ...requested, region: listRegion(principal, requested.region) };
  const where: Record<string, unknown> = { status: { $in: [...OPEN_STATUSES] } };
  if (filter.localAuthority) where.localAuthority = filter.localAuthority;
  if (filter.region) where.localAuthority = { ...(filter.localAuthority ? { onsCode: filter.localAuthority } : {}), region: filter.region };
  const providers = await em.find(Provider, where, { orderBy: { urn: 'asc' } });
  const due = await dueFor(em, providers, today);
  return providers
    .map((provider) => ({ provider, due: (due.get(provider.id) ?? []).filter((d) => d.latest < filter.before) }))
    .filter((row) => row.due.length > 0);
}
