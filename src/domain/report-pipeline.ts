/**
 * From fieldwork to publication: the states of an inspection's report and the moves between
 * them. Every move names the rule that allows it; a move from the wrong state is refused with it.
 */
import { InspectionStatus } from './inspection-lifecycle';
import { InspectionType, byGuidance, guidanceOf, type GuidanceTable } from './inspection-types';
import { compareDates, isLocalDate, type LocalDate } from './local-date';
import { Milestone, reportDeadlines, reportTimetable, type ReportEvents } from './report-deadlines';
import { badInput, ruleViolation, type Violation } from './rule-violation';
import { hasText as text } from './text';
import { SettingType, byFamily, isSccifFamily } from './setting-types';

const S = InspectionStatus;

export enum PipelineAction {
  DEFER = 'DEFER',
  RESCHEDULE = 'RESCHEDULE',
  DECLARE_INCOMPLETE = 'DECLARE_INCOMPLETE',
  RESUME_FIELDWORK = 'RESUME_FIELDWORK',
  SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE = 'SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE',
  SEND_DRAFT = 'SEND_DRAFT',
  RECEIVE_COMMENTS = 'RECEIVE_COMMENTS',
  CLOSE_COMMENTS_WINDOW = 'CLOSE_COMMENTS_WINDOW',
  LODGE_COMPLAINT = 'LODGE_COMPLAINT',
  ANSWER_COMPLAINT = 'ANSWER_COMPLAINT',
  ISSUE_FINAL_REPORT = 'ISSUE_FINAL_REPORT',
  PUBLISH = 'PUBLISH',
  WITHHOLD_PUBLICATION = 'WITHHOLD_PUBLICATION',
}

interface Move {
  from: readonly InspectionStatus[];
  /** The rule that allows the move, per the guidance the inspection follows (see `byGuidance`). */
  rule: GuidanceTable<string>;
  what: string;
}

const all = (ruleId: string): GuidanceTable<string> => ({
  CHILDRENS_HOMES: ruleId,
  RESIDENTIAL_FAMILY_CENTRES: ruleId,
  ADOPTION_SUPPORT_AGENCIES: ruleId,
  ASSURANCE_VISITS: ruleId,
});

