/**
 * Regulation 40 notifications from children's homes, managed as Annex L of the children's homes
 * handbook sets out (CHA-147 to CHA-180): intake and fast-tracking, the lifecycle RECEIVED ->
 * TRIAGED -> FOLLOWED_UP -> CLOSED, due dates, what a notification triggers, and the managers' views.
 *
 * Readings where the guidance is vague, all in `NotificationPolicy` with documented defaults:
 * - "without delay" (CHA-147) has no number: delayed means received more than `delayedAfterDays`
 *   calendar days after the incident (default 1: the day of the incident or the next is not delayed).
 * - "a maximum of seven days" (CHA-166) has no unit: calendar days (EC-09), day 0 being the day
 *   received, so one received on a Monday is due by the next Monday; `WORKING` counts working days.
 * - The assessment is complete when the notification is followed up (FOLLOWED_UP); the fast-track
 *   action (CHA-154) is the triage, the manager's routing (CHA-155).
 * - A "reasonable timescale" for a child protection enquiry's outcome (CHA-165) is undefined: default
 *   28 calendar days from the instigation notification (Working Together's 15 working days from the
 *   strategy discussion to the conference, and a week to notify; an assumption, not Annex L's).
 * - A "growing picture of concern" (CHA-172) has no number: `growingPictureCount` notifications in the
 *   six-month window of CHA-175 (default 3) prompt the manager to consider an early inspection.
 */
import { InspectionType } from './inspection-types';
import { addDays, compareDates, daysBetween, isLocalDate, type LocalDate } from './local-date';
import { badInput, ruleViolation, type Violation } from './rule-violation';
import { addMonths } from './scheduling';
import { isChildrensHome, type SettingType } from './setting-types';
import { hasText as text } from './text';
import { addWorkingDays } from './working-days';

/**
 * The Regulation 40 categories the handbook names (Annex L ¶1–3, ¶26–27; serious concerns over a
 * child's missing behaviour are a serious event, F/3). The regulation's full list is not in the
 * guidance held here; add categories from the regulation itself, not from guesswork. Manager absence
 * and leaving (Regs 48, 49) and a child missing from a secure home (F/9) are other duties, not these.
 */
export enum NotificationCategory {
  DEATH_OF_CHILD = 'DEATH_OF_CHILD',
  SEXUAL_EXPLOITATION = 'SEXUAL_EXPLOITATION',
  CHILD_PROTECTION_ENQUIRY_INSTIGATED = 'CHILD_PROTECTION_ENQUIRY_INSTIGATED',
  CHILD_PROTECTION_ENQUIRY_OUTCOME = 'CHILD_PROTECTION_ENQUIRY_OUTCOME',
  SERIOUS_EVENT = 'SERIOUS_EVENT',
}

/** CHA-153: always fast-tracked, whatever the configuration. */
export const ALWAYS_FAST_TRACKED: ReadonlySet<NotificationCategory> = new Set([
  NotificationCategory.DEATH_OF_CHILD,
  NotificationCategory.SEXUAL_EXPLOITATION,
  NotificationCategory.CHILD_PROTECTION_ENQUIRY_INSTIGATED,
  NotificationCategory.CHILD_PROTECTION_ENQUIRY_OUTCOME,
]);

/** CHA-151: online notifications flow in; paper ones are uploaded by ARC. */
export enum NotificationChannel {
  ONLINE = 'ONLINE',
  PAPER = 'PAPER',
}

export enum NotificationStatus {
  RECEIVED = 'RECEIVED',
  TRIAGED = 'TRIAGED',
  FOLLOWED_UP = 'FOLLOWED_UP',
  CLOSED = 'CLOSED',
}

/** CHA-155: risk of harm -> urgent action by a named inspector; otherwise a memo to the allocated inspector. */
export enum NotificationRouting {
  URGENT_ACTION = 'URGENT_ACTION',
  MEMO_TO_ALLOCATED_INSPECTOR = 'MEMO_TO_ALLOCATED_INSPECTOR',
}

