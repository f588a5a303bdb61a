import {
  InspectionType,
  NoticeRule,
  assessNotice,
  noticeRequirement,
  validateInspectionTypeForSetting,
  type NoticeRequirement,
} from '../../src/domain/inspection-types';
import { SETTING_TYPES, SettingType } from '../../src/domain/setting-types';
import { addWorkingDays } from '../../src/domain/working-days';
import { expectOnlyRuleViolation } from '../support/violations';

const ALL_SETTING_TYPES = Object.values(SettingType);
const CHILDRENS_HOMES = [SettingType.CHILDRENS_HOME, SettingType.SECURE_CHILDRENS_HOME];

describe('validateInspectionTypeForSetting', () => {
  test.each(ALL_SETTING_TYPES)('a full inspection is allowed for a %s', (settingType) => {
    expect(validateInspectionTypeForSetting(InspectionType.FULL_INSPECTION, settingType)).toEqual([]);
  });

  test.each(ALL_SETTING_TYPES)('a monitoring visit is allowed for a %s', (settingType) => {
    expect(validateInspectionTypeForSetting(InspectionType.MONITORING_VISIT, settingType)).toEqual([]);
  });

  test.each(CHILDRENS_HOMES)('CH-170 an interim inspection is allowed for a %s', (settingType) => {
    expect(validateInspectionTypeForSetting(InspectionType.INTERIM_INSPECTION, settingType)).toEqual([]);
  });

  test.each(ALL_SETTING_TYPES.filter((t) => !CHILDRENS_HOMES.includes(t)))(
    'CH-170 an interim inspection is rejected for a %s',
    (settingType) => {
      const violations = validateInspectionTypeForSetting(InspectionType.INTERIM_INSPECTION, settingType);
      expectOnlyRuleViolation(violations, 'CH-170', ['type'], "Interim inspections are for children's homes and secure children's homes");
      expect(violations[0].message).toContain(SETTING_TYPES[settingType].label.toLowerCase());
    },
  );

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

  test.each(ALL_SETTING_TYPES.filter((t) => t !== SettingType.SECURE_CHILDRENS_HOME))(
    'CA-052 an assurance visit is rejected for a %s',
    (settingType) => {
      const violations = validateInspectionTypeForSetting(InspectionType.ASSURANCE_VISIT, settingType);
      expectOnlyRuleViolation(violations, 'CA-052', ['type'], "Assurance visits are for secure children's homes only");
      expect(violations[0].message).toContain(SETTING_TYPES[settingType].label.toLowerCase());
    },
  );
});

