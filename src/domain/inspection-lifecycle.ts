/**
 * An inspection from scheduling to the end of fieldwork (feedback given). Later stages (draft,
 * comments, publication) build on these states.
 */
import { InspectionType, byGuidance, validateInspectionTypeForSetting } from './inspection-types';
import { compareDates, daysBetween, isLocalDate, type LocalDate } from './local-date';
import { badInput, ruleViolation, type Violation } from './rule-violation';
import { hasText as text } from './text';
import { SettingType, isChildrensHome } from './setting-types';

export enum InspectionStatus {
  SCHEDULED = 'SCHEDULED',
  DEFERRED = 'DEFERRED',
  ON_SITE = 'ON_SITE',
  FIELDWORK_COMPLETE = 'FIELDWORK_COMPLETE',
  INCOMPLETE = 'INCOMPLETE',
  DRAFT_IN_QUALITY_ASSURANCE = 'DRAFT_IN_QUALITY_ASSURANCE',
  DRAFT_SENT_TO_PROVIDER = 'DRAFT_SENT_TO_PROVIDER',
  PROVIDER_COMMENTS_RECEIVED = 'PROVIDER_COMMENTS_RECEIVED',
  UNDER_COMPLAINT = 'UNDER_COMPLAINT',
  FINAL_REPORT_ISSUED = 'FINAL_REPORT_ISSUED',
  PUBLISHED = 'PUBLISHED',
  NOT_PUBLISHED = 'NOT_PUBLISHED',
}

export enum LineOfEnquirySource {
  STATEMENT_OF_PURPOSE = 'STATEMENT_OF_PURPOSE',
  CONCERN_OR_COMPLAINT = 'CONCERN_OR_COMPLAINT',
  NOTIFICATION = 'NOTIFICATION',
  MONITORING_REPORT = 'MONITORING_REPORT',
  QUESTIONNAIRES = 'QUESTIONNAIRES',
  PREVIOUS_INSPECTION = 'PREVIOUS_INSPECTION',
  OTHER = 'OTHER',
}

function date(field: string[], value: LocalDate, today: LocalDate, allowFuture: boolean): Violation[] {
  if (!isLocalDate(value)) return [badInput(field, `"${value}" is not a calendar date`)];
  if (!allowFuture && compareDates(value, today) > 0) return [badInput(field, `${field[field.length - 1]} cannot be in the future`)];
  return [];
}

export interface ScheduleDetails {
  settingType: SettingType;
  registrationDate: LocalDate;
  type: InspectionType;
  scheduledStart: LocalDate;
  leadInspector: string;
  teamInspectors: readonly string[];
  linesOfEnquiry: readonly { source: LineOfEnquirySource; text: string }[];
  noticeGivenOn: LocalDate | null;
}

export function validateSchedule(s: ScheduleDetails, today: LocalDate): Violation[] {
  const violations: Violation[] = [...validateInspectionTypeForSetting(s.type, s.settingType)];
  const startProblems = date(['scheduledStart'], s.scheduledStart, today, true);
  violations.push(...startProblems);
  if (startProblems.length === 0 && compareDates(s.scheduledStart, s.registrationDate) < 0) {
    violations.push(
      badInput(['scheduledStart'], `The setting was registered on ${s.registrationDate}: it cannot be inspected before then`),
    );
  }
  if (!text(s.leadInspector)) violations.push(badInput(['leadInspector'], 'Name the lead inspector'));
  s.teamInspectors.forEach((name, i) => {
    if (!text(name)) violations.push(badInput(['teamInspectors', String(i)], 'An inspector needs a name'));
  });
  s.linesOfEnquiry.forEach((line, i) => {
    if (!text(line.text)) violations.push(badInput(['linesOfEnquiry', String(i), 'text'], 'Describe the line of enquiry'));
  });
  // The statement of purpose is always a line of enquiry at full and interim inspections of children's homes.
  if (
    isChildrensHome(s.settingType) &&
    (s.type === InspectionType.FULL_INSPECTION || s.type === InspectionType.INTERIM_INSPECTION) &&
    !s.linesOfEnquiry.some((line) => line.source === LineOfEnquirySource.STATEMENT_OF_PURPOSE)
  ) {
    violations.push(ruleViolation(['linesOfEnquiry'], 'CH-040', "The home's statement of purpose is always a line of enquiry"));
  }
  if (s.noticeGivenOn !== null) {
    const problems = date(['noticeGivenOn'], s.noticeGivenOn, today, false);
    violations.push(...problems);
    if (problems.length === 0 && isLocalDate(s.scheduledStart) && compareDates(s.noticeGivenOn, s.scheduledStart) > 0) {
      violations.push(badInput(['noticeGivenOn'], 'Notice is given on or before the first day'));
    }
  }
  return violations;
}

export function validateStart(
  state: { status: InspectionStatus; noticeGivenOn: LocalDate | null; registrationDate: LocalDate },
  onSiteStart: LocalDate,
  today: LocalDate,
): Violation[] {
  if (state.status !== InspectionStatus.SCHEDULED) {
    return [{ field: ['inspectionId'], code: 'CONFLICT', message: `The inspection has already started (${state.status.toLowerCase()})` }];
  }
  const violations = date(['onSiteStart'], onSiteStart, today, false);
  if (violations.length === 0 && compareDates(onSiteStart, state.registrationDate) < 0) {
    violations.push(
      badInput(['onSiteStart'], `The setting was registered on ${state.registrationDate}: it cannot be inspected before then`),
    );
  }
  if (violations.length === 0 && state.noticeGivenOn && compareDates(onSiteStart, state.noticeGivenOn) < 0) {
    violations.push(badInput(['onSiteStart'], 'The visit cannot start before notice of it was given'));
  }
  return violations;
}