/** What a notification may call for; recorded, with its outcome, in the audit trail (CHA-174). */
export enum FollowUpAction {
  CONFIRM_PARTIES_INFORMED = 'CONFIRM_PARTIES_INFORMED',
  ESTABLISH_AUTHORITY_AND_POLICE_ACTIONS = 'ESTABLISH_AUTHORITY_AND_POLICE_ACTIONS',
  HOLD_IMMEDIATE_REVIEW = 'HOLD_IMMEDIATE_REVIEW',
  INFORM_SENIOR_HMI = 'INFORM_SENIOR_HMI',
  PREPARE_SERIOUS_INCIDENT_BRIEFING = 'PREPARE_SERIOUS_INCIDENT_BRIEFING',
  CONTACT_PROVIDER = 'CONTACT_PROVIDER',
  REFER_TO_MANAGER = 'REFER_TO_MANAGER',
  INFORM_RELEVANT_PARTIES = 'INFORM_RELEVANT_PARTIES',
  FLAG_FOR_NEXT_INSPECTION = 'FLAG_FOR_NEXT_INSPECTION',
  NOTIFY_PLACING_AUTHORITY_DCS = 'NOTIFY_PLACING_AUTHORITY_DCS',
  OPEN_COMPLIANCE_CASE = 'OPEN_COMPLIANCE_CASE',
  REFER_CROSS_REMIT = 'REFER_CROSS_REMIT',
  CONTACT_HOME_FOR_CLARIFICATION = 'CONTACT_HOME_FOR_CLARIFICATION',
  CHASE_CHILD_PROTECTION_OUTCOME = 'CHASE_CHILD_PROTECTION_OUTCOME',
  CONSIDER_EARLY_INSPECTION = 'CONSIDER_EARLY_INSPECTION',
  TRIGGER_COMPLIANCE_CASE_REVIEW = 'TRIGGER_COMPLIANCE_CASE_REVIEW',
  OTHER = 'OTHER',
}

export interface NotificationPolicy {
  /** CHA-147: delayed when received more than this many calendar days after the incident. */
  readonly delayedAfterDays: number;
  /** CHA-166: the assessment is due this many days after receipt (EC-09: calendar days). */
  readonly assessmentDays: number;
  readonly assessmentDaysCounted: 'CALENDAR' | 'WORKING';
  /** CHA-165: calendar days after an instigation notification by which its outcome is expected. */
  readonly childProtectionOutcomeDays: number;
  /** CHA-152: categories fast-tracked besides CHA-153's four. */
  readonly alsoFastTracked: readonly NotificationCategory[];
  /** CHA-172: this many notifications from a home in six months prompt an early inspection. */
  readonly growingPictureCount: number;
}

export const DEFAULT_NOTIFICATION_POLICY: NotificationPolicy = {
  delayedAfterDays: 1,
  assessmentDays: 7,
  assessmentDaysCounted: 'CALENDAR',
  childProtectionOutcomeDays: 28,
  alsoFastTracked: [],
  growingPictureCount: 3,
};

/** The inspector's assessment, recorded at follow-up. Any category may show any of these (CHA-168). */
export interface NotificationFindings {
  /** CHA-173 */ readonly incompleteOrUnclear: boolean;
  /** CHA-159 */ readonly childAtRiskOfSignificantHarm: boolean;
  /** CHA-160 */ readonly safeguardingConcerns: boolean;
  /** CHA-159, CHA-171: the provider's action is insufficient, inappropriate or lacks rigour. */
  readonly providerActionInsufficient: boolean;
  /** CHA-161: the local authorities, police, LADO or children's services were not all informed. */
  readonly relevantPartiesNotInformed: boolean;
  /** CHA-161 */ readonly concernForChildSafety: boolean;
  /** CHA-162: significant safeguarding concerns remain after the initial contact with the home. */
  readonly significantConcernsOutstanding: boolean;
  /** CHA-164: concern about the placing or host local authority's practice. */
  readonly localAuthorityPracticeConcern: boolean;
  /** CHA-170: investigating the delay raised concern. */
  readonly delayRaisesConcern: boolean;
}