describe('noticeRequirement', () => {
  test.each<[InspectionType, SettingType, boolean, NoticeRequirement]>([
    [
      InspectionType.FULL_INSPECTION,
      SettingType.CHILDRENS_HOME,
      false,
      { rule: NoticeRule.UNANNOUNCED, ruleId: 'CH-004', workingDays: null },
    ],
    [
      InspectionType.FULL_INSPECTION,
      SettingType.SECURE_CHILDRENS_HOME,
      false,
      { rule: NoticeRule.UNANNOUNCED, ruleId: 'CH-004', workingDays: null },
    ],
    [
      InspectionType.INTERIM_INSPECTION,
      SettingType.CHILDRENS_HOME,
      false,
      { rule: NoticeRule.UNANNOUNCED, ruleId: 'CH-004', workingDays: null },
    ],
    [
      InspectionType.INTERIM_INSPECTION,
      SettingType.SECURE_CHILDRENS_HOME,
      false,
      { rule: NoticeRule.UNANNOUNCED, ruleId: 'CH-004', workingDays: null },
    ],
    [
      InspectionType.FULL_INSPECTION,
      SettingType.RESIDENTIAL_FAMILY_CENTRE,
      false,
      { rule: NoticeRule.UNANNOUNCED, ruleId: 'RFC-047', workingDays: null },
    ],
    [
      InspectionType.FULL_INSPECTION,
      SettingType.ADOPTION_SUPPORT_AGENCY,
      false,
      { rule: NoticeRule.WORKING_DAYS_NOTICE, ruleId: 'ASA-043', workingDays: 10 },
    ],
    [
      InspectionType.FULL_INSPECTION,
      SettingType.ADOPTION_SUPPORT_AGENCY,
      true,
      { rule: NoticeRule.WORKING_DAYS_NOTICE, ruleId: 'ASA-043', workingDays: 20 },
    ],
    [
      InspectionType.MONITORING_VISIT,
      SettingType.CHILDRENS_HOME,
      false,
      { rule: NoticeRule.USUALLY_UNANNOUNCED, ruleId: 'CH-195', workingDays: null },
    ],
    [
      InspectionType.MONITORING_VISIT,
      SettingType.SECURE_CHILDRENS_HOME,
      false,
      { rule: NoticeRule.USUALLY_UNANNOUNCED, ruleId: 'CH-195', workingDays: null },
    ],
    [
      InspectionType.MONITORING_VISIT,
      SettingType.RESIDENTIAL_FAMILY_CENTRE,
      false,
      { rule: NoticeRule.USUALLY_UNANNOUNCED, ruleId: 'RFC-095', workingDays: null },
    ],
    [
      InspectionType.MONITORING_VISIT,
      SettingType.ADOPTION_SUPPORT_AGENCY,
      true,
      { rule: NoticeRule.USUALLY_UNANNOUNCED, ruleId: 'ASA-113', workingDays: null },
    ],
    [
      InspectionType.MONITORING_VISIT,
      SettingType.INDEPENDENT_FOSTERING_AGENCY,
      false,
      { rule: NoticeRule.USUALLY_UNANNOUNCED, ruleId: 'CH-195', workingDays: null },
    ],
    [
      InspectionType.ASSURANCE_VISIT,
      SettingType.SECURE_CHILDRENS_HOME,
      false,
      { rule: NoticeRule.ANNOUNCED_ON_FIRST_DAY, ruleId: 'CA-058', workingDays: null },
    ],
    [
      InspectionType.FULL_INSPECTION,
      SettingType.INDEPENDENT_FOSTERING_AGENCY,
      false,
      { rule: NoticeRule.NOT_SET, ruleId: null, workingDays: null },
    ],
    [InspectionType.FULL_INSPECTION, SettingType.BOARDING_SCHOOL, false, { rule: NoticeRule.NOT_SET, ruleId: null, workingDays: null }],
    [
      InspectionType.FULL_INSPECTION,
      SettingType.VOLUNTARY_ADOPTION_AGENCY,
      true,
      { rule: NoticeRule.NOT_SET, ruleId: null, workingDays: null },
    ],
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
    test.each<[string, InspectionType, SettingType]>([
      ['CH-004', InspectionType.FULL_INSPECTION, SettingType.CHILDRENS_HOME],
      ['CH-004', InspectionType.INTERIM_INSPECTION, SettingType.CHILDRENS_HOME],
      ['CH-004', InspectionType.FULL_INSPECTION, SettingType.SECURE_CHILDRENS_HOME],
      ['RFC-047', InspectionType.FULL_INSPECTION, SettingType.RESIDENTIAL_FAMILY_CENTRE],
    ])('%s a %s of a %s given no notice is not a breach', (ruleId, type, settingType) => {
      const assessment = assessNotice(noticeRequirement(type, settingType, false), null, START, null);
      expect(assessment).toMatchObject({ rule: NoticeRule.UNANNOUNCED, ruleId, breach: false, workingDaysGiven: null });
      expect(assessment.explanation).toContain('Unannounced');
    });

    test.each<[string, InspectionType, SettingType]>([
      ['CH-004', InspectionType.FULL_INSPECTION, SettingType.CHILDRENS_HOME],
      ['CH-004', InspectionType.INTERIM_INSPECTION, SettingType.CHILDRENS_HOME],
      ['CH-004', InspectionType.FULL_INSPECTION, SettingType.SECURE_CHILDRENS_HOME],
      ['RFC-047', InspectionType.FULL_INSPECTION, SettingType.RESIDENTIAL_FAMILY_CENTRE],
    ])('%s a %s of a %s given notice is a breach, even with a reason', (ruleId, type, settingType) => {
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

    test('ASA-043 an agency given notice exactly 10 working days before the start is not in breach', () => {
      const noticeOn = addWorkingDays(ASA_START, -10);
      expect(noticeOn).toBe('2026-12-15');
      const assessment = assessNotice(agency, noticeOn, ASA_START, null);
      expect(assessment).toMatchObject({
        rule: NoticeRule.WORKING_DAYS_NOTICE,
        ruleId: 'ASA-043',
        workingDays: 10,
        workingDaysGiven: 10,
        breach: false,
      });
      expect(assessment.explanation).toContain("10 working days' notice given; 10 due");
    });

    test('ASA-043 an agency given notice one working day later (9 working days) is in breach', () => {
      const noticeOn = addWorkingDays(addWorkingDays(ASA_START, -10), 1);
      expect(noticeOn).toBe('2026-12-16');
      const assessment = assessNotice(agency, noticeOn, ASA_START, null);
      expect(assessment).toMatchObject({ ruleId: 'ASA-043', workingDaysGiven: 9, breach: true });
      expect(assessment.explanation).toContain("Only 9 working days' notice given; 10 due");
    });

    test('ASA-043 ten weekdays before the start is not ten working days when bank holidays fall between', () => {
      // Counting weekdays only would give 17 Dec; Christmas Day and the Boxing Day substitute make it 8 working days.
      const assessment = assessNotice(agency, '2026-12-17', ASA_START, null);
      expect(assessment).toMatchObject({ ruleId: 'ASA-043', workingDaysGiven: 8, breach: true });
    });

    test('ASA-043 more notice than required is not a breach', () => {
      expect(assessNotice(agency, '2026-11-30', ASA_START, null)).toMatchObject({ workingDaysGiven: 21, breach: false });
    });

    test('ASA-043 a single-person agency given notice exactly 20 working days before the start is not in breach', () => {
      const noticeOn = addWorkingDays(ASA_START, -20);
      expect(noticeOn).toBe('2026-12-01');
      const assessment = assessNotice(singlePerson, noticeOn, ASA_START, null);
      expect(assessment).toMatchObject({ ruleId: 'ASA-043', workingDays: 20, workingDaysGiven: 20, breach: false });
    });

    test('ASA-043 a single-person agency given notice one working day later (19 working days) is in breach', () => {
      const noticeOn = addWorkingDays(addWorkingDays(ASA_START, -20), 1);
      expect(noticeOn).toBe('2026-12-02');
      const assessment = assessNotice(singlePerson, noticeOn, ASA_START, null);
      expect(assessment).toMatchObject({ ruleId: 'ASA-043', workingDaysGiven: 19, breach: true });
      expect(assessment.explanation).toContain('20 due');
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
    test.each<[string, SettingType]>([
      ['CH-195', SettingType.CHILDRENS_HOME],
      ['CH-195', SettingType.SECURE_CHILDRENS_HOME],
      ['RFC-095', SettingType.RESIDENTIAL_FAMILY_CENTRE],
      ['ASA-113', SettingType.ADOPTION_SUPPORT_AGENCY],
      ['CH-195', SettingType.INDEPENDENT_FOSTERING_AGENCY],
    ])('%s a monitoring visit to a %s announced without a reason is a breach', (ruleId, settingType) => {
      const requirement = noticeRequirement(InspectionType.MONITORING_VISIT, settingType, false);
      for (const reason of [null, '']) {
        const assessment = assessNotice(requirement, '2026-11-20', START, reason);
        expect(assessment).toMatchObject({ rule: NoticeRule.USUALLY_UNANNOUNCED, ruleId, breach: true, workingDaysGiven: 2 });
        expect(assessment.explanation).toContain('without a recorded reason');
      }
    });

    test.each<[string, SettingType]>([
      ['CH-195', SettingType.CHILDRENS_HOME],
      ['RFC-095', SettingType.RESIDENTIAL_FAMILY_CENTRE],
      ['ASA-113', SettingType.ADOPTION_SUPPORT_AGENCY],
      ['CH-195', SettingType.INDEPENDENT_FOSTERING_AGENCY],
    ])('%s a monitoring visit to a %s announced with a recorded reason is not a breach', (ruleId, settingType) => {
      const requirement = noticeRequirement(InspectionType.MONITORING_VISIT, settingType, false);
      const assessment = assessNotice(requirement, '2026-11-20', START, 'The case review agreed notice so that the manager is present');
      expect(assessment).toMatchObject({ ruleId, breach: false, workingDaysGiven: 2 });
      expect(assessment.explanation).toContain('The case review agreed notice so that the manager is present');
    });

    test.each<[string, SettingType]>([
      ['CH-195', SettingType.CHILDRENS_HOME],
      ['RFC-095', SettingType.RESIDENTIAL_FAMILY_CENTRE],
      ['ASA-113', SettingType.ADOPTION_SUPPORT_AGENCY],
    ])('%s an unannounced monitoring visit to a %s is not a breach', (ruleId, settingType) => {
      const requirement = noticeRequirement(InspectionType.MONITORING_VISIT, settingType, false);
      expect(assessNotice(requirement, null, START, null)).toMatchObject({ ruleId, breach: false, workingDaysGiven: null });
    });

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
