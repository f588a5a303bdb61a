/**
 * From fieldwork to publication: the states of an inspection's report and the moves between
 * them. Every move names the rule that allows it; a move from the wrong state is refused with it.
 */
import { InspectionStatus } from './inspection-lifecycle';
import { InspectionType } from './inspection-types';
import { compareDates, type LocalDate } from './local-date';
import { Milestone, reportDeadlines, reportTimetable, type ReportEvents } from './report-deadlines';
import { badInput, ruleViolation, type Violation } from './rule-violation';
import { SettingType } from './setting-types';

const S = InspectionStatus;
const text = (value: string | null | undefined): boolean => value != null && value.trim() !== '';

type Family = 'CH' | 'RFC' | 'ASA' | 'CA';
function family(type: InspectionType, settingType: SettingType): Family {
  if (type === InspectionType.ASSURANCE_VISIT) return 'CA';
  if (settingType === SettingType.RESIDENTIAL_FAMILY_CENTRE) return 'RFC';
  if (settingType === SettingType.ADOPTION_SUPPORT_AGENCY) return 'ASA';
  return 'CH';
}

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
  rule: Record<Family, string>;
  what: string;
}

const all = (ruleId: string): Record<Family, string> => ({ CH: ruleId, RFC: ruleId, ASA: ruleId, CA: ruleId });

/** Where each action may start, and the rule that sets it. */
export const MOVES: Record<PipelineAction, Move> = {
  DEFER: {
    from: [S.SCHEDULED, S.ON_SITE],
    rule: { CH: 'CH-019', RFC: 'RFC-046', ASA: 'ASA-050', CA: 'CH-019' },
    what: 'An inspection can be deferred before it starts, or on arrival, never after feedback',
  },
  RESCHEDULE: { from: [S.DEFERRED], rule: all('CH-019'), what: 'Only a deferred inspection is rescheduled' },
  DECLARE_INCOMPLETE: {
    from: [S.ON_SITE, S.FIELDWORK_COMPLETE, S.DRAFT_IN_QUALITY_ASSURANCE, S.DRAFT_SENT_TO_PROVIDER, S.PROVIDER_COMMENTS_RECEIVED, S.UNDER_COMPLAINT, S.FINAL_REPORT_ISSUED],
    rule: all('CHA-141'),
    what: 'An inspection can be declared incomplete only after it started and before its report is published',
  },
  RESUME_FIELDWORK: { from: [S.INCOMPLETE], rule: all('CHA-142'), what: 'Only an incomplete inspection resumes its fieldwork' },
  SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE: {
    from: [S.FIELDWORK_COMPLETE],
    rule: { CH: 'CH-026', RFC: 'RFC-085', ASA: 'ASA-099', CA: 'CA-074' },
    what: 'The draft goes to quality assurance after feedback has been given',
  },
  SEND_DRAFT: {
    from: [S.DRAFT_IN_QUALITY_ASSURANCE],
    rule: { CH: 'CH-245', RFC: 'RFC-085', ASA: 'ASA-099', CA: 'CA-074' },
    what: 'The draft goes to the provider only after quality assurance',
  },
  RECEIVE_COMMENTS: {
    from: [S.DRAFT_SENT_TO_PROVIDER],
    rule: { CH: 'CH-028', RFC: 'RFC-088', ASA: 'ASA-054', CA: 'CA-076' },
    what: 'Factual accuracy comments are on a draft sent to the provider',
  },
  CLOSE_COMMENTS_WINDOW: {
    from: [S.DRAFT_SENT_TO_PROVIDER],
    rule: all('CH-256'),
    what: 'The comments window is that of a draft sent to the provider',
  },
  LODGE_COMPLAINT: {
    from: [S.DRAFT_SENT_TO_PROVIDER, S.FINAL_REPORT_ISSUED],
    rule: { CH: 'CH-028', RFC: 'RFC-092', ASA: 'ASA-054', CA: 'CA-077' },
    what: 'A formal complaint is lodged on the draft, inside the comments window, or on the final report',
  },
  ANSWER_COMPLAINT: { from: [S.UNDER_COMPLAINT], rule: { CH: 'CH-256', RFC: 'RFC-091', ASA: 'ASA-105', CA: 'CA-077' }, what: 'There is no open complaint' },
  ISSUE_FINAL_REPORT: {
    from: [S.PROVIDER_COMMENTS_RECEIVED],
    rule: { CH: 'CH-256', RFC: 'RFC-091', ASA: 'ASA-105', CA: 'CA-076' },
    what: "The final report follows the provider's comments (or the end of their window) and the answer to any complaint",
  },
  PUBLISH: {
    from: [S.FINAL_REPORT_ISSUED],
    rule: { CH: 'CH-256', RFC: 'RFC-090', ASA: 'ASA-056', CA: 'CA-078' },
    what: 'Only a final report is published',
  },
  WITHHOLD_PUBLICATION: {
    from: [S.FINAL_REPORT_ISSUED],
    rule: { CH: 'CH-227', RFC: 'RFC-104', ASA: 'ASA-121', CA: 'CH-227' },
    what: 'Only a final report can be withheld from publication',
  },
};