export const NO_FINDINGS: NotificationFindings = {
  incompleteOrUnclear: false,
  childAtRiskOfSignificantHarm: false,
  safeguardingConcerns: false,
  providerActionInsufficient: false,
  relevantPartiesNotInformed: false,
  concernForChildSafety: false,
  significantConcernsOutstanding: false,
  localAuthorityPracticeConcern: false,
  delayRaisesConcern: false,
};

/** One entry of the audit trail: every action, and the outcome of every contact (CHA-174). */
export interface RecordedAction {
  readonly action: FollowUpAction;
  readonly on: LocalDate;
  readonly by: string;
  readonly outcome: string;
}

export interface NotificationIntake {
  readonly id: string;
  readonly homeUrn: string;
  readonly channel: NotificationChannel;
  /** ARC's provisional category, from the provider's own (CHA-151); fast-tracking follows it (CHA-152). */
  readonly providerCategory: NotificationCategory;
  /** CHA-147: recorded against the date received. */
  readonly incidentDate: LocalDate;
  readonly receivedOn: LocalDate;
  /** For an outcome notification, the instigation notification it concludes (CHA-178). */
  readonly instigationNotificationId: string | null;
}

export interface NotificationRecord extends NotificationIntake {
  readonly status: NotificationStatus;
  /** CHA-169: the category the inspector confirmed (or corrected). */
  readonly confirmedCategory: NotificationCategory | null;
  readonly triagedOn: LocalDate | null;
  readonly routing: NotificationRouting | null;
  readonly assignedInspector: string | null;
  readonly followedUpOn: LocalDate | null;
  readonly findings: NotificationFindings | null;
  readonly summaryOfReason: string | null;
  readonly providerAction: string | null;
  readonly delayReason: string | null;
  readonly delayImpact: string | null;
  readonly ofstedAction: string | null;
  readonly closedOn: LocalDate | null;
  readonly actions: readonly RecordedAction[];
}

/** CHA-149: Regulation 40 of the Children's Homes Regulations binds children's homes (secure ones included), no other setting. */
export function validateNotifyingSetting(settingType: SettingType): Violation[] {
  return isChildrensHome(settingType) ? [] : [ruleViolation(['urn'], 'CHA-149', "Regulation 40 notifications come from children's homes")];
}

/** The category the rules read: the inspector's once confirmed, the provider's until then. */
export const categoryOf = (n: Pick<NotificationRecord, 'providerCategory' | 'confirmedCategory'>): NotificationCategory =>
  n.confirmedCategory ?? n.providerCategory;

/**
 * CHA-152, CHA-153: fast-tracked from the provider's category; a category the inspector corrects to
 * a fast-tracked one makes it fast-tracked too (EC-23, an inference).
 */
export function isFastTracked(
  n: Pick<NotificationRecord, 'providerCategory' | 'confirmedCategory'>,
  policy: NotificationPolicy = DEFAULT_NOTIFICATION_POLICY,
): boolean {
  const fast = (c: NotificationCategory | null) => c !== null && (ALWAYS_FAST_TRACKED.has(c) || policy.alsoFastTracked.includes(c));
  return fast(n.providerCategory) || fast(n.confirmedCategory);
}

/** CHA-147: received more than the policy's days after the incident. */
export function isDelayed(
  n: Pick<NotificationRecord, 'incidentDate' | 'receivedOn'>,
  policy: NotificationPolicy = DEFAULT_NOTIFICATION_POLICY,
): boolean {
  return daysBetween(n.incidentDate, n.receivedOn) > policy.delayedAfterDays;
}

/** CHA-154: a fast-tracked notification is actioned on the day received. CHA-166: every one is assessed within seven days. */
export function notificationDueDates(
  n: Pick<NotificationRecord, 'providerCategory' | 'confirmedCategory' | 'receivedOn'>,
  policy: NotificationPolicy = DEFAULT_NOTIFICATION_POLICY,
): { fastTrackActionDue: LocalDate | null; assessmentDue: LocalDate } {
  const { receivedOn } = n;
  const assessmentDue =
    policy.assessmentDaysCounted === 'WORKING'
      ? addWorkingDays(receivedOn, policy.assessmentDays)
      : addDays(receivedOn, policy.assessmentDays);
  return { fastTrackActionDue: isFastTracked(n, policy) ? receivedOn : null, assessmentDue };
}

