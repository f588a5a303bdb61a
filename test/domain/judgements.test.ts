import {
  Grade,
  InterimOutcome,
  NoJudgementReason,
  VACANCY_THRESHOLD_DAYS,
  isBetterThan,
  noJudgementStatement,
  ruleFor,
  validateAssuranceOutcome,
  validateFullJudgements,
  validateInterimJudgement,
  validateJudgementChange,
  validateMonitoringNewJudgement,
  validateNoJudgement,
  type FullJudgements,
  type NewJudgementConditions,
  type NoJudgementDetails,
  type ManagerVacancyPolicy,
} from '../../src/domain/judgements';
import type { Violation } from '../../src/domain/rule-violation';
import { SettingType } from '../../src/domain/setting-types';
import { ALL_CONDITIONS } from '../support/judgements';
import { expectOnlyRuleViolation } from '../support/violations';

const { OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT_TO_BE_GOOD: RI, INADEQUATE } = Grade;
const ALL_GRADES = [OUTSTANDING, GOOD, RI, INADEQUATE];

/** Asserts that `violations` holds exactly one violation of `ruleId`, with this field and a message containing `phrase`. */
function expectRuleViolation(violations: Violation[], ruleId: string, field: string[], phrase: string): void {
  const matching = violations.filter((v) => v.ruleId === ruleId);
  expect(matching).toHaveLength(1);
  expect(matching[0]).toMatchObject({ code: 'RULE_VIOLATION', ruleId, field });
  expect(matching[0].message).toContain(phrase);
  expect(matching[0].message).toContain(`(${ruleId})`);
}

const judgements = (overall: Grade, helpedAndProtected: Grade, leadersAndManagers: Grade): FullJudgements => ({
  overallExperiencesAndProgress: overall,
  helpedAndProtected,
  leadersAndManagers,
});

const NO_VACANCY = { vacancyDays: null };

/** Setting, limiting-judgement rule, leaders-and-managers cap rule, change-reason rule. */
const FAMILIES: [SettingType, string, string, string][] = [
  [SettingType.CHILDRENS_HOME, 'CH-155', 'CH-157', 'CH-246'],
  [SettingType.SECURE_CHILDRENS_HOME, 'CH-155', 'CH-157', 'CH-246'],
  [SettingType.RESIDENTIAL_FAMILY_CENTRE, 'RFC-003', 'RFC-004', 'RFC-086'],
  [SettingType.ADOPTION_SUPPORT_AGENCY, 'ASA-004', 'ASA-005', 'ASA-100'],
  [SettingType.INDEPENDENT_FOSTERING_AGENCY, 'CH-155', 'CH-157', 'CH-246'],
];

describe('Grade ordering', () => {
  test('isBetterThan follows the four-point scale', () => {
    expect(isBetterThan(OUTSTANDING, GOOD)).toBe(true);
    expect(isBetterThan(GOOD, RI)).toBe(true);
    expect(isBetterThan(RI, INADEQUATE)).toBe(true);
    expect(isBetterThan(RI, RI)).toBe(false);
    expect(isBetterThan(INADEQUATE, OUTSTANDING)).toBe(false);
  });
});

describe('ruleFor', () => {
  test.each<[Parameters<typeof ruleFor>[0], string, string, string, string]>([
    ['limiting', 'CH-155', 'RFC-003', 'ASA-004', 'CH-155'],
    ['leadersCap', 'CH-157', 'RFC-004', 'ASA-005', 'CH-157'],
    ['changeReason', 'CH-246', 'RFC-086', 'ASA-100', 'CH-246'],
    ['newJudgementReason', 'CH-218', 'RFC-105', 'ASA-122', 'CH-218'],
    ['interviews', 'CH-145', 'RFC-064', 'ASA-077', 'CH-145'],
    ['identification', 'CH-142', 'RFC-062', 'ASA-076', 'CH-142'],
  ])('%s is %s for homes, %s for family centres, %s for agencies, %s for fostering agencies', (rule, ch, rfc, asa, other) => {
    expect(ruleFor(rule, SettingType.CHILDRENS_HOME)).toBe(ch);
    expect(ruleFor(rule, SettingType.SECURE_CHILDRENS_HOME)).toBe(ch);
    expect(ruleFor(rule, SettingType.RESIDENTIAL_FAMILY_CENTRE)).toBe(rfc);
    expect(ruleFor(rule, SettingType.ADOPTION_SUPPORT_AGENCY)).toBe(asa);
    expect(ruleFor(rule, SettingType.INDEPENDENT_FOSTERING_AGENCY)).toBe(other);
  });
});