export function pipelineRule(action: PipelineAction, type: InspectionType, settingType: SettingType): string {
  return MOVES[action].rule[family(type, settingType)];
}

/** Refuses an action from the wrong state, naming the rule. */
export function validateMove(action: PipelineAction, status: InspectionStatus, type: InspectionType, settingType: SettingType): Violation[] {
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
  const f = family(context.type, context.settingType);
  const violations: Violation[] = [];
  if (f === 'RFC' || f === 'ASA') {
    const rule = MOVES.DEFER.rule[f]; // RFC-046, ASA-050: the deferral rule records who decided and why
    if (!text(justification)) violations.push(ruleViolation(['justification'], rule, 'Record the reason for the decision'));
    if (!text(agreedBy)) violations.push(ruleViolation(['agreedBy'], rule, 'Name who decided'));
    return violations;
  }
  if (DISALLOWED_DEFERRAL_REASONS.has(reason)) {
    violations.push(ruleViolation(['reason'], 'CH-020', 'Absent key staff and accommodation issues such as refurbishment are not reasons to defer'));
  }
  if (!text(justification)) {
    violations.push(
      ruleViolation(['justification'], 'CH-021', 'Say why going ahead would put people at risk, or severely restrict the gathering of secure evidence'),
    );
  }
  if (!text(agreedBy)) violations.push(ruleViolation(['agreedBy'], 'CH-023', 'A deferral is agreed by the regulatory inspection manager: name them'));
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
  const f = family(state.type, state.settingType);
  const violations: Violation[] = [];
  if (!context.judgementRecorded) {
    violations.push(ruleViolation(['inspectionId'], 'CH-163', 'Record the outcome proposed at feedback before the draft goes out'));
  }
  if (!text(input.qualityAssuredBy)) {
    const ruleId = state.type === InspectionType.MONITORING_VISIT && f === 'CH' ? 'CH-221' : pipelineRule(PipelineAction.SEND_DRAFT, state.type, state.settingType);
    violations.push(ruleViolation(['qualityAssuredBy'], ruleId, 'Name the manager who quality assured the draft'));
  }
  if (context.judgementChangedAfterFeedback && !input.providerInformedOfChangesOn) {
    const ruleId = f === 'RFC' ? 'RFC-086' : f === 'ASA' ? 'ASA-100' : 'CH-247';
    violations.push(
      ruleViolation(['providerInformedOfChangesOn'], ruleId, 'The judgements changed after feedback: the provider must be told the revised judgements and reasons before the draft'),
    );
  }
  if (input.providerInformedOfChangesOn && compareDates(input.providerInformedOfChangesOn, input.sentOn) > 0) {
    violations.push(badInput(['providerInformedOfChangesOn'], 'The provider is told of changes before the draft is sent'));
  }
  violations.push(...notBefore(['sentOn'], input.sentOn, state.events.endOfInspection, 'The draft cannot go out before the end of the inspection'));
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
      return [ruleViolation(['lodgedOn'], window.ruleId, `A complaint on the draft is lodged inside the comments window, which closed on ${window.dueDate}`)];
    }
  }
  if (status === InspectionStatus.FINAL_REPORT_ISSUED && state.events.finalReportIssuedOn) {
    // A complaint on the final report: within 5 working days of it (CA-077; the SCCIF allows one "when the final report is received").
    const windowEnd = deadlineOf(state, Milestone.COMPLAINT_WINDOW_CLOSES, today) ?? null;
    if (windowEnd && compareDates(lodgedOn, windowEnd) > 0) return [ruleViolation(['lodgedOn'], rule, `The window for a complaint on the final report closed on ${windowEnd}`)];
  }
  return [];
}

