import type { EntityManager } from '@mikro-orm/postgresql';
import {
  caseReviewsOpenedBy,
  notificationsDue,
  validateCaseReviewDecision,
  type OutcomeFacts,
} from '../../domain/case-reviews';
import type { Clock } from '../../domain/clock';
import { badInput, type Violation } from '../../domain/rule-violation';
import type { Inspection } from '../inspections/inspection.entity';
import { idFromGlobal, notFound } from '../inspections/inspection.service';
import type { JudgementRecord } from '../judgements/judgement.entity';
import type { Provider } from '../providers/provider.entity';
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
  for (const task of due) {
    if (existingTasks.some((t) => t.recipient === task.recipient && t.localAuthority === task.localAuthority)) continue;
    em.create(NotificationTask, { ...task, inspection });
  }
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
  ) {}

  async decide(input: RecordCaseReviewDecisionInput): Promise<CaseReviewResult> {
    return this.em.transactional(async (em) => {
      const id = idFromGlobal(input.caseReviewId, 'CaseReview');
      const review = id ? await em.findOne(CaseReview, { id }, { populate: ['provider'] }) : null;
      if (!review) return { caseReview: null, userErrors: toUserErrors([notFound(['caseReviewId'], 'No case review has this ID')]) };
      if (review.heldOn) {
        return { caseReview: null, userErrors: toUserErrors([{ field: ['caseReviewId'], code: 'CONFLICT', message: 'The decision is already recorded' }]) };
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
      const task = id ? await em.findOne(NotificationTask, { id }) : null;
      if (!task) return { notificationTask: null, userErrors: toUserErrors([notFound(['notificationTaskId'], 'No notification task has this ID')]) };
      const violations: Violation[] = [];
      if (task.doneOn) violations.push({ field: ['notificationTaskId'], code: 'CONFLICT', message: `Already done on ${task.doneOn}` });
      if (input.doneOn > this.clock.today()) violations.push(badInput(['doneOn'], 'doneOn cannot be in the future'));
      if (violations.length > 0) return { notificationTask: null, userErrors: toUserErrors(violations) };
      task.doneOn = input.doneOn;
      return { notificationTask: task, userErrors: [] };
    });
  }
}