/** Where each action may start, and the rule that sets it. */
export const MOVES: Record<PipelineAction, Move> = {
  DEFER: {
    from: [S.SCHEDULED, S.ON_SITE],
    rule: {
      CHILDRENS_HOMES: 'CH-019',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-046',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-050',
      ASSURANCE_VISITS: 'CH-019',
    },
    what: 'An inspection can be deferred before it starts, or on arrival, never after feedback',
  },
  RESCHEDULE: { from: [S.DEFERRED], rule: all('CH-019'), what: 'Only a deferred inspection is rescheduled' },
  DECLARE_INCOMPLETE: {
    from: [
      S.ON_SITE,
      S.FIELDWORK_COMPLETE,
      S.DRAFT_IN_QUALITY_ASSURANCE,
      S.DRAFT_SENT_TO_PROVIDER,
      S.PROVIDER_COMMENTS_RECEIVED,
      S.UNDER_COMPLAINT,
      S.FINAL_REPORT_ISSUED,
    ],
    rule: all('CHA-141'),
    what: 'An inspection can be declared incomplete only after it started and before its report is published',
  },
  RESUME_FIELDWORK: { from: [S.INCOMPLETE], rule: all('CHA-142'), what: 'Only an incomplete inspection resumes its fieldwork' },
  SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE: {
    from: [S.FIELDWORK_COMPLETE],
    rule: {
      CHILDRENS_HOMES: 'CH-026',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-085',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-099',
      ASSURANCE_VISITS: 'CA-074',
    },
    what: 'The draft goes to quality assurance after feedback has been given',
  },
  SEND_DRAFT: {
    from: [S.DRAFT_IN_QUALITY_ASSURANCE],
    rule: {
      CHILDRENS_HOMES: 'CH-245',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-085',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-099',
      ASSURANCE_VISITS: 'CA-074',
    },
    what: 'The draft goes to the provider only after quality assurance',
  },
  RECEIVE_COMMENTS: {
    from: [S.DRAFT_SENT_TO_PROVIDER],
    rule: {
      CHILDRENS_HOMES: 'CH-028',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-088',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-054',
      ASSURANCE_VISITS: 'CA-076',
    },
    what: 'Factual accuracy comments are on a draft sent to the provider',
  },
  CLOSE_COMMENTS_WINDOW: {
    from: [S.DRAFT_SENT_TO_PROVIDER],
    rule: all('CH-256'),
    what: 'The comments window is that of a draft sent to the provider',
  },
  LODGE_COMPLAINT: {
    from: [S.DRAFT_SENT_TO_PROVIDER, S.FINAL_REPORT_ISSUED],
    rule: {
      CHILDRENS_HOMES: 'CH-028',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-092',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-054',
      ASSURANCE_VISITS: 'CA-077',
    },
    what: 'A formal complaint is lodged on the draft, inside the comments window, or on the final report',
  },
  ANSWER_COMPLAINT: {
    from: [S.UNDER_COMPLAINT],
    rule: {
      CHILDRENS_HOMES: 'CH-256',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-091',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-105',
      ASSURANCE_VISITS: 'CA-077',
    },
    what: 'There is no open complaint',
  },
  ISSUE_FINAL_REPORT: {
    from: [S.PROVIDER_COMMENTS_RECEIVED],
    rule: {
      CHILDRENS_HOMES: 'CH-256',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-091',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-105',
      ASSURANCE_VISITS: 'CA-076',
    },
    what: "The final report follows the provider's comments (or the end of their window) and the answer to any complaint",
  },
  PUBLISH: {
    from: [S.FINAL_REPORT_ISSUED],
    rule: {
      CHILDRENS_HOMES: 'CH-256',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-090',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-056',
      ASSURANCE_VISITS: 'CA-078',
    },
    what: 'Only a final report is published',
  },
  WITHHOLD_PUBLICATION: {
    from: [S.FINAL_REPORT_ISSUED],
    rule: {
      CHILDRENS_HOMES: 'CH-227',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-104',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-121',
      ASSURANCE_VISITS: 'CH-227',
    },
    what: 'Only a final report can be withheld from publication',
  },
};

export function pipelineRule(action: PipelineAction, type: InspectionType, settingType: SettingType): string {
  return byGuidance(type, settingType, MOVES[action].rule);
}