export function validateIssueFinal(issuedOn: LocalDate, events: ReportEvents, unansweredComments: number): Violation[] {
  const violations = notBefore(['issuedOn'], issuedOn, events.draftSentOn, 'The final report follows the draft');
  if (unansweredComments > 0) {
    violations.push(ruleViolation(['inspectionId'], 'ASA-101', `Every comment gets a response sent with the final report; ${unansweredComments} have none`));
  }
  return violations;
}

export function validatePublish(state: ReportState, publishedOn: LocalDate, today: LocalDate): Violation[] {
  const violations = notBefore(['publishedOn'], publishedOn, state.events.finalReportIssuedOn, 'Publication follows the final report');
  const complaintWindow = deadlineOf(state, Milestone.COMPLAINT_WINDOW_CLOSES, today);
  if (complaintWindow && compareDates(publishedOn, complaintWindow) <= 0) {
    violations.push(ruleViolation(['publishedOn'], 'CA-077', `The provider may complain about the final report until ${complaintWindow}: publish after that`));
  }
  return violations;
}

export function validateWithhold(reason: string | null | undefined, decidedBy: string | null | undefined, type: InspectionType, settingType: SettingType): Violation[] {
  const rule = pipelineRule(PipelineAction.WITHHOLD_PUBLICATION, type, settingType);
  const violations: Violation[] = [];
  if (!text(reason)) violations.push(ruleViolation(['reason'], rule, 'Not publishing is exceptional: record why'));
  if (!text(decidedBy)) violations.push(ruleViolation(['decidedBy'], rule, 'Name who decided not to publish'));
  return violations;
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
export function validateReportText(type: InspectionType, settingType: SettingType, judgementKind: string | null, texts: ReportTexts): Violation[] {
  const f = family(type, settingType);
  const violations: Violation[] = [];
  const need = (value: string | null, ruleId: string, what: string) => {
    if (!text(value)) violations.push(ruleViolation(['inspectionId'], ruleId, `Write the report's ${what} before the draft goes out`));
  };
  if (type === InspectionType.FULL_INSPECTION) {
    const sections = f === 'RFC' ? 'RFC-083' : f === 'ASA' ? 'ASA-094' : 'CHA-047';
    need(texts.overall, sections, 'section on overall experiences and progress');
    need(texts.helpedAndProtected, sections, 'section on how well children are helped and protected');
    need(texts.leadersAndManagers, sections, 'section on the effectiveness of leaders and managers');
    if (f === 'CH') need(texts.childFriendlySummary, 'CH-231', 'child-friendly summary');
  } else if (type === InspectionType.INTERIM_INSPECTION) {
    if (judgementKind !== 'NO_JUDGEMENT') need(texts.summary, 'CHA-058', 'section');
  } else if (type === InspectionType.MONITORING_VISIT) {
    need(texts.summary, f === 'RFC' ? 'RFC-105' : f === 'ASA' ? 'ASA-122' : 'CH-216', 'summary');
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