describe('validateFullJudgements', () => {
  describe.each(FAMILIES)('a %s', (settingType, limiting, cap) => {
    test.each([OUTSTANDING, GOOD, RI])(
      `${limiting} overall must be inadequate when helped and protected is inadequate (overall %s rejected)`,
      (overall) => {
        expectOnlyRuleViolation(
          validateFullJudgements(settingType, judgements(overall, INADEQUATE, GOOD), NO_VACANCY),
          limiting,
          ['overallExperiencesAndProgress'],
          'overall experiences and progress must be inadequate',
        );
      },
    );

    test(`${limiting} overall inadequate with helped and protected inadequate is accepted`, () => {
      expect(validateFullJudgements(settingType, judgements(INADEQUATE, INADEQUATE, GOOD), NO_VACANCY)).toEqual([]);
    });

    test.each([OUTSTANDING, GOOD])(
      `${cap} overall cannot exceed requires improvement when leaders and managers are inadequate (overall %s rejected)`,
      (overall) => {
        expectOnlyRuleViolation(
          validateFullJudgements(settingType, judgements(overall, GOOD, INADEQUATE), NO_VACANCY),
          cap,
          ['overallExperiencesAndProgress'],
          'can be no better than requires improvement',
        );
      },
    );

    test.each([RI, INADEQUATE])(`${cap} overall %s with leaders and managers inadequate is accepted`, (overall) => {
      expect(validateFullJudgements(settingType, judgements(overall, GOOD, INADEQUATE), NO_VACANCY)).toEqual([]);
    });

    test(`${limiting} and ${cap} are both reported when both limits are broken`, () => {
      const violations = validateFullJudgements(settingType, judgements(GOOD, INADEQUATE, INADEQUATE), NO_VACANCY);
      expect(violations).toHaveLength(2);
      expectRuleViolation(violations, limiting, ['overallExperiencesAndProgress'], 'must be inadequate');
      expectRuleViolation(violations, cap, ['overallExperiencesAndProgress'], 'no better than requires improvement');
    });

    test.each([OUTSTANDING, GOOD, RI, INADEQUATE])(
      'CH-156 helped and protected requires improvement does not cap overall (overall %s accepted)',
      (overall) => {
        expect(validateFullJudgements(settingType, judgements(overall, RI, GOOD), NO_VACANCY)).toEqual([]);
      },
    );

    test('any grades with no limiting judgement are accepted', () => {
      for (const overall of ALL_GRADES) {
        for (const hp of [OUTSTANDING, GOOD, RI]) {
          for (const lm of [OUTSTANDING, GOOD, RI]) {
            expect(validateFullJudgements(settingType, judgements(overall, hp, lm), NO_VACANCY)).toEqual([]);
          }
        }
      }
    });
  });

  test("CH-156 helped and protected requires improvement with overall good is allowed at a children's home", () => {
    expect(validateFullJudgements(SettingType.CHILDRENS_HOME, judgements(GOOD, RI, GOOD), NO_VACANCY)).toEqual([]);
  });

  test("CH-157 overall requires improvement with leaders and managers inadequate is allowed at a children's home", () => {
    expect(validateFullJudgements(SettingType.CHILDRENS_HOME, judgements(RI, GOOD, INADEQUATE), NO_VACANCY)).toEqual([]);
  });

  describe('registered manager vacancy', () => {
    test('the threshold is 26 weeks, 182 days', () => {
      expect(VACANCY_THRESHOLD_DAYS).toBe(182);
    });

    test.each([SettingType.CHILDRENS_HOME, SettingType.SECURE_CHILDRENS_HOME])(
      'CHA-195 a vacancy of exactly 182 days (26 weeks) at a %s forces leaders and managers inadequate',
      (settingType) => {
        for (const lm of [OUTSTANDING, GOOD, RI]) {
          const violations = validateFullJudgements(settingType, judgements(GOOD, GOOD, lm), { vacancyDays: 182 });
          expectOnlyRuleViolation(
            violations,
            'CHA-195',
            ['leadersAndManagers'],
            'a vacancy of 26 weeks or more means leaders and managers are inadequate',
          );
          expect(violations[0].message).toContain('vacant for 26 weeks');
        }
      },
    );

    test("CHA-195 a recorded reason does not lift the rule at a children's home", () => {
      const violations = validateFullJudgements(SettingType.CHILDRENS_HOME, judgements(GOOD, GOOD, GOOD), {
        vacancyDays: 400,
        vacancyReason: 'An interim manager is in post',
      });
      expectOnlyRuleViolation(violations, 'CHA-195', ['leadersAndManagers'], 'vacant for 57 weeks');
    });

    test.each([SettingType.CHILDRENS_HOME, SettingType.SECURE_CHILDRENS_HOME])(
      'CHA-195 a vacancy of 181 days at a %s does not force leaders and managers inadequate',
      (settingType) => {
        expect(validateFullJudgements(settingType, judgements(GOOD, GOOD, GOOD), { vacancyDays: 181 })).toEqual([]);
      },
    );

    test('CHA-195 leaders and managers inadequate after a 26-week vacancy is accepted (overall requires improvement)', () => {
      expect(validateFullJudgements(SettingType.CHILDRENS_HOME, judgements(RI, GOOD, INADEQUATE), { vacancyDays: 182 })).toEqual([]);
    });

    test.each<[string, SettingType]>([
      ['RFC-025', SettingType.RESIDENTIAL_FAMILY_CENTRE],
      ['ASA-022', SettingType.ADOPTION_SUPPORT_AGENCY],
    ])('%s a vacancy of 26 weeks or more at a %s without a vacancyReason is a violation', (ruleId, settingType) => {
      for (const [days, weeks] of [
        [182, 26],
        [300, 42],
      ]) {
        for (const vacancyReason of [undefined, null, '', '   ']) {
          const violations = validateFullJudgements(settingType, judgements(GOOD, GOOD, GOOD), { vacancyDays: days, vacancyReason });
          expectOnlyRuleViolation(violations, ruleId, ['vacancyReason'], `No manager has been appointed for ${weeks} weeks`);
          expect(violations[0].message).toContain('record why another judgement was made');
        }
      }
    });

    test.each<[string, SettingType]>([
      ['RFC-025', SettingType.RESIDENTIAL_FAMILY_CENTRE],
      ['ASA-022', SettingType.ADOPTION_SUPPORT_AGENCY],
    ])('%s a vacancy of 26 weeks or more at a %s with a vacancyReason is accepted', (_ruleId, settingType) => {
      const vacancy = { vacancyDays: 200, vacancyReason: 'A manager has been appointed and starts next month' };
      expect(validateFullJudgements(settingType, judgements(GOOD, GOOD, GOOD), vacancy)).toEqual([]);
    });

    test.each<[string, SettingType]>([
      ['RFC-025', SettingType.RESIDENTIAL_FAMILY_CENTRE],
      ['ASA-022', SettingType.ADOPTION_SUPPORT_AGENCY],
    ])('%s a vacancy of 181 days at a %s, or leaders and managers judged inadequate, needs no reason', (_ruleId, settingType) => {
      expect(validateFullJudgements(settingType, judgements(GOOD, GOOD, GOOD), { vacancyDays: 181 })).toEqual([]);
      expect(validateFullJudgements(settingType, judgements(RI, GOOD, INADEQUATE), { vacancyDays: 400 })).toEqual([]);
    });

    test('an independent fostering agency has no vacancy rule', () => {
      expect(validateFullJudgements(SettingType.INDEPENDENT_FOSTERING_AGENCY, judgements(GOOD, GOOD, GOOD), { vacancyDays: 400 })).toEqual(
        [],
      );
    });
  });
});