/** Refuses an action from the wrong state, naming the rule. */
export function validateMove(
  action: PipelineAction,
  status: InspectionStatus,
  type: InspectionType,
  settingType: SettingType,
): Violation[] {
  const move = MOVES[action];
  if (move.from.includes(status)) return [];
  return [
    ruleViolation(
      ['inspectionId'],
      pipelineRule(action, type, settingType),
      `${move.what}; this inspection is ${status.toLowerCase().replace(/_/g, ' ')}`,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Deferral

export enum DeferralReason {
  SERIOUS_WEATHER = 'SERIOUS_WEATHER',
  SERIOUS_INCIDENT = 'SERIOUS_INCIDENT',
  RISK_TO_PEOPLE = 'RISK_TO_PEOPLE',
  EVIDENCE_SEVERELY_RESTRICTED = 'EVIDENCE_SEVERELY_RESTRICTED',
  KEY_STAFF_UNAVAILABLE = 'KEY_STAFF_UNAVAILABLE',
  ACCOMMODATION_ISSUES = 'ACCOMMODATION_ISSUES',
}

/** Reasons the handbook says are never grounds to defer (CH-020). */
export const DISALLOWED_DEFERRAL_REASONS: ReadonlySet<DeferralReason> = new Set([
  DeferralReason.KEY_STAFF_UNAVAILABLE,
  DeferralReason.ACCOMMODATION_ISSUES,
]);

/**
 * Children's homes: the handbook's deferral rules (CH-020, CH-021, CH-023). Family centres and
 * adoption support agencies decide case by case under the deferral policy, recording the reason,
 * the decision and who made it (RFC-046, ASA-050).
 */
export function validateDeferral(
  context: { type: InspectionType; settingType: SettingType },
  reason: DeferralReason,
  justification: string | null | undefined,
  agreedBy: string | null | undefined,
): Violation[] {
  const violations: Violation[] = [];
  if (isSccifFamily(guidanceOf(context.type, context.settingType))) {
    const rule = pipelineRule(PipelineAction.DEFER, context.type, context.settingType); // RFC-046, ASA-050: the deferral rule records who decided and why
    if (!text(justification)) violations.push(ruleViolation(['justification'], rule, 'Record the reason for the decision'));
    if (!text(agreedBy)) violations.push(ruleViolation(['agreedBy'], rule, 'Name who decided'));
    return violations;
  }
  if (DISALLOWED_DEFERRAL_REASONS.has(reason)) {
    violations.push(
      ruleViolation(['reason'], 'CH-020', 'Absent key staff and accommodation issues such as refurbishment are not reasons to defer'),
    );
  }
  if (!text(justification)) {
    violations.push(
      ruleViolation(
        ['justification'],
        'CH-021',
        'Say why going ahead would put people at risk, or severely restrict the gathering of secure evidence',
      ),
    );
  }
  if (!text(agreedBy))
    violations.push(ruleViolation(['agreedBy'], 'CH-023', 'A deferral is agreed by the regulatory inspection manager: name them'));
  return violations;
}

// ---------------------------------------------------------------------------------------------
// The draft, comments, complaints, the final report and publication

export interface ReportState {
  type: InspectionType;
  settingType: SettingType;
  events: ReportEvents;
}

function deadlineOf(state: ReportState, milestone: Milestone, today: LocalDate): LocalDate | null {
  return timetableEntry(state, milestone, today)?.dueDate ?? null;
}

function timetableEntry(state: ReportState, milestone: Milestone, today: LocalDate) {
  const timetable = reportTimetable(state.type, state.settingType);
  if (!timetable) return null;
  return reportDeadlines(timetable, state.events, today).find((d) => d.milestone === milestone) ?? null;
}

function notBefore(field: string[], day: LocalDate, earliest: LocalDate | null, what: string): Violation[] {
  return earliest !== null && compareDates(day, earliest) < 0 ? [badInput(field, `${what} (${earliest})`)] : [];
}

export function validateSendDraft(
  state: ReportState,
  input: { sentOn: LocalDate; qualityAssuredBy: string | null | undefined; providerInformedOfChangesOn: LocalDate | null | undefined },
  context: { judgementRecorded: boolean; judgementChangedAfterFeedback: boolean },
): Violation[] {
  const violations: Violation[] = [];
  if (!context.judgementRecorded) {
    violations.push(ruleViolation(['inspectionId'], 'CH-163', 'Record the outcome proposed at feedback before the draft goes out'));
  }
  if (!text(input.qualityAssuredBy)) {
    const qualityAssurance = pipelineRule(PipelineAction.SEND_DRAFT, state.type, state.settingType);
    // The handbook has a rule of its own for the quality assurance of a monitoring visit's draft (CH-221).
    const ruleId =
      state.type === InspectionType.MONITORING_VISIT
        ? byFamily(state.settingType, {
            CHILDRENS_HOMES: 'CH-221',
            RESIDENTIAL_FAMILY_CENTRES: qualityAssurance,
            ADOPTION_SUPPORT_AGENCIES: qualityAssurance,
          })
        : qualityAssurance;
    violations.push(ruleViolation(['qualityAssuredBy'], ruleId, 'Name the manager who quality assured the draft'));
  }
  if (context.judgementChangedAfterFeedback && !input.providerInformedOfChangesOn) {
    const ruleId = byGuidance(state.type, state.settingType, {
      CHILDRENS_HOMES: 'CH-247',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-086',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-100',
      ASSURANCE_VISITS: 'CH-247',
    });
    violations.push(
      ruleViolation(
        ['providerInformedOfChangesOn'],
        ruleId,
        'The judgements changed after feedback: the provider must be told the revised judgements and reasons before the draft',
      ),
    );
  }
  if (input.providerInformedOfChangesOn && compareDates(input.providerInformedOfChangesOn, input.sentOn) > 0) {
    violations.push(badInput(['providerInformedOfChangesOn'], 'The provider is told of changes before the draft is sent'));
  }
  violations.push(
    ...notBefore(['sentOn'], input.sentOn, state.events.endOfInspection, 'The draft cannot go out before the end of the inspection'),
  );
  return violations;
}

/** Comments are received inside the window: 5 working days from the draft being sent. */
export function validateComments(state: ReportState, receivedOn: LocalDate, today: LocalDate): Violation[] {
  const window = timetableEntry(state, Milestone.PROVIDER_COMMENTS_RETURNED, today);
  const violations = notBefore(['receivedOn'], receivedOn, state.events.draftSentOn, 'Comments come after the draft was sent');
  if (window?.dueDate && compareDates(receivedOn, window.dueDate) > 0) {
    violations.push(ruleViolation(['receivedOn'], window.ruleId, `The window for factual accuracy comments closed on ${window.dueDate}`));
  }
  return violations;
}

/** The window closes by itself once its last day has passed (inference, CH-256). */
export function validateCloseCommentsWindow(state: ReportState, today: LocalDate): Violation[] {
  const due = deadlineOf(state, Milestone.PROVIDER_COMMENTS_RETURNED, today);
  if (due && compareDates(today, due) <= 0) {
    return [ruleViolation(['inspectionId'], 'CH-256', `The provider has until ${due} to comment: the window is still open`)];
  }
  return [];
}

export function validateComplaint(state: ReportState, status: InspectionStatus, lodgedOn: LocalDate, today: LocalDate): Violation[] {
  const rule = pipelineRule(PipelineAction.LODGE_COMPLAINT, state.type, state.settingType);
  if (status === InspectionStatus.DRAFT_SENT_TO_PROVIDER) {
    // A complaint on the draft comes inside the comments window, whose rule allows it (CH-028, RFC-088, ASA-054, CA-076).
    const window = timetableEntry(state, Milestone.PROVIDER_COMMENTS_RETURNED, today);
    if (window?.dueDate && compareDates(lodgedOn, window.dueDate) > 0) {
      return [
        ruleViolation(
          ['lodgedOn'],
          window.ruleId,
          `A complaint on the draft is lodged inside the comments window, which closed on ${window.dueDate}`,
        ),
      ];
    }
  }
  if (status === InspectionStatus.FINAL_REPORT_ISSUED && state.events.finalReportIssuedOn) {
    // A complaint on the final report: within 5 working days of it (CA-077; the SCCIF allows one "when the final report is received").
    const windowEnd = deadlineOf(state, Milestone.COMPLAINT_WINDOW_CLOSES, today) ?? null;
    if (windowEnd && compareDates(lodgedOn, windowEnd) > 0)
      return [ruleViolation(['lodgedOn'], rule, `The window for a complaint on the final report closed on ${windowEnd}`)];
  }
  return [];
}

export function validateIssueFinal(issuedOn: LocalDate, events: ReportEvents, unansweredComments: number): Violation[] {
  const violations = notBefore(['issuedOn'], issuedOn, events.draftSentOn, 'The final report follows the draft');
  if (unansweredComments > 0) {
    violations.push(
      ruleViolation(
        ['inspectionId'],
        'ASA-101',
        `Every comment gets a response sent with the final report; ${unansweredComments} have none`,
      ),
    );
  }
  return violations;
}

export function validatePublish(state: ReportState, publishedOn: LocalDate, today: LocalDate): Violation[] {
  const violations = notBefore(['publishedOn'], publishedOn, state.events.finalReportIssuedOn, 'Publication follows the final report');
  const complaintWindow = deadlineOf(state, Milestone.COMPLAINT_WINDOW_CLOSES, today);
  if (complaintWindow && compareDates(publishedOn, complaintWindow) <= 0) {
    violations.push(
      ruleViolation(
        ['publishedOn'],
        'CA-077',
        `The provider may complain about the final report until ${complaintWindow}: publish after that`,
      ),
    );
  }
  return violations;
}

export function validateWithhold(
  reason: string | null | undefined,
  decidedBy: string | null | undefined,
  type: InspectionType,
  settingType: SettingType,
): Violation[] {
  const rule = pipelineRule(PipelineAction.WITHHOLD_PUBLICATION, type, settingType);
  const violations: Violation[] = [];
  if (!text(reason)) violations.push(ruleViolation(['reason'], rule, 'Not publishing is exceptional: record why'));
  if (!text(decidedBy)) violations.push(ruleViolation(['decidedBy'], rule, 'Name who decided not to publish'));
  return violations;
}

// ---------------------------------------------------------------------------------------------
// The moves: what each one checks and what it changes

/** What the pipeline reads of an inspection and its setting: the status and the report's dates so far. */
export interface PipelineState {
  type: InspectionType;
  settingType: SettingType;
  /** The setting's registration date: an inspection is not rescheduled before it. */
  registrationDate: LocalDate;
  status: InspectionStatus;
  /** While a complaint is open: the state the report was in when it was lodged. */
  statusBeforeComplaint: InspectionStatus | null;
  /** The end of the inspection (CH-024); null before feedback. */
  feedbackDate: LocalDate | null;
  draftSentOn: LocalDate | null;
  commentsReturnedOn: LocalDate | null;
  finalReportIssuedOn: LocalDate | null;
  publishedOn: LocalDate | null;
}

/** The report's events, from which its deadlines count; null before feedback. */
export function reportEventsOf(
  state: Pick<PipelineState, 'status' | 'feedbackDate' | 'draftSentOn' | 'commentsReturnedOn' | 'finalReportIssuedOn' | 'publishedOn'>,
): ReportEvents | null {
  if (!state.feedbackDate) return null;
  return {
    endOfInspection: state.feedbackDate,
    draftSentOn: state.draftSentOn,
    commentsReturnedOn: state.commentsReturnedOn,
    finalReportIssuedOn: state.finalReportIssuedOn,
    publishedOn: state.publishedOn,
    complaintOpen: state.status === InspectionStatus.UNDER_COMPLAINT,
  };
}

/** The fields of an inspection the moves write, besides its status. */
export interface PipelineFields {
  statusBeforeComplaint: InspectionStatus | null;
  scheduledStart: LocalDate;
  onSiteStart: LocalDate | null;
  deferralReason: DeferralReason | null;
  deferralJustification: string | null;
  deferralAgreedBy: string | null;
  incompleteReason: string | null;
  qualityAssuranceSubmittedOn: LocalDate | null;
  qualityAssuredBy: string | null;
  providerInformedOfChangesOn: LocalDate | null;
  draftSentOn: LocalDate | null;
  commentsReturnedOn: LocalDate | null;
  finalReportIssuedOn: LocalDate | null;
  publishedOn: LocalDate | null;
  notPublishedReason: string | null;
  notPublishedDecidedBy: string | null;
}

/** A move, with what it is given and the facts from other records that its checks need. */
export type PipelineMove =
  | { action: PipelineAction.DEFER; reason: DeferralReason; justification: string; agreedBy: string }
  | { action: PipelineAction.RESCHEDULE; scheduledStart: LocalDate }
  | { action: PipelineAction.DECLARE_INCOMPLETE; reason: string }
  | { action: PipelineAction.RESUME_FIELDWORK; onSiteStart: LocalDate }
  | { action: PipelineAction.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE; submittedOn: LocalDate }
  | {
      action: PipelineAction.SEND_DRAFT;
      sentOn: LocalDate;
      qualityAssuredBy: string;
      providerInformedOfChangesOn?: LocalDate | null;
      /** Versions of the judgement recorded so far (more than one: it changed after feedback), and the kind of the latest. */
      judgementVersions: number;
      latestJudgementKind: string | null;
      texts: ReportTexts;
    }
  | { action: PipelineAction.RECEIVE_COMMENTS; receivedOn: LocalDate; comments: readonly string[] }
  | { action: PipelineAction.CLOSE_COMMENTS_WINDOW }
  | { action: PipelineAction.LODGE_COMPLAINT; lodgedOn: LocalDate; summary: string }
  | { action: PipelineAction.ANSWER_COMPLAINT; answeredOn: LocalDate; answer: string }
  | { action: PipelineAction.ISSUE_FINAL_REPORT; issuedOn: LocalDate; unansweredComments: number }
  | { action: PipelineAction.PUBLISH; publishedOn: LocalDate }
  | { action: PipelineAction.WITHHOLD_PUBLICATION; reason: string; decidedBy: string };

/** A move refused, with every reason; or allowed, with the status it leads to and the fields it sets (the others stay as they are). */
export type MoveOutcome = { ok: false; violations: Violation[] } | { ok: true; status: InspectionStatus; set: Partial<PipelineFields> };

/** A day given for something that has happened: a calendar date, not in the future. */
export function pastDay(field: string[], value: LocalDate, today: LocalDate): Violation[] {
  if (!isLocalDate(value)) return [badInput(field, `"${value}" is not a calendar date`)];
  return compareDates(value, today) > 0 ? [badInput(field, `${field[field.length - 1]} cannot be in the future`)] : [];
}

const refused = (violations: Violation[]): MoveOutcome => ({ ok: false, violations });

function outcome(violations: Violation[], status: InspectionStatus, set: Partial<PipelineFields>): MoveOutcome {
  return violations.length > 0 ? refused(violations) : { ok: true, status, set };
}

/**
 * Decides a move: refused from the wrong state (with the move's rule), or with the move's own
 * checks failing; otherwise the new status and the fields the move sets. Every move that reads the
 * report's timetable starts after feedback.
 */
export function applyMove(state: PipelineState, move: PipelineMove, today: LocalDate): MoveOutcome {
  const wrongState = validateMove(move.action, state.status, state.type, state.settingType);
  if (wrongState.length > 0) return refused(wrongState);
  const report = (): ReportState => ({ type: state.type, settingType: state.settingType, events: reportEventsOf(state)! });
  switch (move.action) {
    case PipelineAction.DEFER:
      return outcome(validateDeferral(state, move.reason, move.justification, move.agreedBy), S.DEFERRED, {
        onSiteStart: null,
        deferralReason: move.reason,
        deferralJustification: move.justification.trim(),
        deferralAgreedBy: move.agreedBy.trim(),
      });
    case PipelineAction.RESCHEDULE:
      if (!isLocalDate(move.scheduledStart)) return refused([badInput(['scheduledStart'], 'Not a calendar date')]);
      if (compareDates(move.scheduledStart, state.registrationDate) < 0)
        return refused([badInput(['scheduledStart'], 'Not before registration')]);
      return outcome([], S.SCHEDULED, { scheduledStart: move.scheduledStart });
    case PipelineAction.DECLARE_INCOMPLETE:
      return outcome(move.reason.trim() ? [] : [badInput(['reason'], 'Say what happened')], S.INCOMPLETE, {
        incompleteReason: move.reason.trim(),
      });
    case PipelineAction.RESUME_FIELDWORK: {
      const violations = pastDay(['onSiteStart'], move.onSiteStart, today);
      if (violations.length === 0 && state.feedbackDate && compareDates(move.onSiteStart, state.feedbackDate) < 0) {
        violations.push(badInput(['onSiteStart'], 'Inspectors return after the first feedback'));
      }
      // The report restarts: fieldwork, then a new draft on the revised findings (Annex J).
      return outcome(violations, S.ON_SITE, {
        onSiteStart: move.onSiteStart,
        qualityAssuranceSubmittedOn: null,
        qualityAssuredBy: null,
        draftSentOn: null,
        commentsReturnedOn: null,
        finalReportIssuedOn: null,
      });
    }
    case PipelineAction.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE: {
      const violations = pastDay(['submittedOn'], move.submittedOn, today);
      if (violations.length === 0 && compareDates(move.submittedOn, state.feedbackDate!) < 0) {
        violations.push(badInput(['submittedOn'], 'The draft goes to quality assurance after feedback'));
      }
      return outcome(violations, S.DRAFT_IN_QUALITY_ASSURANCE, { qualityAssuranceSubmittedOn: move.submittedOn });
    }
    case PipelineAction.SEND_DRAFT: {
      const providerInformedOfChangesOn = move.providerInformedOfChangesOn ?? null;
      const violations = [
        ...pastDay(['sentOn'], move.sentOn, today),
        ...validateReportText(state.type, state.settingType, move.latestJudgementKind, move.texts),
        ...validateSendDraft(
          report(),
          { sentOn: move.sentOn, qualityAssuredBy: move.qualityAssuredBy, providerInformedOfChangesOn },
          { judgementRecorded: move.judgementVersions > 0, judgementChangedAfterFeedback: move.judgementVersions > 1 },
        ),
      ];
      return outcome(violations, S.DRAFT_SENT_TO_PROVIDER, {
        draftSentOn: move.sentOn,
        qualityAssuredBy: move.qualityAssuredBy.trim(),
        providerInformedOfChangesOn,
      });
    }
    case PipelineAction.RECEIVE_COMMENTS: {
      const violations = [...pastDay(['receivedOn'], move.receivedOn, today), ...validateComments(report(), move.receivedOn, today)];
      if (move.comments.length === 0 || move.comments.some((c) => !c.trim()))
        violations.push(badInput(['comments'], 'Give each comment as text'));
      return outcome(violations, S.PROVIDER_COMMENTS_RECEIVED, { commentsReturnedOn: move.receivedOn });
    }
    case PipelineAction.CLOSE_COMMENTS_WINDOW:
      return outcome(validateCloseCommentsWindow(report(), today), S.PROVIDER_COMMENTS_RECEIVED, { commentsReturnedOn: today });
    case PipelineAction.LODGE_COMPLAINT: {
      const violations = [
        ...pastDay(['lodgedOn'], move.lodgedOn, today),
        ...validateComplaint(report(), state.status, move.lodgedOn, today),
      ];
      if (!move.summary.trim()) violations.push(badInput(['summary'], 'Say what the complaint is about'));
      // A complaint on the draft is the provider's return inside the window.
      const onDraft = state.status === S.DRAFT_SENT_TO_PROVIDER;
      return outcome(violations, S.UNDER_COMPLAINT, {
        statusBeforeComplaint: state.status,
        ...(onDraft ? { commentsReturnedOn: move.lodgedOn } : {}),
      });
    }
    case PipelineAction.ANSWER_COMPLAINT: {
      const violations = pastDay(['answeredOn'], move.answeredOn, today);
      if (!move.answer.trim()) violations.push(badInput(['answer'], 'Give the answer'));
      // The report returns to where it was: a complaint on the final report leaves it issued.
      const status = state.statusBeforeComplaint === S.FINAL_REPORT_ISSUED ? S.FINAL_REPORT_ISSUED : S.PROVIDER_COMMENTS_RECEIVED;
      return outcome(violations, status, { statusBeforeComplaint: null });
    }
    case PipelineAction.ISSUE_FINAL_REPORT: {
      const violations = [
        ...pastDay(['issuedOn'], move.issuedOn, today),
        ...validateIssueFinal(move.issuedOn, report().events, move.unansweredComments),
      ];
      return outcome(violations, S.FINAL_REPORT_ISSUED, { finalReportIssuedOn: move.issuedOn });
    }
    case PipelineAction.PUBLISH: {
      const violations = [...pastDay(['publishedOn'], move.publishedOn, today), ...validatePublish(report(), move.publishedOn, today)];
      return outcome(violations, S.PUBLISHED, { publishedOn: move.publishedOn });
    }
    case PipelineAction.WITHHOLD_PUBLICATION:
      return outcome(validateWithhold(move.reason, move.decidedBy, state.type, state.settingType), S.NOT_PUBLISHED, {
        notPublishedReason: move.reason.trim(),
        notPublishedDecidedBy: move.decidedBy.trim(),
      });
  }
}

// ---------------------------------------------------------------------------------------------
// The report's text

export interface ReportTexts {
  overall: string | null;
  helpedAndProtected: string | null;
  leadersAndManagers: string | null;
  summary: string | null;
  childFriendlySummary: string | null;
}

/**
 * The sections a report needs before its draft goes out: a full inspection's three judgement
 * sections (Annex B, RFC-083, ASA-094) and, for children's homes, the child-friendly summary
 * (CH-231); an interim's one section (CHA-058); a monitoring visit's summary (CH-216); an
 * assurance visit's narrative (CA-072) and child-friendly summary (CA-079). An interim with no
 * judgement carries the prescribed statement instead.
 */
export function validateReportText(
  type: InspectionType,
  settingType: SettingType,
  judgementKind: string | null,
  texts: ReportTexts,
): Violation[] {
  const violations: Violation[] = [];
  const need = (value: string | null, ruleId: string, what: string) => {
    if (!text(value)) violations.push(ruleViolation(['inspectionId'], ruleId, `Write the report's ${what} before the draft goes out`));
  };
  if (type === InspectionType.FULL_INSPECTION) {
    const sections = byFamily(settingType, {
      CHILDRENS_HOMES: 'CHA-047',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-083',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-094',
    });
    need(texts.overall, sections, 'section on overall experiences and progress');
    need(texts.helpedAndProtected, sections, 'section on how well children are helped and protected');
    need(texts.leadersAndManagers, sections, 'section on the effectiveness of leaders and managers');
    const childFriendly = byFamily(settingType, {
      CHILDRENS_HOMES: 'CH-231',
      RESIDENTIAL_FAMILY_CENTRES: null,
      ADOPTION_SUPPORT_AGENCIES: null,
    });
    if (childFriendly) need(texts.childFriendlySummary, childFriendly, 'child-friendly summary');
  } else if (type === InspectionType.INTERIM_INSPECTION) {
    if (judgementKind !== 'NO_JUDGEMENT') need(texts.summary, 'CHA-058', 'section');
  } else if (type === InspectionType.MONITORING_VISIT) {
    need(
      texts.summary,
      byFamily(settingType, { CHILDRENS_HOMES: 'CH-216', RESIDENTIAL_FAMILY_CENTRES: 'RFC-105', ADOPTION_SUPPORT_AGENCIES: 'ASA-122' }),
      'summary',
    );
  } else {
    need(texts.summary, 'CA-072', 'narrative');
    need(texts.childFriendlySummary, 'CA-079', 'child-friendly summary');
  }
  return violations;
}

/** The provider has a draft (or more) from the draft being sent on: nothing is written to it before (CH-166). */
export function providerHasDraft(status: InspectionStatus): boolean {
  return [
    S.DRAFT_SENT_TO_PROVIDER,
    S.PROVIDER_COMMENTS_RECEIVED,
    S.UNDER_COMPLAINT,
    S.FINAL_REPORT_ISSUED,
    S.PUBLISHED,
    S.NOT_PUBLISHED,
  ].includes(status);
}

/** The report text is written after feedback, not while the provider has the draft, and again for an amendment (CH-166). */
export function validateReportTextEditable(status: InspectionStatus): Violation[] {
  const editable = [S.FIELDWORK_COMPLETE, S.DRAFT_IN_QUALITY_ASSURANCE, S.PROVIDER_COMMENTS_RECEIVED, S.PUBLISHED].includes(status);
  return editable
    ? []
    : [
        ruleViolation(
          ['inspectionId'],
          'CH-166',
          `The report text is written after feedback and not while the draft is with the provider (the inspection is ${status.toLowerCase().replace(/_/g, ' ')})`,
        ),
      ];
}

/** Where each section of the report's text is kept. */
export interface ReportTextFields {
  reportOverallText: string | null;
  reportHelpedAndProtectedText: string | null;
  reportLeadersAndManagersText: string | null;
  reportSummaryText: string | null;
  childFriendlySummary: string | null;
}

const TEXT_FIELD: Record<keyof ReportTexts, keyof ReportTextFields> = {
  overall: 'reportOverallText',
  helpedAndProtected: 'reportHelpedAndProtectedText',
  leadersAndManagers: 'reportLeadersAndManagersText',
  summary: 'reportSummaryText',
  childFriendlySummary: 'childFriendlySummary',
};

/**
 * An edit of the report's text (CH-166): refused while the text is not editable; otherwise the
 * fields it sets, each section given trimmed (blank clears it), the sections left out unchanged.
 */
export function writeReportText(
  status: InspectionStatus,
  input: Partial<ReportTexts>,
): { ok: false; violations: Violation[] } | { ok: true; set: Partial<ReportTextFields> } {
  const notNow = validateReportTextEditable(status);
  if (notNow.length > 0) return { ok: false, violations: notNow };
  const set: Partial<ReportTextFields> = {};
  for (const section of Object.keys(TEXT_FIELD) as (keyof ReportTexts)[]) {
    const value = input[section];
    if (value !== undefined) set[TEXT_FIELD[section]] = value?.trim() || null;
  }
  return { ok: true, set };
}
