import { InspectionType } from '../../src/domain/inspection-types';
import { Grade } from '../../src/domain/judgements';
import type { LocalDate } from '../../src/domain/local-date';
import {
  ReturnVisitAnchor,
  DueKind,
  addMonths,
  inspectionYearOf,
  inspectionsDue,
  type InspectionDue,
  type PastInspection,
  type SchedulingFacts,
} from '../../src/domain/scheduling';
import { SettingType } from '../../src/domain/setting-types';

const { OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT_TO_BE_GOOD: RI, INADEQUATE } = Grade;
const { FULL_INSPECTION: FULL, INTERIM_INSPECTION: INTERIM, MONITORING_VISIT: MONITORING, ASSURANCE_VISIT: ASSURANCE } = InspectionType;

/** Today in most tests: inside the inspection year 2026-04-01 to 2027-03-31. */
const TODAY = '2026-11-23';

const past = (type: InspectionType, start: LocalDate, end: LocalDate, overall: Grade | null = null): PastInspection => ({
  type,
  start,
  end,
  overall,
});

/** A children's home registered long ago, with no history and no notice actions, unless overridden. */
const facts = (overrides: Partial<SchedulingFacts> = {}): SchedulingFacts => ({
  settingType: SettingType.CHILDRENS_HOME,
  registrationDate: '2020-01-15',
  history: [],
  noticeActions: [],
  today: TODAY,
  ...overrides,
});

const actions = (...completionDates: LocalDate[]) => completionDates.map((completionDate) => ({ completionDate }));

/** The due items without their free-text reasons, in the order returned. */
const summary = (due: InspectionDue[]) => due.map(({ kind, earliest, latest, ruleId }) => ({ kind, earliest, latest, ruleId }));

const dueOf = (f: SchedulingFacts) => summary(inspectionsDue(f));

const ofKind = (f: SchedulingFacts, kind: DueKind) => dueOf(f).filter((d) => d.kind === kind);

const CHILDRENS_HOMES = [SettingType.CHILDRENS_HOME, SettingType.SECURE_CHILDRENS_HOME];

describe('inspectionYearOf', () => {
  test.each<[LocalDate, LocalDate, LocalDate]>([
    ['2027-03-31', '2026-04-01', '2027-03-31'],
    ['2027-04-01', '2027-04-01', '2028-03-31'],
    ['2026-04-01', '2026-04-01', '2027-03-31'],
    ['2026-03-31', '2025-04-01', '2026-03-31'],
    ['2028-02-29', '2027-04-01', '2028-03-31'],
    ['2026-01-01', '2025-04-01', '2026-03-31'],
    ['2026-12-31', '2026-04-01', '2027-03-31'],
    [TODAY, '2026-04-01', '2027-03-31'],
  ])('CH-005 the inspection year of %s runs from %s to %s (1 April to 31 March)', (date, start, end) => {
    expect(inspectionYearOf(date)).toEqual({ start, end });
  });
});