/** The usual longest stay on site, in calendar days, and the rule that sets it. */
export function usualOnSiteDays(type: InspectionType, settingType: SettingType): { days: number; ruleId: string } | null {
  const { FULL_INSPECTION: FULL, INTERIM_INSPECTION: INTERIM, ASSURANCE_VISIT: ASSURANCE } = InspectionType;
  // Monitoring visits have no usual length: a children's home's may take more than one day (CH-034).
  const usual = byGuidance<Partial<Record<InspectionType, { days: number; ruleId: string }>>>(type, settingType, {
    ASSURANCE_VISITS: { [ASSURANCE]: { days: 3, ruleId: 'CA-057' } },
    CHILDRENS_HOMES: { [FULL]: { days: 2, ruleId: 'CH-010' }, [INTERIM]: { days: 1, ruleId: 'CH-011' } },
    RESIDENTIAL_FAMILY_CENTRES: { [FULL]: { days: 3, ruleId: 'RFC-045' } },
    ADOPTION_SUPPORT_AGENCIES: { [FULL]: { days: 3, ruleId: 'ASA-049' } },
    OTHER: {},
  });
  return usual[type] ?? null;
}

export interface FieldworkCompletion {
  onSiteEnd: LocalDate;
  /** The day feedback was given: the last day of the inspection, from which later deadlines count (CH-024). */
  feedbackDate: LocalDate;
  extendedOnSiteReason: string | null;
}

export function validateFieldworkCompletion(
  state: { status: InspectionStatus; type: InspectionType; settingType: SettingType; onSiteStart: LocalDate | null },
  completion: FieldworkCompletion,
  today: LocalDate,
): Violation[] {
  if (state.status !== InspectionStatus.ON_SITE || state.onSiteStart === null) {
    return [
      {
        field: ['inspectionId'],
        code: 'CONFLICT',
        message: `Fieldwork can be completed only while on site (the inspection is ${state.status.toLowerCase()})`,
      },
    ];
  }
  const violations = [
    ...date(['onSiteEnd'], completion.onSiteEnd, today, false),
    ...date(['feedbackDate'], completion.feedbackDate, today, false),
  ];
  if (violations.length > 0) return violations;
  if (compareDates(completion.onSiteEnd, state.onSiteStart) < 0) {
    violations.push(badInput(['onSiteEnd'], 'The visit cannot end before it started'));
  }
  if (compareDates(completion.feedbackDate, completion.onSiteEnd) < 0) {
    violations.push(
      ruleViolation(
        ['feedbackDate'],
        'CH-024',
        'Feedback is given at the end of the inspection: the feedback date cannot be before the last day on site',
      ),
    );
  }
  const usual = usualOnSiteDays(state.type, state.settingType);
  const days = daysBetween(state.onSiteStart, completion.onSiteEnd) + 1;
  if (usual && days > usual.days && !text(completion.extendedOnSiteReason)) {
    violations.push(
      ruleViolation(
        ['extendedOnSiteReason'],
        usual.ruleId,
        `${days} days on site is longer than the usual ${usual.days}: record why (and, where needed, the manager's agreement)`,
      ),
    );
  }
  return violations;
}

/** States after feedback and before the draft report goes out, in which judgements may be proposed or changed. */
const BEFORE_DRAFT: ReadonlySet<InspectionStatus> = new Set([
  InspectionStatus.FIELDWORK_COMPLETE,
  InspectionStatus.DRAFT_IN_QUALITY_ASSURANCE,
]);

/** States before feedback (fieldwork not complete, or to be completed again). */
const BEFORE_FEEDBACK: ReadonlySet<InspectionStatus> = new Set([
  InspectionStatus.SCHEDULED,
  InspectionStatus.DEFERRED,
  InspectionStatus.ON_SITE,
  InspectionStatus.INCOMPLETE,
]);

/** Judgements are proposed at feedback (CH-163) and change only before the draft report goes out (CH-247). */
export function validateJudgementsMayBeProposed(status: InspectionStatus): Violation[] {
  if (BEFORE_DRAFT.has(status)) return [];
  if (BEFORE_FEEDBACK.has(status)) {
    return [ruleViolation(['inspectionId'], 'CH-163', 'Judgements are proposed at feedback: complete the fieldwork (give feedback) first')];
  }
  return [ruleViolation(['inspectionId'], 'CH-247', 'The draft report has gone to the provider: judgements can no longer change')];
}

/**
 * CH-246: who may propose judgements now. A change to judgements already proposed, once the draft
 * is in quality assurance, is for the appropriate managers (DECIDE); otherwise those who record
 * the inspection (RECORD).
 */
export function whoMayProposeJudgements(status: InspectionStatus, alreadyProposed: boolean): 'RECORD' | 'DECIDE' {
  return alreadyProposed && status === InspectionStatus.DRAFT_IN_QUALITY_ASSURANCE ? 'DECIDE' : 'RECORD';
}

/** Evidence is recorded from the start of the visit until the draft report goes out. */
export function validateEvidenceMayBeRecorded(status: InspectionStatus, draftReportSent: boolean): Violation[] {
  if (status === InspectionStatus.SCHEDULED || status === InspectionStatus.DEFERRED) {
    return [{ field: ['inspectionId'], code: 'CONFLICT', message: 'Evidence is recorded once the inspection has started' }];
  }
  if (draftReportSent) {
    return [{ field: ['inspectionId'], code: 'CONFLICT', message: 'The draft report has gone out: the evidence base is closed' }];
  }
  return [];
}
