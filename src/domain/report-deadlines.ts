/**
 * The report timetable: each milestone's due date in working days (England's bank holidays),
 * counted from the end of the inspection (the feedback day, CH-024) or from the milestone before,
 * per setting type and inspection type, from the day tables of the guidance.
 */
import { InspectionType, byGuidance } from './inspection-types';
import { compareDates, type LocalDate } from './local-date';
import type { SettingType } from './setting-types';
import { addWorkingDays } from './working-days';

export enum Milestone {
  DRAFT_SENT = 'DRAFT_SENT',
  PROVIDER_COMMENTS_RETURNED = 'PROVIDER_COMMENTS_RETURNED',
  FINAL_REPORT_ISSUED = 'FINAL_REPORT_ISSUED',
  COMPLAINT_WINDOW_CLOSES = 'COMPLAINT_WINDOW_CLOSES',
  PUBLISHED = 'PUBLISHED',
}

type Anchor = 'END_OF_INSPECTION' | 'DRAFT_SENT' | 'FINAL_REPORT_ISSUED';

export interface TimetableStep {
  milestone: Milestone;
  workingDays: number;
  after: Anchor;
  ruleId: string;
}

const step = (milestone: Milestone, workingDays: number, after: Anchor, ruleId: string): TimetableStep => ({
  milestone,
  workingDays,
  after,
  ruleId,
});

/**
 * The timetable for an inspection, or null where the guidance held here sets none. Children's home
 * monitoring visits are published within 10 working days of the end of the inspection (CH-037, the
 * handbook's text; its day table would allow 20).
 */
export function reportTimetable(type: InspectionType, settingType: SettingType): TimetableStep[] | null {
  const { DRAFT_SENT, PROVIDER_COMMENTS_RETURNED, FINAL_REPORT_ISSUED, COMPLAINT_WINDOW_CLOSES, PUBLISHED } = Milestone;
  const interim = type === InspectionType.INTERIM_INSPECTION;
  return byGuidance<TimetableStep[] | null>(type, settingType, {
    ASSURANCE_VISITS: [
      step(DRAFT_SENT, 18, 'END_OF_INSPECTION', 'CA-075'),
      step(PROVIDER_COMMENTS_RETURNED, 5, 'DRAFT_SENT', 'CA-076'),
      step(FINAL_REPORT_ISSUED, 30, 'END_OF_INSPECTION', 'CA-076'),
      step(COMPLAINT_WINDOW_CLOSES, 5, 'FINAL_REPORT_ISSUED', 'CA-077'),
      step(PUBLISHED, 38, 'END_OF_INSPECTION', 'CA-078'),
    ],
    CHILDRENS_HOMES:
      type === InspectionType.MONITORING_VISIT
        ? [
            step(DRAFT_SENT, 5, 'END_OF_INSPECTION', 'CH-035'),
            step(PROVIDER_COMMENTS_RETURNED, 5, 'DRAFT_SENT', 'CH-036'),
            step(PUBLISHED, 10, 'END_OF_INSPECTION', 'CH-037'),
          ]
        : [
            step(DRAFT_SENT, 10, 'END_OF_INSPECTION', interim ? 'CH-031' : 'CH-027'),
            step(PROVIDER_COMMENTS_RETURNED, 5, 'DRAFT_SENT', interim ? 'CH-032' : 'CH-028'),
            step(PUBLISHED, 25, 'END_OF_INSPECTION', interim ? 'CH-033' : 'CH-029'),
          ],
    // Family centres and adoption support agencies: monitoring reports follow the same timescales (RFC-107, ASA-124).
    RESIDENTIAL_FAMILY_CENTRES: [
      step(DRAFT_SENT, 18, 'END_OF_INSPECTION', 'RFC-087'),
      step(PROVIDER_COMMENTS_RETURNED, 5, 'DRAFT_SENT', 'RFC-088'),
      step(FINAL_REPORT_ISSUED, 30, 'END_OF_INSPECTION', 'RFC-089'),
      step(PUBLISHED, 5, 'FINAL_REPORT_ISSUED', 'RFC-090'),
    ],
    ADOPTION_SUPPORT_AGENCIES: [
      step(DRAFT_SENT, 18, 'END_OF_INSPECTION', 'ASA-053'),
      step(PROVIDER_COMMENTS_RETURNED, 5, 'DRAFT_SENT', 'ASA-054'),
      step(FINAL_REPORT_ISSUED, 30, 'END_OF_INSPECTION', 'ASA-055'),
      step(PUBLISHED, 5, 'FINAL_REPORT_ISSUED', 'ASA-056'),
    ],
    OTHER: null,
  });
}

