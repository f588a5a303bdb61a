import type { EntityManager } from '@mikro-orm/postgresql';
import { idFromGlobal } from '../shared/node';
import type { FilterQuery } from '@mikro-orm/core';
import { notificationListScope, type Principal } from '../../domain/access';
import { assertMayActOnInspection, assertMayReachSetting, listRegion, outOfScope } from '../auth';
import { notificationsMade } from '../feeds';
import type { ConnectionShape, PageArgs } from '../shared/connection';
import { keysetList } from '../shared/keyset-query';
import { caseReviewsOpenedBy, notificationsDue, validateCaseReviewDecision, type OutcomeFacts } from '../../domain/case-reviews';
import type { Clock } from '../../domain/clock';
import { badInput, notFound, type Violation } from '../../domain/rule-violation';
import type { Inspection } from '../inspections';
import type { JudgementRecord } from '../judgements';
import type { Provider } from '../providers';
import { toUserErrors, type UserError } from '../shared/user-error';
import { CaseReview, NotificationTask } from './enforcement.entity';
import type { CompleteNotificationTaskInput, RecordCaseReviewDecisionInput } from './enforcement.types';

/**
 * Opens the case reviews and notification tasks an outcome calls for, once each: a changed
 * judgement can add some, never duplicate them. Runs in the judgement's own transaction.
 */
export async function openFollowUps(em: EntityManager, inspection: Inspection, provider: Provider, record: JudgementRecord): Promise<void> {
  const facts: OutcomeFacts = {
    type: inspection.type,
    settingType: provider.settingType,
    endOfInspection: inspection.feedbackDate!,
    overall: record.overallExperiencesAndProgress,
    interimOutcome: record.interimOutcome,
    declineSuggestsSeriousConcerns: record.declineSuggestsSeriousConcerns ?? false,
    seriousOrWidespreadConcerns: record.seriousOrWidespreadConcerns,
    managerVacancyDays: record.managerVacancyDays,
  };
  const openings = caseReviewsOpenedBy(facts);
  if (openings.length === 0) return;
  const existingReviews = await em.find(CaseReview, { inspection });
  for (const opening of openings) {
    if (existingReviews.some((r) => r.trigger === opening.trigger)) continue;
    em.create(CaseReview, { ...opening, provider, inspection, openedOn: facts.endOfInspection });
  }
  const existingTasks = await em.find(NotificationTask, { inspection });
  const due = notificationsDue(facts, openings, { host: provider.localAuthority.onsCode, placing: inspection.placingAuthorities });
  const created = due.filter(
    (task) => !existingTasks.some((t) => t.recipient === task.recipient && t.localAuthority === task.localAuthority),
  );
  for (const task of created) em.create(NotificationTask, { ...task, inspection });
  // The placing and host authorities learn of it through their feed (and webhooks), addressed to each alone.
  await notificationsMade(
    em,
    inspection,
    provider,
    openings.map((o) => o.trigger),
    created,
  );
}

export interface CaseReviewResult {
  caseReview: CaseReview | null;
  userErrors: UserError[];
}

export interface NotificationTaskResult {
  notificationTask: NotificationTask | null;
  userErrors: UserError[];
}

