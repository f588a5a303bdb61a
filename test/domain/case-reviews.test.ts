/**
 * The case review rules as pure functions: which outcomes open a case review and by when
 * (CH-175, RFC-079, ASA-107, CHA-064, CA-082, CHA-194), who is told and by when (CHA-078, CHA-073,
 * CA-084, CA-085, RFC-082, ASA-111), what a case review decision must record (CH-177), and whether
 * a notification was on time. Over HTTP: test/api/case-reviews.test.ts.
 *
 * Due dates are counted by hand in working days (weekends and England's bank holidays excluded,
 * the end of the inspection being day 0). In 2026: Wednesday 30 September, Thursday 1 October,
 * Friday 2 October; Thursday 24 December, with Christmas Day on the Friday and the Boxing Day
 * substitute on Monday 28 December; Friday 1 January 2027 is a bank holiday.
 */
import {
  CaseReviewTrigger,
  EnforcementOption,
  NotificationRecipient,
  caseReviewLate,
  caseReviewsOpenedBy,
  notificationStatus,
  notificationsDue,
  validateCaseReviewDecision,
  type CaseReviewOpening,
  type OptionConsidered,
  type OutcomeFacts,
} from '../../src/domain/case-reviews';
import { InspectionType } from '../../src/domain/inspection-types';
import { Grade, InterimOutcome, VACANCY_THRESHOLD_DAYS } from '../../src/domain/judgements';
import type { LocalDate } from '../../src/domain/local-date';
import { SettingType } from '../../src/domain/setting-types';
import { expectOnlyBadInput, expectOnlyRuleViolation } from '../support/violations';

const { FULL_INSPECTION: FULL, INTERIM_INSPECTION: INTERIM, MONITORING_VISIT: MONITORING, ASSURANCE_VISIT: ASSURANCE } = InspectionType;
const { CHILDRENS_HOME: CH, SECURE_CHILDRENS_HOME: SCH, RESIDENTIAL_FAMILY_CENTRE: RFC, ADOPTION_SUPPORT_AGENCY: ASA } = SettingType;
const { PLACING_AUTHORITY_DCS: PLACING, HOST_AUTHORITY_DCS: HOST, DEPARTMENT_FOR_EDUCATION: DFE } = NotificationRecipient;

const MANCHESTER = 'E08000003';
const LEEDS = 'E08000035';
const WESTMINSTER = 'E09000033';

/** A children's home full inspection ending on Thursday 1 October 2026 with nothing of concern; override one thing per test. */
function facts(overrides: Partial<OutcomeFacts> = {}): OutcomeFacts {
  return {
    type: FULL,
    settingType: CH,
    endOfInspection: '2026-10-01',
    overall: Grade.GOOD,
    interimOutcome: null,
    declineSuggestsSeriousConcerns: false,
    seriousOrWidespreadConcerns: null,
    managerVacancyDays: null,
    ...overrides,
  };
}

/** An interim judged declined in effectiveness, flagged or not as suggesting serious concerns. */
const declinedInterim = (declineSuggestsSeriousConcerns: boolean) =>
  facts({ type: INTERIM, overall: null, interimOutcome: InterimOutcome.DECLINED_IN_EFFECTIVENESS, declineSuggestsSeriousConcerns });

const opening = (trigger: CaseReviewTrigger, ruleId: string, dueBy: LocalDate): CaseReviewOpening => ({
  trigger,
  ruleId,
  urgent: true,
  dueBy,
});

/** The notifications an outcome's own case reviews lead to. */
function notify(outcome: OutcomeFacts, placing: string[], host = MANCHESTER) {
  return notificationsDue(outcome, caseReviewsOpenedBy(outcome), { host, placing });
}