describe('addMonths', () => {
  test.each<[LocalDate, number, LocalDate]>([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-01-29', 1, '2027-02-28'],
    ['2028-01-29', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', 6, '2026-11-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-06-10', 0, '2026-06-10'],
  ])('RFC-041 calendar months clamp to the month end: %s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  test.each<[LocalDate, number, LocalDate]>([
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-10-31', 4, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
  ])('RFC-041 the year rolls over: %s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  test.each<[LocalDate, number, LocalDate]>([
    ['2026-03-31', 12, '2027-03-31'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2027-02-28', 12, '2028-02-28'],
    ['2026-06-10', 18, '2027-12-10'],
    ['2026-08-31', 18, '2028-02-29'],
    ['2026-07-31', 18, '2028-01-31'],
    ['2026-04-01', 36, '2029-04-01'],
    ['2028-02-29', 36, '2031-02-28'],
    ['2025-02-28', 36, '2028-02-28'],
  ])('RFC-041 longer periods: %s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe("inspectionsDue: children's homes and secure children's homes", () => {
  describe.each(CHILDRENS_HOMES)('a %s', (settingType) => {
    test('CH-005 CH-006 with no inspection in the current year, a full and an interim are due by 31 March', () => {
      expect(dueOf(facts({ settingType }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
        { kind: DueKind.INTERIM_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
      ]);
    });

    test('CH-007 an empty history (whether or not children live there) still yields both the full and the interim', () => {
      const due = inspectionsDue(facts({ settingType, history: [], noticeActions: [] }));
      expect(due.map((d) => d.kind)).toEqual([DueKind.FULL_INSPECTION, DueKind.INTERIM_INSPECTION]);
      expect(due[0].reason).toContain('2027-03-31');
      expect(due[1].reason).toContain('2027-03-31');
    });

    test.each<[LocalDate, LocalDate]>([
      ['2026-09-14', '2026-09-14'],
      ['2026-04-01', '2026-04-01'],
      ['2026-03-31', '2026-04-01'],
      ['2026-04-02', '2026-04-02'],
    ])('CH-005 registered on %s, the earliest is %s (the later of the year start and registration)', (registrationDate, earliest) => {
      const due = dueOf(facts({ settingType, registrationDate }));
      expect(due).toHaveLength(2);
      for (const d of due) {
        expect(d.earliest).toBe(earliest);
        expect(d.latest).toBe('2027-03-31');
      }
    });

    test('CH-006 a full inspection in the year removes the full; the interim stays due', () => {
      const history = [past(FULL, '2026-06-08', '2026-06-10', GOOD)];
      expect(dueOf(facts({ settingType, history }))).toEqual([
        { kind: DueKind.INTERIM_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
      ]);
    });

    test('CH-006 an interim inspection in the year removes the interim; the full stays due', () => {
      const history = [past(INTERIM, '2026-05-12', '2026-05-13')];
      expect(dueOf(facts({ settingType, history }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
      ]);
    });

    test('CH-005 a full and an interim in the year leave nothing due', () => {
      const history = [past(INTERIM, '2026-10-20', '2026-10-21'), past(FULL, '2026-04-14', '2026-04-16', OUTSTANDING)];
      expect(dueOf(facts({ settingType, history }))).toEqual([]);
    });

    test('CH-005 inspections in the previous inspection year do not count', () => {
      const history = [past(FULL, '2025-10-06', '2025-10-08', GOOD), past(INTERIM, '2026-03-30', '2026-03-31')];
      expect(dueOf(facts({ settingType, history }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
        { kind: DueKind.INTERIM_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
      ]);
    });

    test('CH-005 an inspection ending on 1 April counts in the year that starts that day', () => {
      const history = [past(FULL, '2026-03-30', '2026-04-01', GOOD)];
      expect(ofKind(facts({ settingType, history }), DueKind.FULL_INSPECTION)).toEqual([]);
    });

    test('CH-005 on 31 March the year is the one ending that day', () => {
      const history = [past(FULL, '2026-06-08', '2026-06-10', GOOD)];
      expect(dueOf(facts({ settingType, history, today: '2027-03-31' }))).toEqual([
        { kind: DueKind.INTERIM_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
      ]);
    });

    test("CH-005 on 1 April a new year starts: last year's inspections no longer count", () => {
      const history = [past(FULL, '2026-06-08', '2026-06-10', GOOD), past(INTERIM, '2027-03-30', '2027-03-31')];
      expect(dueOf(facts({ settingType, history, today: '2027-04-01' }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2027-04-01', latest: '2028-03-31', ruleId: 'CH-005' },
        { kind: DueKind.INTERIM_INSPECTION, earliest: '2027-04-01', latest: '2028-03-31', ruleId: 'CH-005' },
      ]);
    });

    test('CH-006 a monitoring visit is neither the full nor the interim', () => {
      const history = [past(MONITORING, '2026-07-01', '2026-07-01')];
      expect(dueOf(facts({ settingType, history })).map((d) => d.kind)).toEqual([DueKind.FULL_INSPECTION, DueKind.INTERIM_INSPECTION]);
    });

    describe('after an inadequate judgement', () => {
      test('CH-179 a full inspection judged inadequate: inspection activity 6 to 8 weeks after its end', () => {
        const history = [past(FULL, '2026-09-29', '2026-10-01', INADEQUATE)];
        expect(dueOf(facts({ settingType, history }))).toEqual([
          { kind: DueKind.INSPECTION_ACTIVITY, earliest: '2026-11-12', latest: '2026-11-26', ruleId: 'CH-179' },
          { kind: DueKind.INTERIM_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
        ]);
      });

      test('CH-179 counted from publication when so configured: the report published on 5 November', () => {
        const history = [{ ...past(FULL, '2026-09-29', '2026-10-01', INADEQUATE), publishedOn: '2026-11-05' }];
        const policy = { returnVisitAnchor: ReturnVisitAnchor.PUBLICATION };
        const [activity] = inspectionsDue(facts({ settingType, history, policy, today: '2026-11-20' }));
        expect(activity).toMatchObject({
          kind: DueKind.INSPECTION_ACTIVITY,
          earliest: '2026-12-17',
          latest: '2026-12-31',
          ruleId: 'CH-179',
        });
        expect(activity?.reason).toContain('publication, 2026-11-05');
      });

      test('CH-179 counted from publication, before it: from the end of the inspection, and the reason says so', () => {
        const history = [past(FULL, '2026-09-29', '2026-10-01', INADEQUATE)];
        const policy = { returnVisitAnchor: ReturnVisitAnchor.PUBLICATION };
        const [activity] = inspectionsDue(facts({ settingType, history, policy }));
        expect(activity).toMatchObject({ earliest: '2026-11-12', latest: '2026-11-26', ruleId: 'CH-179' });
        expect(activity?.reason).toContain('until the report is published');
      });

      test('CH-179 by default counted from the end of the inspection, even once published', () => {
        const history = [{ ...past(FULL, '2026-09-29', '2026-10-01', INADEQUATE), publishedOn: '2026-11-05' }];
        const [activity] = inspectionsDue(facts({ settingType, history }));
        expect(activity).toMatchObject({ earliest: '2026-11-12', latest: '2026-11-26' });
        expect(activity?.reason).toContain('the end of the inspection, 2026-10-01');
      });

      test('CH-179 the reason names the date of the inadequate judgement', () => {
        const history = [past(FULL, '2026-09-29', '2026-10-01', INADEQUATE)];
        const activity = inspectionsDue(facts({ settingType, history })).find((d) => d.kind === DueKind.INSPECTION_ACTIVITY);
        expect(activity?.reason).toContain('2026-10-01');
      });

      test("CH-179 a monitoring visit's new inadequate grade: activity 6 to 8 weeks after the visit", () => {
        const history = [past(FULL, '2026-06-08', '2026-06-10', RI), past(MONITORING, '2026-09-15', '2026-09-16', INADEQUATE)];
        expect(ofKind(facts({ settingType, history }), DueKind.INSPECTION_ACTIVITY)).toEqual([
          { kind: DueKind.INSPECTION_ACTIVITY, earliest: '2026-10-28', latest: '2026-11-11', ruleId: 'CH-179' },
        ]);
      });

      test('CH-179 an inadequate judgement in the previous inspection year still calls for activity', () => {
        const history = [past(FULL, '2026-03-18', '2026-03-20', INADEQUATE)];
        expect(dueOf(facts({ settingType, history }))).toEqual([
          { kind: DueKind.INSPECTION_ACTIVITY, earliest: '2026-05-01', latest: '2026-05-15', ruleId: 'CH-179' },
          { kind: DueKind.FULL_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
          { kind: DueKind.INTERIM_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
        ]);
      });

      test('CH-179 a monitoring visit starting after the inadequate judgement removes the activity', () => {
        const history = [past(MONITORING, '2026-11-10', '2026-11-10'), past(FULL, '2026-09-29', '2026-10-01', INADEQUATE)];
        expect(ofKind(facts({ settingType, history }), DueKind.INSPECTION_ACTIVITY)).toEqual([]);
      });

      test('CH-179 an interim inspection starting after the inadequate judgement removes the activity', () => {
        const history = [past(FULL, '2026-09-29', '2026-10-01', INADEQUATE), past(INTERIM, '2026-11-16', '2026-11-17')];
        expect(dueOf(facts({ settingType, history }))).toEqual([]);
      });

      test('CH-179 a later good full inspection makes the last graded one good: no activity due', () => {
        const history = [past(FULL, '2026-09-01', '2026-09-03', GOOD), past(FULL, '2026-05-05', '2026-05-07', INADEQUATE)];
        expect(dueOf(facts({ settingType, history }))).toEqual([
          { kind: DueKind.INTERIM_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
        ]);
      });

      test("CH-179 a monitoring visit's new good grade after an inadequate one: no activity due", () => {
        const history = [past(FULL, '2026-05-05', '2026-05-07', INADEQUATE), past(MONITORING, '2026-06-20', '2026-06-20', GOOD)];
        expect(ofKind(facts({ settingType, history }), DueKind.INSPECTION_ACTIVITY)).toEqual([]);
      });

      test.each([OUTSTANDING, GOOD, RI])('CH-179 a full inspection judged %s calls for no activity', (overall) => {
        const history = [past(FULL, '2026-09-29', '2026-10-01', overall)];
        expect(ofKind(facts({ settingType, history }), DueKind.INSPECTION_ACTIVITY)).toEqual([]);
      });
    });
  });

  test("CH-005 an assurance visit at a secure children's home is neither the full nor the interim", () => {
    const history = [past(ASSURANCE, '2026-07-01', '2026-07-01')];
    expect(dueOf(facts({ settingType: SettingType.SECURE_CHILDRENS_HOME, history })).map((d) => d.kind)).toEqual([
      DueKind.FULL_INSPECTION,
      DueKind.INTERIM_INSPECTION,
    ]);
  });
});

describe('inspectionsDue: residential family centres and adoption support agencies', () => {
  const RFC = SettingType.RESIDENTIAL_FAMILY_CENTRE;
  const ASA = SettingType.ADOPTION_SUPPORT_AGENCY;

  describe('a new setting', () => {
    test.each<[LocalDate, LocalDate]>([
      ['2026-05-20', '2027-05-20'],
      ['2028-02-29', '2029-02-28'],
      ['2026-12-31', '2027-12-31'],
    ])('RFC-042 a family centre registered on %s: first inspection from then until %s', (registrationDate, latest) => {
      expect(dueOf(facts({ settingType: RFC, registrationDate }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: registrationDate, latest, ruleId: 'RFC-042' },
      ]);
    });

    test.each<[LocalDate, LocalDate, LocalDate]>([
      ['2026-03-15', '2026-10-15', '2027-03-15'],
      ['2026-07-31', '2027-02-28', '2027-07-31'],
      ['2027-07-31', '2028-02-29', '2028-07-31'],
      ['2026-05-31', '2026-12-31', '2027-05-31'],
      ['2028-02-29', '2028-09-29', '2029-02-28'],
    ])('ASA-040 an agency registered on %s: first inspection from %s to %s', (registrationDate, earliest, latest) => {
      expect(dueOf(facts({ settingType: ASA, registrationDate }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest, latest, ruleId: 'ASA-040' },
      ]);
    });

    test('RFC-042 a monitoring visit is not the first inspection', () => {
      const history = [past(MONITORING, '2026-08-01', '2026-08-01')];
      expect(dueOf(facts({ settingType: RFC, registrationDate: '2026-05-20', history }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-05-20', latest: '2027-05-20', ruleId: 'RFC-042' },
      ]);
    });

    test('ASA-040 a monitoring visit is not the first inspection', () => {
      const history = [past(MONITORING, '2026-08-01', '2026-08-01')];
      expect(dueOf(facts({ settingType: ASA, registrationDate: '2026-03-15', history }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-10-15', latest: '2027-03-15', ruleId: 'ASA-040' },
      ]);
    });
  });

  describe.each<[SettingType, string, string, string]>([
    [RFC, 'RFC-040', 'RFC-041', 'RFC-041'],
    [ASA, 'ASA-037', 'ASA-038', 'ASA-039'],
  ])('a %s', (settingType, cycleRule, inadequateRule, riRule) => {
    test.each<[LocalDate, LocalDate, LocalDate]>([
      ['2025-06-10', '2026-04-01', '2029-03-31'],
      ['2026-03-31', '2026-04-01', '2029-03-31'],
      ['2026-04-01', '2027-04-01', '2030-03-31'],
      ['2028-02-29', '2028-04-01', '2031-03-31'],
    ])(`${cycleRule} last full inspection ended %s: the 3-year cycle runs %s to %s`, (end, earliest, latest) => {
      const history = [past(FULL, end, end, GOOD)];
      expect(dueOf(facts({ settingType, history }))).toEqual([{ kind: DueKind.FULL_INSPECTION, earliest, latest, ruleId: cycleRule }]);
    });

    test(`${cycleRule} the reason names the cycle's start`, () => {
      const history = [past(FULL, '2025-06-08', '2025-06-10', GOOD)];
      expect(inspectionsDue(facts({ settingType, history }))[0].reason).toContain('2026-04-01');
    });

    test(`${inadequateRule} judged inadequate: a full inspection 6 to 12 months after, as well as the cycle`, () => {
      const history = [past(FULL, '2025-06-08', '2025-06-10', INADEQUATE)];
      expect(dueOf(facts({ settingType, history }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2025-12-10', latest: '2026-06-10', ruleId: inadequateRule },
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-04-01', latest: '2029-03-31', ruleId: cycleRule },
      ]);
    });

    test(`${inadequateRule} judged inadequate at a month end: the window clamps to February's end`, () => {
      const history = [past(FULL, '2025-08-29', '2025-08-31', INADEQUATE)];
      expect(ofKind(facts({ settingType, history }), DueKind.FULL_INSPECTION).find((d) => d.ruleId === inadequateRule)).toEqual({
        kind: DueKind.FULL_INSPECTION,
        earliest: '2026-02-28',
        latest: '2026-08-31',
        ruleId: inadequateRule,
      });
    });

    test(`${riRule} judged requires improvement to be good: a full inspection 12 to 18 months after, as well as the cycle`, () => {
      const history = [past(FULL, '2025-06-08', '2025-06-10', RI)];
      expect(dueOf(facts({ settingType, history }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-06-10', latest: '2026-12-10', ruleId: riRule },
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-04-01', latest: '2029-03-31', ruleId: cycleRule },
      ]);
    });

    test(`${riRule} judged requires improvement at a month end: 18 months later lands on 29 February`, () => {
      const history = [past(FULL, '2026-08-27', '2026-08-31', RI)];
      expect(dueOf(facts({ settingType, history }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2027-08-31', latest: '2028-02-29', ruleId: riRule },
        { kind: DueKind.FULL_INSPECTION, earliest: '2027-04-01', latest: '2030-03-31', ruleId: cycleRule },
      ]);
    });

    test.each([GOOD, OUTSTANDING])(`${cycleRule} judged %s: only the cycle is due`, (overall) => {
      const history = [past(FULL, '2025-06-08', '2025-06-10', overall)];
      expect(dueOf(facts({ settingType, history }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-04-01', latest: '2029-03-31', ruleId: cycleRule },
      ]);
    });

    test(`${cycleRule} the latest full inspection counts, whatever the order of the history`, () => {
      const history = [past(FULL, '2025-06-08', '2025-06-10', GOOD), past(FULL, '2024-05-01', '2024-05-03', INADEQUATE)];
      expect(dueOf(facts({ settingType, history }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-04-01', latest: '2029-03-31', ruleId: cycleRule },
      ]);
    });

    test(`${cycleRule} a monitoring visit after the last full inspection does not reset the cycle or the reinspection window`, () => {
      const history = [past(FULL, '2025-06-08', '2025-06-10', RI), past(MONITORING, '2026-05-01', '2026-05-01')];
      expect(dueOf(facts({ settingType, history }))).toEqual([
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-06-10', latest: '2026-12-10', ruleId: riRule },
        { kind: DueKind.FULL_INSPECTION, earliest: '2026-04-01', latest: '2029-03-31', ruleId: cycleRule },
      ]);
    });

    test(`${cycleRule} no full-and-interim pair and no CH-179 activity for this setting`, () => {
      const history = [past(FULL, '2026-09-29', '2026-10-01', INADEQUATE)];
      const kinds = dueOf(facts({ settingType, history })).map((d) => d.kind);
      expect(kinds).not.toContain(DueKind.INTERIM_INSPECTION);
      expect(kinds).not.toContain(DueKind.INSPECTION_ACTIVITY);
    });
  });
});

describe('inspectionsDue: compliance notice follow-up', () => {
  test.each(CHILDRENS_HOMES)(
    'CH-198 a %s: from the day after the completion date to 5 working days after, across Christmas and New Year',
    (settingType) => {
      // 24 Dec Thu (1), 25 Fri and 28 Mon bank holidays, 29 (2), 30 (3), 31 (4), 1 Jan holiday, 4 Jan Mon (5).
      expect(ofKind(facts({ settingType, noticeActions: actions('2026-12-23') }), DueKind.COMPLIANCE_FOLLOW_UP)).toEqual([
        { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2026-12-24', latest: '2027-01-04', ruleId: 'CH-198' },
      ]);
    },
  );

  test('CH-198 the day after is a calendar day: a Friday completion date is followed up from the Saturday', () => {
    expect(ofKind(facts({ noticeActions: actions('2026-11-27') }), DueKind.COMPLIANCE_FOLLOW_UP)).toEqual([
      { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2026-11-28', latest: '2026-12-04', ruleId: 'CH-198' },
    ]);
  });

  test.each<[string, SettingType]>([
    ['RFC-096', SettingType.RESIDENTIAL_FAMILY_CENTRE],
    ['ASA-114', SettingType.ADOPTION_SUPPORT_AGENCY],
  ])('%s a %s: from the completion date itself to 5 working days after', (ruleId, settingType) => {
    expect(ofKind(facts({ settingType, noticeActions: actions('2026-12-23') }), DueKind.COMPLIANCE_FOLLOW_UP)).toEqual([
      { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2026-12-23', latest: '2027-01-04', ruleId },
    ]);
  });

  test('CH-198 the reason names the completion date', () => {
    const followUp = inspectionsDue(facts({ noticeActions: actions('2026-12-23') })).find((d) => d.kind === DueKind.COMPLIANCE_FOLLOW_UP);
    expect(followUp?.reason).toContain('2026-12-23');
  });

  test('CH-197 several actions with the same completion date give one follow-up', () => {
    expect(ofKind(facts({ noticeActions: actions('2026-12-23', '2026-12-23', '2026-12-23') }), DueKind.COMPLIANCE_FOLLOW_UP)).toEqual([
      { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2026-12-24', latest: '2027-01-04', ruleId: 'CH-198' },
    ]);
  });

  test('RFC-096 several actions with the same completion date give one follow-up', () => {
    const f = facts({ settingType: SettingType.RESIDENTIAL_FAMILY_CENTRE, noticeActions: actions('2026-12-23', '2026-12-23') });
    expect(ofKind(f, DueKind.COMPLIANCE_FOLLOW_UP)).toHaveLength(1);
  });

  test('CH-198 actions with different completion dates give one follow-up each, by latest date', () => {
    expect(ofKind(facts({ noticeActions: actions('2027-01-15', '2026-12-23') }), DueKind.COMPLIANCE_FOLLOW_UP)).toEqual([
      { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2026-12-24', latest: '2027-01-04', ruleId: 'CH-198' },
      { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2027-01-16', latest: '2027-01-22', ruleId: 'CH-198' },
    ]);
  });

  test('CH-198 a visit starting after the completion date removes its follow-up', () => {
    const history = [past(MONITORING, '2026-12-24', '2026-12-24')];
    expect(ofKind(facts({ history, noticeActions: actions('2026-12-23') }), DueKind.COMPLIANCE_FOLLOW_UP)).toEqual([]);
  });

  test('CH-198 a visit starting on or before the completion date does not remove its follow-up', () => {
    for (const start of ['2026-12-23', '2026-12-01']) {
      const history = [past(MONITORING, start, start)];
      expect(ofKind(facts({ history, noticeActions: actions('2026-12-23') }), DueKind.COMPLIANCE_FOLLOW_UP)).toHaveLength(1);
    }
  });

  test('CH-198 a visit between two completion dates removes only the earlier follow-up', () => {
    const history = [past(MONITORING, '2027-01-05', '2027-01-05')];
    expect(ofKind(facts({ history, noticeActions: actions('2026-12-23', '2027-01-15') }), DueKind.COMPLIANCE_FOLLOW_UP)).toEqual([
      { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2027-01-16', latest: '2027-01-22', ruleId: 'CH-198' },
    ]);
  });

  test.each<[string, SettingType]>([
    ['RFC-096', SettingType.RESIDENTIAL_FAMILY_CENTRE],
    ['ASA-114', SettingType.ADOPTION_SUPPORT_AGENCY],
  ])('%s a %s: a visit starting after the completion date removes its follow-up', (_ruleId, settingType) => {
    const history = [past(FULL, '2025-06-08', '2025-06-10', GOOD), past(MONITORING, '2026-12-29', '2026-12-29')];
    expect(ofKind(facts({ settingType, history, noticeActions: actions('2026-12-23') }), DueKind.COMPLIANCE_FOLLOW_UP)).toEqual([]);
  });

  test('CH-198 an independent fostering agency gets only compliance follow-ups', () => {
    const history = [past(FULL, '2025-06-08', '2025-06-10', INADEQUATE)];
    expect(dueOf(facts({ settingType: SettingType.INDEPENDENT_FOSTERING_AGENCY, history, noticeActions: actions('2026-12-23') }))).toEqual([
      { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2026-12-24', latest: '2027-01-04', ruleId: 'CH-198' },
    ]);
  });

  test.each([
    SettingType.INDEPENDENT_FOSTERING_AGENCY,
    SettingType.BOARDING_SCHOOL,
    SettingType.RESIDENTIAL_SPECIAL_SCHOOL,
    SettingType.VOLUNTARY_ADOPTION_AGENCY,
    SettingType.RESIDENTIAL_HOLIDAY_SCHEME_FOR_DISABLED_CHILDREN,
    SettingType.RESIDENTIAL_FURTHER_EDUCATION_COLLEGE,
  ])('CH-198 a %s outside the scheduling guidance with no notice actions has nothing due', (settingType) => {
    const history = [past(FULL, '2026-09-29', '2026-10-01', INADEQUATE)];
    expect(dueOf(facts({ settingType, history }))).toEqual([]);
  });
});

describe('inspectionsDue: ordering', () => {
  test("CH-179 CH-198 CH-005 a children's home's items are sorted by latest date", () => {
    const history = [past(FULL, '2026-09-29', '2026-10-01', INADEQUATE)];
    // 2026-11-20 Fri + 5 working days = 2026-11-27; 2027-06-01 Tue + 5 = 2027-06-08.
    expect(dueOf(facts({ history, noticeActions: actions('2027-06-01', '2026-11-20') }))).toEqual([
      { kind: DueKind.INSPECTION_ACTIVITY, earliest: '2026-11-12', latest: '2026-11-26', ruleId: 'CH-179' },
      { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2026-11-21', latest: '2026-11-27', ruleId: 'CH-198' },
      { kind: DueKind.INTERIM_INSPECTION, earliest: '2026-04-01', latest: '2027-03-31', ruleId: 'CH-005' },
      { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2027-06-02', latest: '2027-06-08', ruleId: 'CH-198' },
    ]);
  });

  test("RFC-041 RFC-040 RFC-096 a family centre's items are sorted by latest date", () => {
    const history = [past(FULL, '2026-05-18', '2026-05-20', INADEQUATE)];
    const due = dueOf(
      facts({ settingType: SettingType.RESIDENTIAL_FAMILY_CENTRE, history, noticeActions: actions('2028-01-10', '2026-12-23') }),
    );
    // 2028-01-10 Mon + 5 working days = 2028-01-17.
    expect(due).toEqual([
      { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2026-12-23', latest: '2027-01-04', ruleId: 'RFC-096' },
      { kind: DueKind.FULL_INSPECTION, earliest: '2026-11-20', latest: '2027-05-20', ruleId: 'RFC-041' },
      { kind: DueKind.COMPLIANCE_FOLLOW_UP, earliest: '2028-01-10', latest: '2028-01-17', ruleId: 'RFC-096' },
      { kind: DueKind.FULL_INSPECTION, earliest: '2027-04-01', latest: '2030-03-31', ruleId: 'RFC-040' },
    ]);
    const latest = due.map((d) => d.latest);
    expect(latest).toEqual([...latest].sort());
  });
});