function day(field: string[], value: LocalDate, notBefore: LocalDate, today: LocalDate, what: string): Violation[] {
  if (!isLocalDate(value)) return [badInput(field, `"${value}" is not a calendar date`)];
  if (compareDates(value, today) > 0) return [badInput(field, `${field[field.length - 1]} cannot be in the future`)];
  return compareDates(value, notBefore) < 0 ? [badInput(field, `${what} (${notBefore})`)] : [];
}

/** A new notification, RECEIVED; or why it cannot be recorded (CHA-147: the incident date is required). */
export function receiveNotification(
  intake: NotificationIntake,
  today: LocalDate,
): { ok: true; record: NotificationRecord } | { ok: false; violations: Violation[] } {
  const violations: Violation[] = [];
  if (!isLocalDate(intake.receivedOn)) violations.push(badInput(['receivedOn'], `"${intake.receivedOn}" is not a calendar date`));
  else if (compareDates(intake.receivedOn, today) > 0) violations.push(badInput(['receivedOn'], 'receivedOn cannot be in the future'));
  if (!isLocalDate(intake.incidentDate)) {
    violations.push(ruleViolation(['incidentDate'], 'CHA-147', 'Record the date of the incident against the date received'));
  } else if (isLocalDate(intake.receivedOn) && compareDates(intake.incidentDate, intake.receivedOn) > 0) {
    violations.push(badInput(['incidentDate'], 'The incident cannot be after the notification was received'));
  }
  if (violations.length > 0) return { ok: false, violations };
  return {
    ok: true,
    record: {
      ...intake,
      status: NotificationStatus.RECEIVED,
      confirmedCategory: null,
      triagedOn: null,
      routing: null,
      assignedInspector: null,
      followedUpOn: null,
      findings: null,
      summaryOfReason: null,
      providerAction: null,
      delayReason: null,
      delayImpact: null,
      ofstedAction: null,
      closedOn: null,
      actions: [],
    },
  };
}

export interface RequiredAction {
  readonly action: FollowUpAction;
  readonly ruleId: string;
  /** A MUST of the guidance (closing waits for it); otherwise a prompt to consider. */
  readonly mandatory: boolean;
}

/** What the notification calls for, from its category, routing and the inspector's findings. */
export function requiredActions(n: NotificationRecord, policy: NotificationPolicy = DEFAULT_NOTIFICATION_POLICY): RequiredAction[] {
  const A = FollowUpAction;
  const list: RequiredAction[] = [];
  const add = (action: FollowUpAction, ruleId: string, mandatory = true) => {
    if (!list.some((r) => r.action === action)) list.push({ action, ruleId, mandatory });
  };
  const category = categoryOf(n);
  const f = n.findings ?? NO_FINDINGS;
  if (category === NotificationCategory.DEATH_OF_CHILD) {
    add(A.CONFIRM_PARTIES_INFORMED, 'CHA-157');
    add(A.ESTABLISH_AUTHORITY_AND_POLICE_ACTIONS, 'CHA-158');
    add(A.HOLD_IMMEDIATE_REVIEW, 'CHA-158');
    add(A.INFORM_SENIOR_HMI, 'CHA-158');
    add(A.PREPARE_SERIOUS_INCIDENT_BRIEFING, 'CHA-158');
  }
  const exploitationOrHarm = category === NotificationCategory.SEXUAL_EXPLOITATION || f.childAtRiskOfSignificantHarm;
  if (exploitationOrHarm) add(A.CONTACT_PROVIDER, 'CHA-159');
  if (exploitationOrHarm && f.providerActionInsufficient) add(A.REFER_TO_MANAGER, 'CHA-159');
  if (f.safeguardingConcerns) add(A.CONTACT_PROVIDER, 'CHA-160');
  if (f.relevantPartiesNotInformed) {
    add(A.INFORM_RELEVANT_PARTIES, 'CHA-161');
    add(A.FLAG_FOR_NEXT_INSPECTION, 'CHA-161');
  }
  if (f.concernForChildSafety) add(A.NOTIFY_PLACING_AUTHORITY_DCS, 'CHA-161');
  if (f.significantConcernsOutstanding) add(A.OPEN_COMPLIANCE_CASE, 'CHA-162');
  if (f.localAuthorityPracticeConcern) add(A.REFER_CROSS_REMIT, 'CHA-164');
  if (f.incompleteOrUnclear) add(A.CONTACT_HOME_FOR_CLARIFICATION, 'CHA-173');
  if (n.routing === NotificationRouting.URGENT_ACTION) add(A.CONSIDER_EARLY_INSPECTION, 'CHA-163', false);
  if (f.providerActionInsufficient) add(A.CONSIDER_EARLY_INSPECTION, 'CHA-171', false);
  if (f.delayRaisesConcern && isDelayed(n, policy)) add(A.TRIGGER_COMPLIANCE_CASE_REVIEW, 'CHA-170', false);
  return list;
}