describe('caseReviewsOpenedBy', () => {
  test.each([CH, SCH])(
    'CH-175 %s: a full inspection judged inadequate overall opens one urgent case review, due 5 working days after the end of the inspection',
    (settingType) => {
      // Thursday 1 October + 5: Fri 2, Mon 5, Tue 6, Wed 7, Thu 8.
      expect(caseReviewsOpenedBy(facts({ settingType, overall: Grade.INADEQUATE }))).toEqual([
        { trigger: CaseReviewTrigger.INADEQUATE_OVERALL, ruleId: 'CH-175', urgent: true, dueBy: '2026-10-08' },
      ]);
    },
  );

  test.each([Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD, null])(
    "CH-175 a children's home full inspection judged %p overall opens no case review",
    (overall) => {
      expect(caseReviewsOpenedBy(facts({ overall }))).toEqual([]);
    },
  );

  test('CH-175 the urgent case review counts working days over Christmas: feedback Thursday 24 December 2026, due Tuesday 5 January 2027', () => {
    // Tue 29, Wed 30, Thu 31 December, (Fri 1 January a bank holiday), Mon 4, Tue 5 January.
    expect(caseReviewsOpenedBy(facts({ overall: Grade.INADEQUATE, endOfInspection: '2026-12-24' }))).toEqual([
      expect.objectContaining({ ruleId: 'CH-175', dueBy: '2027-01-05' }),
    ]);
  });

  test('CH-175 an inadequate overall grade opens the case review only at a full inspection, not at a monitoring visit', () => {
    expect(caseReviewsOpenedBy(facts({ type: MONITORING, overall: Grade.INADEQUATE }))).toEqual([]);
  });

  test.each([
    ['RFC-079', RFC],
    ['ASA-107', ASA],
  ] as const)(
    '%s %s: judged inadequate overall at a full inspection, it opens one urgent case review, due 5 working days after the inspection',
    (ruleId, settingType) => {
      // Wednesday 30 September + 5: Thu 1, Fri 2, Mon 5, Tue 6, Wed 7.
      expect(caseReviewsOpenedBy(facts({ settingType, overall: Grade.INADEQUATE, endOfInspection: '2026-09-30' }))).toEqual([
        { trigger: CaseReviewTrigger.INADEQUATE_OVERALL, ruleId, urgent: true, dueBy: '2026-10-07' },
      ]);
    },
  );

  test.each([
    ['RFC-079', RFC],
    ['ASA-107', ASA],
  ] as const)('%s %s: judged requires improvement overall, it opens no case review', (_, settingType) => {
    expect(caseReviewsOpenedBy(facts({ settingType, overall: Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD }))).toEqual([]);
  });

  test('CHA-064 an interim judged declined in effectiveness that suggests serious concerns opens one urgent case review, due 5 working days after', () => {
    const interim = declinedInterim(true);
    expect(caseReviewsOpenedBy(interim)).toEqual([
      { trigger: CaseReviewTrigger.INTERIM_DECLINE_WITH_SERIOUS_CONCERNS, ruleId: 'CHA-064', urgent: true, dueBy: '2026-10-08' },
    ]);
  });

  test('CHA-064 an interim declined in effectiveness without the serious-concerns flag opens no case review', () => {
    const interim = declinedInterim(false);
    expect(caseReviewsOpenedBy(interim)).toEqual([]);
  });

  test.each([InterimOutcome.IMPROVED_EFFECTIVENESS, InterimOutcome.SUSTAINED_EFFECTIVENESS])(
    'CHA-064 an interim judged %s opens no case review, even flagged as suggesting serious concerns',
    (interimOutcome) => {
      expect(caseReviewsOpenedBy(facts({ type: INTERIM, overall: null, interimOutcome, declineSuggestsSeriousConcerns: true }))).toEqual(
        [],
      );
    },
  );

  test('CA-082 an assurance visit finding serious or widespread concerns opens one urgent case review, due 5 working days after the visit', () => {
    const visit = facts({
      type: ASSURANCE,
      settingType: SCH,
      overall: null,
      seriousOrWidespreadConcerns: true,
      endOfInspection: '2026-09-30',
    });
    expect(caseReviewsOpenedBy(visit)).toEqual([
      { trigger: CaseReviewTrigger.SERIOUS_OR_WIDESPREAD_CONCERNS, ruleId: 'CA-082', urgent: true, dueBy: '2026-10-07' },
    ]);
  });

  test.each([false, null])(
    'CA-082 an assurance visit with seriousOrWidespreadConcerns %p opens no case review',
    (seriousOrWidespreadConcerns) => {
      expect(caseReviewsOpenedBy(facts({ type: ASSURANCE, settingType: SCH, overall: null, seriousOrWidespreadConcerns }))).toEqual([]);
    },
  );

  test.each([
    [CH, VACANCY_THRESHOLD_DAYS],
    [SCH, VACANCY_THRESHOLD_DAYS],
    [CH, VACANCY_THRESHOLD_DAYS + 100],
  ])(
    'CHA-194 %s: no registered manager for %d days (26 weeks or more) convenes a case review at once: due on the day it is found',
    (settingType, managerVacancyDays) => {
      expect(VACANCY_THRESHOLD_DAYS).toBe(182);
      expect(caseReviewsOpenedBy(facts({ settingType, managerVacancyDays }))).toEqual([
        { trigger: CaseReviewTrigger.LONG_MANAGER_VACANCY, ruleId: 'CHA-194', urgent: true, dueBy: '2026-10-01' },
      ]);
    },
  );

  test.each([
    [CH, VACANCY_THRESHOLD_DAYS - 1],
    [CH, null],
    [RFC, VACANCY_THRESHOLD_DAYS],
    [ASA, VACANCY_THRESHOLD_DAYS],
  ])(
    "CHA-194 %s: a vacancy of %p days opens no case review (under 26 weeks, or not a children's home)",
    (settingType, managerVacancyDays) => {
      expect(caseReviewsOpenedBy(facts({ settingType, managerVacancyDays }))).toEqual([]);
    },
  );

  test('CH-175 CHA-194 an inadequate full inspection with a long manager vacancy opens both case reviews, each with its own due date', () => {
    expect(caseReviewsOpenedBy(facts({ overall: Grade.INADEQUATE, managerVacancyDays: VACANCY_THRESHOLD_DAYS }))).toEqual([
      { trigger: CaseReviewTrigger.INADEQUATE_OVERALL, ruleId: 'CH-175', urgent: true, dueBy: '2026-10-08' },
      { trigger: CaseReviewTrigger.LONG_MANAGER_VACANCY, ruleId: 'CHA-194', urgent: true, dueBy: '2026-10-01' },
    ]);
  });
});

