import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isAssigned, Role, type InspectionAction, type Principal } from '../../domain/access';
import type { Clock } from '../../domain/clock';
import { InspectionStatus, validateFieldworkCompletion, validateSchedule, validateStart } from '../../domain/inspection-lifecycle';
import { assessNotice, noticeRequirement, type NoticeAssessment } from '../../domain/inspection-types';
import { validateOpen } from '../../domain/provider-register';
import { notFound, type Violation } from '../../domain/rule-violation';
import { assertMayActOnInspection, assertMayReachSetting, forbidden, listRegion } from '../auth';
import { ProviderRepository, type Provider } from '../providers';
import { ReferenceRepository } from '../reference';
import { keysetPage, toConnection, type ConnectionShape, type PageArgs } from '../shared/connection';
import { keysetList } from '../shared/keyset-query';
import { idFromGlobal } from '../shared/node';
import { toUserErrors, type UserError } from '../shared/user-error';
import { Inspection, LineOfEnquiry } from './inspection.entity';
import type {
  AddLineOfEnquiryInput,
  CompleteFieldworkInput,
  InspectionFilter,
  ScheduleInspectionInput,
  StartInspectionInput,
} from './inspection.types';

export interface InspectionResult {
  inspection: Inspection | null;
  userErrors: UserError[];
}

const failed = (violations: Violation[]): InspectionResult => ({ inspection: null, userErrors: toUserErrors(violations) });

/** The key an inspection is listed by: its scheduled start, then its ID (both sortable as text). */
export const inspectionKey = (inspection: Inspection): string => `${inspection.scheduledStart}|${inspection.id}`;

/**
 * Loads an inspection by global ID inside a transaction, locking its row so that concurrent
 * changes to it (status, judgements, items recorded at it) happen one after another, and checks
 * that the caller's scope covers what it is about to do to it (refused with FORBIDDEN).
 */
export async function lockInspection(
  em: EntityManager,
  inspectionId: string,
  principal: Principal,
  action: InspectionAction,
): Promise<{ inspection: Inspection; provider: Provider } | null> {
  const id = idFromGlobal(inspectionId, 'Inspection');
  if (!id) return null;
  const inspection = await em.findOne(Inspection, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!inspection) return null;
  const provider = await inspection.provider.loadOrFail();
  await assertMayActOnInspection(em, principal, inspection, provider, action);
  return { inspection, provider };
}

export function noticeOf(inspection: Inspection, provider: Provider): NoticeAssessment {
  return assessNotice(
    noticeRequirement(inspection.type, provider.settingType, provider.singlePersonAgency),
    inspection.noticeGivenOn,
    inspection.onSiteStart ?? inspection.scheduledStart,
    inspection.noticeReason,
  );
}