/** CHA-174: an action is recorded with its date, who took it and its outcome; not before receipt, not in the future. */
export function validateRecordedAction(n: NotificationRecord, entry: RecordedAction, today: LocalDate): Violation[] {
  if (n.status === NotificationStatus.CLOSED)
    return [{ field: ['notificationId'], code: 'CONFLICT', message: 'The notification is closed' }];
  const violations = day(['on'], entry.on, n.receivedOn, today, 'An action comes after the notification was received');
  if (!text(entry.by)) violations.push(badInput(['by'], 'Name who took the action'));
  if (!text(entry.outcome)) violations.push(ruleViolation(['outcome'], 'CHA-174', 'Record the outcome of the action, for the audit trail'));
  return violations;
}

export enum NotificationStep {
  TRIAGE = 'TRIAGE',
  FOLLOW_UP = 'FOLLOW_UP',
  CLOSE = 'CLOSE',
}

export type NotificationMove =
  | {
      step: NotificationStep.TRIAGE;
      on: LocalDate;
      confirmedCategory: NotificationCategory | null;
      routing: NotificationRouting | null;
      inspector: string | null;
    }
  | {
      step: NotificationStep.FOLLOW_UP;
      on: LocalDate;
      findings: NotificationFindings;
      summaryOfReason: string | null;
      providerAction: string | null;
      delayReason: string | null;
      delayImpact: string | null;
    }
  | { step: NotificationStep.CLOSE; on: LocalDate; ofstedAction: string | null };

type NotificationFields = Omit<NotificationRecord, keyof NotificationIntake | 'status' | 'actions'>;

export type NotificationMoveOutcome =
  { ok: false; violations: Violation[] } | { ok: true; status: NotificationStatus; set: Partial<NotificationFields> };

const FROM: Record<NotificationStep, { from: NotificationStatus; to: NotificationStatus }> = {
  TRIAGE: { from: NotificationStatus.RECEIVED, to: NotificationStatus.TRIAGED },
  FOLLOW_UP: { from: NotificationStatus.TRIAGED, to: NotificationStatus.FOLLOWED_UP },
  CLOSE: { from: NotificationStatus.FOLLOWED_UP, to: NotificationStatus.CLOSED },
};

const blank = (value: string | null): string | null => (text(value) ? value!.trim() : null);

/** CHA-148, CHA-170: a delayed notification has its reason and impact recorded. */
function delayViolations(n: NotificationRecord, policy: NotificationPolicy): Violation[] {
  if (!isDelayed(n, policy)) return [];
  const violations: Violation[] = [];
  const late = `received ${daysBetween(n.incidentDate, n.receivedOn)} days after the incident`;
  if (!text(n.delayReason)) violations.push(ruleViolation(['delayReason'], 'CHA-170', `The notification was ${late}: record why`));
  if (!text(n.delayImpact)) {
    violations.push(ruleViolation(['delayImpact'], 'CHA-148', `The notification was ${late}: record the delay's impact on the children`));
  }
  return violations;
}

