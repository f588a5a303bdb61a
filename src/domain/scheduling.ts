/**
 * What comes next for each setting: the inspections due from its setting type and history, and
 * the follow-up of compliance notices. Dates are windows (earliest, latest); "usually" in the
 * guidance makes the latest a target, not a hard limit.
 */
import { InspectionType } from './inspection-types';
import { Grade } from './judgements';
import { addDays, compareDates, type LocalDate } from './local-date';
import { SettingType, byFamily, familyOf, isSccifFamily, type SccifFamily } from './setting-types';
import { addWorkingDays } from './working-days';

export enum DueKind {
  FULL_INSPECTION = 'FULL_INSPECTION',
  INTERIM_INSPECTION = 'INTERIM_INSPECTION',
  INSPECTION_ACTIVITY = 'INSPECTION_ACTIVITY',
  COMPLIANCE_FOLLOW_UP = 'COMPLIANCE_FOLLOW_UP',
}

export interface InspectionDue {
  kind: DueKind;
  earliest: LocalDate | null;
  latest: LocalDate;
  ruleId: string;
  reason: string;
}

export interface PastInspection {
  type: InspectionType;
  /** The first day on site. */
  start: LocalDate;
  /** The end of the inspection (feedback day). */
  end: LocalDate;
  /** The overall grade it gave: a full inspection's overall judgement, or a monitoring visit's new one. */
  overall: Grade | null;
  /** When its report was first published; null before. */
  publishedOn?: LocalDate | null;
}

/**
 * What the six to eight weeks of the return after an inadequate judgement are counted from
 * (CH-179). The handbook (¶121) does not say; the rule catalogue reads the end of the inspection
 * (`END_OF_INSPECTION`, the default). `PUBLICATION` counts from the day the report is published;
 * until it is, from the end of the inspection, so the window is never later than it could be.
 */
export enum ReturnVisitAnchor {
  END_OF_INSPECTION = 'END_OF_INSPECTION',
  PUBLICATION = 'PUBLICATION',
}

/** The readings of the guidance the schedule depends on, where it leaves a choice (README, "Configuration"). */
export interface SchedulingPolicy {
  readonly returnVisitAnchor: ReturnVisitAnchor;
}

export const DEFAULT_SCHEDULING_POLICY: SchedulingPolicy = { returnVisitAnchor: ReturnVisitAnchor.END_OF_INSPECTION };

export interface NoticeAction {
  completionDate: LocalDate;
}

/** The inspection year, 1 April to 31 March (configurable in principle; the seeds use it). */
export function inspectionYearOf(date: LocalDate): { start: LocalDate; end: LocalDate } {
  const year = Number(date.slice(0, 4));
  const startYear = date.slice(5) >= '04-01' ? year : year - 1;
  return { start: `${startYear}-04-01`, end: `${startYear + 1}-03-31` };
}

/** Calendar months later, clamped to the month's end (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

const later = (a: LocalDate, b: LocalDate): LocalDate => (compareDates(a, b) >= 0 ? a : b);

export interface SchedulingFacts {
  settingType: SettingType;
  registrationDate: LocalDate;
  /** Completed inspections and visits (feedback given), any order. */
  history: readonly PastInspection[];
  /** Compliance notice actions whose completion dates call for a follow-up. */
  noticeActions: readonly NoticeAction[];
  today: LocalDate;
  /** The default policy unless given. */
  policy?: SchedulingPolicy;
}

function childrensHomeDue(f: SchedulingFacts, sorted: PastInspection[]): InspectionDue[] {
  const due: InspectionDue[] = [];
  const year = inspectionYearOf(f.today);
  const inYear = sorted.filter((i) => compareDates(i.end, year.start) >= 0 && compareDates(i.end, year.end) <= 0);
  const earliest = later(year.start, f.registrationDate);
  // Twice a year, whether or not children live there: usually a full and an interim (CH-005, CH-006, CH-007).
  if (!inYear.some((i) => i.type === InspectionType.FULL_INSPECTION)) {
    due.push({
      kind: DueKind.FULL_INSPECTION,
      earliest,
      latest: year.end,
      ruleId: 'CH-005',
      reason: `No full inspection yet in the inspection year ending ${year.end}`,
    });
  }
  if (!inYear.some((i) => i.type === InspectionType.INTERIM_INSPECTION)) {
    due.push({
      kind: DueKind.INTERIM_INSPECTION,
      earliest,
      latest: year.end,
      ruleId: 'CH-005',
      reason: `No interim inspection yet in the inspection year ending ${year.end}`,
    });
  }
  // After an inadequate judgement, some inspection activity within six to eight weeks (CH-179).
  const graded = sorted.filter((i) => i.overall !== null);
  const last = graded[graded.length - 1];
  if (last?.overall === Grade.INADEQUATE && !sorted.some((i) => compareDates(i.start, last.end) > 0)) {
    const byPublication = (f.policy ?? DEFAULT_SCHEDULING_POLICY).returnVisitAnchor === ReturnVisitAnchor.PUBLICATION;
    const anchor = byPublication && last.publishedOn ? last.publishedOn : last.end;
    const from = !byPublication
      ? `the end of the inspection, ${last.end}`
      : last.publishedOn
        ? `publication, ${last.publishedOn}`
        : `the end of the inspection, ${last.end}, until the report is published`;
    due.push({
      kind: DueKind.INSPECTION_ACTIVITY,
      earliest: addDays(anchor, 42),
      latest: addDays(anchor, 56),
      ruleId: 'CH-179',
      reason: `Judged inadequate on ${last.end}: a monitoring visit or full inspection within six to eight weeks of ${from}`,
    });
  }
  return due;
}

