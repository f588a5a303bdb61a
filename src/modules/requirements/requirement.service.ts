import { ref, type FilterQuery } from '@mikro-orm/core';
import { idFromGlobal } from '../shared/node';
import type { Principal } from '../../domain/access';
import { listRegion } from '../auth';
import { complianceNoticeServed } from '../feeds';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../domain/clock';
import { InspectionStatus } from '../../domain/inspection-lifecycle';
import {
  ItemStatus,
  validateCheckAtVisit,
  validateComplianceNotice,
  validateRecommendation,
  validateRequirement,
} from '../../domain/requirements';
import { notFound, type Violation } from '../../domain/rule-violation';
import { EvidenceRepository, type Evidence } from '../evidence';
import { lockInspection, type Inspection } from '../inspections';
import type { Provider } from '../providers';
import { keysetPage, toConnection, type ConnectionShape, type PageArgs } from '../shared/connection';
import { keysetList } from '../shared/keyset-query';
import { toUserErrors, type UserError } from '../shared/user-error';
import { CheckedItem, ComplianceNotice, ComplianceNoticeAction, Recommendation, Requirement } from './requirement.entity';
import type {
  CheckRecommendationInput,
  CheckRequirementInput,
  ComplianceNoticePayload,
  InspectionItemFilter,
  RecommendationPayload,
  RecordRecommendationInput,
  RecordRequirementInput,
  RequirementPayload,
  ServeComplianceNoticeInput,
} from './requirement.types';

function openForItems(inspection: Inspection): Violation[] {
  if (inspection.status === InspectionStatus.SCHEDULED || inspection.onSiteStart === null) {
    return [{ field: ['inspectionId'], code: 'CONFLICT', message: 'The inspection has not started' }];
  }
  if (inspection.draftSentOn !== null) {
    return [
      { field: ['inspectionId'], code: 'CONFLICT', message: 'The draft report has gone out: nothing more is recorded at this inspection' },
    ];
  }
  return [];
}

const createdKey = (item: { createdAt: Date; id: string }): string => `${item.createdAt.toISOString()}|${item.id}`;

