import { EvidenceSource, Finding } from '../../src/domain/evidence';
import {
  validateCheckAtVisit,
  validateComplianceNotice,
  validateRecommendation,
  validateRequirement,
  type ComplianceNoticeAction,
  type LinkedEvidence,
  type RecommendationDetails,
  type RequirementDetails,
} from '../../src/domain/requirements';
import { SettingType } from '../../src/domain/setting-types';
import { expectOnlyBadInput, expectOnlyRuleViolation } from '../support/violations';

const weakness = (source: EvidenceSource): LinkedEvidence => ({ finding: Finding.WEAKNESS, source });
const TWO_SOURCES = [weakness(EvidenceSource.STAFF), weakness(EvidenceSource.RECORDS_AND_DOCUMENTS)];

/** Setting, requirement basis rule, requirement evidence rule, recommendation basis rule, check-at-next-visit rule. */
const SETTINGS: [SettingType, string, string, string, string][] = [
  [SettingType.CHILDRENS_HOME, 'CH-128', 'CH-127', 'CH-136', 'CH-137'],
  [SettingType.SECURE_CHILDRENS_HOME, 'CH-128', 'CH-127', 'CH-136', 'CH-137'],
  [SettingType.RESIDENTIAL_FAMILY_CENTRE, 'RFC-032', 'RFC-031', 'RFC-030', 'RFC-037'],
  [SettingType.ADOPTION_SUPPORT_AGENCY, 'ASA-030', 'ASA-029', 'ASA-028', 'ASA-035'],
  [SettingType.INDEPENDENT_FOSTERING_AGENCY, 'CH-128', 'CH-127', 'CH-136', 'CH-137'],
];

const INSPECTION_START = '2026-11-23';

/** A valid requirement made at a children's home; override one thing per test. */
function requirement(overrides: Partial<RequirementDetails> = {}): RequirementDetails {
  return {
    settingType: SettingType.CHILDRENS_HOME,
    regulation: 'Regulation 12 (the protection of children standard)',
    action: 'The registered person must ensure that staff follow the missing-from-care protocol.',
    dueDate: '2027-01-31',
    impactStatement: 'Children who go missing are not looked for promptly, which places them at risk of harm.',
    evidence: TWO_SOURCES,
    inspectionStart: INSPECTION_START,
    ...overrides,
  };
}