describe('notificationsDue', () => {
  test("CHA-075 CHA-076 CHA-078 an inadequate children's home: each placing DCS and the host DCS, due the next working day (Friday: Monday)", () => {
    const outcome = facts({ overall: Grade.INADEQUATE, endOfInspection: '2026-10-02' });
    expect(notify(outcome, [LEEDS, WESTMINSTER])).toEqual([
      { recipient: PLACING, localAuthority: LEEDS, ruleId: 'CHA-078', dueBy: '2026-10-05' },
      { recipient: PLACING, localAuthority: WESTMINSTER, ruleId: 'CHA-078', dueBy: '2026-10-05' },
      { recipient: HOST, localAuthority: MANCHESTER, ruleId: 'CHA-078', dueBy: '2026-10-05' },
    ]);
  });

  test('CHA-075 CHA-076 CHA-078 the host listed as a placing authority is told once, as host; a placing authority listed twice is told once', () => {
    const outcome = facts({ overall: Grade.INADEQUATE, endOfInspection: '2026-10-02' });
    expect(notify(outcome, [LEEDS, MANCHESTER, LEEDS, WESTMINSTER, MANCHESTER])).toEqual([
      { recipient: PLACING, localAuthority: LEEDS, ruleId: 'CHA-078', dueBy: '2026-10-05' },
      { recipient: PLACING, localAuthority: WESTMINSTER, ruleId: 'CHA-078', dueBy: '2026-10-05' },
      { recipient: HOST, localAuthority: MANCHESTER, ruleId: 'CHA-078', dueBy: '2026-10-05' },
    ]);
  });

  test('CHA-076 CHA-078 with no children placed only the host authority is told', () => {
    expect(notify(facts({ overall: Grade.INADEQUATE }), [])).toEqual([
      { recipient: HOST, localAuthority: MANCHESTER, ruleId: 'CHA-078', dueBy: '2026-10-02' },
    ]);
  });

  test('CHA-078 feedback on Thursday 24 December 2026: due Tuesday 29 December, after Christmas Day and the Boxing Day substitute', () => {
    const outcome = facts({ overall: Grade.INADEQUATE, endOfInspection: '2026-12-24' });
    expect(notify(outcome, [LEEDS]).map((n) => [n.recipient, n.localAuthority, n.dueBy])).toEqual([
      [PLACING, LEEDS, '2026-12-29'],
      [HOST, MANCHESTER, '2026-12-29'],
    ]);
  });

  test("CHA-073 CHA-078 an inadequate secure children's home also tells the Department for Education, by the next working day", () => {
    const outcome = facts({ settingType: SCH, overall: Grade.INADEQUATE, endOfInspection: '2026-10-02' });
    expect(notify(outcome, [LEEDS])).toEqual([
      { recipient: PLACING, localAuthority: LEEDS, ruleId: 'CHA-078', dueBy: '2026-10-05' },
      { recipient: HOST, localAuthority: MANCHESTER, ruleId: 'CHA-078', dueBy: '2026-10-05' },
      { recipient: DFE, localAuthority: null, ruleId: 'CHA-073', dueBy: '2026-10-05' },
    ]);
  });

  test('CA-083 CA-084 CA-085 serious concerns at an assurance visit: each placing DCS and the host DCS (CA-084), and the Department for Education (CA-085), by the next working day', () => {
    // Visit ending Friday 2 October 2026: due Monday 5 October; the case review (CA-082) is due Friday 9 October.
    const visit = facts({
      type: ASSURANCE,
      settingType: SCH,
      overall: null,
      seriousOrWidespreadConcerns: true,
      endOfInspection: '2026-10-02',
    });
    expect(caseReviewsOpenedBy(visit)).toEqual([expect.objectContaining({ ruleId: 'CA-082', dueBy: '2026-10-09' })]);
    expect(notify(visit, [LEEDS, WESTMINSTER, MANCHESTER])).toEqual([
      { recipient: PLACING, localAuthority: LEEDS, ruleId: 'CA-084', dueBy: '2026-10-05' },
      { recipient: PLACING, localAuthority: WESTMINSTER, ruleId: 'CA-084', dueBy: '2026-10-05' },
      { recipient: HOST, localAuthority: MANCHESTER, ruleId: 'CA-084', dueBy: '2026-10-05' },
      { recipient: DFE, localAuthority: null, ruleId: 'CA-085', dueBy: '2026-10-05' },
    ]);
  });

  test('RFC-082 an inadequate family centre: each placing DCS is told the working day after the case review is due, and there is no host-authority notice', () => {
    // End Wednesday 30 September 2026: case review due Wednesday 7 October (RFC-079), the emails Thursday 8 October.
    const outcome = facts({ settingType: RFC, overall: Grade.INADEQUATE, endOfInspection: '2026-09-30' });
    expect(notify(outcome, [LEEDS, WESTMINSTER])).toEqual([
      { recipient: PLACING, localAuthority: LEEDS, ruleId: 'RFC-082', dueBy: '2026-10-08' },
      { recipient: PLACING, localAuthority: WESTMINSTER, ruleId: 'RFC-082', dueBy: '2026-10-08' },
    ]);
  });

  test("RFC-081 RFC-082 a family centre's own authority that placed a family is told as a placing authority (the guidance names no host notice); duplicates are told once", () => {
    const outcome = facts({ settingType: RFC, overall: Grade.INADEQUATE, endOfInspection: '2026-09-30' });
    expect(notify(outcome, [MANCHESTER, LEEDS, MANCHESTER])).toEqual([
      { recipient: PLACING, localAuthority: MANCHESTER, ruleId: 'RFC-082', dueBy: '2026-10-08' },
      { recipient: PLACING, localAuthority: LEEDS, ruleId: 'RFC-082', dueBy: '2026-10-08' },
    ]);
    expect(notify(outcome, [])).toEqual([]);
  });

  test('ASA-110 ASA-111 an inadequate adoption support agency: the commissioning authorities and the host, the working day after the case review is due', () => {
    const outcome = facts({ settingType: ASA, overall: Grade.INADEQUATE, endOfInspection: '2026-09-30' });
    expect(notify(outcome, [LEEDS, MANCHESTER, LEEDS])).toEqual([
      { recipient: PLACING, localAuthority: LEEDS, ruleId: 'ASA-111', dueBy: '2026-10-08' },
      { recipient: HOST, localAuthority: MANCHESTER, ruleId: 'ASA-111', dueBy: '2026-10-08' },
    ]);
  });

  test("RFC-082 ASA-111 the notice counts from the case review's own due date", () => {
    const outcome = facts({ settingType: ASA, overall: Grade.INADEQUATE, endOfInspection: '2026-09-30' });
    // A case review due earlier than the 5 working days (earlier if risk requires): Friday 2 October, so the notice is due Monday 5 October.
    const early = [opening(CaseReviewTrigger.INADEQUATE_OVERALL, 'ASA-107', '2026-10-02')];
    expect(notificationsDue(outcome, early, { host: MANCHESTER, placing: [LEEDS] }).map((n) => n.dueBy)).toEqual([
      '2026-10-05',
      '2026-10-05',
    ]);
  });

  test('CHA-064 CHA-194 case reviews for an interim decline or a manager vacancy alone tell no authority', () => {
    const interim = declinedInterim(true);
    expect(caseReviewsOpenedBy(interim)).toHaveLength(1);
    expect(notify(interim, [LEEDS])).toEqual([]);
    const vacancy = facts({ settingType: SCH, managerVacancyDays: VACANCY_THRESHOLD_DAYS });
    expect(caseReviewsOpenedBy(vacancy)).toHaveLength(1);
    expect(notify(vacancy, [LEEDS])).toEqual([]);
  });

  test('CHA-078 with no case review there is nothing to notify', () => {
    expect(notificationsDue(facts({ settingType: SCH }), [], { host: MANCHESTER, placing: [LEEDS] })).toEqual([]);
  });
});

