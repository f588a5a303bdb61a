import {
  InspectionType,
  NoticeRule,
  assessNotice,
  noticeRequirement,
  validateInspectionTypeForSetting,
  type NoticeRequirement,
} from '../../src/domain/inspection-types';
import type { LocalDate } from '../../src/domain/local-date';
import { SETTING_TYPES, SettingType } from '../../src/domain/setting-types';
import { addWorkingDays } from '../../src/domain/working-days';
import { expectOnlyRuleViolation } from '../support/violations';

const { FULL_INSPECTION: FULL, INTERIM_INSPECTION: INTERIM, MONITORING_VISIT: MONITORING, ASSURANCE_VISIT: ASSURANCE } = InspectionType;
const { UNANNOUNCED, WORKING_DAYS_NOTICE, USUALLY_UNANNOUNCED, ANNOUNCED_ON_FIRST_DAY, NOT_SET } = NoticeRule;
const ALL_SETTING_TYPES = Object.values(SettingType);
const CHILDRENS_HOMES = [SettingType.CHILDRENS_HOME, SettingType.SECURE_CHILDRENS_HOME];

describe('validateInspectionTypeForSetting', () => {
  test.each([
    ...ALL_SETTING_TYPES.map((settingType) => ['a full inspection', settingType, InspectionType.FULL_INSPECTION] as const),
    ...ALL_SETTING_TYPES.map((settingType) => ['a monitoring visit', settingType, InspectionType.MONITORING_VISIT] as const),
    ...CHILDRENS_HOMES.map((settingType) => ['CH-170 an interim inspection', settingType, InspectionType.INTERIM_INSPECTION] as const),
  ])('%s is allowed for a %s', (_what, settingType, type) => {
    expect(validateInspectionTypeForSetting(type, settingType)).toEqual([]);
  });

  const REJECTED = [
    ...ALL_SETTING_TYPES.filter((t) => !CHILDRENS_HOMES.includes(t)).map((settingType) => ({
      ruleId: 'CH-170',
      what: 'an interim inspection',
      type: InspectionType.INTERIM_INSPECTION,
      settingType,
      phrase: "Interim inspections are for children's homes and secure children's homes",
    })),
    ...ALL_SETTING_TYPES.filter((t) => t !== SettingType.SECURE_CHILDRENS_HOME).map((settingType) => ({
      ruleId: 'CA-052',
      what: 'an assurance visit',
      type: InspectionType.ASSURANCE_VISIT,
      settingType,
      phrase: "Assurance visits are for secure children's homes only",
    })),
  ];
  test.each(REJECTED)('$ruleId $what is rejected for a $settingType', ({ ruleId, type, settingType, phrase }) => {
    const violations = validateInspectionTypeForSetting(type, settingType);
    expectOnlyRuleViolation(violations, ruleId, ['type'], phrase);
    expect(violations[0].message).toContain(SETTING_TYPES[settingType].label.toLowerCase());
  });

  test('CH-170 interim inspections are rejected for residential family centres, adoption support agencies, fostering agencies and boarding schools', () => {
    for (const settingType of [
      SettingType.RESIDENTIAL_FAMILY_CENTRE,
      SettingType.ADOPTION_SUPPORT_AGENCY,
      SettingType.INDEPENDENT_FOSTERING_AGENCY,
      SettingType.BOARDING_SCHOOL,
    ]) {
      expect(validateInspectionTypeForSetting(InspectionType.INTERIM_INSPECTION, settingType).map((v) => v.ruleId)).toEqual(['CH-170']);
    }
  });

  test("CA-052 an assurance visit is allowed for a secure children's home", () => {
    expect(validateInspectionTypeForSetting(InspectionType.ASSURANCE_VISIT, SettingType.SECURE_CHILDRENS_HOME)).toEqual([]);
  });
});

