import { InspectionType } from '../../src/domain/inspection-types';
import type { LocalDate } from '../../src/domain/local-date';
import {
  Milestone,
  reportDeadlines,
  reportTimetable,
  type Deadline,
  type ReportEvents,
  type TimetableStep,
} from '../../src/domain/report-deadlines';
import { SettingType } from '../../src/domain/setting-types';
import { addWorkingDays, isWorkingDay } from '../../src/domain/working-days';
import { pendingReportEvents } from '../support/unit-report-events';

const { FULL_INSPECTION: FULL, INTERIM_INSPECTION: INTERIM, MONITORING_VISIT: MONITORING, ASSURANCE_VISIT: ASSURANCE } = InspectionType;
const {
  DRAFT_SENT: DRAFT,
  PROVIDER_COMMENTS_RETURNED: COMMENTS,
  FINAL_REPORT_ISSUED: FINAL,
  COMPLAINT_WINDOW_CLOSES: COMPLAINT_WINDOW,
  PUBLISHED,
} = Milestone;
const { CHILDRENS_HOME: CH, SECURE_CHILDRENS_HOME: SCH, RESIDENTIAL_FAMILY_CENTRE: RFC, ADOPTION_SUPPORT_AGENCY: ASA } = SettingType;

function timetableOf(type: InspectionType, settingType: SettingType): TimetableStep[] {
  const timetable = reportTimetable(type, settingType);
  if (timetable === null) throw new Error(`No timetable for a ${settingType} ${type}`);
  return timetable;
}

/** Nothing done yet: only the end of the inspection (the feedback day, CH-024) is known. */
const pending = pendingReportEvents;

function deadlinesOf(type: InspectionType, settingType: SettingType, events: ReportEvents, today: LocalDate): Deadline[] {
  return reportDeadlines(timetableOf(type, settingType), events, today);
}

function deadline(deadlines: Deadline[], milestone: Milestone): Deadline {
  const found = deadlines.find((d) => d.milestone === milestone);
  if (!found) throw new Error(`No ${milestone} deadline`);
  return found;
}

const step = (milestone: Milestone, workingDays: number, after: TimetableStep['after'], ruleId: string): TimetableStep => ({
  milestone,
  workingDays,
  after,
  ruleId,
});

// ---------------------------------------------------------------------------------------------
// The timetables

