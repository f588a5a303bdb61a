import { JudgementArea, evaluationCriteria } from '../../src/domain/evaluation-criteria';
import {
  EvidenceSource,
  Finding,
  INTERVIEW_SOURCES,
  initialsOf,
  namesMentioned,
  validateEvidence,
  type EvidenceDetails,
} from '../../src/domain/evidence';
import { SettingType } from '../../src/domain/setting-types';
import { expectOnlyBadInput, expectOnlyRuleViolation } from '../support/violations';

/** Setting, interview rule, identification rule, criteria rule (null: no criteria), a valid helped-and-protected criterion. */
const SETTINGS: [SettingType, string, string, string | null, string | null][] = [
  [SettingType.CHILDRENS_HOME, 'CH-145', 'CH-142', 'CH-146', 'HP.a'],
  [SettingType.SECURE_CHILDRENS_HOME, 'CH-145', 'CH-142', 'CH-146', 'HP.i'],
  [SettingType.RESIDENTIAL_FAMILY_CENTRE, 'RFC-064', 'RFC-062', 'RFC-007', 'HP.1'],
  [SettingType.ADOPTION_SUPPORT_AGENCY, 'ASA-077', 'ASA-076', 'ASA-009', 'HP.4'],
  [SettingType.INDEPENDENT_FOSTERING_AGENCY, 'CH-145', 'CH-142', null, null],
];

const CRITERION: Record<SettingType, string | null> = Object.fromEntries(
  Object.values(SettingType).map((t) => [t, SETTINGS.find(([s]) => s === t)?.[4] ?? null]),
) as Record<SettingType, string | null>;

/** A valid record of an interview with a member of staff at a children's home; override one thing per test. */
function evidence(overrides: Partial<EvidenceDetails> = {}): EvidenceDetails {
  const settingType = overrides.settingType ?? SettingType.CHILDRENS_HOME;
  return {
    settingType,
    source: EvidenceSource.STAFF,
    judgementArea: JudgementArea.HELPED_AND_PROTECTED,
    evaluationCriterion: CRITERION[settingType],
    finding: Finding.STRENGTH,
    narrative: 'The deputy manager described how staff search for a child who goes missing and walk up the hill to the park.',
    interviewTime: '10:30',
    intervieweeRole: 'deputy manager',
    peopleNamed: [],
    identificationJustification: null,
    registeredNames: ['Samuel Okafor', 'Rebecca Hill', 'Mei Li'],
    ...overrides,
  };
}

const INTERVIEWS = [
  EvidenceSource.CHILDREN,
  EvidenceSource.PARENTS_AND_CARERS,
  EvidenceSource.STAFF,
  EvidenceSource.MANAGERS,
  EvidenceSource.OTHER_PROFESSIONALS,
];
const NOT_INTERVIEWS = [EvidenceSource.OBSERVATION, EvidenceSource.RECORDS_AND_DOCUMENTS, EvidenceSource.QUESTIONNAIRES];

