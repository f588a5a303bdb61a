import { JudgementArea, criteriaRuleId, evaluationCriteria } from '../../src/domain/evaluation-criteria';
import { SettingType } from '../../src/domain/setting-types';

const AREAS = Object.values(JudgementArea);
const { OVERALL_EXPERIENCES_AND_PROGRESS: OEP, HELPED_AND_PROTECTED: HP, LEADERS_AND_MANAGERS: LM } = JudgementArea;

/** 'OEP', 3, true -> ['OEP.a', 'OEP.b', 'OEP.c']; 'OEP', 3, false -> ['OEP.1', 'OEP.2', 'OEP.3']. */
function codes(prefix: string, count: number, lettered: boolean): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}.${lettered ? 'abcdefghijklmnopqrstuvwxyz'[i] : i + 1}`);
}

const SETTINGS_WITH_CRITERIA: [SettingType, Record<JudgementArea, string[]>][] = [
  [SettingType.CHILDRENS_HOME, { [OEP]: codes('OEP', 16, true), [HP]: codes('HP', 17, true), [LM]: codes('LM', 22, true) }],
  [SettingType.SECURE_CHILDRENS_HOME, { [OEP]: codes('OEP', 16, true), [HP]: codes('HP', 17, true), [LM]: codes('LM', 22, true) }],
  [SettingType.RESIDENTIAL_FAMILY_CENTRE, { [OEP]: codes('OEP', 7, false), [HP]: codes('HP', 5, false), [LM]: codes('LM', 9, false) }],
  [SettingType.ADOPTION_SUPPORT_AGENCY, { [OEP]: codes('OEP', 3, false), [HP]: codes('HP', 4, false), [LM]: codes('LM', 7, false) }],
];

const SETTINGS_WITHOUT_CRITERIA = Object.values(SettingType).filter((t) => !SETTINGS_WITH_CRITERIA.some(([s]) => s === t));

describe('evaluationCriteria', () => {
  test("the children's home codes run OEP.a to OEP.p, HP.a to HP.q and LM.a to LM.v", () => {
    const home = SETTINGS_WITH_CRITERIA[0][1];
    expect([home[OEP][0], home[OEP][15]]).toEqual(['OEP.a', 'OEP.p']);
    expect([home[HP][0], home[HP][16]]).toEqual(['HP.a', 'HP.q']);
    expect([home[LM][0], home[LM][21]]).toEqual(['LM.a', 'LM.v']);
  });

  describe.each(SETTINGS_WITH_CRITERIA)('a %s', (settingType, expected) => {
    test.each(AREAS)('%s has the expected criteria codes, in order', (area) => {
      expect(evaluationCriteria(settingType, area).map((c) => c.code)).toEqual(expected[area]);
    });

    test.each(AREAS)('%s has a description for every criterion', (area) => {
      for (const criterion of evaluationCriteria(settingType, area)) {
        expect(criterion.description.trim().length).toBeGreaterThan(10);
      }
    });

    test('codes are unique across all three areas', () => {
      const all = AREAS.flatMap((area) => evaluationCriteria(settingType, area).map((c) => c.code));
      expect(new Set(all).size).toBe(all.length);
    });

    test('descriptions are unique within each area', () => {
      for (const area of AREAS) {
        const descriptions = evaluationCriteria(settingType, area).map((c) => c.description);
        expect(new Set(descriptions).size).toBe(descriptions.length);
      }
    });
  });

  test.each<[SettingType, number, number, number]>([
    [SettingType.CHILDRENS_HOME, 16, 17, 22],
    [SettingType.SECURE_CHILDRENS_HOME, 16, 17, 22],
    [SettingType.RESIDENTIAL_FAMILY_CENTRE, 7, 5, 9],
    [SettingType.ADOPTION_SUPPORT_AGENCY, 3, 4, 7],
  ])('a %s has %d / %d / %d criteria for overall, helped and protected, leaders and managers', (settingType, oep, hp, lm) => {
    expect(evaluationCriteria(settingType, OEP)).toHaveLength(oep);
    expect(evaluationCriteria(settingType, HP)).toHaveLength(hp);
    expect(evaluationCriteria(settingType, LM)).toHaveLength(lm);
  });

  test("secure children's homes share the children's home criteria", () => {
    for (const area of AREAS) {
      expect(evaluationCriteria(SettingType.SECURE_CHILDRENS_HOME, area)).toEqual(evaluationCriteria(SettingType.CHILDRENS_HOME, area));
    }
  });

  test("RFC-007 the family centre criteria use the SCCIF's own words", () => {
    expect(evaluationCriteria(SettingType.RESIDENTIAL_FAMILY_CENTRE, LM)[8].description).toContain('contingency plan');
    expect(evaluationCriteria(SettingType.RESIDENTIAL_FAMILY_CENTRE, OEP)[5].description).toContain('assessments of parental capacity');
  });

  test("ASA-009 the adoption support criteria use the SCCIF's own words", () => {
    expect(evaluationCriteria(SettingType.ADOPTION_SUPPORT_AGENCY, LM)[0].description).toContain('high standards of adoption support');
    expect(evaluationCriteria(SettingType.ADOPTION_SUPPORT_AGENCY, HP)[3].description).toContain('prevent radicalisation and extremism');
  });

  test.each(SETTINGS_WITHOUT_CRITERIA)('a %s has no criteria in any area', (settingType) => {
    for (const area of AREAS) expect(evaluationCriteria(settingType, area)).toEqual([]);
  });

  test('an independent fostering agency has no criteria', () => {
    expect(SETTINGS_WITHOUT_CRITERIA).toContain(SettingType.INDEPENDENT_FOSTERING_AGENCY);
    expect(evaluationCriteria(SettingType.INDEPENDENT_FOSTERING_AGENCY, HP)).toEqual([]);
  });
});

describe('criteriaRuleId', () => {
  test.each<[SettingType, string]>([
    [SettingType.CHILDRENS_HOME, 'CH-146'],
    [SettingType.SECURE_CHILDRENS_HOME, 'CH-146'],
    [SettingType.RESIDENTIAL_FAMILY_CENTRE, 'RFC-007'],
    [SettingType.ADOPTION_SUPPORT_AGENCY, 'ASA-009'],
    [SettingType.INDEPENDENT_FOSTERING_AGENCY, 'CH-146'],
    [SettingType.BOARDING_SCHOOL, 'CH-146'],
  ])('the rule tying evidence to criteria for a %s is %s', (settingType, ruleId) => {
    expect(criteriaRuleId(settingType)).toBe(ruleId);
  });
});