function cycleDue(f: SchedulingFacts, sorted: PastInspection[], family: SccifFamily): InspectionDue[] {
  const fulls = sorted.filter((i) => i.type === InspectionType.FULL_INSPECTION);
  const last = fulls[fulls.length - 1];
  if (!last) {
    // New settings: adoption support agencies between 7 and 12 months from registration (ASA-040); family centres within 12 months (RFC-042).
    const first: Record<SccifFamily, InspectionDue> = {
      RESIDENTIAL_FAMILY_CENTRES: {
        kind: DueKind.FULL_INSPECTION,
        earliest: f.registrationDate,
        latest: addMonths(f.registrationDate, 12),
        ruleId: 'RFC-042',
        reason: 'First inspection of a new family centre, within 12 months of registration',
      },
      ADOPTION_SUPPORT_AGENCIES: {
        kind: DueKind.FULL_INSPECTION,
        earliest: addMonths(f.registrationDate, 7),
        latest: addMonths(f.registrationDate, 12),
        ruleId: 'ASA-040',
        reason: 'First inspection of a new agency, 7 to 12 months after registration',
      },
    };
    return [first[family]];
  }
  const rule = (ruleIds: Record<SccifFamily, string>): string => ruleIds[family];
  const due: InspectionDue[] = [];
  // The 3-year cycle starts on the 1 April after the last inspection (RFC-040, ASA-037).
  const cycleStart = addDays(inspectionYearOf(last.end).end, 1);
  due.push({
    kind: DueKind.FULL_INSPECTION,
    earliest: cycleStart,
    latest: addDays(addMonths(cycleStart, 36), -1),
    ruleId: rule({ RESIDENTIAL_FAMILY_CENTRES: 'RFC-040', ADOPTION_SUPPORT_AGENCIES: 'ASA-037' }),
    reason: `A full inspection in the 3-year cycle starting ${cycleStart}`,
  });
  if (last.overall === Grade.INADEQUATE) {
    due.push({
      kind: DueKind.FULL_INSPECTION,
      earliest: addMonths(last.end, 6),
      latest: addMonths(last.end, 12),
      ruleId: rule({ RESIDENTIAL_FAMILY_CENTRES: 'RFC-041', ADOPTION_SUPPORT_AGENCIES: 'ASA-038' }),
      reason: `Judged inadequate on ${last.end}: reinspected within 6 to 12 months`,
    });
  } else if (last.overall === Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD) {
    due.push({
      kind: DueKind.FULL_INSPECTION,
      earliest: addMonths(last.end, 12),
      latest: addMonths(last.end, 18),
      ruleId: rule({ RESIDENTIAL_FAMILY_CENTRES: 'RFC-041', ADOPTION_SUPPORT_AGENCIES: 'ASA-039' }),
      reason: `Judged requires improvement to be good on ${last.end}: reinspected within 12 to 18 months`,
    });
  }
  return due;
}

/**
 * The inspections and follow-up visits due for a setting, earliest deadline first. Settings the
 * guidance held here does not schedule (fostering agencies, schools, colleges, holiday schemes)
 * get only compliance follow-ups.
 */
export function inspectionsDue(f: SchedulingFacts): InspectionDue[] {
  const sorted = [...f.history].sort((a, b) => compareDates(a.end, b.end));
  const due: InspectionDue[] = [];
  const family = familyOf(f.settingType);
  if (family === 'CHILDRENS_HOMES') due.push(...childrensHomeDue(f, sorted));
  else if (isSccifFamily(family)) due.push(...cycleDue(f, sorted, family));

  // A compliance notice is followed up the day after its completion date, at the latest 5 working days after (CH-198; RFC-096, ASA-114).
  const sccif = isSccifFamily(family);
  const ruleId = byFamily(f.settingType, {
    CHILDRENS_HOMES: 'CH-198',
    RESIDENTIAL_FAMILY_CENTRES: 'RFC-096',
    ADOPTION_SUPPORT_AGENCIES: 'ASA-114',
  });
  for (const date of [...new Set(f.noticeActions.map((a) => a.completionDate))].sort()) {
    if (sorted.some((i) => compareDates(i.start, date) > 0)) continue; // a visit after the date followed it up
    due.push({
      kind: DueKind.COMPLIANCE_FOLLOW_UP,
      // The handbook's follow-up is from the day after the completion date; the SCCIF's from the date itself.
      earliest: sccif ? date : addDays(date, 1),
      latest: addWorkingDays(date, 5),
      ruleId,
      reason: `Follow-up of compliance notice actions due ${date}`,
    });
  }
  return due.sort((a, b) => compareDates(a.latest, b.latest));
}
