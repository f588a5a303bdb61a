import { InspectionType } from '../../src/domain/inspection-types';
import { Grade, JudgementKind, overallGradeOf, validateJudgementKind } from '../../src/domain/judgements';
import { expectOnlyRuleViolation } from '../support/violations';

describe('which judgement each inspection makes', () => {
  test.each([
    [InspectionType.FULL_INSPECTION, JudgementKind.FULL_INSPECTION],
    [InspectionType.INTERIM_INSPECTION, JudgementKind.INTERIM],
    [InspectionType.INTERIM_INSPECTION, JudgementKind.NO_JUDGEMENT],
    [InspectionType.ASSURANCE_VISIT, JudgementKind.ASSURANCE_VISIT],
    [InspectionType.MONITORING_VISIT, JudgementKind.MONITORING_VISIT],
  ])('a %s makes an outcome of kind %s', (type, kind) => {
    expect(validateJudgementKind(type, kind)).toEqual([]);
  });

  test.each([
    ['CH-153', InspectionType.FULL_INSPECTION, JudgementKind.INTERIM],
    ['CH-170', InspectionType.INTERIM_INSPECTION, JudgementKind.FULL_INSPECTION],
    ['CA-072', InspectionType.ASSURANCE_VISIT, JudgementKind.FULL_INSPECTION],
    ['CH-185', InspectionType.MONITORING_VISIT, JudgementKind.INTERIM],
  ])('%s a %s does not make an outcome of kind %s', (ruleId, type, kind) => {
    expectOnlyRuleViolation(validateJudgementKind(type, kind), ruleId, ['inspectionId'], 'does not make this kind of judgement');
  });
});

describe("CH-196 the setting's current four-point grade", () => {
  test('CH-196 is a full inspection’s overall judgement', () => {
    expect(overallGradeOf({ kind: JudgementKind.FULL_INSPECTION, overallExperiencesAndProgress: Grade.GOOD })).toBe(Grade.GOOD);
  });

  test('CH-185 CH-196 or a monitoring visit’s new judgement, where it made one', () => {
    expect(overallGradeOf({ kind: JudgementKind.MONITORING_VISIT, newOverallGrade: Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD })).toBe(
      Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD,
    );
    expect(overallGradeOf({ kind: JudgementKind.MONITORING_VISIT, newOverallGrade: null })).toBeNull();
  });

  test.each([JudgementKind.INTERIM, JudgementKind.NO_JUDGEMENT, JudgementKind.ASSURANCE_VISIT])(
    'CH-196 an outcome of kind %s does not replace it',
    (kind) => {
      expect(overallGradeOf({ kind, overallExperiencesAndProgress: Grade.OUTSTANDING, newOverallGrade: Grade.OUTSTANDING })).toBeNull();
    },
  );
});