describe('caseReviewLate', () => {
  test('CH-175 a review held on or before its due date is not late; held after it, it is', () => {
    expect(caseReviewLate('2026-10-08', '2026-10-08', '2026-11-20')).toBe(false);
    expect(caseReviewLate('2026-10-08', '2026-10-09', '2026-11-20')).toBe(true);
  });

  test('CH-175 a review not held is late once its due date has passed, not before', () => {
    expect(caseReviewLate('2026-10-08', null, '2026-10-08')).toBe(false);
    expect(caseReviewLate('2026-10-08', null, '2026-10-09')).toBe(true);
  });
});

describe('notificationStatus', () => {
  const DUE = '2026-10-05';

  test('CHA-078 a notification done before or on its due day is on time, and not overdue', () => {
    expect(notificationStatus(DUE, '2026-10-02', '2026-11-23')).toEqual({ onTime: true, overdue: false });
    expect(notificationStatus(DUE, DUE, '2026-11-23')).toEqual({ onTime: true, overdue: false });
  });

  test('CHA-078 a notification done after its due day is late, but not overdue', () => {
    expect(notificationStatus(DUE, '2026-10-06', '2026-11-23')).toEqual({ onTime: false, overdue: false });
  });

  test('CHA-078 a notification not done is overdue once its due day has passed', () => {
    expect(notificationStatus(DUE, null, '2026-10-06')).toEqual({ onTime: null, overdue: true });
  });

  test('CHA-078 a notification not done is not yet overdue before or on its due day', () => {
    expect(notificationStatus(DUE, null, '2026-10-02')).toEqual({ onTime: null, overdue: false });
    expect(notificationStatus(DUE, null, DUE)).toEqual({ onTime: null, overdue: false });
  });
});