describe('validateRequirement', () => {
  test.each(SETTINGS)('a valid requirement at a %s, backed by two sources, has no violations', (settingType) => {
    expect(validateRequirement(requirement({ settingType }))).toEqual([]);
  });

  describe.each(SETTINGS)('a %s', (settingType, basisRule, evidenceRule) => {
    test(`${basisRule} a requirement names the regulation breached`, () => {
      for (const regulation of ['', '   ']) {
        expectOnlyRuleViolation(
          validateRequirement(requirement({ settingType, regulation })),
          basisRule,
          ['regulation'],
          'Name the regulation',
        );
      }
    });

    test(`${basisRule} a requirement says what must be done`, () => {
      for (const action of ['', '   ']) {
        expectOnlyRuleViolation(
          validateRequirement(requirement({ settingType, action })),
          basisRule,
          ['action'],
          'Say what the registered person must do',
        );
      }
    });

    test(`${evidenceRule} a requirement states its impact`, () => {
      for (const impactStatement of ['', '  ']) {
        expectOnlyRuleViolation(
          validateRequirement(requirement({ settingType, impactStatement })),
          evidenceRule,
          ['impactStatement'],
          'State the actual or potential impact',
        );
      }
    });

    test(`${evidenceRule} a requirement links at least one piece of evidence`, () => {
      expectOnlyRuleViolation(
        validateRequirement(requirement({ settingType, evidence: [] })),
        evidenceRule,
        ['evidenceIds'],
        'Link the evidence of the breach',
      );
    });
  });

  test('CHA-041 a requirement linking evidence recorded as a strength is rejected', () => {
    for (const evidence of [
      [{ finding: Finding.STRENGTH, source: EvidenceSource.STAFF }],
      [weakness(EvidenceSource.STAFF), { finding: Finding.STRENGTH, source: EvidenceSource.OBSERVATION }],
    ]) {
      expectOnlyRuleViolation(
        validateRequirement(requirement({ evidence })),
        'CHA-041',
        ['evidenceIds'],
        'link only evidence recorded as a weakness',
      );
    }
  });

  test.each<[string, SettingType]>([
    ['RFC-031', SettingType.RESIDENTIAL_FAMILY_CENTRE],
    ['ASA-029', SettingType.ADOPTION_SUPPORT_AGENCY],
  ])('%s a requirement at a %s needs evidence from at least two distinct sources', (ruleId, settingType) => {
    for (const evidence of [[weakness(EvidenceSource.STAFF)], [weakness(EvidenceSource.STAFF), weakness(EvidenceSource.STAFF)]]) {
      expectOnlyRuleViolation(
        validateRequirement(requirement({ settingType, evidence })),
        ruleId,
        ['evidenceIds'],
        'Triangulate: the evidence must come from more than one source',
      );
    }
  });

  test.each<[string, SettingType]>([
    ['RFC-031', SettingType.RESIDENTIAL_FAMILY_CENTRE],
    ['ASA-029', SettingType.ADOPTION_SUPPORT_AGENCY],
  ])('%s a requirement at a %s with two distinct sources is accepted', (_ruleId, settingType) => {
    const evidence = [
      weakness(EvidenceSource.PARENTS_AND_CARERS),
      weakness(EvidenceSource.PARENTS_AND_CARERS),
      weakness(EvidenceSource.OBSERVATION),
    ];
    expect(validateRequirement(requirement({ settingType, evidence }))).toEqual([]);
  });

  test.each([SettingType.CHILDRENS_HOME, SettingType.SECURE_CHILDRENS_HOME, SettingType.INDEPENDENT_FOSTERING_AGENCY])(
    'CH-127 a requirement at a %s with a single source is accepted',
    (settingType) => {
      expect(validateRequirement(requirement({ settingType, evidence: [weakness(EvidenceSource.STAFF)] }))).toEqual([]);
    },
  );

  test('a due date before the inspection began is bad input', () => {
    expectOnlyBadInput(
      validateRequirement(requirement({ dueDate: '2026-11-22' })),
      ['dueDate'],
      'cannot be due before the inspection began',
    );
  });

  test('a due date on the first day of the inspection is accepted', () => {
    expect(validateRequirement(requirement({ dueDate: INSPECTION_START }))).toEqual([]);
  });

  test.each(['2026-02-30', '31/01/2027', ''])('a due date %p that is not a calendar date is bad input', (dueDate) => {
    expectOnlyBadInput(validateRequirement(requirement({ dueDate })), ['dueDate'], 'is not a calendar date');
  });

  test('every missing part is reported at once', () => {
    const violations = validateRequirement(
      requirement({ settingType: SettingType.RESIDENTIAL_FAMILY_CENTRE, regulation: '', action: '', impactStatement: '', evidence: [] }),
    );
    expect(violations.map((v) => [v.ruleId, v.field])).toEqual([
      ['RFC-032', ['regulation']],
      ['RFC-032', ['action']],
      ['RFC-031', ['impactStatement']],
      ['RFC-031', ['evidenceIds']],
    ]);
  });
});

/** A valid recommendation; an adoption support agency's also summarises the standard. */
function recommendation(overrides: Partial<RecommendationDetails> = {}): RecommendationDetails {
  const settingType = overrides.settingType ?? SettingType.CHILDRENS_HOME;
  return {
    settingType,
    reference:
      settingType === SettingType.CHILDRENS_HOME ? "Guide to the Children's Homes Regulations, page 40, paragraph 9.5" : 'NMS 10.2',
    guidanceSummary:
      settingType === SettingType.ADOPTION_SUPPORT_AGENCY ? 'Staff are supervised regularly by a suitably qualified person' : null,
    action: 'The registered person should ensure that supervision records show how practice has improved.',
    evidence: [weakness(EvidenceSource.RECORDS_AND_DOCUMENTS)],
    ...overrides,
  };
}