describe('noticeRequirement', () => {
  const notice = (rule: NoticeRule, ruleId: string | null, workingDays: number | null = null): NoticeRequirement => ({
    rule,
    ruleId,
    workingDays,
  });

  test.each<[InspectionType, SettingType, boolean, NoticeRequirement]>([
    [FULL, SettingType.CHILDRENS_HOME, false, notice(UNANNOUNCED, 'CH-004')],
    [FULL, SettingType.SECURE_CHILDRENS_HOME, false, notice(UNANNOUNCED, 'CH-004')],
    [INTERIM, SettingType.CHILDRENS_HOME, false, notice(UNANNOUNCED, 'CH-004')],
    [INTERIM, SettingType.SECURE_CHILDRENS_HOME, false, notice(UNANNOUNCED, 'CH-004')],
    [FULL, SettingType.RESIDENTIAL_FAMILY_CENTRE, false, notice(UNANNOUNCED, 'RFC-047')],
    [FULL, SettingType.ADOPTION_SUPPORT_AGENCY, false, notice(WORKING_DAYS_NOTICE, 'ASA-043', 10)],
    [FULL, SettingType.ADOPTION_SUPPORT_AGENCY, true, notice(WORKING_DAYS_NOTICE, 'ASA-043', 20)],
    [MONITORING, SettingType.CHILDRENS_HOME, false, notice(USUALLY_UNANNOUNCED, 'CH-195')],
    [MONITORING, SettingType.SECURE_CHILDRENS_HOME, false, notice(USUALLY_UNANNOUNCED, 'CH-195')],
    [MONITORING, SettingType.RESIDENTIAL_FAMILY_CENTRE, false, notice(USUALLY_UNANNOUNCED, 'RFC-095')],
    [MONITORING, SettingType.ADOPTION_SUPPORT_AGENCY, true, notice(USUALLY_UNANNOUNCED, 'ASA-113')],
    [MONITORING, SettingType.INDEPENDENT_FOSTERING_AGENCY, false, notice(USUALLY_UNANNOUNCED, 'CH-195')],
    [ASSURANCE, SettingType.SECURE_CHILDRENS_HOME, false, notice(ANNOUNCED_ON_FIRST_DAY, 'CA-058')],
    [FULL, SettingType.INDEPENDENT_FOSTERING_AGENCY, false, notice(NOT_SET, null)],
    [FULL, SettingType.BOARDING_SCHOOL, false, notice(NOT_SET, null)],
    [FULL, SettingType.VOLUNTARY_ADOPTION_AGENCY, true, notice(NOT_SET, null)],
  ])('%s of a %s (single-person agency: %s) has notice rule %o', (type, settingType, singlePerson, expected) => {
    expect(noticeRequirement(type, settingType, singlePerson)).toEqual(expected);
  });

  test('ASA-043 a single-person agency makes no difference outside adoption support agencies', () => {
    expect(noticeRequirement(InspectionType.FULL_INSPECTION, SettingType.CHILDRENS_HOME, true)).toEqual(
      noticeRequirement(InspectionType.FULL_INSPECTION, SettingType.CHILDRENS_HOME, false),
    );
  });
});