describe('validateInterimJudgement', () => {
  const OUTCOMES = Object.values(InterimOutcome);

  test.each(OUTCOMES)('CH-170 %s needs a previous inspection to be relative to', (outcome) => {
    expectOnlyRuleViolation(
      validateInterimJudgement(outcome, { previousInspectionId: null, vacancyDays: null }),
      'CH-170',
      ['outcome'],
      'relative to the previous inspection',
    );
  });

  test.each(OUTCOMES)('CH-170 %s with a previous inspection is accepted', (outcome) => {
    expect(validateInterimJudgement(outcome, { previousInspectionId: 'inspection-1', vacancyDays: null })).toEqual([]);
  });

  const PROMPT: ManagerVacancyPolicy = { thresholdDays: 182, interimReading: 'PROMPT' };
  const NOT_DECLINED = [InterimOutcome.IMPROVED_EFFECTIVENESS, InterimOutcome.SUSTAINED_EFFECTIVENESS];

  test.each(NOT_DECLINED)(
    'CHA-197 %s after a vacancy of 26 weeks or more is refused: the judgement must be declined (Annex N)',
    (outcome) => {
      for (const reasonNotDeclined of [undefined, 'A manager was appointed and has applied to register']) {
        const violations = validateInterimJudgement(outcome, { previousInspectionId: 'inspection-1', vacancyDays: 182, reasonNotDeclined });
        expectOnlyRuleViolation(violations, 'CHA-197', ['outcome'], 'must be declined in effectiveness');
        expect(violations[0].message).toContain('vacant for 26 weeks');
      }
    },
  );

  test.each(NOT_DECLINED)('CHA-197 read as a prompt (handbook ¶116): %s after 26 weeks or more needs reasonNotDeclined', (outcome) => {
    for (const reasonNotDeclined of [undefined, null, '', '  ']) {
      const violations = validateInterimJudgement(
        outcome,
        { previousInspectionId: 'inspection-1', vacancyDays: 182, reasonNotDeclined },
        PROMPT,
      );
      expectOnlyRuleViolation(violations, 'CHA-197', ['reasonNotDeclined'], 'declined in effectiveness is the expected outcome');
    }
    const reason = {
      previousInspectionId: 'inspection-1',
      vacancyDays: 300,
      reasonNotDeclined: 'A manager was appointed and has applied to register',
    };
    expect(validateInterimJudgement(outcome, reason, PROMPT)).toEqual([]);
  });

  test('CHA-197 the threshold is configurable: 12 weeks makes 84 days long, 83 not', () => {
    const twelveWeeks: ManagerVacancyPolicy = { thresholdDays: 84, interimReading: 'LIMITING' };
    const at = (vacancyDays: number) =>
      validateInterimJudgement(InterimOutcome.SUSTAINED_EFFECTIVENESS, { previousInspectionId: 'inspection-1', vacancyDays }, twelveWeeks);
    expectOnlyRuleViolation(at(84), 'CHA-197', ['outcome'], 'no registered manager for 12 weeks or more');
    expect(at(83)).toEqual([]);
  });

  test('CHA-197 declined in effectiveness after a long vacancy needs no reason', () => {
    expect(
      validateInterimJudgement(InterimOutcome.DECLINED_IN_EFFECTIVENESS, { previousInspectionId: 'inspection-1', vacancyDays: 182 }),
    ).toEqual([]);
  });

  test('CHA-197 a vacancy of 181 days needs no reason', () => {
    expect(
      validateInterimJudgement(InterimOutcome.SUSTAINED_EFFECTIVENESS, { previousInspectionId: 'inspection-1', vacancyDays: 181 }),
    ).toEqual([]);
  });

  test('CH-170 and CHA-197 are both reported', () => {
    const violations = validateInterimJudgement(InterimOutcome.IMPROVED_EFFECTIVENESS, { previousInspectionId: null, vacancyDays: 200 });
    expect(violations.map((v) => v.ruleId).sort()).toEqual(['CH-170', 'CHA-197']);
  });
});