describe('validateRecommendation', () => {
  test.each(SETTINGS)('a valid recommendation at a %s has no violations', (settingType) => {
    expect(validateRecommendation(recommendation({ settingType }))).toEqual([]);
  });

  test.each(SETTINGS.map(([settingType, , , rule]) => [rule, settingType] as const))(
    '%s a recommendation at a %s cites what it rests on',
    (ruleId, settingType) => {
      const sccif = settingType === SettingType.RESIDENTIAL_FAMILY_CENTRE || settingType === SettingType.ADOPTION_SUPPORT_AGENCY;
      for (const reference of ['', '  ']) {
        expectOnlyRuleViolation(
          validateRecommendation(recommendation({ settingType, reference })),
          ruleId,
          ['reference'],
          sccif ? 'Cite the national minimum standard' : "Cite the Guide's page and paragraph, or the statutory guidance",
        );
      }
    },
  );

  test('ASA-028 a recommendation at an adoption support agency summarises the standard it cites', () => {
    for (const guidanceSummary of [null, '', '  ']) {
      expectOnlyRuleViolation(
        validateRecommendation(recommendation({ settingType: SettingType.ADOPTION_SUPPORT_AGENCY, guidanceSummary })),
        'ASA-028',
        ['guidanceSummary'],
        'Summarise the national minimum standard cited',
      );
    }
  });

  test.each([SettingType.CHILDRENS_HOME, SettingType.RESIDENTIAL_FAMILY_CENTRE, SettingType.INDEPENDENT_FOSTERING_AGENCY])(
    'ASA-028 a recommendation at a %s needs no summary',
    (settingType) => {
      expect(validateRecommendation(recommendation({ settingType, guidanceSummary: null }))).toEqual([]);
    },
  );

  test('ASA-028 an adoption support agency recommendation with neither reference nor summary gets both violations', () => {
    const violations = validateRecommendation(
      recommendation({ settingType: SettingType.ADOPTION_SUPPORT_AGENCY, reference: '', guidanceSummary: null }),
    );
    expect(violations.map((v) => [v.ruleId, v.field])).toEqual([
      ['ASA-028', ['reference']],
      ['ASA-028', ['guidanceSummary']],
    ]);
  });

  test('an action is required: bad input', () => {
    expectOnlyBadInput(validateRecommendation(recommendation({ action: ' ' })), ['action'], 'Say what the registered person should do');
  });

  test.each([SettingType.CHILDRENS_HOME, SettingType.SECURE_CHILDRENS_HOME, SettingType.INDEPENDENT_FOSTERING_AGENCY])(
    'CH-146 a recommendation at a %s links evidence',
    (settingType) => {
      expectOnlyRuleViolation(
        validateRecommendation(recommendation({ settingType, evidence: [] })),
        'CH-146',
        ['evidenceIds'],
        'Link the evidence',
      );
    },
  );

  test.each<[string, SettingType]>([
    ['RFC-065', SettingType.RESIDENTIAL_FAMILY_CENTRE],
    ['ASA-078', SettingType.ADOPTION_SUPPORT_AGENCY],
  ])('%s a recommendation at a %s links evidence, under the SCCIF rule for that setting', (ruleId, settingType) => {
    expectOnlyRuleViolation(
      validateRecommendation(recommendation({ settingType, evidence: [] })),
      ruleId,
      ['evidenceIds'],
      'Link the evidence',
    );
  });

  test("CHA-041 a recommendation at a children's home backed only by evidence of strengths is rejected", () => {
    const violations = validateRecommendation(
      recommendation({ evidence: [{ finding: Finding.STRENGTH, source: EvidenceSource.OBSERVATION }] }),
    );
    expectOnlyRuleViolation(violations, 'CHA-041', ['evidenceIds'], 'weakness');
  });
});

