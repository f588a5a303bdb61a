import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy } from '../shared/loader';
import type { Principal } from '../../domain/access';
import { listRegion } from '../auth';
import type { LocalDate } from '../../domain/local-date';
import { isOpen } from '../../domain/provider-register';
import {
  DEFAULT_SCHEDULING_POLICY,
  inspectionsDue,
  type InspectionDue,
  type PastInspection,
  type SchedulingPolicy,
} from '../../domain/scheduling';
import { overallGradeOf } from '../../domain/judgements';
import { InspectionRepository } from '../inspections';
import { JudgementRepository } from '../judgements';
import { ProviderRepository, type Provider } from '../providers';
import { RequirementRepository } from '../requirements';

/**
 * The inspections due for many settings at once: their completed inspections, the judgements
 * those gave and their compliance notice actions are read in three statements, whatever the count.
 */
export async function dueFor(
  em: EntityManager,
  providers: readonly Provider[],
  today: LocalDate,
  policy: SchedulingPolicy = DEFAULT_SCHEDULING_POLICY,
): Promise<Map<string, InspectionDue[]>> {
  const ids = providers.map((p) => p.id);
  const result = new Map<string, InspectionDue[]>();
  if (ids.length === 0) return result;
  const inspections = await new InspectionRepository(em).completedOf(ids);
  const inspectionIds = inspections.map((i) => i.id);
  const latest = await new JudgementRepository(em).latestJudgements(inspectionIds);
  const actions = await new RequirementRepository(em).noticeActionsAfter(inspectionIds);
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
      return {
        type: i.type,
        start: i.onSiteStart ?? i.feedbackDate!,
        end: i.feedbackDate!,
        overall: record ? overallGradeOf(record) : null,
        publishedOn: i.publishedOn,
      };
    });
    const noticeActions = (actionsOf.get(provider.id) ?? []).map((a) => ({ completionDate: a.completionDate }));
    result.set(
      provider.id,
      inspectionsDue({
        settingType: provider.settingType,
        registrationDate: provider.registrationDate,
        history,
        noticeActions,
        today,
        policy,
      }),
    );
  }
  return result;
}

/** Open settings with something due before `before`, in a region or local authority (in URN order; the resolver pages them soonest first). */
export async function dueBefore(
  em: EntityManager,
  requested: { before: LocalDate; region?: string | null; localAuthority?: string | null },
  today: LocalDate,
  principal: Principal,
  policy: SchedulingPolicy = DEFAULT_SCHEDULING_POLICY,
): Promise<{ provider: Provider; due: InspectionDue[] }[]> {
  const filter = { ...requested, region: listRegion(principal, requested.region) };
  const providers = await new ProviderRepository(em).openSettingsIn(filter);
  const due = await dueFor(em, providers, today, policy);
  return providers
    .map((provider) => ({ provider, due: (due.get(provider.id) ?? []).filter((d) => d.latest < filter.before) }))
    .filter((row) => row.due.length > 0);
}
