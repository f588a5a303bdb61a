import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../domain/access';
import { listRegion } from '../auth/scope';
import { InspectionStatus } from '../../domain/inspection-lifecycle';
import type { LocalDate } from '../../domain/local-date';
import { isOpen } from '../../domain/provider-register';
import { inspectionsDue, type InspectionDue, type PastInspection } from '../../domain/scheduling';
import { Inspection } from '../inspections/inspection.entity';
import { JudgementKind } from '../judgements/judgement.enums';
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

  for (const provider of providers) {
    if (!isOpen(provider.status)) {
      result.set(provider.id, []);
      continue;
    }
    const history: PastInspection[] = inspections
      .filter((i) => i.provider.id === provider.id)
      .map((i) => {
        const record = latest.get(i.id);
        const overall = record?.kind === JudgementKind.FULL_INSPECTION ? record.overallExperiencesAndProgress : (record?.newOverallGrade ?? null);
        return { type: i.type, start: i.onSiteStart ?? i.feedbackDate!, end: i.feedbackDate!, overall };
      });
    const noticeActions = actions
      .filter((a) => providerOfInspection.get(a.notice.getEntity().inspection.id) === provider.id)
      .map((a) => ({ completionDate: a.completionDate }));
    result.set(provider.id, inspectionsDue({ settingType: provider.settingType, registrationDate: provider.registrationDate, history, noticeActions, today }));
  }
  return result;
}

/** Open settings with something due before `before`, in a region or local authority, soonest first. */
export async function dueBefore(
  em: EntityManager,
  requested: { before: LocalDate; region?: string | null; localAuthority?: string | null },
  today: LocalDate,
  principal: Principal,
): Promise<{ provider: Provider; due: InspectionDue[] }[]> {
  const filter = { ...requested, region: listRegion(principal, requested.region) };
  const where: Record<string, unknown> = { status: { $in: ['REGISTERED', 'SUSPENDED'] } };
  if (filter.localAuthority) where.localAuthority = filter.localAuthority;
  if (filter.region) where.localAuthority = { ...(filter.localAuthority ? { onsCode: filter.localAuthority } : {}), region: filter.region };
  const providers = await em.find(Provider, where, { orderBy: { urn: 'asc' } });
  const due = await dueFor(em, providers, today);
  return providers
    .map((provider) => ({ provider, due: (due.get(provider.id) ?? []).filter((d) => d.latest < filter.before) }))
    .filter((row) => row.due.length > 0)
    .sort((a, b) => (a.due[0].latest < b.due[0].latest ? -1 : a.due[0].latest > b.due[0].latest ? 1 : a.provider.urn < b.provider.urn ? -1 : 1));
}