/** Case review decisions and notification tasks. One instance per request. */
export class EnforcementService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly principal: Principal,
  ) {}

  /** Case reviews not yet held, in the caller's region, the earliest due first. */
  openReviews(args: PageArgs): Promise<ConnectionShape<CaseReview>> {
    const where: FilterQuery<CaseReview>[] = [{ heldOn: null }];
    const region = listRegion(this.principal, null);
    if (region) where.push({ provider: { localAuthority: { region } } });
    return keysetList(this.em, CaseReview, where, args, { first: 'dueBy', second: 'id', keyOf: (r) => `${r.dueBy}|${r.id}` });
  }

  /**
   * Notification tasks, the earliest due first: a local authority's own (as placing or host
   * authority); for staff, those from inspections in their region.
   */
  listTasks(
    filter: { localAuthority?: string | null; overdueOnly?: boolean | null },
    args: PageArgs,
  ): Promise<ConnectionShape<NotificationTask>> {
    const scope = notificationListScope(this.principal, filter.localAuthority);
    if (!scope) throw outOfScope(filter.localAuthority ? `Local authority ${filter.localAuthority}` : 'This list');
    const where: FilterQuery<NotificationTask>[] = [];
    if ('addressedTo' in scope) where.push({ localAuthority: scope.addressedTo });
    else if (scope.region) where.push({ inspection: { provider: { localAuthority: { region: scope.region } } } });
    if (filter.localAuthority) where.push({ localAuthority: filter.localAuthority });
    if (filter.overdueOnly) where.push({ doneOn: null, dueBy: { $lt: this.clock.today() } });
    return keysetList(this.em, NotificationTask, where, args, { first: 'dueBy', second: 'id', keyOf: (t) => `${t.dueBy}|${t.id}` });
  }

  async decide(input: RecordCaseReviewDecisionInput): Promise<CaseReviewResult> {
    return this.em.transactional(async (em) => {
      const id = idFromGlobal(input.caseReviewId, 'CaseReview');
      const review = id ? await em.findOne(CaseReview, { id }, { populate: ['provider'] }) : null;
      if (!review) return { caseReview: null, userErrors: toUserErrors([notFound(['caseReviewId'], 'No case review has this ID')]) };
      await assertMayReachSetting(em, this.principal, review.provider.getEntity());
      if (review.heldOn) {
        return {
          caseReview: null,
          userErrors: toUserErrors([{ field: ['caseReviewId'], code: 'CONFLICT', message: 'The decision is already recorded' }]),
        };
      }
      const decision = {
        optionsConsidered: input.optionsConsidered.map((o) => ({ option: o.option, rejectedBecause: o.rejectedBecause?.trim() || null })),
        chosen: input.chosenOption,
        decisionReason: input.decisionReason,
        decidedBy: input.decidedBy,
        heldOn: input.heldOn,
      };
      const violations: Violation[] = validateCaseReviewDecision(review.provider.getEntity().settingType, decision, {
        openedOn: review.openedOn,
        today: this.clock.today(),
      });
      if (violations.length > 0) return { caseReview: null, userErrors: toUserErrors(violations) };
      Object.assign(review, {
        heldOn: input.heldOn,
        optionsConsidered: decision.optionsConsidered,
        chosenOption: input.chosenOption,
        decisionReason: input.decisionReason.trim(),
        decidedBy: input.decidedBy.trim(),
      });
      return { caseReview: review, userErrors: [] };
    });
  }

  async completeTask(input: CompleteNotificationTaskInput): Promise<NotificationTaskResult> {
    return this.em.transactional(async (em) => {
      const id = idFromGlobal(input.notificationTaskId, 'NotificationTask');
      const task = id ? await em.findOne(NotificationTask, { id }, { populate: ['inspection', 'inspection.provider'] }) : null;
      if (!task)
        return { notificationTask: null, userErrors: toUserErrors([notFound(['notificationTaskId'], 'No notification task has this ID')]) };
      const inspection = task.inspection.getEntity();
      await assertMayActOnInspection(em, this.principal, inspection, inspection.provider.getEntity(), 'RECORD');
      const violations: Violation[] = [];
      if (task.doneOn) violations.push({ field: ['notificationTaskId'], code: 'CONFLICT', message: `Already done on ${task.doneOn}` });
      if (input.doneOn > this.clock.today()) violations.push(badInput(['doneOn'], 'doneOn cannot be in the future'));
      if (violations.length > 0) return { notificationTask: null, userErrors: toUserErrors(violations) };
      task.doneOn = input.doneOn;
      return { notificationTask: task, userErrors: [] };
    });
  }
}