describe('validateCaseReviewDecision', () => {
  const ALL_OPTIONS = Object.values(EnforcementOption);
  const OPENED = { openedOn: '2026-10-01', today: '2026-11-23' };

  /** Every option in `options` considered, each but the chosen one rejected with a reason. */
  function considered(chosen: EnforcementOption, options: readonly EnforcementOption[] = ALL_OPTIONS): OptionConsidered[] {
    return options.map((option) => ({ option, rejectedBecause: option === chosen ? null : `Not proportionate: ${option.toLowerCase()}` }));
  }

  /** A complete decision choosing a compliance notice after considering every option; override one thing per test. */
  const decision = (overrides: Partial<Parameters<typeof validateCaseReviewDecision>[1]> = {}) => ({
    optionsConsidered: considered(EnforcementOption.COMPLIANCE_NOTICE),
    chosen: EnforcementOption.COMPLIANCE_NOTICE,
    decisionReason: 'The shortfalls can be put right quickly under a compliance notice',
    decidedBy: 'Rita RIM',
    heldOn: '2026-10-07',
    ...overrides,
  });

  test.each([CH, SCH, RFC, ASA])(
    'CH-177 %s: a case review that considered every option, chose one and said why the others were rejected is accepted',
    (settingType) => {
      expect(validateCaseReviewDecision(settingType, decision(), OPENED)).toEqual([]);
    },
  );

  test.each([CH, SCH])('CH-177 %s: the case review considers every enforcement option: the missing ones are listed', (settingType) => {
    const some = decision({
      optionsConsidered: considered(EnforcementOption.COMPLIANCE_NOTICE, [
        EnforcementOption.MONITORING_VISITS,
        EnforcementOption.COMPLIANCE_NOTICE,
      ]),
    });
    expectOnlyRuleViolation(
      validateCaseReviewDecision(settingType, some, OPENED),
      'CH-177',
      ['optionsConsidered'],
      'not considered: NO_ENFORCEMENT_ACTION, BRING_INSPECTION_FORWARD, IMPOSE_CONDITIONS, RESTRICTION_OF_ACCOMMODATION, SUSPENSION, NOTICE_OF_PROPOSAL_TO_CANCEL, PROSECUTION',
    );
  });

  test.each([RFC, ASA])('CH-177 %s: a case review may consider only some options', (settingType) => {
    const some = decision({
      chosen: EnforcementOption.MONITORING_VISITS,
      optionsConsidered: considered(EnforcementOption.MONITORING_VISITS, [
        EnforcementOption.MONITORING_VISITS,
        EnforcementOption.COMPLIANCE_NOTICE,
      ]),
    });
    expect(validateCaseReviewDecision(settingType, some, OPENED)).toEqual([]);
  });

  test('CH-177 the option chosen must be one of the options considered', () => {
    const outside = decision({
      chosen: EnforcementOption.SUSPENSION,
      optionsConsidered: considered(EnforcementOption.SUSPENSION, [EnforcementOption.MONITORING_VISITS]),
    });
    expectOnlyRuleViolation(
      validateCaseReviewDecision(RFC, outside, OPENED),
      'CH-177',
      ['chosenOption'],
      'must be one of the options considered',
    );
  });

  test("CH-177 a children's home choosing an option it did not consider breaks both checks", () => {
    const allButProsecution = ALL_OPTIONS.filter((o) => o !== EnforcementOption.PROSECUTION);
    const outside = decision({
      chosen: EnforcementOption.PROSECUTION,
      optionsConsidered: considered(EnforcementOption.PROSECUTION, allButProsecution),
    });
    const violations = validateCaseReviewDecision(CH, outside, OPENED);
    expect(violations).toEqual([
      {
        code: 'RULE_VIOLATION',
        ruleId: 'CH-177',
        field: ['chosenOption'],
        message: expect.stringContaining('must be one of the options considered'),
      },
      {
        code: 'RULE_VIOLATION',
        ruleId: 'CH-177',
        field: ['optionsConsidered'],
        message: expect.stringContaining('not considered: PROSECUTION'),
      },
    ]);
  });

  test('CH-177 each option considered but not chosen needs a reason for its rejection (missing or blank)', () => {
    const options = considered(EnforcementOption.COMPLIANCE_NOTICE).map((o) =>
      o.option === EnforcementOption.SUSPENSION
        ? { ...o, rejectedBecause: null }
        : o.option === EnforcementOption.PROSECUTION
          ? { ...o, rejectedBecause: '   ' }
          : o,
    );
    expect(validateCaseReviewDecision(CH, decision({ optionsConsidered: options }), OPENED)).toEqual([
      {
        code: 'RULE_VIOLATION',
        ruleId: 'CH-177',
        field: ['optionsConsidered', '6', 'rejectedBecause'],
        message: 'Say why suspension was rejected (CH-177)',
      },
      {
        code: 'RULE_VIOLATION',
        ruleId: 'CH-177',
        field: ['optionsConsidered', '8', 'rejectedBecause'],
        message: 'Say why prosecution was rejected (CH-177)',
      },
    ]);
  });

  test('CH-177 a family centre rejecting an option it considered still says why', () => {
    const options = [
      { option: EnforcementOption.MONITORING_VISITS, rejectedBecause: null },
      { option: EnforcementOption.NOTICE_OF_PROPOSAL_TO_CANCEL, rejectedBecause: null },
    ];
    expectOnlyRuleViolation(
      validateCaseReviewDecision(RFC, decision({ chosen: EnforcementOption.MONITORING_VISITS, optionsConsidered: options }), OPENED),
      'CH-177',
      ['optionsConsidered', '1', 'rejectedBecause'],
      'Say why notice of proposal to cancel was rejected',
    );
  });

  test('CH-177 an option listed twice is bad input', () => {
    const twice = decision({
      optionsConsidered: [
        ...considered(EnforcementOption.COMPLIANCE_NOTICE),
        { option: EnforcementOption.SUSPENSION, rejectedBecause: 'Again' },
      ],
    });
    expectOnlyBadInput(validateCaseReviewDecision(CH, twice, OPENED), ['optionsConsidered'], 'List each option once');
  });

  test('CH-177 CA-086 a decision without a reason is bad input', () => {
    expectOnlyBadInput(
      validateCaseReviewDecision(CH, decision({ decisionReason: '  ' }), OPENED),
      ['decisionReason'],
      'Say why this option was chosen',
    );
  });

  test('CH-177 CA-086 a decision without who decided is bad input', () => {
    expectOnlyBadInput(validateCaseReviewDecision(CH, decision({ decidedBy: '' }), OPENED), ['decidedBy'], 'Name who decided');
  });

  test('CH-177 a case review held before it was opened is bad input', () => {
    expectOnlyBadInput(validateCaseReviewDecision(CH, decision({ heldOn: '2026-09-30' }), OPENED), ['heldOn'], 'held after it was opened');
  });

  test('CH-177 a case review held in the future is bad input', () => {
    expectOnlyBadInput(validateCaseReviewDecision(CH, decision({ heldOn: '2026-11-24' }), OPENED), ['heldOn'], 'cannot be in the future');
  });

  test('CH-177 CHA-194 a case review may be held on the day it was opened, or today', () => {
    expect(validateCaseReviewDecision(CH, decision({ heldOn: OPENED.openedOn }), OPENED)).toEqual([]);
    expect(validateCaseReviewDecision(CH, decision({ heldOn: OPENED.today }), OPENED)).toEqual([]);
  });
});