/** Requirements, recommendations and compliance notices. One instance per request. */
export class RequirementService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly principal: Principal,
  ) {}

  /** The inspection conditions of a filter, or null when an ID in it cannot match anything. */
  private inspectionWhere(filter: InspectionItemFilter | null | undefined): Record<string, unknown> | null {
    const where: Record<string, unknown> = {};
    if (filter?.inspectionId) {
      const id = idFromGlobal(filter.inspectionId, 'Inspection');
      if (!id) return null;
      where.id = id;
    }
    const provider: Record<string, unknown> = {};
    if (filter?.providerId) {
      const id = idFromGlobal(filter.providerId, 'Provider');
      if (!id) return null;
      provider.id = id;
    }
    const region = listRegion(this.principal, null);
    if (region) provider.localAuthority = { region };
    if (Object.keys(provider).length > 0) where.provider = provider;
    return where;
  }

  private async listItems<T extends CheckedItem | ComplianceNotice>(
    entity: new () => T,
    filter: InspectionItemFilter | null | undefined,
    args: PageArgs,
  ): Promise<ConnectionShape<T>> {
    const inspection = this.inspectionWhere(filter);
    if (inspection === null) return toConnection<T>(keysetPage(args), [], createdKey);
    const where: FilterQuery<T>[] = [];
    if (Object.keys(inspection).length > 0) where.push({ inspection } as unknown as FilterQuery<T>);
    if (filter?.status && entity !== (ComplianceNotice as unknown)) where.push({ status: filter.status } as unknown as FilterQuery<T>);
    return keysetList(this.em, entity, where, args, {
      first: 'createdAt' as keyof T & string,
      second: 'id' as keyof T & string,
      keyOf: createdKey,
      parse: (value) => new Date(value),
    });
  }

  listRequirements(filter: InspectionItemFilter | null | undefined, args: PageArgs) {
    return this.listItems(Requirement, filter, args);
  }

  listRecommendations(filter: InspectionItemFilter | null | undefined, args: PageArgs) {
    return this.listItems(Recommendation, filter, args);
  }

  listComplianceNotices(filter: InspectionItemFilter | null | undefined, args: PageArgs) {
    return this.listItems(ComplianceNotice, filter, args);
  }

  /** Evidence recorded at this inspection, by global IDs; unknown ones are NOT_FOUND violations. */
  private async evidenceOf(
    em: EntityManager,
    inspection: Inspection,
    ids: readonly string[],
    violations: Violation[],
  ): Promise<Evidence[]> {
    const keys = ids.map((id) => idFromGlobal(id, 'Evidence'));
    const found = await new EvidenceRepository(em).recordedAt(
      inspection,
      keys.filter((k): k is string => k !== null),
    );
    keys.forEach((key, i) => {
      if (!key || !found.some((e) => e.id === key)) {
        violations.push(notFound(['evidenceIds', String(i)], 'No evidence recorded at this inspection has this ID'));
      }
    });
    return found;
  }

  /**
   * Records a requirement or recommendation at an inspection open for them: its evidence found by
   * ID, then checked by `validate` (whose evidence rules are dropped once an evidence ID is
   * unknown, already reported) and, when nothing is wrong, made by `create` and linked to it.
   */
  private recordItem<T extends Requirement | Recommendation>(
    inspectionId: string,
    evidenceIds: readonly string[],
    validate: (inspection: Inspection, provider: Provider, evidence: Evidence[]) => Violation[],
    create: (em: EntityManager, inspection: Inspection) => T,
  ): Promise<{ item: T | null; userErrors: UserError[] }> {
    return this.em.transactional(async (em) => {
      const located = await lockInspection(em, inspectionId, this.principal, 'RECORD');
      if (!located) return { item: null, userErrors: toUserErrors([notFound(['inspectionId'], 'No inspection has this ID')]) };
      const { inspection, provider } = located;
      const violations = openForItems(inspection);
      if (violations.length > 0) return { item: null, userErrors: toUserErrors(violations) };
      const evidence = await this.evidenceOf(em, inspection, evidenceIds, violations);
      const unknownEvidence = violations.length > 0;
      violations.push(...validate(inspection, provider, evidence).filter((v) => !unknownEvidence || v.field[0] !== 'evidenceIds'));
      if (violations.length > 0) return { item: null, userErrors: toUserErrors(violations) };
      const item = create(em, inspection);
      item.evidence.set(evidence);
      return { item, userErrors: [] };
    });
  }

  async recordRequirement(input: RecordRequirementInput): Promise<RequirementPayload> {
    const { item, userErrors } = await this.recordItem(
      input.inspectionId,
      input.evidenceIds,
      (inspection, provider, evidence) =>
        validateRequirement({
          settingType: provider.settingType,
          regulation: input.regulation,
          action: input.action,
          dueDate: input.dueDate,
          impactStatement: input.impactStatement,
          evidence,
          inspectionStart: inspection.onSiteStart!,
        }),
      (em, inspection) =>
        em.create(Requirement, {
          inspection,
          regulation: input.regulation.trim(),
          action: input.action.trim(),
          dueDate: input.dueDate,
          impactStatement: input.impactStatement.trim(),
        }),
    );
    return { requirement: item, userErrors };
  }

  async recordRecommendation(input: RecordRecommendationInput): Promise<RecommendationPayload> {
    const { item, userErrors } = await this.recordItem(
      input.inspectionId,
      input.evidenceIds,
      (_inspection, provider, evidence) =>
        validateRecommendation({
          settingType: provider.settingType,
          reference: input.reference,
          guidanceSummary: input.guidanceSummary ?? null,
          action: input.action,
          evidence,
        }),
      (em, inspection) =>
        em.create(Recommendation, {
          inspection,
          reference: input.reference.trim(),
          guidanceSummary: input.guidanceSummary?.trim() || null,
          action: input.action.trim(),
        }),
    );
    return { recommendation: item, userErrors };
  }

  async serveComplianceNotice(input: ServeComplianceNoticeInput): Promise<ComplianceNoticePayload> {
    return this.em.transactional(async (em) => {
      const located = await lockInspection(em, input.inspectionId, this.principal, 'DECIDE');
      if (!located) return { complianceNotice: null, userErrors: toUserErrors([notFound(['inspectionId'], 'No inspection has this ID')]) };
      const { inspection } = located;
      const violations: Violation[] =
        inspection.status === InspectionStatus.SCHEDULED
          ? [{ field: ['inspectionId'], code: 'CONFLICT', message: 'A compliance notice follows an inspection that has started' }]
          : validateComplianceNotice(input.servedOn, input.actions, this.clock.today());
      if (violations.length === 0 && inspection.onSiteStart && input.servedOn < inspection.onSiteStart) {
        violations.push({
          field: ['servedOn'],
          code: 'BAD_USER_INPUT',
          message: 'A compliance notice is served after the inspection began',
        });
      }
      if (violations.length > 0) return { complianceNotice: null, userErrors: toUserErrors(violations) };
      const notice = em.create(ComplianceNotice, { inspection, ground: input.ground, servedOn: input.servedOn });
      await complianceNoticeServed(em, located.provider, input.servedOn);
      input.actions.forEach((action, position) =>
        em.create(ComplianceNoticeAction, {
          notice,
          position,
          regulation: action.regulation.trim(),
          action: action.action.trim(),
          completionDate: action.completionDate,
        }),
      );
      return { complianceNotice: notice, userErrors: [] };
    });
  }

  private async check<T extends Requirement | Recommendation>(
    entity: new () => T,
    typeName: 'Requirement' | 'Recommendation',
    itemId: string,
    visitId: string,
    outcome: 'MET' | 'NOT_MET',
  ): Promise<{ item: T | null; violations: Violation[] }> {
    return this.em.transactional(async (em) => {
      const key = idFromGlobal(itemId, typeName);
      const item = key
        ? ((await em.findOne(
            entity as unknown as typeof Requirement,
            { id: key },
            { populate: ['inspection', 'inspection.provider'] },
          )) as T | null)
        : null;
      const field = typeName === 'Requirement' ? 'requirementId' : 'recommendationId';
      if (!item) return { item: null, violations: [notFound([field], `No ${typeName.toLowerCase()} has this ID`)] };
      const visit = await lockInspection(em, visitId, this.principal, 'RECORD');
      if (!visit) return { item: null, violations: [notFound(['inspectionId'], 'No inspection has this ID')] };
      const made = item.inspection.getEntity();
      const violations = validateCheckAtVisit(
        made.provider.getEntity().settingType,
        { providerId: made.provider.id, inspectionId: made.id, start: made.onSiteStart ?? made.scheduledStart },
        { providerId: visit.provider.id, inspectionId: visit.inspection.id, start: visit.inspection.onSiteStart },
      );
      if (violations.length > 0) return { item: null, violations };
      item.status = outcome === 'MET' ? ItemStatus.MET : ItemStatus.NOT_MET;
      item.checkedAt = ref(visit.inspection);
      return { item, violations: [] };
    });
  }

  async checkRequirement(input: CheckRequirementInput): Promise<RequirementPayload> {
    const { item, violations } = await this.check(Requirement, 'Requirement', input.requirementId, input.inspectionId, input.outcome);
    return { requirement: item, userErrors: toUserErrors(violations) };
  }

  async checkRecommendation(input: CheckRecommendationInput): Promise<RecommendationPayload> {
    const { item, violations } = await this.check(
      Recommendation,
      'Recommendation',
      input.recommendationId,
      input.inspectionId,
      input.outcome,
    );
    return { recommendation: item, userErrors: toUserErrors(violations) };
  }
}