function missingActions(n: NotificationRecord, policy: NotificationPolicy, only?: FollowUpAction): Violation[] {
  return requiredActions(n, policy)
    .filter((r) => r.mandatory && (only === undefined || r.action === only) && !n.actions.some((a) => a.action === r.action))
    .map((r) => ruleViolation(['actions'], r.ruleId, `Record ${r.action.toLowerCase().replace(/_/g, ' ')} first`));
}

/** CHA-169: what a notification needs before it is closed. */
function closeViolations(n: NotificationRecord, policy: NotificationPolicy): Violation[] {
  const violations: Violation[] = [];
  const need = (field: keyof NotificationRecord, what: string) => {
    if (n[field] === null || (typeof n[field] === 'string' && !text(n[field]))) {
      violations.push(ruleViolation([field], 'CHA-169', `Before closing, ${what}`));
    }
  };
  need('confirmedCategory', 'confirm the Regulation 40 category');
  need('summaryOfReason', 'record a brief summary of the reason for the notification');
  need('providerAction', "record the provider's action in response to the incident");
  need('ofstedAction', "record Ofsted's action, including any contact with the provider");
  return [...violations, ...delayViolations(n, policy), ...missingActions(n, policy)];
}

/**
 * Decides a move: refused from the wrong state or with the guidance's checks failing; otherwise the
 * new status and the fields it sets (the others stay as they are).
 */
export function applyNotificationMove(
  n: NotificationRecord,
  move: NotificationMove,
  today: LocalDate,
  policy: NotificationPolicy = DEFAULT_NOTIFICATION_POLICY,
): NotificationMoveOutcome {
  const { from, to } = FROM[move.step];
  if (n.status !== from) {
    const message = `A notification is ${move.step.toLowerCase().replace(/_/g, ' ')} when ${from.toLowerCase().replace(/_/g, ' ')}; this one is ${n.status.toLowerCase().replace(/_/g, ' ')}`;
    return { ok: false, violations: [{ field: ['notificationId'], code: 'CONFLICT', message }] };
  }
  const previous = n.followedUpOn ?? n.triagedOn ?? n.receivedOn;
  const violations = day(['on'], move.on, previous, today, 'Each step comes after the one before');
  let set: Partial<NotificationFields>;
  switch (move.step) {
    case NotificationStep.TRIAGE:
      if (move.confirmedCategory === null) {
        violations.push(ruleViolation(['confirmedCategory'], 'CHA-169', 'Confirm (or correct) the Regulation 40 category'));
      }
      if (move.routing === null) violations.push(ruleViolation(['routing'], 'CHA-155', 'Record the routing: urgent action or a memo'));
      if (!text(move.inspector)) {
        const who =
          move.routing === NotificationRouting.URGENT_ACTION ? 'the inspector to take immediate action' : 'the allocated inspector';
        violations.push(ruleViolation(['inspector'], 'CHA-155', `Name ${who}`));
      }
      set = {
        triagedOn: move.on,
        confirmedCategory: move.confirmedCategory,
        routing: move.routing,
        assignedInspector: blank(move.inspector),
      };
      break;
    case NotificationStep.FOLLOW_UP: {
      set = {
        followedUpOn: move.on,
        findings: move.findings,
        summaryOfReason: blank(move.summaryOfReason),
        providerAction: blank(move.providerAction),
        delayReason: blank(move.delayReason),
        delayImpact: blank(move.delayImpact),
      };
      const next = { ...n, ...set };
      violations.push(...delayViolations(next, policy), ...missingActions(next, policy, FollowUpAction.CONTACT_HOME_FOR_CLARIFICATION));
      break;
    }
    case NotificationStep.CLOSE:
      set = { closedOn: move.on, ofstedAction: blank(move.ofstedAction) };
      violations.push(...closeViolations({ ...n, ...set }, policy));
      break;
  }
  return violations.length > 0 ? { ok: false, violations } : { ok: true, status: to, set };
}

