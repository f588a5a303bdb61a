import { JudgementKind } from '../../src/domain/judgements';
import { judgementOutcome } from '../../src/domain/public-report';

describe('judgementOutcome: what a report\'s recent inspection history shows of an earlier inspection', () => {
  test('CHA-040 a full inspection shows its overall experiences and progress grade', () => {
    expect(judgementOutcome({ kind: JudgementKind.FULL_INSPECTION, overallExperiencesAndProgress: 'GOOD' })).toBe('GOOD');
  });

  test('CHA-040 an interim inspection shows its outcome', () => {
    expect(judgementOutcome({ kind: JudgementKind.INTERIM, interimOutcome: 'DECLINED_IN_EFFECTIVENESS' })).toBe('DECLINED_IN_EFFECTIVENESS');
  });

  test('a monitoring visit shows its new overall grade, or none', () => {
    expect(judgementOutcome({ kind: JudgementKind.MONITORING_VISIT, newOverallGrade: 'REQUIRES_IMPROVEMENT' })).toBe('REQUIRES_IMPROVEMENT');
    expect(judgementOutcome({ kind: JudgementKind.MONITORING_VISIT })).toBeNull();
  });

  test('an assurance visit shows whether serious or widespread concerns were found; no judgement says so; no record is null', () => {
    expect(judgementOutcome({ kind: JudgementKind.ASSURANCE_VISIT, seriousOrWidespreadConcerns: true })).toBe('SERIOUS_OR_WIDESPREAD_CONCERNS');
    expect(judgementOutcome({ kind: JudgementKind.ASSURANCE_VISIT, seriousOrWidespreadConcerns: false })).toBe('NO_SERIOUS_OR_WIDESPREAD_CONCERNS');
    expect(judgementOutcome({ kind: JudgementKind.NO_JUDGEMENT })).toBe('NO_JUDGEMENT');
    expect(judgementOutcome(undefined)).toBeNull();
  });
});