describe('initialsOf', () => {
  test.each([
    ['Samuel Okafor', 'S.O.'],
    ['Rebecca Hill', 'R.H.'],
    ['Mary-Jane Watson', 'M.J.W.'],
    ['Anne Smith-Jones', 'A.S.J.'],
    ['  amy   de la  cruz ', 'A.D.L.C.'],
    ['Cher', 'C.'],
  ])('%p has the initials %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('namesMentioned', () => {
  const NAMES = ['Samuel Okafor', 'Rebecca Hill', 'Mei Li'];

  test.each([
    'Samuel Okafor said he feels safe',
    'spoke to samuel okafor today',
    'SAMUEL OKAFOR was present',
    'The key worker (Samuel Okafor) agreed.',
  ])('a full name in any case is found: %p', (text) => {
    expect(namesMentioned(text, NAMES)).toEqual(['Samuel Okafor']);
  });

  test.each(['Okafor said he feels safe', 'The child told Ms Hill.', 'We spoke to Hill about it'])(
    'a surname written with its capital is found: %p',
    (text) => {
      expect(namesMentioned(text, NAMES)).toHaveLength(1);
    },
  );

  test.each([
    'The child walked up the hill to school',
    'the okafor family',
    'Hillside is the name of the home',
    'Okaforson is not a name on the register',
  ])('a lowercase word, or a longer word containing a surname, is not a name: %p', (text) => {
    expect(namesMentioned(text, NAMES)).toEqual([]);
  });

  test('a surname shorter than 3 letters is not matched on its own, but the full name is', () => {
    expect(namesMentioned('Li said the staff are kind', NAMES)).toEqual([]);
    expect(namesMentioned('Mei Li said the staff are kind', NAMES)).toEqual(['Mei Li']);
  });

  test('a first name alone with a single-word register entry is matched only as a whole word', () => {
    expect(namesMentioned('Cher joined the group', ['Cher'])).toEqual(['Cher']);
    expect(namesMentioned('Cheryl joined the group', ['Cher'])).toEqual([]);
  });

  test('every name mentioned is returned, in register order; blank entries are ignored', () => {
    expect(namesMentioned('Hill and Samuel Okafor met', ['', '  ', 'Samuel Okafor', 'Rebecca Hill', 'Mei Li'])).toEqual([
      'Samuel Okafor',
      'Rebecca Hill',
    ]);
  });

  test('punctuation in a name is taken literally', () => {
    expect(namesMentioned("Siobhan O'Brien was on shift", ["Siobhan O'Brien"])).toEqual(["Siobhan O'Brien"]);
    expect(namesMentioned('A.J. Smith was on shift', ['A.J. Smith'])).toEqual(['A.J. Smith']);
    expect(namesMentioned('AxJx Smith', ['A.J. Smithson'])).toEqual([]);
  });

  test.each([
    ['Łukasz Żak said he feels safe', 'Łukasz Żak'],
    ['The child spoke to Żak about school', 'Łukasz Żak'],
    ['Émile Öztürk was on shift', 'Émile Öztürk'],
    ['We spoke to Öztürk', 'Émile Öztürk'],
    ['Dupré was on shift', 'Chloé Dupré'],
  ])('CH-142 a name beginning or ending with a non-ASCII letter is found: %p', (text, name) => {
    expect(namesMentioned(text, [name])).toEqual([name]);
  });
});

describe('validateEvidence', () => {
  test.each(SETTINGS)('a valid interview record at a %s has no violations', (settingType) => {
    expect(validateEvidence(evidence({ settingType }))).toEqual([]);
  });

  test('INTERVIEW_SOURCES are the conversations with people', () => {
    expect([...INTERVIEW_SOURCES].sort()).toEqual([...INTERVIEWS].sort());
  });

  describe('interviews need a time and a role (CH-145, RFC-064, ASA-077)', () => {
    describe.each(SETTINGS)('a %s', (settingType, interviewRule) => {
      test.each(INTERVIEWS)(`${interviewRule} an interview (%s) needs interviewTime`, (source) => {
        expectOnlyRuleViolation(
          validateEvidence(evidence({ settingType, source, interviewTime: null })),
          interviewRule,
          ['interviewTime'],
          'Record the time of the interview',
        );
      });

      test.each(INTERVIEWS)(`${interviewRule} an interview (%s) needs intervieweeRole`, (source) => {
        for (const intervieweeRole of [null, '', '   ']) {
          expectOnlyRuleViolation(
            validateEvidence(evidence({ settingType, source, intervieweeRole })),
            interviewRule,
            ['intervieweeRole'],
            "Record the interviewee's role or relationship",
          );
        }
      });

      test(`${interviewRule} an interview with neither time nor role gets both violations`, () => {
        const violations = validateEvidence(evidence({ settingType, interviewTime: null, intervieweeRole: null }));
        expect(violations.map((v) => [v.ruleId, v.field])).toEqual([
          [interviewRule, ['interviewTime']],
          [interviewRule, ['intervieweeRole']],
        ]);
      });

      test.each(NOT_INTERVIEWS)(`${interviewRule} %s evidence needs no interview time or role`, (source) => {
        expect(validateEvidence(evidence({ settingType, source, interviewTime: null, intervieweeRole: null }))).toEqual([]);
      });
    });

    test.each(['9:30', '24:00', '10:60', '10.30', '10:30:00', 'half ten', ' 10:30'])(
      'interviewTime %p is bad input, not a rule violation',
      (interviewTime) => {
        expectOnlyBadInput(validateEvidence(evidence({ interviewTime })), ['interviewTime'], 'HH:MM');
      },
    );

    test.each(['00:00', '09:05', '13:45', '23:59'])('interviewTime %p is accepted', (interviewTime) => {
      expect(validateEvidence(evidence({ interviewTime }))).toEqual([]);
    });

    test('a relationship is a role: "mother of the child" is accepted at a family centre', () => {
      expect(
        validateEvidence(
          evidence({
            settingType: SettingType.RESIDENTIAL_FAMILY_CENTRE,
            source: EvidenceSource.PARENTS_AND_CARERS,
            intervieweeRole: 'mother of the child',
          }),
        ),
      ).toEqual([]);
    });
  });

  describe('evidence does not name people (CH-142, RFC-062, ASA-076)', () => {
    describe.each(SETTINGS)('a %s', (settingType, _interviewRule, identificationRule) => {
      test.each([
        'Samuel Okafor said he feels safe at the home',
        'The deputy spoke to samuel okafor about missing episodes',
        'Okafor said he feels safe at the home',
        'The manager, Rebecca Hill, described the missing-from-care protocol',
      ])(`${identificationRule} a registered name in the narrative is rejected: %p`, (narrative) => {
        expectOnlyRuleViolation(
          validateEvidence(evidence({ settingType, narrative })),
          identificationRule,
          ['narrative'],
          'Evidence must not name people: use initials',
        );
      });

      test(`${identificationRule} a registered name in intervieweeRole is rejected`, () => {
        expectOnlyRuleViolation(
          validateEvidence(evidence({ settingType, intervieweeRole: 'Rebecca Hill' })),
          identificationRule,
          ['narrative'],
          'Evidence must not name people',
        );
      });

      test(`${identificationRule} two registered names are reported as names`, () => {
        const violations = validateEvidence(evidence({ settingType, narrative: 'Samuel Okafor and Rebecca Hill disagreed' }));
        expectOnlyRuleViolation(violations, identificationRule, ['narrative'], 'use initials instead of names from the protected register');
      });

      test(`${identificationRule} naming people needs an identificationJustification`, () => {
        for (const identificationJustification of [null, '', '  ']) {
          expectOnlyRuleViolation(
            validateEvidence(
              evidence({
                settingType,
                narrative: 'S.O. said he was hit by another child',
                peopleNamed: ['Samuel Okafor'],
                identificationJustification,
              }),
            ),
            identificationRule,
            ['identificationJustification'],
            'Evidence identifies people only where that protects a child or supports further action',
          );
        }
      });

      test(`${identificationRule} initials with a justification are accepted`, () => {
        expect(
          validateEvidence(
            evidence({
              settingType,
              narrative: 'S.O. said he was hit by another child; R.H. did not record it',
              peopleNamed: ['Samuel Okafor', 'Rebecca Hill'],
              identificationJustification: 'Needed to protect S.O.: the incident must be followed up with the local authority',
            }),
          ),
        ).toEqual([]);
      });

      test(`${identificationRule} a lowercase word that is also a surname is not a name`, () => {
        expect(validateEvidence(evidence({ settingType, narrative: 'The children walked up the hill with staff' }))).toEqual([]);
      });
    });
    test("CH-142 a registered name beginning with a non-ASCII letter in a children's home narrative is rejected", () => {
      expectOnlyRuleViolation(
        validateEvidence(evidence({ narrative: 'Łukasz Żak said he feels safe', registeredNames: ['Łukasz Żak'] })),
        'CH-142',
        ['narrative'],
        'Evidence must not name people',
      );
    });
  });

  describe('evidence bears on an evaluation criterion of its area (CH-146, RFC-007, ASA-009)', () => {
    describe.each(SETTINGS.filter(([, , , rule]) => rule !== null))('a %s', (settingType, _i, _n, criteriaRule) => {
      test(`${criteriaRule} the criterion is required`, () => {
        for (const evaluationCriterion of [null, '']) {
          expectOnlyRuleViolation(
            validateEvidence(evidence({ settingType, evaluationCriterion })),
            criteriaRule!,
            ['evaluationCriterion'],
            'Say which evaluation criterion of this judgement area',
          );
        }
      });

      test.each(Object.values(JudgementArea))('every criterion of %s is accepted for that area', (judgementArea) => {
        for (const { code } of evaluationCriteria(settingType, judgementArea)) {
          expect(validateEvidence(evidence({ settingType, judgementArea, evaluationCriterion: code }))).toEqual([]);
        }
      });

      test('a criterion of another area is bad input', () => {
        const otherArea = evaluationCriteria(settingType, JudgementArea.LEADERS_AND_MANAGERS)[0].code;
        expectOnlyBadInput(
          validateEvidence(evidence({ settingType, evaluationCriterion: otherArea })),
          ['evaluationCriterion'],
          `"${otherArea}" is not an evaluation criterion of this judgement area`,
        );
      });
    });

    test.each<[SettingType, string]>([
      [SettingType.CHILDRENS_HOME, 'HP.1'],
      [SettingType.RESIDENTIAL_FAMILY_CENTRE, 'HP.a'],
      [SettingType.RESIDENTIAL_FAMILY_CENTRE, 'HP.6'],
      [SettingType.ADOPTION_SUPPORT_AGENCY, 'HP.5'],
      [SettingType.CHILDRENS_HOME, 'HP.r'],
    ])('a %s does not have criterion %s in this area: bad input', (settingType, evaluationCriterion) => {
      expectOnlyBadInput(
        validateEvidence(evidence({ settingType, evaluationCriterion })),
        ['evaluationCriterion'],
        'is not an evaluation criterion',
      );
    });

    test('an independent fostering agency has no criteria: a criterion is bad input, none is accepted', () => {
      expectOnlyBadInput(
        validateEvidence(evidence({ settingType: SettingType.INDEPENDENT_FOSTERING_AGENCY, evaluationCriterion: 'HP.a' })),
        ['evaluationCriterion'],
        'leave it out',
      );
      expect(validateEvidence(evidence({ settingType: SettingType.INDEPENDENT_FOSTERING_AGENCY, evaluationCriterion: null }))).toEqual([]);
    });
  });

  describe('narrative', () => {
    test.each(['', '   '])('an empty narrative %p is bad input', (narrative) => {
      expectOnlyBadInput(validateEvidence(evidence({ narrative })), ['narrative'], 'must not be empty');
    });

    test('a narrative of 20,000 characters is accepted; 20,001 is bad input', () => {
      expect(validateEvidence(evidence({ narrative: 'a'.repeat(20_000) }))).toEqual([]);
      expectOnlyBadInput(validateEvidence(evidence({ narrative: 'a'.repeat(20_001) })), ['narrative'], 'at most 20000 characters');
    });
  });
});