/** Scheduling, starting and finishing the fieldwork of inspections. One instance per request. */
export class InspectionService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly principal: Principal,
  ) {}

  async list(filter: InspectionFilter | null | undefined, args: PageArgs): Promise<ConnectionShape<Inspection>> {
    const where: FilterQuery<Inspection>[] = [];
    const region = listRegion(this.principal, null);
    if (region) where.push({ provider: { localAuthority: { region } } });
    if (filter?.providerId) {
      const providerId = idFromGlobal(filter.providerId, 'Provider');
      if (!providerId) return toConnection(keysetPage(args), [], inspectionKey);
      where.push({ provider: providerId });
    }
    if (filter?.type) where.push({ type: filter.type });
    if (filter?.status) where.push({ status: filter.status });
    return keysetList(this.em, Inspection, where, args, { first: 'scheduledStart', second: 'id', keyOf: inspectionKey });
  }

  async schedule(input: ScheduleInspectionInput): Promise<InspectionResult> {
    const providerId = idFromGlobal(input.providerId, 'Provider');
    const provider = providerId ? await new ProviderRepository(this.em).byId(providerId) : null;
    if (!provider) return failed([notFound(['providerId'], 'No setting has this ID')]);
    await assertMayReachSetting(this.em, this.principal, provider);
    if (
      this.principal.role === Role.INSPECTOR &&
      !isAssigned(this.principal, {
        leadInspector: input.leadInspector.trim(),
        teamInspectors: (input.teamInspectors ?? []).map((name) => name.trim()),
      })
    ) {
      throw forbidden('Inspectors schedule the inspections they are assigned to: name yourself as lead or team inspector');
    }
    const closed = validateOpen(provider.status);
    if (closed.length > 0) return failed(closed);
    const linesOfEnquiry = input.linesOfEnquiry ?? [];
    const violations = validateSchedule(
      {
        settingType: provider.settingType,
        registrationDate: provider.registrationDate,
        type: input.type,
        scheduledStart: input.scheduledStart,
        leadInspector: input.leadInspector,
        teamInspectors: input.teamInspectors ?? [],
        linesOfEnquiry,
        noticeGivenOn: input.noticeGivenOn ?? null,
      },
      this.clock.today(),
    );
    if (violations.length > 0) return failed(violations);

    const inspection = await this.em.transactional(async (em) => {
      const inspection = em.create(Inspection, {
        provider,
        type: input.type,
        scheduledStart: input.scheduledStart,
        leadInspector: input.leadInspector.trim(),
        teamInspectors: (input.teamInspectors ?? []).map((name) => name.trim()),
        noticeGivenOn: input.noticeGivenOn ?? null,
        noticeReason: input.noticeReason?.trim() || null,
      });
      linesOfEnquiry.forEach((line, position) =>
        em.create(LineOfEnquiry, { inspection, position, source: line.source, text: line.text.trim() }),
      );
      return inspection;
    });
    return { inspection, userErrors: [] };
  }

  async start(input: StartInspectionInput): Promise<InspectionResult> {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, input.inspectionId, this.principal, 'RECORD');
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      const { inspection, provider } = found;
      const noticeGivenOn = input.noticeGivenOn ?? inspection.noticeGivenOn;
      const violations = validateStart(
        { status: inspection.status, noticeGivenOn, registrationDate: provider.registrationDate },
        input.onSiteStart,
        this.clock.today(),
      );
      if (violations.length > 0) return failed(violations);
      inspection.status = InspectionStatus.ON_SITE;
      inspection.onSiteStart = input.onSiteStart;
      inspection.noticeGivenOn = noticeGivenOn;
      if (input.noticeReason) inspection.noticeReason = input.noticeReason.trim();
      return { inspection, userErrors: [] };
    });
  }

  async addLineOfEnquiry(input: AddLineOfEnquiryInput): Promise<InspectionResult & { lineOfEnquiry?: LineOfEnquiry }> {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, input.inspectionId, this.principal, 'RECORD');
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      if (!input.text.trim()) return failed([{ field: ['text'], code: 'BAD_USER_INPUT', message: 'Describe the line of enquiry' }]);
      if (![InspectionStatus.SCHEDULED, InspectionStatus.DEFERRED, InspectionStatus.ON_SITE].includes(found.inspection.status)) {
        return failed([{ field: ['inspectionId'], code: 'CONFLICT', message: 'Fieldwork is complete: no new lines of enquiry' }]);
      }
      const position = await em.count(LineOfEnquiry, { inspection: found.inspection });
      const lineOfEnquiry = em.create(LineOfEnquiry, {
        inspection: found.inspection,
        position,
        source: input.source,
        text: input.text.trim(),
      });
      return { inspection: found.inspection, lineOfEnquiry, userErrors: [] };
    });
  }

  async completeFieldwork(input: CompleteFieldworkInput): Promise<InspectionResult> {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, input.inspectionId, this.principal, 'RECORD');
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      const { inspection, provider } = found;
      const completion = {
        onSiteEnd: input.onSiteEnd,
        feedbackDate: input.feedbackDate,
        extendedOnSiteReason: input.extendedOnSiteReason?.trim() || null,
      };
      const violations = validateFieldworkCompletion(
        { status: inspection.status, type: inspection.type, settingType: provider.settingType, onSiteStart: inspection.onSiteStart },
        completion,
        this.clock.today(),
      );
      const placing = [...new Set(input.placingAuthorities ?? [])];
      const known = await new ReferenceRepository(em).localAuthorities(placing);
      placing.forEach((code, i) => {
        if (!known.some((la) => la.onsCode === code))
          violations.push(notFound(['placingAuthorities', String(i)], `No local authority has the ONS code "${code}"`));
      });
      if (violations.length > 0) return failed(violations);
      inspection.placingAuthorities = placing;
      inspection.status = InspectionStatus.FIELDWORK_COMPLETE;
      inspection.onSiteEnd = completion.onSiteEnd;
      inspection.feedbackDate = completion.feedbackDate;
      inspection.extendedOnSiteReason = completion.extendedOnSiteReason;
      return { inspection, userErrors: [] };
    });
  }
}