export interface ReportEvents {
  /** The end of the inspection: the feedback day (CH-024). */
  endOfInspection: LocalDate;
  draftSentOn: LocalDate | null;
  commentsReturnedOn: LocalDate | null;
  finalReportIssuedOn: LocalDate | null;
  publishedOn: LocalDate | null;
  /** A formal complaint is open: the final report waits for its answer (RFC-089, ASA-055). */
  complaintOpen: boolean;
}

export interface Deadline {
  milestone: Milestone;
  ruleId: string;
  workingDays: number;
  after: Anchor;
  /** Null when the deadline is suspended (the final report while a complaint is open). */
  dueDate: LocalDate | null;
  /** The day the milestone was reached, if it has been. */
  doneOn: LocalDate | null;
  /** Reached after its due date, or not reached and its due date has passed. */
  missed: boolean;
  /** Not reached and its due date has passed. */
  overdue: boolean;
}

function doneOn(milestone: Milestone, events: ReportEvents): LocalDate | null {
  switch (milestone) {
    case Milestone.DRAFT_SENT:
      return events.draftSentOn;
    case Milestone.PROVIDER_COMMENTS_RETURNED:
      return events.commentsReturnedOn;
    case Milestone.FINAL_REPORT_ISSUED:
      return events.finalReportIssuedOn;
    case Milestone.PUBLISHED:
      return events.publishedOn;
    case Milestone.COMPLAINT_WINDOW_CLOSES:
      return null;
  }
}

/**
 * Each milestone's due date and whether it is missed, as of `today`. A due date counted from an
 * earlier milestone uses the day it was reached, or else the day it was due.
 */
export function reportDeadlines(timetable: readonly TimetableStep[], events: ReportEvents, today: LocalDate): Deadline[] {
  const anchors: Record<Anchor, LocalDate | null> = {
    END_OF_INSPECTION: events.endOfInspection,
    DRAFT_SENT: null,
    FINAL_REPORT_ISSUED: null,
  };
  const deadlines: Deadline[] = [];
  for (const s of timetable) {
    const from = anchors[s.after];
    const suspended = s.milestone === Milestone.FINAL_REPORT_ISSUED && events.complaintOpen && events.finalReportIssuedOn === null;
    const dueDate = from === null || suspended ? null : addWorkingDays(from, s.workingDays);
    const done = doneOn(s.milestone, events);
    // A window (not a task): it is never overdue.
    const isWindow = s.milestone === Milestone.COMPLAINT_WINDOW_CLOSES;
    const overdue = !isWindow && done === null && dueDate !== null && compareDates(today, dueDate) > 0;
    const lateDone = !isWindow && done !== null && dueDate !== null && compareDates(done, dueDate) > 0;
    deadlines.push({
      milestone: s.milestone,
      ruleId: s.ruleId,
      workingDays: s.workingDays,
      after: s.after,
      dueDate,
      doneOn: done,
      missed: overdue || lateDone,
      overdue,
    });
    if (s.milestone === Milestone.DRAFT_SENT) anchors.DRAFT_SENT = done ?? dueDate;
    if (s.milestone === Milestone.FINAL_REPORT_ISSUED) anchors.FINAL_REPORT_ISSUED = done ?? dueDate;
  }
  return deadlines;
}