describe('assessNotice', () => {
  const START = '2026-11-24'; // a Tuesday

  describe('unannounced inspections (CH-004, RFC-047)', () => {
    const UNANNOUNCED_CASES: [string, InspectionType, SettingType][] = [
      ['CH-004', FULL, SettingType.CHILDRENS_HOME],
      ['CH-004', INTERIM, SettingType.CHILDRENS_HOME],
      ['CH-004', FULL, SettingType.SECURE_CHILDRENS_HOME],
      ['RFC-047', FULL, SettingType.RESIDENTIAL_FAMILY_CENTRE],
    ];

    test.each(UNANNOUNCED_CASES)('%s a %s of a %s given no notice is not a breach', (ruleId, type, settingType) => {
      const assessment = assessNotice(noticeRequirement(type, settingType, false), null, START, null);
      expect(assessment).toMatchObject({ rule: NoticeRule.UNANNOUNCED, ruleId, breach: false, workingDaysGiven: null });
      expect(assessment.explanation).toContain('Unannounced');
    });

    test.each(UNANNOUNCED_CASES)('%s a %s of a %s given notice is a breach, even with a reason', (ruleId, type, settingType) => {
      const assessment = assessNotice(noticeRequirement(type, settingType, false), '2026-11-17', START, 'The provider asked');
      expect(assessment).toMatchObject({ ruleId, breach: true, workingDaysGiven: 5 });
      expect(assessment.explanation).toContain('Notice was given on 2026-11-17');
      expect(assessment.explanation).toContain('unannounced');
    });
  });

  describe('ASA-043 working days of notice for adoption support agencies', () => {
    const ASA_START = '2026-12-31'; // a Thursday; 25 Dec, 26 Dec (Saturday) and 28 Dec (Boxing Day substitute) are not working days
    const agency = noticeRequirement(InspectionType.FULL_INSPECTION, SettingType.ADOPTION_SUPPORT_AGENCY, false);
    const singlePerson = noticeRequirement(InspectionType.FULL_INSPECTION, SettingType.ADOPTION_SUPPORT_AGENCY, true);

    test('the latest notice dates, counted by hand over Christmas 2026, match addWorkingDays', () => {
      // Back from Thu 31 Dec: 30, 29, (28 substitute, 27 Sun, 26 Sat, 25 Christmas), 24, 23, 22, 21, 18, 17, 16, 15.
      expect(addWorkingDays(ASA_START, -10)).toBe('2026-12-15');
      // Then 14, 11, 10, 9, 8, 7, 4, 3, 2, 1.
      expect(addWorkingDays(ASA_START, -20)).toBe('2026-12-01');
    });

    test.each<[string, number, NoticeRequirement, LocalDate]>([
      ['an agency', 10, agency, '2026-12-15'],
      ['a single-person agency', 20, singlePerson, '2026-12-01'],
    ])('ASA-043 %s given notice exactly %i working days before the start is not in breach', (_who, days, requirement, expectedOn) => {
      const noticeOn = addWorkingDays(ASA_START, -days);
      expect(noticeOn).toBe(expectedOn);
      const assessment = assessNotice(requirement, noticeOn, ASA_START, null);
      expect(assessment).toMatchObject({
        rule: NoticeRule.WORKING_DAYS_NOTICE,
        ruleId: 'ASA-043',
        workingDays: days,
        workingDaysGiven: days,
        breach: false,
      });
      expect(assessment.explanation).toContain(`${days} working days' notice given; ${days} due`);
    });

    test.each<[string, number, NoticeRequirement, LocalDate, string]>([
      ['an agency', 9, agency, '2026-12-16', "Only 9 working days' notice given; 10 due"],
      ['a single-person agency', 19, singlePerson, '2026-12-02', '20 due'],
    ])(
      'ASA-043 %s given notice one working day later (%i working days) is in breach',
      (_who, given, requirement, expectedOn, explanation) => {
        const noticeOn = addWorkingDays(addWorkingDays(ASA_START, -(given + 1)), 1);
        expect(noticeOn).toBe(expectedOn);
        const assessment = assessNotice(requirement, noticeOn, ASA_START, null);
        expect(assessment).toMatchObject({ ruleId: 'ASA-043', workingDaysGiven: given, breach: true });
        expect(assessment.explanation).toContain(explanation);
      },
    );

    test('ASA-043 ten weekdays before the start is not ten working days when bank holidays fall between', () => {
      // Counting weekdays only would give 17 Dec; Christmas Day and the Boxing Day substitute make it 8 working days.
      const assessment = assessNotice(agency, '2026-12-17', ASA_START, null);
      expect(assessment).toMatchObject({ ruleId: 'ASA-043', workingDaysGiven: 8, breach: true });
    });

    test('ASA-043 more notice than required is not a breach', () => {
      expect(assessNotice(agency, '2026-11-30', ASA_START, null)).toMatchObject({ workingDaysGiven: 21, breach: false });
    });

    test('ASA-043 10 working days is not enough for a single-person agency', () => {
      expect(assessNotice(singlePerson, '2026-12-15', ASA_START, null)).toMatchObject({ workingDaysGiven: 10, breach: true });
    });

    test.each<[string, NoticeRequirement, number]>([
      ['an agency', agency, 10],
      ['a single-person agency', singlePerson, 20],
    ])('ASA-043 no notice recorded for %s is a breach', (_label, requirement, due) => {
      const assessment = assessNotice(requirement, null, ASA_START, null);
      expect(assessment).toMatchObject({ ruleId: 'ASA-043', workingDaysGiven: null, breach: true });
      expect(assessment.explanation).toContain(`No notice recorded; ${due} working days are due`);
    });
  });

  describe('monitoring visits: usually unannounced (CH-195, RFC-095, ASA-113)', () => {
    const MONITORING_RULES: [string, SettingType][] = [
      ['CH-195', SettingType.CHILDRENS_HOME],
      ['CH-195', SettingType.SECURE_CHILDRENS_HOME],
      ['RFC-095', SettingType.RESIDENTIAL_FAMILY_CENTRE],
      ['ASA-113', SettingType.ADOPTION_SUPPORT_AGENCY],
      ['CH-195', SettingType.INDEPENDENT_FOSTERING_AGENCY],
    ];
    const without = (...settingTypes: SettingType[]) => MONITORING_RULES.filter(([, settingType]) => !settingTypes.includes(settingType));

    test.each(MONITORING_RULES)('%s a monitoring visit to a %s announced without a reason is a breach', (ruleId, settingType) => {
      const requirement = noticeRequirement(InspectionType.MONITORING_VISIT, settingType, false);
      for (const reason of [null, '']) {
        const assessment = assessNotice(requirement, '2026-11-20', START, reason);
        expect(assessment).toMatchObject({ rule: NoticeRule.USUALLY_UNANNOUNCED, ruleId, breach: true, workingDaysGiven: 2 });
        expect(assessment.explanation).toContain('without a recorded reason');
      }
    });

    test.each(without(SettingType.SECURE_CHILDRENS_HOME))(
      '%s a monitoring visit to a %s announced with a recorded reason is not a breach',
      (ruleId, settingType) => {
        const requirement = noticeRequirement(InspectionType.MONITORING_VISIT, settingType, false);
        const assessment = assessNotice(requirement, '2026-11-20', START, 'The case review agreed notice so that the manager is present');
        expect(assessment).toMatchObject({ ruleId, breach: false, workingDaysGiven: 2 });
        expect(assessment.explanation).toContain('The case review agreed notice so that the manager is present');
      },
    );

    test.each(without(SettingType.SECURE_CHILDRENS_HOME, SettingType.INDEPENDENT_FOSTERING_AGENCY))(
      '%s an unannounced monitoring visit to a %s is not a breach',
      (ruleId, settingType) => {
        const requirement = noticeRequirement(InspectionType.MONITORING_VISIT, settingType, false);
        expect(assessNotice(requirement, null, START, null)).toMatchObject({ ruleId, breach: false, workingDaysGiven: null });
      },
    );

    test('CH-195 a reason of only spaces is not a recorded reason', () => {
      const requirement = noticeRequirement(InspectionType.MONITORING_VISIT, SettingType.CHILDRENS_HOME, false);
      expect(assessNotice(requirement, '2026-11-20', START, '   ')).toMatchObject({ ruleId: 'CH-195', breach: true });
    });
  });

  describe('CA-058 assurance visits are announced on their first day', () => {
    const requirement = noticeRequirement(InspectionType.ASSURANCE_VISIT, SettingType.SECURE_CHILDRENS_HOME, false);

    test('CA-058 announced on its first day is not a breach', () => {
      const assessment = assessNotice(requirement, START, START, null);
      expect(assessment).toMatchObject({ rule: NoticeRule.ANNOUNCED_ON_FIRST_DAY, ruleId: 'CA-058', breach: false, workingDaysGiven: 0 });
      expect(assessment.explanation).toContain('Announced on its first day');
    });

    test('CA-058 not yet announced is not a breach', () => {
      expect(assessNotice(requirement, null, START, null)).toMatchObject({ ruleId: 'CA-058', breach: false, workingDaysGiven: null });
    });

    test('CA-058 announced the day before is a breach, even with a reason', () => {
      const assessment = assessNotice(requirement, '2026-11-23', START, 'Convenient for the home');
      expect(assessment).toMatchObject({ ruleId: 'CA-058', breach: true, workingDaysGiven: 1 });
      expect(assessment.explanation).toContain('not on its first day (2026-11-24)');
    });
  });

  describe('settings with no notice rule', () => {
    test.each([SettingType.INDEPENDENT_FOSTERING_AGENCY, SettingType.BOARDING_SCHOOL, SettingType.RESIDENTIAL_SPECIAL_SCHOOL])(
      'a full inspection of a %s never breaches a notice rule',
      (settingType) => {
        const requirement = noticeRequirement(InspectionType.FULL_INSPECTION, settingType, false);
        expect(assessNotice(requirement, null, START, null)).toMatchObject({
          rule: NoticeRule.NOT_SET,
          ruleId: null,
          breach: false,
          workingDaysGiven: null,
        });
        const announced = assessNotice(requirement, '2026-11-02', START, null);
        expect(announced).toMatchObject({ rule: NoticeRule.NOT_SET, breach: false, workingDaysGiven: 16 });
        expect(announced.explanation).toContain('No notice rule');
        expect(assessNotice(requirement, START, START, null)).toMatchObject({ breach: false, workingDaysGiven: 0 });
      },
    );
  });
});