/** CHA-163: an early inspection records its reason, its timescale and whether it is full or interim (more than one full inspection a year is allowed). */
export function validateEarlyInspectionDecision(
  decision: { type: InspectionType; reason: string | null; inspectBy: LocalDate | null },
  decidedOn: LocalDate,
): Violation[] {
  const violations: Violation[] = [];
  if (decision.type !== InspectionType.FULL_INSPECTION && decision.type !== InspectionType.INTERIM_INSPECTION) {
    violations.push(ruleViolation(['type'], 'CHA-163', 'An early inspection is a full or an interim inspection'));
  }
  if (!text(decision.reason)) violations.push(ruleViolation(['reason'], 'CHA-163', 'Record the reason for the early inspection'));
  if (decision.inspectBy === null) violations.push(ruleViolation(['inspectBy'], 'CHA-163', 'Record the timescale for the inspection'));
  else if (!isLocalDate(decision.inspectBy) || compareDates(decision.inspectBy, decidedOn) < 0) {
    violations.push(badInput(['inspectBy'], 'The timescale ends on a date on or after the decision'));
  }
  return violations;
}

/** CHA-150: a serious event the provider did not notify: both justifications and the impact, before any regulatory decision. */
export function validateUnnotifiedEvent(e: {
  providerJustification: string | null;
  inspectorJustification: string | null;
  impactOnChildren: string | null;
}): Violation[] {
  const missing: [keyof typeof e, string][] = [
    ['providerJustification', "Record the provider's reason for not notifying"],
    ['inspectorJustification', 'Record why the inspector judges it should have been notified'],
    ['impactOnChildren', "Record the impact on the children's care and welfare"],
  ];
  return missing.filter(([field]) => !text(e[field])).map(([field, message]) => ruleViolation([field], 'CHA-150', message));
}

// ---------------------------------------------------------------------------------------------
// Managers' views

/**
 * A notification as it stood at the end of `day`, for the views read at a past date (CHA-167,
 * CHA-176, CHA-165): the steps taken after it not yet taken, with what each set, and the actions
 * recorded after it left out.
 */
export function asItStoodOn(n: NotificationRecord, day: LocalDate): NotificationRecord {
  const by = (step: LocalDate | null) => step !== null && compareDates(step, day) <= 0;
  const [triaged, followedUp, closed] = [by(n.triagedOn), by(n.followedUpOn), by(n.closedOn)];
  const S = NotificationStatus;
  return {
    ...n,
    status: closed ? S.CLOSED : followedUp ? S.FOLLOWED_UP : triaged ? S.TRIAGED : S.RECEIVED,
    ...(triaged ? {} : { triagedOn: null, confirmedCategory: null, routing: null, assignedInspector: null }),
    ...(followedUp
      ? {}
      : { followedUpOn: null, findings: null, summaryOfReason: null, providerAction: null, delayReason: null, delayImpact: null }),
    ...(closed ? {} : { closedOn: null, ofstedAction: null }),
    actions: n.actions.filter((a) => compareDates(a.on, day) <= 0),
  };
}

export enum NotificationDeadline {
  FAST_TRACK_ACTION = 'FAST_TRACK_ACTION',
  ASSESSMENT = 'ASSESSMENT',
}

export interface OverdueNotification {
  readonly notificationId: string;
  readonly homeUrn: string;
  readonly deadline: NotificationDeadline;
  readonly dueOn: LocalDate;
  readonly ruleId: string;
  /** Null: nobody is assigned (CHA-167's unassigned queue). */
  readonly assignedInspector: string | null;
}

/** CHA-167: notifications past a due date at `asOf` (overdue the day after it), earliest first. */
export function overdueNotifications(
  notifications: readonly NotificationRecord[],
  asOf: LocalDate,
  policy: NotificationPolicy = DEFAULT_NOTIFICATION_POLICY,
): OverdueNotification[] {
  const overdue: OverdueNotification[] = [];
  for (const n of notifications) {
    const due = notificationDueDates(n, policy);
    const entry = (deadline: NotificationDeadline, dueOn: LocalDate, ruleId: string) =>
      overdue.push({ notificationId: n.id, homeUrn: n.homeUrn, deadline, dueOn, ruleId, assignedInspector: n.assignedInspector });
    if (due.fastTrackActionDue !== null && n.triagedOn === null && compareDates(asOf, due.fastTrackActionDue) > 0) {
      entry(NotificationDeadline.FAST_TRACK_ACTION, due.fastTrackActionDue, 'CHA-154');
    }
    if (n.followedUpOn === null && compareDates(asOf, due.assessmentDue) > 0)
      entry(NotificationDeadline.ASSESSMENT, due.assessmentDue, 'CHA-166');
  }
  return overdue.sort((a, b) => compareDates(a.dueOn, b.dueOn));
}