describe('no-judgement interims (Annex G)', () => {
  const noChildren = (overrides: Partial<NoJudgementDetails> = {}): NoJudgementDetails => ({
    reason: NoJudgementReason.NO_CHILDREN_SINCE_REGISTRATION,
    registrationDate: '2024-05-01',
    ...overrides,
  });
  const closed = (overrides: Partial<NoJudgementDetails> = {}): NoJudgementDetails => ({
    reason: NoJudgementReason.CLOSED_NOT_TAKING_PLACEMENTS,
    registrationDate: '2019-03-14',
    closedFor: 'six months',
    notOperationalFor: 'three months',
    ...overrides,
  });

  describe('validateNoJudgement', () => {
    test('CHA-116 no children since registration is accepted at the first inspection', () => {
      expect(validateNoJudgement(noChildren(), { earlierInspections: 0 })).toEqual([]);
    });

    test.each([1, 3])('CHA-116 no children since registration is rejected after %d earlier inspection(s)', (earlierInspections) => {
      expectOnlyRuleViolation(
        validateNoJudgement(noChildren(), { earlierInspections }),
        'CHA-116',
        ['reason'],
        'first inspection after registration only',
      );
    });

    test('CHA-124 a closed home with both durations is accepted', () => {
      expect(validateNoJudgement(closed(), { earlierInspections: 2 })).toEqual([]);
    });

    const DURATIONS = [
      ['closedFor', 'how long the home has been closed'],
      ['notOperationalFor', 'will not be operational from the date of inspection'],
    ] as const;
    test.each(DURATIONS.flatMap(([field, phrase]) => [null, undefined, '', '  '].map((value) => [field, value, phrase] as const)))(
      'CHA-124 %s is required (%p)',
      (field, value, phrase) => {
        expectOnlyRuleViolation(validateNoJudgement(closed({ [field]: value }), { earlierInspections: 2 }), 'CHA-124', [field], phrase);
      },
    );

    test('CHA-124 both missing durations are reported', () => {
      const violations = validateNoJudgement(closed({ closedFor: null, notOperationalFor: null }), { earlierInspections: 2 });
      expect(violations.map((v) => [v.ruleId, v.field])).toEqual([
        ['CHA-124', ['closedFor']],
        ['CHA-124', ['notOperationalFor']],
      ]);
    });
  });

  describe('noJudgementStatement', () => {
    test('CHA-117 the no-children statement gives the registration date in full and the prescribed sentence', () => {
      const statement = noJudgementStatement(noChildren());
      expect(statement).toBe(
        'The home has not provided accommodation to children and young people since its registration on 1 May 2024. ' +
          "This inspection focuses on whether the children's home meets its statutory requirements in order to maintain its registration and is ready to accept placements.",
      );
    });

    test.each([
      ['2025-12-25', '25 December 2025'],
      ['2023-01-09', '9 January 2023'],
    ])('CHA-117 registration date %s is written %s', (registrationDate, long) => {
      expect(noJudgementStatement(noChildren({ registrationDate }))).toContain(`since its registration on ${long}.`);
    });

    test("CHA-117 the inspector's own text is appended, trimmed", () => {
      const statement = noJudgementStatement(noChildren({ inspectorText: '  The home expects its first child in June. ' }));
      expect(statement).toContain("This inspection focuses on whether the children's home meets its statutory requirements");
      expect(statement.endsWith('ready to accept placements. The home expects its first child in June.')).toBe(true);
    });

    test('CHA-124 the closed-home statement gives both durations and the prescribed sentences', () => {
      const statement = noJudgementStatement(closed());
      expect(statement).toContain('The home has been closed for six months.');
      expect(statement).toContain('will not be operational for three months from the date of inspection.');
      expect(statement).toContain(
        'Should the home decide to accept placements they are required to inform Ofsted of their intention before they do so.',
      );
    });
  });
});