describe('validateComplianceNotice', () => {
  const SERVED_ON = '2026-11-20';
  const TODAY = '2026-11-23';
  const action = (overrides: Partial<ComplianceNoticeAction> = {}): ComplianceNoticeAction => ({
    regulation: 'Regulation 12',
    action: "Review every child's missing-from-care risk assessment",
    completionDate: '2026-12-18',
    ...overrides,
  });

  test('a notice with complete actions is accepted', () => {
    expect(
      validateComplianceNotice(SERVED_ON, [action(), action({ regulation: 'Regulation 13', completionDate: '2026-11-21' })], TODAY),
    ).toEqual([]);
  });

  test('a notice served today is accepted', () => {
    expect(validateComplianceNotice(TODAY, [action()], TODAY)).toEqual([]);
  });

  test('CHA-071 a compliance notice sets out at least one action', () => {
    expectOnlyRuleViolation(validateComplianceNotice(SERVED_ON, [], TODAY), 'CHA-071', ['actions'], 'at least one action');
  });

  test('CH-140 each action names its regulation', () => {
    expectOnlyRuleViolation(
      validateComplianceNotice(SERVED_ON, [action(), action({ regulation: '  ' })], TODAY),
      'CH-140',
      ['actions', '1', 'regulation'],
      'Each action names its regulation',
    );
    expectOnlyRuleViolation(
      validateComplianceNotice(SERVED_ON, [action({ regulation: '' })], TODAY),
      'CH-140',
      ['actions', '0', 'regulation'],
      'regulation',
    );
  });

  test('CH-140 each action says what the provider must do', () => {
    expectOnlyRuleViolation(
      validateComplianceNotice(SERVED_ON, [action({ action: '' })], TODAY),
      'CH-140',
      ['actions', '0', 'action'],
      'Say what the provider must do',
    );
  });

  test.each(['2026-11-20', '2026-11-19'])(
    'CH-140 a completion date of %s, not after the notice is served, is rejected',
    (completionDate) => {
      expectOnlyRuleViolation(
        validateComplianceNotice(SERVED_ON, [action({ completionDate })], TODAY),
        'CH-140',
        ['actions', '0', 'completionDate'],
        'The completion date comes after the notice is served',
      );
    },
  );

  test('CH-140 the day after the notice is served is an acceptable completion date', () => {
    expect(validateComplianceNotice(SERVED_ON, [action({ completionDate: '2026-11-21' })], TODAY)).toEqual([]);
  });

  test('a completion date that is not a calendar date is bad input', () => {
    expectOnlyBadInput(
      validateComplianceNotice(SERVED_ON, [action({ completionDate: '2026-13-01' })], TODAY),
      ['actions', '0', 'completionDate'],
      'Not a calendar date',
    );
  });

  test('servedOn cannot be in the future', () => {
    expectOnlyBadInput(
      validateComplianceNotice('2026-11-24', [action({ completionDate: '2026-12-31' })], TODAY),
      ['servedOn'],
      'cannot be in the future',
    );
  });

  test('servedOn that is not a calendar date is bad input', () => {
    expectOnlyBadInput(validateComplianceNotice('2026-11-31', [action()], TODAY), ['servedOn'], 'is not a calendar date');
  });

  test('every problem is reported with its own path', () => {
    const violations = validateComplianceNotice(
      SERVED_ON,
      [action({ regulation: '' }), action(), action({ action: '', completionDate: '2026-11-01' })],
      TODAY,
    );
    expect(violations.map((v) => [v.ruleId, v.field])).toEqual([
      ['CH-140', ['actions', '0', 'regulation']],
      ['CH-140', ['actions', '2', 'action']],
      ['CH-140', ['actions', '2', 'completionDate']],
    ]);
  });
});

describe('validateCheckAtVisit', () => {
  const MADE = { providerId: 'provider-1', inspectionId: 'inspection-1', start: '2026-05-11' };

  test.each(SETTINGS.map(([settingType, , , , rule]) => [rule, settingType] as const))(
    '%s a requirement made at a %s is checked at a later, started visit to the same setting',
    (_ruleId, settingType) => {
      expect(
        validateCheckAtVisit(settingType, MADE, { providerId: 'provider-1', inspectionId: 'inspection-2', start: '2026-11-23' }),
      ).toEqual([]);
      expect(
        validateCheckAtVisit(settingType, MADE, { providerId: 'provider-1', inspectionId: 'inspection-2', start: '2026-05-12' }),
      ).toEqual([]);
    },
  );

  test.each(SETTINGS.map(([settingType, , , , rule]) => [rule, settingType] as const))(
    '%s a requirement made at a %s cannot be checked at a visit to another setting',
    (ruleId, settingType) => {
      expectOnlyRuleViolation(
        validateCheckAtVisit(settingType, MADE, { providerId: 'provider-2', inspectionId: 'inspection-2', start: '2026-11-23' }),
        ruleId,
        ['inspectionId'],
        'checked at a visit to the same setting',
      );
    },
  );

  test.each(SETTINGS.map(([settingType, , , , rule]) => [rule, settingType] as const))(
    '%s a requirement made at a %s is not checked at the visit that made it, an earlier one, or one not started',
    (ruleId, settingType) => {
      for (const visit of [
        { providerId: 'provider-1', inspectionId: 'inspection-1', start: '2026-05-11' },
        { providerId: 'provider-1', inspectionId: 'inspection-2', start: '2026-05-11' },
        { providerId: 'provider-1', inspectionId: 'inspection-0', start: '2025-11-10' },
        { providerId: 'provider-1', inspectionId: 'inspection-2', start: null },
      ]) {
        expectOnlyRuleViolation(validateCheckAtVisit(settingType, MADE, visit), ruleId, ['inspectionId'], 'later visit that has started');
      }
    },
  );
});