/** CHA-176: notifications with no action recorded (no audit-trail entry and no Ofsted action). */
export function withoutRecordedAction(notifications: readonly NotificationRecord[]): NotificationRecord[] {
  return notifications.filter((n) => n.actions.length === 0 && !text(n.ofstedAction));
}

/** CHA-175: the six months ending on `endingOn`, both ends included (31 August: 1 March to 31 August). */
export function sixMonthWindow(endingOn: LocalDate): { from: LocalDate; to: LocalDate } {
  return { from: addDays(addMonths(endingOn, -6), 1), to: endingOn };
}

const inWindow = (n: NotificationRecord, w: { from: LocalDate; to: LocalDate }) =>
  compareDates(n.receivedOn, w.from) >= 0 && compareDates(n.receivedOn, w.to) <= 0;

/** CHA-175: one home's notifications per category over the six-month rolling window, with their dates. */
export function categoryCounts(
  homeNotifications: readonly NotificationRecord[],
  endingOn: LocalDate,
): { from: LocalDate; to: LocalDate; rows: { category: NotificationCategory; count: number; receivedOn: LocalDate[] }[] } {
  const window = sixMonthWindow(endingOn);
  const inside = homeNotifications.filter((n) => inWindow(n, window));
  const rows = Object.values(NotificationCategory).map((category) => {
    const receivedOn = inside.filter((n) => categoryOf(n) === category).map((n) => n.receivedOn);
    return { category, count: receivedOn.length, receivedOn: receivedOn.sort(compareDates) };
  });
  return { ...window, rows };
}

/** CHA-172 (with CHA-163): a growing picture at one home prompts the manager to consider an early inspection. */
export function growingPictureOfConcern(
  homeNotifications: readonly NotificationRecord[],
  asOf: LocalDate,
  policy: NotificationPolicy = DEFAULT_NOTIFICATION_POLICY,
): { count: number; considerEarlyInspection: boolean; ruleId: string } {
  const count = homeNotifications.filter((n) => inWindow(n, sixMonthWindow(asOf))).length;
  return { count, considerEarlyInspection: count >= policy.growingPictureCount, ruleId: 'CHA-172' };
}

export interface AwaitedOutcome {
  readonly instigationNotificationId: string;
  readonly homeUrn: string;
  readonly outcomeExpectedBy: LocalDate;
  /** The day the home was contacted about it, if it has been (CHA-165). */
  readonly chasedOn: LocalDate | null;
}

/**
 * CHA-165, CHA-178: instigation notifications whose outcome notification has not arrived within the
 * reasonable timescale, at `asOf`. The inspector contacts the home and follows up the failure to notify.
 */
export function childProtectionOutcomesOverdue(
  notifications: readonly NotificationRecord[],
  asOf: LocalDate,
  policy: NotificationPolicy = DEFAULT_NOTIFICATION_POLICY,
): AwaitedOutcome[] {
  const concluded = new Set(
    notifications
      .filter((n) => categoryOf(n) === NotificationCategory.CHILD_PROTECTION_ENQUIRY_OUTCOME)
      .map((n) => n.instigationNotificationId),
  );
  return notifications
    .filter((n) => categoryOf(n) === NotificationCategory.CHILD_PROTECTION_ENQUIRY_INSTIGATED && !concluded.has(n.id))
    .map((n) => ({
      instigationNotificationId: n.id,
      homeUrn: n.homeUrn,
      outcomeExpectedBy: addDays(n.receivedOn, policy.childProtectionOutcomeDays),
      chasedOn: n.actions.find((a) => a.action === FollowUpAction.CHASE_CHILD_PROTECTION_OUTCOME)?.on ?? null,
    }))
    .filter((a) => compareDates(asOf, a.outcomeExpectedBy) > 0);
}