describe('validateAssuranceOutcome', () => {
  test.each([null, undefined, '', '  '])('CA-073 serious or widespread concerns must be described (%p)', (concerns) => {
    expectOnlyRuleViolation(
      validateAssuranceOutcome(true, concerns),
      'CA-073',
      ['concerns'],
      'Describe the serious or widespread concerns',
    );
  });

  test('CA-073 serious concerns with a description are accepted', () => {
    expect(validateAssuranceOutcome(true, 'Restraint is used routinely and not reviewed')).toEqual([]);
  });

  test('CA-073 no serious concerns and no description is accepted', () => {
    expect(validateAssuranceOutcome(false, null)).toEqual([]);
    expect(validateAssuranceOutcome(false, undefined)).toEqual([]);
  });

  test('a description without serious concerns is bad input', () => {
    const violations = validateAssuranceOutcome(false, 'Some minor concerns');
    expect(violations).toEqual([
      {
        field: ['concerns'],
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('only when serious or widespread concerns were found'),
      },
    ]);
  });
});

describe('validateMonitoringNewJudgement', () => {
  const ALL_HELD: NewJudgementConditions = ALL_CONDITIONS;
  const RATIONALE = 'All requirements are met and the concerns were discrete';
  const home = (overrides: { currentGrade?: Grade | null; openRequirements?: number; settingType?: SettingType } = {}) => ({
    settingType: SettingType.CHILDRENS_HOME,
    currentGrade: INADEQUATE,
    openRequirements: 0,
    ...overrides,
  });

  test.each([OUTSTANDING, GOOD, RI, null])('CH-185 a new judgement is rejected when the current grade is %p', (currentGrade) => {
    expectOnlyRuleViolation(
      validateMonitoringNewJudgement(GOOD, ALL_HELD, RATIONALE, home({ currentGrade })),
      'CH-185',
      ['newOverallGrade'],
      'only after an inadequate one',
    );
  });

  test('CH-186 INADEQUATE as a new grade is bad input', () => {
    const violations = validateMonitoringNewJudgement(INADEQUATE, ALL_HELD, RATIONALE, home());
    expect(violations).toEqual([
      { field: ['newOverallGrade'], code: 'BAD_USER_INPUT', message: expect.stringContaining('A new judgement is an improved one') },
    ]);
  });

  test.each([SettingType.CHILDRENS_HOME, SettingType.SECURE_CHILDRENS_HOME])(
    'CH-187 all six conditions, a rationale and no open requirements allow a new judgement at a %s',
    (settingType) => {
      for (const grade of [OUTSTANDING, GOOD, RI]) {
        expect(validateMonitoringNewJudgement(grade, ALL_HELD, RATIONALE, home({ settingType }))).toEqual([]);
      }
    },
  );

  test.each([1, 3])('CH-184 %d open requirement(s) block a new judgement', (openRequirements) => {
    expectOnlyRuleViolation(
      validateMonitoringNewJudgement(GOOD, ALL_HELD, RATIONALE, home({ openRequirements })),
      'CH-184',
      ['newOverallGrade'],
      `All requirements must be met in full before a new judgement; ${openRequirements} are not recorded as met`,
    );
  });

  test.each(Object.keys(ALL_HELD) as (keyof NewJudgementConditions)[])('CH-187 %s not holding blocks a new judgement', (condition) => {
    const violations = validateMonitoringNewJudgement(GOOD, { ...ALL_HELD, [condition]: false }, RATIONALE, home());
    expectOnlyRuleViolation(violations, 'CH-187', ['conditions'], `not met: ${condition}`);
    expect(violations[0].message).toContain('Every condition for a new judgement must hold');
  });

  test('CH-187 every missing condition is named', () => {
    const violations = validateMonitoringNewJudgement(
      GOOD,
      { ...ALL_HELD, situationMadeSafe: false, canBeRectifiedQuickly: false },
      RATIONALE,
      home(),
    );
    expectOnlyRuleViolation(violations, 'CH-187', ['conditions'], 'not met: situationMadeSafe, canBeRectifiedQuickly');
  });

  test.each([null, undefined])('CH-187 no recorded conditions (%p) block a new judgement', (conditions) => {
    expectOnlyRuleViolation(
      validateMonitoringNewJudgement(GOOD, conditions, RATIONALE, home()),
      'CH-187',
      ['conditions'],
      'not met: all of them',
    );
  });

  test.each([null, undefined, '', '  '])("CH-218 a new judgement at a children's home needs a rationale (%p)", (rationale) => {
    expectOnlyRuleViolation(
      validateMonitoringNewJudgement(GOOD, ALL_HELD, rationale, home()),
      'CH-218',
      ['rationale'],
      'Explain why a new judgement was made',
    );
  });

  test('CH-184, CH-187 and CH-218 are all reported together', () => {
    const violations = validateMonitoringNewJudgement(GOOD, null, null, home({ openRequirements: 2 }));
    expect(violations.map((v) => v.ruleId).sort()).toEqual(['CH-184', 'CH-187', 'CH-218']);
  });

  test.each<[string, SettingType]>([
    ['RFC-105', SettingType.RESIDENTIAL_FAMILY_CENTRE],
    ['ASA-122', SettingType.ADOPTION_SUPPORT_AGENCY],
    ['CH-218', SettingType.INDEPENDENT_FOSTERING_AGENCY],
  ])('%s a new judgement at a %s needs a rationale', (ruleId, settingType) => {
    expectOnlyRuleViolation(
      validateMonitoringNewJudgement(GOOD, null, '', home({ settingType })),
      ruleId,
      ['rationale'],
      'Explain why a new judgement was made',
    );
  });

  test.each([SettingType.RESIDENTIAL_FAMILY_CENTRE, SettingType.ADOPTION_SUPPORT_AGENCY])(
    'RFC-105 / ASA-122 a new judgement at a %s with a rationale is accepted without a condition checklist',
    (settingType) => {
      expect(validateMonitoringNewJudgement(GOOD, null, RATIONALE, home({ settingType, openRequirements: 2 }))).toEqual([]);
    },
  );
});