describe('reportTimetable', () => {
  /** Children's homes (secure or not): draft end+N, comments draft+5, publication end+M. */
  const CHILDRENS_HOME_TIMETABLES = [
    { rules: 'CH-027 CH-028 CH-029', type: FULL, what: 'full inspection', draftDays: 10, publishDays: 25 },
    { rules: 'CH-031 CH-032 CH-033', type: INTERIM, what: 'interim inspection', draftDays: 10, publishDays: 25 },
    { rules: 'CH-035 CH-036 CH-037', type: MONITORING, what: 'monitoring visit', draftDays: 5, publishDays: 10 },
  ].flatMap((timetable) => [CH, SCH].map((settingType) => ({ ...timetable, settingType })));

  test.each(CHILDRENS_HOME_TIMETABLES)(
    '$rules $what of a $settingType: draft end+$draftDays, comments draft+5, publication end+$publishDays WD',
    ({ rules, type, settingType, draftDays, publishDays }) => {
      const [draftRule, commentsRule, publishRule] = rules.split(' ');
      expect(reportTimetable(type, settingType)).toEqual([
        step(DRAFT, draftDays, 'END_OF_INSPECTION', draftRule),
        step(COMMENTS, 5, 'DRAFT_SENT', commentsRule),
        step(PUBLISHED, publishDays, 'END_OF_INSPECTION', publishRule),
      ]);
    },
  );

  /** Family centres and adoption support agencies, full inspections and monitoring visits alike. */
  const FINAL_REPORT_TIMETABLES = [
    { rules: 'RFC-087 RFC-088 RFC-089 RFC-090', settingType: RFC, what: 'residential family centre' },
    { rules: 'ASA-053 ASA-054 ASA-055 ASA-056', settingType: ASA, what: 'adoption support agency' },
  ].flatMap((timetable) => [FULL, MONITORING].map((type) => ({ ...timetable, type })));

  test.each(FINAL_REPORT_TIMETABLES)(
    '$rules $what, $type: draft 18, comments +5, final 30, publication final+5 WD',
    ({ rules, type, settingType }) => {
      const [draftRule, commentsRule, finalRule, publishRule] = rules.split(' ');
      expect(reportTimetable(type, settingType)).toEqual([
        step(DRAFT, 18, 'END_OF_INSPECTION', draftRule),
        step(COMMENTS, 5, 'DRAFT_SENT', commentsRule),
        step(FINAL, 30, 'END_OF_INSPECTION', finalRule),
        step(PUBLISHED, 5, 'FINAL_REPORT_ISSUED', publishRule),
      ]);
    },
  );

  test("CA-075 CA-076 CA-077 CA-078 assurance visit of a secure children's home: draft 18, comments +5, final 30, complaint window final+5, publication 38", () => {
    expect(reportTimetable(ASSURANCE, SCH)).toEqual([
      step(DRAFT, 18, 'END_OF_INSPECTION', 'CA-075'),
      step(COMMENTS, 5, 'DRAFT_SENT', 'CA-076'),
      step(FINAL, 30, 'END_OF_INSPECTION', 'CA-076'),
      step(COMPLAINT_WINDOW, 5, 'FINAL_REPORT_ISSUED', 'CA-077'),
      step(PUBLISHED, 38, 'END_OF_INSPECTION', 'CA-078'),
    ]);
  });

  test.each([
    [SettingType.INDEPENDENT_FOSTERING_AGENCY, FULL],
    [SettingType.INDEPENDENT_FOSTERING_AGENCY, MONITORING],
    [SettingType.BOARDING_SCHOOL, FULL],
    [SettingType.BOARDING_SCHOOL, MONITORING],
  ])('CH-027 (not borrowed) a %s %s has no timetable in the guidance held here: null', (settingType, type) => {
    expect(reportTimetable(type, settingType)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Due dates, computed by hand. Working days (WD) exclude weekends and England's bank holidays;
// "within N WD of X" is the Nth working day after X (X is day 0).

interface Scenario {
  name: string;
  end: LocalDate;
  /** Children's home full and interim: draft end+10, comments draft+5, publication end+25. */
  ch: { draft: LocalDate; comments: LocalDate; publish: LocalDate };
  /** Children's home monitoring visit: draft end+5, comments draft+5, publication end+10. */
  chMonitoring: { draft: LocalDate; comments: LocalDate; publish: LocalDate };
  /** Family centre and adoption support agency: draft end+18, comments draft+5, final end+30, publication final+5. */
  rfcAsa: { draft: LocalDate; comments: LocalDate; final: LocalDate; publish: LocalDate };
  /** Assurance visit: as above, plus the complaint window final+5 and publication end+38. */
  assurance: { draft: LocalDate; comments: LocalDate; final: LocalDate; complaintWindow: LocalDate; publish: LocalDate };
}

const SCENARIOS: Scenario[] = [
  {
    // (a) Feedback Thursday 2026-12-17, just before Christmas. Bank holidays: Fri 25 Dec, Mon 28 Dec
    // (Boxing Day substitute: 26 Dec is a Saturday), Fri 1 Jan 2027.
    //  1 Fri 18 Dec   2 Mon 21   3 Tue 22   4 Wed 23   5 Thu 24   (25-28 Dec: holiday, weekend, holiday)
    //  6 Tue 29       7 Wed 30   8 Thu 31   (1-3 Jan: holiday, weekend)
    //  9 Mon 4 Jan   10 Tue 5   11 Wed 6   12 Thu 7   13 Fri 8
    // 14 Mon 11      15 Tue 12  16 Wed 13  17 Thu 14  18 Fri 15
    // 19 Mon 18      20 Tue 19  21 Wed 20  22 Thu 21  23 Fri 22
    // 24 Mon 25      25 Tue 26  26 Wed 27  27 Thu 28  28 Fri 29
    // 29 Mon 1 Feb   30 Tue 2   31 Wed 3   32 Thu 4   33 Fri 5
    // 34 Mon 8       35 Tue 9   36 Wed 10  37 Thu 11  38 Fri 12
    name: '(a) feedback Thu 2026-12-17, over Christmas 2026',
    end: '2026-12-17',
    // draft day 10 = Tue 5 Jan; comments 5 Jan + 5 = Wed 6, Thu 7, Fri 8, Mon 11, Tue 12; publication day 25.
    ch: { draft: '2027-01-05', comments: '2027-01-12', publish: '2027-01-26' },
    // draft day 5 = Thu 24 Dec; comments 24 Dec + 5 = 29, 30, 31 Dec, 4 Jan, 5 Jan; publication day 10.
    chMonitoring: { draft: '2026-12-24', comments: '2027-01-05', publish: '2027-01-05' },
    // draft day 18; comments 15 Jan + 5 = 18..22 Jan; final day 30 = Tue 2 Feb; publication 2 Feb + 5 = 3, 4, 5, 8, 9 Feb.
    rfcAsa: { draft: '2027-01-15', comments: '2027-01-22', final: '2027-02-02', publish: '2027-02-09' },
    // complaint window 2 Feb + 5 = 9 Feb; publication day 38 = Fri 12 Feb.
    assurance: { draft: '2027-01-15', comments: '2027-01-22', final: '2027-02-02', complaintWindow: '2027-02-09', publish: '2027-02-12' },
  },
  {
    // (b) Feedback Thursday 2027-03-18, over Easter 2027: Good Friday 26 Mar, Easter Monday 29 Mar;
    // the early May bank holiday is Mon 3 May 2027.
    //  1 Fri 19 Mar   2 Mon 22   3 Tue 23   4 Wed 24   5 Thu 25   (26-29 Mar: Good Friday, weekend, Easter Monday)
    //  6 Tue 30       7 Wed 31   8 Thu 1 Apr  9 Fri 2
    // 10 Mon 5 Apr   11 Tue 6   12 Wed 7   13 Thu 8   14 Fri 9
    // 15 Mon 12      16 Tue 13  17 Wed 14  18 Thu 15  19 Fri 16
    // 20 Mon 19      21 Tue 20  22 Wed 21  23 Thu 22  24 Fri 23
    // 25 Mon 26      26 Tue 27  27 Wed 28  28 Thu 29  29 Fri 30   (Mon 3 May: bank holiday)
    // 30 Tue 4 May   31 Wed 5   32 Thu 6   33 Fri 7
    // 34 Mon 10      35 Tue 11  36 Wed 12  37 Thu 13  38 Fri 14
    name: '(b) feedback Thu 2027-03-18, over Easter 2027',
    end: '2027-03-18',
    // draft day 10 = Mon 5 Apr; comments 5 Apr + 5 = 6, 7, 8, 9, 12 Apr; publication day 25 = Mon 26 Apr.
    ch: { draft: '2027-04-05', comments: '2027-04-12', publish: '2027-04-26' },
    // draft day 5 = Thu 25 Mar; comments 25 Mar + 5 = 30, 31 Mar, 1, 2, 5 Apr; publication day 10 = Mon 5 Apr.
    chMonitoring: { draft: '2027-03-25', comments: '2027-04-05', publish: '2027-04-05' },
    // draft day 18 = Thu 15 Apr; comments 16, 19, 20, 21, 22 Apr; final day 30 = Tue 4 May; publication 5, 6, 7, 10, 11 May.
    rfcAsa: { draft: '2027-04-15', comments: '2027-04-22', final: '2027-05-04', publish: '2027-05-11' },
    // complaint window 4 May + 5 = 11 May; publication day 38 = Fri 14 May.
    assurance: { draft: '2027-04-15', comments: '2027-04-22', final: '2027-05-04', complaintWindow: '2027-05-11', publish: '2027-05-14' },
  },
  {
    // (c) Feedback Friday 2026-10-02: weekends only (no bank holiday before Christmas).
    // Every 5 WD is a week: day 5 = Fri 9 Oct, 10 = Fri 16, 15 = Fri 23, 20 = Fri 30, 25 = Fri 6 Nov,
    // 30 = Fri 13 Nov, 35 = Fri 20 Nov; day 18 = Fri 23 Oct + 3 = Wed 28 Oct; day 38 = Fri 20 Nov + 3 = Wed 25 Nov.
    name: '(c) feedback Fri 2026-10-02, weekends only',
    end: '2026-10-02',
    // draft day 10 = Fri 16 Oct; comments Fri 23 Oct; publication day 25 = Fri 6 Nov.
    ch: { draft: '2026-10-16', comments: '2026-10-23', publish: '2026-11-06' },
    // draft day 5 = Fri 9 Oct; comments Fri 16 Oct; publication day 10 = Fri 16 Oct.
    chMonitoring: { draft: '2026-10-09', comments: '2026-10-16', publish: '2026-10-16' },
    // draft Wed 28 Oct; comments Thu 29, Fri 30, Mon 2, Tue 3, Wed 4 Nov; final Fri 13 Nov; publication Fri 20 Nov.
    rfcAsa: { draft: '2026-10-28', comments: '2026-11-04', final: '2026-11-13', publish: '2026-11-20' },
    assurance: { draft: '2026-10-28', comments: '2026-11-04', final: '2026-11-13', complaintWindow: '2026-11-20', publish: '2026-11-25' },
  },
  {
    // (d) Feedback Monday 2027-12-20, over the 2027/28 year end. Christmas Day and Boxing Day fall on
    // the weekend: Mon 27 and Tue 28 Dec are their substitutes; 1 Jan 2028 is a Saturday, Mon 3 Jan its substitute.
    //  1 Tue 21 Dec   2 Wed 22   3 Thu 23   4 Fri 24   (25-28 Dec: weekend, two substitute days)
    //  5 Wed 29       6 Thu 30   7 Fri 31   (1-3 Jan: weekend, substitute day)
    //  8 Tue 4 Jan    9 Wed 5   10 Thu 6   11 Fri 7
    // 12 Mon 10      13 Tue 11  14 Wed 12  15 Thu 13  16 Fri 14
    // 17 Mon 17      18 Tue 18  19 Wed 19  20 Thu 20  21 Fri 21
    // 22 Mon 24      23 Tue 25  24 Wed 26  25 Thu 27  26 Fri 28
    // 27 Mon 31      28 Tue 1 Feb  29 Wed 2  30 Thu 3  31 Fri 4
    // 32 Mon 7       33 Tue 8   34 Wed 9   35 Thu 10  36 Fri 11
    // 37 Mon 14      38 Tue 15
    name: '(d) feedback Mon 2027-12-20, over the 2027/28 year end',
    end: '2027-12-20',
    // draft day 10 = Thu 6 Jan; comments 7, 10, 11, 12, 13 Jan; publication day 25 = Thu 27 Jan.
    ch: { draft: '2028-01-06', comments: '2028-01-13', publish: '2028-01-27' },
    // draft day 5 = Wed 29 Dec; comments 30, 31 Dec, 4, 5, 6 Jan; publication day 10 = Thu 6 Jan.
    chMonitoring: { draft: '2027-12-29', comments: '2028-01-06', publish: '2028-01-06' },
    // draft day 18 = Tue 18 Jan; comments 19, 20, 21, 24, 25 Jan; final day 30 = Thu 3 Feb; publication 4, 7, 8, 9, 10 Feb.
    rfcAsa: { draft: '2028-01-18', comments: '2028-01-25', final: '2028-02-03', publish: '2028-02-10' },
    // complaint window 3 Feb + 5 = 10 Feb; publication day 38 = Tue 15 Feb.
    assurance: { draft: '2028-01-18', comments: '2028-01-25', final: '2028-02-03', complaintWindow: '2028-02-10', publish: '2028-02-15' },
  },
];

describe.each(SCENARIOS)('hand-computed due dates: $name', (scenario) => {
  const { end, ch, chMonitoring, rfcAsa, assurance } = scenario;

  test('CH-025 the hand-computed dates agree with addWorkingDays and are all working days', () => {
    expect(addWorkingDays(end, 10)).toBe(ch.draft);
    expect(addWorkingDays(ch.draft, 5)).toBe(ch.comments);
    expect(addWorkingDays(end, 25)).toBe(ch.publish);
    expect(addWorkingDays(end, 5)).toBe(chMonitoring.draft);
    expect(addWorkingDays(chMonitoring.draft, 5)).toBe(chMonitoring.comments);
    expect(addWorkingDays(end, 10)).toBe(chMonitoring.publish);
    expect(addWorkingDays(end, 18)).toBe(rfcAsa.draft);
    expect(addWorkingDays(rfcAsa.draft, 5)).toBe(rfcAsa.comments);
    expect(addWorkingDays(end, 30)).toBe(rfcAsa.final);
    expect(addWorkingDays(rfcAsa.final, 5)).toBe(rfcAsa.publish);
    expect(addWorkingDays(assurance.final, 5)).toBe(assurance.complaintWindow);
    expect(addWorkingDays(end, 38)).toBe(assurance.publish);
    const all = [...Object.values(ch), ...Object.values(chMonitoring), ...Object.values(rfcAsa), ...Object.values(assurance)];
    for (const day of all) expect(isWorkingDay(day)).toBe(true);
  });

  interface Row {
    ruleId: string;
    what: string;
    type: InspectionType;
    settingType: SettingType;
    milestone: Milestone;
    due: LocalDate;
  }
  const row = (
    ruleId: string,
    what: string,
    type: InspectionType,
    settingType: SettingType,
    milestone: Milestone,
    due: LocalDate,
  ): Row => ({
    ruleId,
    what,
    type,
    settingType,
    milestone,
    due,
  });
  const rows: Row[] = [];
  for (const settingType of [CH, SCH]) {
    for (const [type, ids] of [
      [FULL, ['CH-027', 'CH-028', 'CH-029']],
      [INTERIM, ['CH-031', 'CH-032', 'CH-033']],
    ] as const) {
      rows.push(
        row(ids[0], 'draft to the provider (end + 10 WD)', type, settingType, DRAFT, ch.draft),
        row(ids[1], 'provider comments (draft + 5 WD)', type, settingType, COMMENTS, ch.comments),
        row(ids[2], 'publication (end + 25 WD)', type, settingType, PUBLISHED, ch.publish),
      );
    }
    rows.push(
      row('CH-035', 'draft to the provider (end + 5 WD)', MONITORING, settingType, DRAFT, chMonitoring.draft),
      row('CH-036', 'provider comments (draft + 5 WD)', MONITORING, settingType, COMMENTS, chMonitoring.comments),
      row('CH-037', 'publication (end + 10 WD)', MONITORING, settingType, PUBLISHED, chMonitoring.publish),
    );
  }
  for (const [settingType, prefix, ids] of [
    [RFC, 'RFC', ['087', '088', '089', '090']],
    [ASA, 'ASA', ['053', '054', '055', '056']],
  ] as const) {
    for (const type of [FULL, MONITORING]) {
      rows.push(
        row(`${prefix}-${ids[0]}`, 'draft to the provider (end + 18 WD)', type, settingType, DRAFT, rfcAsa.draft),
        row(`${prefix}-${ids[1]}`, 'provider comments (draft + 5 WD)', type, settingType, COMMENTS, rfcAsa.comments),
        row(`${prefix}-${ids[2]}`, 'final report (end + 30 WD)', type, settingType, FINAL, rfcAsa.final),
        row(`${prefix}-${ids[3]}`, 'publication (final + 5 WD)', type, settingType, PUBLISHED, rfcAsa.publish),
      );
    }
  }
  rows.push(
    row('CA-075', 'draft to the provider (end + 18 WD)', ASSURANCE, SCH, DRAFT, assurance.draft),
    row('CA-076', 'provider comments (draft + 5 WD)', ASSURANCE, SCH, COMMENTS, assurance.comments),
    row('CA-076', 'final report (end + 30 WD)', ASSURANCE, SCH, FINAL, assurance.final),
    row('CA-077', 'complaint window on the final (final + 5 WD)', ASSURANCE, SCH, COMPLAINT_WINDOW, assurance.complaintWindow),
    row('CA-078', 'publication (end + 38 WD)', ASSURANCE, SCH, PUBLISHED, assurance.publish),
  );

  test.each(rows)('$ruleId $settingType $type: $what is due $due', ({ ruleId, type, settingType, milestone, due }) => {
    const d = deadline(deadlinesOf(type, settingType, pending(end), end), milestone);
    expect(d).toMatchObject({ ruleId, dueDate: due, doneOn: null, missed: false, overdue: false });
  });
});

// ---------------------------------------------------------------------------------------------
// reportDeadlines: anchors, missed, overdue, done, suspension

describe('reportDeadlines', () => {
  // A children's home full inspection ending Friday 2026-12-04.
  // Day 10 = Fri 18 Dec (two full weeks): the draft's due date.
  // Day 25: 11 Mon 21, 12 Tue 22, 13 Wed 23, 14 Thu 24, (25-28 Dec) 15 Tue 29, 16 Wed 30, 17 Thu 31, (1-3 Jan)
  //   18 Mon 4, 19 Tue 5, 20 Wed 6, 21 Thu 7, 22 Fri 8, 23 Mon 11, 24 Tue 12, 25 Wed 13 Jan 2027.
  const END = '2026-12-04';
  const CH_DRAFT_DUE = '2026-12-18';
  const CH_PUBLISH_DUE = '2027-01-13';

  test('CH-028 a late draft: comments are due 5 WD after the day it actually went out, across Christmas', () => {
    // Draft sent Thu 24 Dec (due 18 Dec). Comments: 29, 30, 31 Dec, 4 Jan, 5 Jan -> Tue 5 Jan 2027
    // (counted from the due date it would have been 21, 22, 23, 24, 29 Dec).
    expect(addWorkingDays('2026-12-24', 5)).toBe('2027-01-05');
    const ds = deadlinesOf(FULL, CH, pending(END, { draftSentOn: '2026-12-24' }), '2026-12-30');
    expect(deadline(ds, DRAFT)).toMatchObject({
      ruleId: 'CH-027',
      dueDate: CH_DRAFT_DUE,
      doneOn: '2026-12-24',
      missed: true,
      overdue: false,
    });
    expect(deadline(ds, COMMENTS)).toMatchObject({ ruleId: 'CH-028', dueDate: '2027-01-05', doneOn: null, missed: false, overdue: false });
    // Publication counts from the end of the inspection, whatever the draft did.
    expect(deadline(ds, PUBLISHED)).toMatchObject({ ruleId: 'CH-029', dueDate: CH_PUBLISH_DUE, missed: false, overdue: false });
  });

  test('CH-028 an early draft: comments are due 5 WD after the day it actually went out', () => {
    // Draft sent Wed 9 Dec: comments 10, 11, 14, 15, 16 Dec -> Wed 16 Dec.
    const ds = deadlinesOf(FULL, CH, pending(END, { draftSentOn: '2026-12-09' }), '2026-12-10');
    expect(deadline(ds, DRAFT)).toMatchObject({ dueDate: CH_DRAFT_DUE, doneOn: '2026-12-09', missed: false, overdue: false });
    expect(deadline(ds, COMMENTS).dueDate).toBe('2026-12-16');
  });

  test("CH-028 before the draft goes out, comments are due 5 WD after the draft's due date", () => {
    // Draft due Fri 18 Dec: comments 21, 22, 23, 24, 29 Dec -> Tue 29 Dec.
    const ds = deadlinesOf(FULL, CH, pending(END), '2026-12-10');
    expect(deadline(ds, COMMENTS).dueDate).toBe('2026-12-29');
  });

  test('CH-027 not done: not overdue on the due date itself, overdue (and missed) the day after', () => {
    const onTheDay = deadline(deadlinesOf(FULL, CH, pending(END), CH_DRAFT_DUE), DRAFT);
    expect(onTheDay).toMatchObject({ dueDate: CH_DRAFT_DUE, missed: false, overdue: false });
    // Saturday 19 Dec: a calendar day later is enough.
    const dayAfter = deadline(deadlinesOf(FULL, CH, pending(END), '2026-12-19'), DRAFT);
    expect(dayAfter).toMatchObject({ dueDate: CH_DRAFT_DUE, missed: true, overdue: true });
    const before = deadline(deadlinesOf(FULL, CH, pending(END), '2026-12-17'), DRAFT);
    expect(before).toMatchObject({ missed: false, overdue: false });
  });

  test('CH-027 done: missed only when done after the due date, never overdue', () => {
    const at = (draftSentOn: LocalDate) => deadline(deadlinesOf(FULL, CH, pending(END, { draftSentOn }), '2027-02-01'), DRAFT);
    expect(at('2026-12-17')).toMatchObject({ doneOn: '2026-12-17', missed: false, overdue: false });
    expect(at(CH_DRAFT_DUE)).toMatchObject({ doneOn: CH_DRAFT_DUE, missed: false, overdue: false });
    expect(at('2026-12-21')).toMatchObject({ doneOn: '2026-12-21', missed: true, overdue: false });
  });

  test('CH-029 publication: overdue after its due date when not published; missed when published late', () => {
    const events = pending(END, { draftSentOn: CH_DRAFT_DUE, commentsReturnedOn: '2026-12-22' });
    expect(deadline(deadlinesOf(FULL, CH, events, CH_PUBLISH_DUE), PUBLISHED)).toMatchObject({ overdue: false, missed: false });
    expect(deadline(deadlinesOf(FULL, CH, events, '2027-01-14'), PUBLISHED)).toMatchObject({ overdue: true, missed: true });
    const late = deadline(deadlinesOf(FULL, CH, { ...events, publishedOn: '2027-01-14' }, '2027-02-01'), PUBLISHED);
    expect(late).toMatchObject({ doneOn: '2027-01-14', overdue: false, missed: true });
  });

  test('CH-037 monitoring: the 10-WD publication date does not move when the draft is late', () => {
    // End Fri 2026-10-02 (scenario c): draft due Fri 9 Oct, publication Fri 16 Oct. Draft sent Wed 14 Oct:
    // comments 15, 16, 19, 20, 21 Oct -> Wed 21 Oct, after the publication date.
    const ds = deadlinesOf(MONITORING, CH, pending('2026-10-02', { draftSentOn: '2026-10-14' }), '2026-10-14');
    expect(deadline(ds, DRAFT)).toMatchObject({ ruleId: 'CH-035', dueDate: '2026-10-09', missed: true, overdue: false });
    expect(deadline(ds, COMMENTS)).toMatchObject({ ruleId: 'CH-036', dueDate: '2026-10-21' });
    expect(deadline(ds, PUBLISHED)).toMatchObject({ ruleId: 'CH-037', dueDate: '2026-10-16' });
  });

  // A family centre, an agency and an assurance visit ending Friday 2026-10-02 (scenario c):
  // draft due Wed 28 Oct, final Fri 13 Nov, publication (RFC/ASA) Fri 20 Nov, publication (CA) Wed 25 Nov.
  const END_C = '2026-10-02';

  test('RFC-090 publication is due 5 WD after the day the final was actually issued (late, across Christmas)', () => {
    // Final issued Thu 24 Dec (due 13 Nov): publication 29, 30, 31 Dec, 4, 5 Jan -> Tue 5 Jan 2027.
    const events = pending(END_C, { draftSentOn: '2026-10-28', commentsReturnedOn: '2026-11-02', finalReportIssuedOn: '2026-12-24' });
    const ds = deadlinesOf(FULL, RFC, events, '2026-12-30');
    expect(deadline(ds, FINAL)).toMatchObject({
      ruleId: 'RFC-089',
      dueDate: '2026-11-13',
      doneOn: '2026-12-24',
      missed: true,
      overdue: false,
    });
    expect(deadline(ds, PUBLISHED)).toMatchObject({
      ruleId: 'RFC-090',
      dueDate: '2027-01-05',
      doneOn: null,
      missed: false,
      overdue: false,
    });
  });

  test('ASA-056 publication is due 5 WD after the day the final was actually issued (early)', () => {
    // Final issued Fri 6 Nov: publication Mon 9 .. Fri 13 Nov.
    const events = pending(END_C, { draftSentOn: '2026-10-20', commentsReturnedOn: '2026-10-27', finalReportIssuedOn: '2026-11-06' });
    const ds = deadlinesOf(MONITORING, ASA, events, '2026-11-16');
    expect(deadline(ds, FINAL)).toMatchObject({ ruleId: 'ASA-055', dueDate: '2026-11-13', missed: false });
    expect(deadline(ds, PUBLISHED)).toMatchObject({ ruleId: 'ASA-056', dueDate: '2026-11-13', missed: true, overdue: true });
  });

  test("RFC-090 before the final is issued, publication is due 5 WD after the final's due date", () => {
    const ds = deadlinesOf(FULL, RFC, pending(END_C), '2026-11-23');
    expect(deadline(ds, FINAL)).toMatchObject({ dueDate: '2026-11-13', overdue: true, missed: true });
    expect(deadline(ds, PUBLISHED)).toMatchObject({ dueDate: '2026-11-20', overdue: true, missed: true });
  });

  test('CA-077 the complaint window runs from the actual final and is never missed or overdue; CA-078 stays end + 38 WD', () => {
    // Final issued Wed 23 Dec 2026 (due 13 Nov): window 24, 29, 30, 31 Dec, 4 Jan -> Mon 4 Jan 2027.
    expect(addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
    const events = pending(END_C, { draftSentOn: '2026-10-28', commentsReturnedOn: '2026-11-04', finalReportIssuedOn: '2026-12-23' });
    const ds = deadlinesOf(ASSURANCE, SCH, events, '2027-02-01');
    expect(deadline(ds, COMPLAINT_WINDOW)).toMatchObject({
      ruleId: 'CA-077',
      dueDate: '2027-01-04',
      doneOn: null,
      missed: false,
      overdue: false,
    });
    expect(deadline(ds, FINAL)).toMatchObject({ ruleId: 'CA-076', dueDate: '2026-11-13', missed: true, overdue: false });
    expect(deadline(ds, PUBLISHED)).toMatchObject({ ruleId: 'CA-078', dueDate: '2026-11-25', missed: true, overdue: true });
  });

  test('CA-077 the complaint window is never overdue, even when nothing has been done and every date has passed', () => {
    const ds = deadlinesOf(ASSURANCE, SCH, pending(END_C), '2027-06-01');
    expect(deadline(ds, COMPLAINT_WINDOW)).toMatchObject({ dueDate: '2026-11-20', missed: false, overdue: false });
    for (const m of [DRAFT, COMMENTS, FINAL, PUBLISHED]) expect(deadline(ds, m)).toMatchObject({ missed: true, overdue: true });
  });

  test('CA-075 doneOn maps each milestone to its event; the whole timetable when everything was on time', () => {
    const events = pending(END_C, {
      draftSentOn: '2026-10-20',
      commentsReturnedOn: '2026-10-27',
      finalReportIssuedOn: '2026-11-10',
      publishedOn: '2026-11-24',
    });
    // Comments 20 Oct + 5 = 21, 22, 23, 26, 27 Oct; window 10 Nov + 5 = 11, 12, 13, 16, 17 Nov.
    expect(reportDeadlines(timetableOf(ASSURANCE, SCH), events, '2026-12-01')).toEqual<Deadline[]>([
      { ...step(DRAFT, 18, 'END_OF_INSPECTION', 'CA-075'), dueDate: '2026-10-28', doneOn: '2026-10-20', missed: false, overdue: false },
      { ...step(COMMENTS, 5, 'DRAFT_SENT', 'CA-076'), dueDate: '2026-10-27', doneOn: '2026-10-27', missed: false, overdue: false },
      { ...step(FINAL, 30, 'END_OF_INSPECTION', 'CA-076'), dueDate: '2026-11-13', doneOn: '2026-11-10', missed: false, overdue: false },
      { ...step(COMPLAINT_WINDOW, 5, 'FINAL_REPORT_ISSUED', 'CA-077'), dueDate: '2026-11-17', doneOn: null, missed: false, overdue: false },
      { ...step(PUBLISHED, 38, 'END_OF_INSPECTION', 'CA-078'), dueDate: '2026-11-25', doneOn: '2026-11-24', missed: false, overdue: false },
    ]);
  });

  test("CH-027 doneOn maps draft, comments and publication for a children's home (no final step)", () => {
    const ds = deadlinesOf(
      FULL,
      SCH,
      pending(END, {
        draftSentOn: '2026-12-15',
        commentsReturnedOn: '2026-12-21',
        finalReportIssuedOn: '2026-12-23',
        publishedOn: '2027-01-06',
      }),
      '2027-02-01',
    );
    expect(ds.map((d) => [d.milestone, d.doneOn])).toEqual([
      [DRAFT, '2026-12-15'],
      [COMMENTS, '2026-12-21'],
      [PUBLISHED, '2027-01-06'],
    ]);
    // Comments 15 Dec + 5 = 16, 17, 18, 21, 22 Dec.
    expect(deadline(ds, COMMENTS)).toMatchObject({ dueDate: '2026-12-22', missed: false });
    expect(ds.every((d) => !d.missed && !d.overdue)).toBe(true);
  });

  describe.each([
    [RFC, 'RFC-089', 'RFC-090'],
    [ASA, 'ASA-055', 'ASA-056'],
  ])('%s: an open complaint suspends the final report', (settingType, finalRule, publishRule) => {
    const events = pending(END_C, { draftSentOn: '2026-10-20', commentsReturnedOn: '2026-10-27', complaintOpen: true });

    test(`${finalRule} while a complaint is open and the final is not issued: no due date, not overdue; ${publishRule} no due date either`, () => {
      const ds = deadlinesOf(FULL, settingType, events, '2027-03-01');
      expect(deadline(ds, FINAL)).toMatchObject({ ruleId: finalRule, dueDate: null, doneOn: null, missed: false, overdue: false });
      expect(deadline(ds, PUBLISHED)).toMatchObject({ ruleId: publishRule, dueDate: null, doneOn: null, missed: false, overdue: false });
      // The draft and comments deadlines are unaffected.
      expect(deadline(ds, DRAFT)).toMatchObject({ dueDate: '2026-10-28', missed: false });
      expect(deadline(ds, COMMENTS)).toMatchObject({ dueDate: '2026-10-27', missed: false });
    });

    test(`${finalRule} once the complaint is answered, the 30-WD deadline is back (and passed)`, () => {
      const ds = deadlinesOf(FULL, settingType, { ...events, complaintOpen: false }, '2027-03-01');
      expect(deadline(ds, FINAL)).toMatchObject({ dueDate: '2026-11-13', missed: true, overdue: true });
      expect(deadline(ds, PUBLISHED)).toMatchObject({ dueDate: '2026-11-20', missed: true, overdue: true });
    });

    test(`${finalRule} a complaint open after the final was issued does not suspend it; ${publishRule} runs from the final`, () => {
      // Final issued Thu 12 Nov: publication 13, 16, 17, 18, 19 Nov.
      const ds = deadlinesOf(MONITORING, settingType, { ...events, finalReportIssuedOn: '2026-11-12' }, '2026-11-16');
      expect(deadline(ds, FINAL)).toMatchObject({ dueDate: '2026-11-13', doneOn: '2026-11-12', missed: false, overdue: false });
      expect(deadline(ds, PUBLISHED)).toMatchObject({ dueDate: '2026-11-19', missed: false, overdue: false });
    });
  });

  test('CA-076 an open complaint before the final suspends the final and the complaint window; CA-078 publication keeps end + 38 WD', () => {
    const ds = deadlinesOf(ASSURANCE, SCH, pending(END_C, { draftSentOn: '2026-10-20', complaintOpen: true }), '2027-03-01');
    expect(deadline(ds, FINAL)).toMatchObject({ dueDate: null, missed: false, overdue: false });
    expect(deadline(ds, COMPLAINT_WINDOW)).toMatchObject({ dueDate: null, missed: false, overdue: false });
    expect(deadline(ds, PUBLISHED)).toMatchObject({ dueDate: '2026-11-25', missed: true, overdue: true });
  });
});