describe('validateJudgementChange', () => {
  test.each(FAMILIES.map(([settingType]) => settingType))(
    'CH-247 judgements of a %s cannot change after the draft report is sent',
    (settingType) => {
      for (const alreadyProposed of [true, false]) {
        expectOnlyRuleViolation(
          validateJudgementChange(settingType, { alreadyProposed, draftReportSent: true }, 'New evidence came to light'),
          'CH-247',
          ['inspectionId'],
          'The draft report has gone to the provider',
        );
      }
    },
  );

  test.each(FAMILIES.map(([settingType, , , changeRule]) => [changeRule, settingType] as const))(
    '%s a change to the judgements of a %s after they were proposed needs a reason',
    (ruleId, settingType) => {
      for (const reason of [null, undefined, '', '  ']) {
        expectOnlyRuleViolation(
          validateJudgementChange(settingType, { alreadyProposed: true, draftReportSent: false }, reason),
          ruleId,
          ['changeReason'],
          'a change needs the reason recorded',
        );
      }
    },
  );

  test.each(FAMILIES.map(([settingType, , , changeRule]) => [changeRule, settingType] as const))(
    '%s a change to the judgements of a %s after they were proposed, with a reason, is accepted',
    (_ruleId, settingType) => {
      expect(
        validateJudgementChange(settingType, { alreadyProposed: true, draftReportSent: false }, 'The managers agreed after moderation'),
      ).toEqual([]);
    },
  );

  test.each(FAMILIES.map(([settingType]) => settingType))('the first proposal of judgements for a %s needs no reason', (settingType) => {
    expect(validateJudgementChange(settingType, { alreadyProposed: false, draftReportSent: false }, null)).toEqual([]);
  });
});
