import { InspectionStatus } from '../../src/domain/inspection-lifecycle';
import { InspectionType } from '../../src/domain/inspection-types';
import type { LocalDate } from '../../src/domain/local-date';
import type { ReportEvents } from '../../src/domain/report-deadlines';
import {
  DISALLOWED_DEFERRAL_REASONS,
  DeferralReason,
  MOVES,
  PipelineAction,
  applyMove,
  pastDay,
  pipelineRule,
  reportEventsOf,
  validateCloseCommentsWindow,
  validateComments,
  validateComplaint,
  validateDeferral,
  validateIssueFinal,
  validateMove,
  validatePublish,
  validateSendDraft,
  validateWithhold,
  writeReportText,
  type MoveOutcome,
  type PipelineMove,
  type PipelineState,
  type ReportState,
} from '../../src/domain/report-pipeline';
import { SettingType } from '../../src/domain/setting-types';
import { addWorkingDays } from '../../src/domain/working-days';
import { pendingReportEvents } from '../support/unit-report-events';
import { expectOnlyBadInput, expectOnlyRuleViolation } from '../support/violations';

const S = InspectionStatus;
const A = PipelineAction;
const { FULL_INSPECTION: FULL, INTERIM_INSPECTION: INTERIM, MONITORING_VISIT: MONITORING, ASSURANCE_VISIT: ASSURANCE } = InspectionType;
const { CHILDRENS_HOME: CH, SECURE_CHILDRENS_HOME: SCH, RESIDENTIAL_FAMILY_CENTRE: RFC, ADOPTION_SUPPORT_AGENCY: ASA } = SettingType;
const ALL_STATUSES = Object.values(InspectionStatus);
const ALL_ACTIONS = Object.values(PipelineAction);

type Family = 'CH' | 'RFC' | 'ASA' | 'CA';
interface Context {
  label: string;
  family: Family;
  type: InspectionType;
  settingType: SettingType;
}
const CONTEXTS: Context[] = [
  { label: "children's home full inspection", family: 'CH', type: FULL, settingType: CH },
  { label: "secure children's home monitoring visit", family: 'CH', type: MONITORING, settingType: SCH },
  { label: 'residential family centre full inspection', family: 'RFC', type: FULL, settingType: RFC },
  { label: 'adoption support agency monitoring visit', family: 'ASA', type: MONITORING, settingType: ASA },
  { label: "assurance visit of a secure children's home", family: 'CA', type: ASSURANCE, settingType: SCH },
];

// ---------------------------------------------------------------------------------------------
// validateMove

/** Where each action may start and the rule that refuses it, per family: written out from the guidance, not copied from MOVES. */
const EXPECTED_MOVES: Record<PipelineAction, { from: InspectionStatus[]; rule: Record<Family, string> }> = {
  DEFER: { from: [S.SCHEDULED, S.ON_SITE], rule: { CH: 'CH-019', RFC: 'RFC-046', ASA: 'ASA-050', CA: 'CH-019' } },
  RESCHEDULE: { from: [S.DEFERRED], rule: { CH: 'CH-019', RFC: 'CH-019', ASA: 'CH-019', CA: 'CH-019' } },
  DECLARE_INCOMPLETE: {
    from: [
      S.ON_SITE,
      S.FIELDWORK_COMPLETE,
      S.DRAFT_IN_QUALITY_ASSURANCE,
      S.DRAFT_SENT_TO_PROVIDER,
      S.PROVIDER_COMMENTS_RECEIVED,
      S.UNDER_COMPLAINT,
      S.FINAL_REPORT_ISSUED,
    ],
    rule: { CH: 'CHA-141', RFC: 'CHA-141', ASA: 'CHA-141', CA: 'CHA-141' },
  },
  RESUME_FIELDWORK: { from: [S.INCOMPLETE], rule: { CH: 'CHA-142', RFC: 'CHA-142', ASA: 'CHA-142', CA: 'CHA-142' } },
  SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE: {
    from: [S.FIELDWORK_COMPLETE],
    rule: { CH: 'CH-026', RFC: 'RFC-085', ASA: 'ASA-099', CA: 'CA-074' },
  },
  SEND_DRAFT: { from: [S.DRAFT_IN_QUALITY_ASSURANCE], rule: { CH: 'CH-245', RFC: 'RFC-085', ASA: 'ASA-099', CA: 'CA-074' } },
  RECEIVE_COMMENTS: { from: [S.DRAFT_SENT_TO_PROVIDER], rule: { CH: 'CH-028', RFC: 'RFC-088', ASA: 'ASA-054', CA: 'CA-076' } },
  CLOSE_COMMENTS_WINDOW: { from: [S.DRAFT_SENT_TO_PROVIDER], rule: { CH: 'CH-256', RFC: 'CH-256', ASA: 'CH-256', CA: 'CH-256' } },
  LODGE_COMPLAINT: {
    from: [S.DRAFT_SENT_TO_PROVIDER, S.FINAL_REPORT_ISSUED],
    rule: { CH: 'CH-028', RFC: 'RFC-092', ASA: 'ASA-054', CA: 'CA-077' },
  },
  ANSWER_COMPLAINT: { from: [S.UNDER_COMPLAINT], rule: { CH: 'CH-256', RFC: 'RFC-091', ASA: 'ASA-105', CA: 'CA-077' } },
  ISSUE_FINAL_REPORT: { from: [S.PROVIDER_COMMENTS_RECEIVED], rule: { CH: 'CH-256', RFC: 'RFC-091', ASA: 'ASA-105', CA: 'CA-076' } },
  PUBLISH: { from: [S.FINAL_REPORT_ISSUED], rule: { CH: 'CH-256', RFC: 'RFC-090', ASA: 'ASA-056', CA: 'CA-078' } },
  WITHHOLD_PUBLICATION: { from: [S.FINAL_REPORT_ISSUED], rule: { CH: 'CH-227', RFC: 'RFC-104', ASA: 'ASA-121', CA: 'CH-227' } },
};

describe('validateMove', () => {
  test.each(ALL_ACTIONS)('%s starts from the expected states', (action) => {
    expect([...MOVES[action].from].sort()).toEqual([...EXPECTED_MOVES[action].from].sort());
  });

  interface MoveRow {
    name: string;
    action: PipelineAction;
    status: InspectionStatus;
    context: Context;
    allowed: boolean;
    ruleId: string;
  }
  const rows: MoveRow[] = [];
  for (const action of ALL_ACTIONS) {
    for (const context of CONTEXTS) {
      for (const status of ALL_STATUSES) {
        const allowed = EXPECTED_MOVES[action].from.includes(status);
        const ruleId = EXPECTED_MOVES[action].rule[context.family];
        const outcome = allowed ? 'allowed' : `refused with ${ruleId}`;
        rows.push({ name: `${action} from ${status}, ${context.label}: ${outcome}`, action, status, context, allowed, ruleId });
      }
    }
  }

  test.each(rows)('$name', ({ action, status, context, allowed, ruleId }) => {
    const violations = validateMove(action, status, context.type, context.settingType);
    if (allowed) {
      expect(violations).toEqual([]);
    } else {
      expectOnlyRuleViolation(violations, ruleId, ['inspectionId'], `this inspection is ${status.toLowerCase().replace(/_/g, ' ')}`);
    }
    expect(pipelineRule(action, context.type, context.settingType)).toBe(ruleId);
  });

  test.each([S.PUBLISHED, S.NOT_PUBLISHED, S.SCHEDULED, S.DEFERRED, S.INCOMPLETE])(
    'CHA-141 an inspection cannot be declared incomplete from %s',
    (status) => {
      for (const context of CONTEXTS) {
        expectOnlyRuleViolation(validateMove(A.DECLARE_INCOMPLETE, status, context.type, context.settingType), 'CHA-141', ['inspectionId']);
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
// validateDeferral

describe('validateDeferral', () => {
  const ALLOWED_REASONS = [
    DeferralReason.SERIOUS_WEATHER,
    DeferralReason.SERIOUS_INCIDENT,
    DeferralReason.RISK_TO_PEOPLE,
    DeferralReason.EVIDENCE_SEVERELY_RESTRICTED,
  ];
  const DISALLOWED = [DeferralReason.KEY_STAFF_UNAVAILABLE, DeferralReason.ACCOMMODATION_ISSUES];
  const JUSTIFICATION = 'Going ahead would place the children at risk';
  const RIM = 'Sam Rivers (regulatory inspection manager)';
  const homes = [
    { type: FULL, settingType: CH },
    { type: INTERIM, settingType: SCH },
    { type: MONITORING, settingType: CH },
  ];

  test('CH-020 the disallowed reasons are absent key staff and accommodation issues', () => {
    expect([...DISALLOWED_DEFERRAL_REASONS].sort()).toEqual([...DISALLOWED].sort());
  });

  test.each(DISALLOWED)("CH-020 a children's home cannot be deferred for %s", (reason) => {
    for (const context of homes) {
      expectOnlyRuleViolation(validateDeferral(context, reason, JUSTIFICATION, RIM), 'CH-020', ['reason'], 'not reasons to defer');
    }
  });

  test.each(ALLOWED_REASONS)("CH-020 a children's home may be deferred for %s, justified and agreed", (reason) => {
    for (const context of homes) expect(validateDeferral(context, reason, JUSTIFICATION, RIM)).toEqual([]);
  });

  test.each([null, undefined, '', '   '])("CH-021 a children's home deferral needs a justification (%p)", (justification) => {
    expectOnlyRuleViolation(validateDeferral(homes[0], DeferralReason.SERIOUS_WEATHER, justification, RIM), 'CH-021', ['justification']);
  });

  test.each([null, undefined, '', '   '])("CH-023 a children's home deferral names the manager who agreed it (%p)", (agreedBy) => {
    expectOnlyRuleViolation(
      validateDeferral(homes[1], DeferralReason.RISK_TO_PEOPLE, JUSTIFICATION, agreedBy),
      'CH-023',
      ['agreedBy'],
      'regulatory inspection manager',
    );
  });

  test('CH-020 CH-021 CH-023 every problem is reported together', () => {
    const violations = validateDeferral(homes[0], DeferralReason.ACCOMMODATION_ISSUES, ' ', null);
    expect(violations.map((v) => [v.ruleId, v.field])).toEqual([
      ['CH-020', ['reason']],
      ['CH-021', ['justification']],
      ['CH-023', ['agreedBy']],
    ]);
  });

  describe.each([
    ['RFC-046', RFC],
    ['ASA-050', ASA],
  ])('%s (%s)', (ruleId, settingType) => {
    test.each(Object.values(DeferralReason))(`${ruleId} any reason, %s included, is decided case by case: no CH-020 refusal`, (reason) => {
      for (const type of [FULL, MONITORING])
        expect(validateDeferral({ type, settingType }, reason, JUSTIFICATION, 'Regional director')).toEqual([]);
    });

    test(`${ruleId} the reason for the decision is recorded`, () => {
      expectOnlyRuleViolation(
        validateDeferral({ type: FULL, settingType }, DeferralReason.KEY_STAFF_UNAVAILABLE, '  ', 'Regional director'),
        ruleId,
        ['justification'],
      );
    });

    test(`${ruleId} the decision-maker is named`, () => {
      expectOnlyRuleViolation(
        validateDeferral({ type: FULL, settingType }, DeferralReason.SERIOUS_WEATHER, JUSTIFICATION, undefined),
        ruleId,
        ['agreedBy'],
      );
    });

    test(`${ruleId} both missing: two violations of ${ruleId}, none of the children's home rules`, () => {
      const violations = validateDeferral({ type: MONITORING, settingType }, DeferralReason.ACCOMMODATION_ISSUES, null, '');
      expect(violations.map((v) => [v.ruleId, v.field])).toEqual([
        [ruleId, ['justification']],
        [ruleId, ['agreedBy']],
      ]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The report: shared dates
//
// End of inspection Thursday 2027-03-04. Draft sent Thursday 2027-03-25, the day before Good Friday.
// The comments window: 25 Mar + 5 WD = Tue 30 (1), Wed 31 (2), Thu 1 Apr (3), Fri 2 Apr (4), Mon 5 Apr (5)
// (Fri 26 Mar Good Friday, 27-28 weekend, Mon 29 Mar Easter Monday) -> Monday 2027-04-05.
// The draft's own due date differs: children's home end + 10 WD = Thu 18 Mar (so the draft is late; a window
// from the due date would close on Thu 25 Mar); family centre end + 18 WD = Thu 1 Apr (so the draft is early;
// a window from the due date would close on Thu 8 Apr).

const END = '2027-03-04';
const DRAFT_SENT = '2027-03-25';
const WINDOW_END = '2027-04-05';
const NEXT_WORKING_DAY = '2027-04-06';

const events = (overrides: Partial<ReportEvents> = {}): ReportEvents => pendingReportEvents(END, overrides);
const stateOf = (context: { type: InspectionType; settingType: SettingType }, overrides: Partial<ReportEvents> = {}): ReportState => ({
  type: context.type,
  settingType: context.settingType,
  events: events(overrides),
});

test('the shared dates agree with addWorkingDays', () => {
  expect(addWorkingDays(DRAFT_SENT, 5)).toBe(WINDOW_END);
  expect(addWorkingDays(WINDOW_END, 1)).toBe(NEXT_WORKING_DAY);
  expect(addWorkingDays(END, 10)).toBe('2027-03-18');
  expect(addWorkingDays('2027-03-18', 5)).toBe('2027-03-25');
  expect(addWorkingDays(END, 18)).toBe('2027-04-01');
  expect(addWorkingDays('2027-04-01', 5)).toBe('2027-04-08');
});

// ---------------------------------------------------------------------------------------------
// validateSendDraft

describe('validateSendDraft', () => {
  const SENT_ON = '2027-03-18';
  const good = { sentOn: SENT_ON, qualityAssuredBy: 'Alex Moore', providerInformedOfChangesOn: null };
  const judged = { judgementRecorded: true, judgementChangedAfterFeedback: false };

  test.each(CONTEXTS)('a quality-assured draft after feedback goes out: $label', (context) => {
    expect(validateSendDraft(stateOf(context), good, judged)).toEqual([]);
  });

  test.each([
    { type: FULL, settingType: CH },
    { type: INTERIM, settingType: SCH },
    { type: MONITORING, settingType: CH },
  ])('CH-163 no draft before a judgement is recorded: $settingType $type', (context) => {
    expectOnlyRuleViolation(
      validateSendDraft(stateOf(context), good, { judgementRecorded: false, judgementChangedAfterFeedback: false }),
      'CH-163',
      ['inspectionId'],
      'Record the outcome proposed at feedback',
    );
  });

  test.each([
    ['CH-245', FULL, CH],
    ['CH-245', INTERIM, CH],
    ['CH-245', FULL, SCH],
    ['CH-245', INTERIM, SCH],
    ['CH-221', MONITORING, CH],
    ['CH-221', MONITORING, SCH],
    ['RFC-085', FULL, RFC],
    ['RFC-085', MONITORING, RFC],
    ['ASA-099', FULL, ASA],
    ['ASA-099', MONITORING, ASA],
    ['CA-074', ASSURANCE, SCH],
  ])('%s the draft of a %s (%s) names who quality assured it', (ruleId, type, settingType) => {
    for (const qualityAssuredBy of [null, undefined, '', '  ']) {
      expectOnlyRuleViolation(
        validateSendDraft(stateOf({ type, settingType }), { ...good, qualityAssuredBy }, judged),
        ruleId,
        ['qualityAssuredBy'],
        'quality assured the draft',
      );
    }
  });

  test.each([
    ['CH-247', FULL, CH],
    ['CH-247', MONITORING, SCH],
    ['RFC-086', FULL, RFC],
    ['ASA-100', FULL, ASA],
  ])('%s judgements changed after feedback: the provider is told before the draft (%s, %s)', (ruleId, type, settingType) => {
    const changed = { judgementRecorded: true, judgementChangedAfterFeedback: true };
    const state = stateOf({ type, settingType });
    for (const providerInformedOfChangesOn of [null, undefined]) {
      expectOnlyRuleViolation(
        validateSendDraft(state, { ...good, providerInformedOfChangesOn }, changed),
        ruleId,
        ['providerInformedOfChangesOn'],
        'revised judgements',
      );
    }
    expect(validateSendDraft(state, { ...good, providerInformedOfChangesOn: '2027-03-10' }, changed)).toEqual([]);
    expect(validateSendDraft(state, { ...good, providerInformedOfChangesOn: SENT_ON }, changed)).toEqual([]);
  });

  test.each(CONTEXTS)('the provider cannot be told of changes after the draft was sent: $label', (context) => {
    for (const judgementChangedAfterFeedback of [true, false]) {
      expectOnlyBadInput(
        validateSendDraft(
          stateOf(context),
          { ...good, providerInformedOfChangesOn: '2027-03-19' },
          { judgementRecorded: true, judgementChangedAfterFeedback },
        ),
        ['providerInformedOfChangesOn'],
        'before the draft is sent',
      );
    }
  });

  test.each(CONTEXTS)('the draft cannot go out before the end of the inspection: $label', (context) => {
    expectOnlyBadInput(validateSendDraft(stateOf(context), { ...good, sentOn: '2027-03-03' }, judged), ['sentOn'], END);
    expect(validateSendDraft(stateOf(context), { ...good, sentOn: END }, judged)).toEqual([]);
  });

  test('CH-163 CH-245 CH-247 every problem is reported together', () => {
    const violations = validateSendDraft(
      stateOf({ type: FULL, settingType: CH }),
      { sentOn: '2027-03-01', qualityAssuredBy: ' ', providerInformedOfChangesOn: null },
      { judgementRecorded: false, judgementChangedAfterFeedback: true },
    );
    expect(violations.map((v) => [v.code, v.ruleId, v.field])).toEqual([
      ['RULE_VIOLATION', 'CH-163', ['inspectionId']],
      ['RULE_VIOLATION', 'CH-245', ['qualityAssuredBy']],
      ['RULE_VIOLATION', 'CH-247', ['providerInformedOfChangesOn']],
      ['BAD_USER_INPUT', undefined, ['sentOn']],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// validateComments and validateCloseCommentsWindow

/** The comments window rule of each family. */
const COMMENT_CONTEXTS: [string, string, { type: InspectionType; settingType: SettingType }][] = [
  ['CH-028', "children's home full inspection", { type: FULL, settingType: CH }],
  ['CH-028', "secure children's home full inspection", { type: FULL, settingType: SCH }],
  ['RFC-088', 'residential family centre full inspection', { type: FULL, settingType: RFC }],
  ['RFC-088', 'residential family centre monitoring visit', { type: MONITORING, settingType: RFC }],
  ['ASA-054', 'adoption support agency full inspection', { type: FULL, settingType: ASA }],
  ['CA-076', "assurance visit of a secure children's home", { type: ASSURANCE, settingType: SCH }],
];

describe('validateComments', () => {
  const TODAY = '2027-04-20';

  test.each(COMMENT_CONTEXTS)(
    '%s %s: comments up to the last day of the window (Mon 5 Apr, over Easter, from the actual draft date) are accepted',
    (_ruleId, _label, context) => {
      const state = stateOf(context, { draftSentOn: DRAFT_SENT });
      for (const receivedOn of [DRAFT_SENT, '2027-03-26', '2027-03-29', '2027-04-02', '2027-04-03', WINDOW_END]) {
        expect(validateComments(state, receivedOn, TODAY)).toEqual([]);
      }
    },
  );

  test.each(COMMENT_CONTEXTS)('%s %s: comments on the next working day after the window are refused', (ruleId, _label, context) => {
    const state = stateOf(context, { draftSentOn: DRAFT_SENT });
    expectOnlyRuleViolation(validateComments(state, NEXT_WORKING_DAY, TODAY), ruleId, ['receivedOn'], `closed on ${WINDOW_END}`);
    expectOnlyRuleViolation(validateComments(state, '2027-04-08', TODAY), ruleId, ['receivedOn'], `closed on ${WINDOW_END}`);
  });

  test.each(COMMENT_CONTEXTS)('%s %s: comments cannot come before the draft was sent', (_ruleId, _label, context) => {
    expectOnlyBadInput(validateComments(stateOf(context, { draftSentOn: DRAFT_SENT }), '2027-03-24', TODAY), ['receivedOn'], DRAFT_SENT);
  });

  test('CH-028 the window follows the draft that went out late, not its due date', () => {
    // Due Thu 18 Mar; a window from the due date would have closed on Thu 25 Mar.
    expect(validateComments(stateOf({ type: FULL, settingType: CH }, { draftSentOn: DRAFT_SENT }), '2027-03-30', TODAY)).toEqual([]);
  });

  test('RFC-088 the window follows the draft that went out early, not its due date', () => {
    // Due Thu 1 Apr; a window from the due date would have run until Thu 8 Apr.
    expectOnlyRuleViolation(
      validateComments(stateOf({ type: FULL, settingType: RFC }, { draftSentOn: DRAFT_SENT }), '2027-04-07', TODAY),
      'RFC-088',
      ['receivedOn'],
    );
  });
});

describe('validateCloseCommentsWindow', () => {
  test.each(COMMENT_CONTEXTS)(
    'CH-256 (%s window) %s: the window cannot be closed until its last day has passed',
    (_ruleId, _label, context) => {
      const state = stateOf(context, { draftSentOn: DRAFT_SENT });
      for (const today of [DRAFT_SENT, '2027-03-29', '2027-04-03', WINDOW_END]) {
        expectOnlyRuleViolation(validateCloseCommentsWindow(state, today), 'CH-256', ['inspectionId'], `until ${WINDOW_END}`);
      }
    },
  );

  test.each(COMMENT_CONTEXTS)(
    'CH-256 (%s window) %s: the window can be closed once its last day has passed',
    (_ruleId, _label, context) => {
      const state = stateOf(context, { draftSentOn: DRAFT_SENT });
      expect(validateCloseCommentsWindow(state, NEXT_WORKING_DAY)).toEqual([]);
      expect(validateCloseCommentsWindow(state, '2027-05-01')).toEqual([]);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// validateComplaint

describe('validateComplaint', () => {
  const TODAY = '2028-02-01';

  const DRAFT_COMPLAINTS: [string, string, { type: InspectionType; settingType: SettingType }][] = [
    ['CH-028', "children's home full inspection", { type: FULL, settingType: CH }],
    ['RFC-088', 'residential family centre full inspection', { type: FULL, settingType: RFC }],
    ['ASA-054', 'adoption support agency full inspection', { type: FULL, settingType: ASA }],
  ];

  test.each(DRAFT_COMPLAINTS)('%s %s: a complaint on the draft inside the comments window is accepted', (_ruleId, _label, context) => {
    const state = stateOf(context, { draftSentOn: DRAFT_SENT });
    for (const lodgedOn of [DRAFT_SENT, '2027-04-01', WINDOW_END]) {
      expect(validateComplaint(state, S.DRAFT_SENT_TO_PROVIDER, lodgedOn, TODAY)).toEqual([]);
    }
  });

  // RFC-088: "Within 5 working days of us sending a draft report, the provider can raise minor points
  // about the report or submit a formal complaint"; ASA-054 is the same rule for agencies; CH-028 is the
  // children's home comments window. (RFC-092 is about telling the provider it may complain, and complaints on the final.)
  test.each(DRAFT_COMPLAINTS)(
    '%s %s: a complaint on the draft after the comments window is refused, naming the window rule',
    (ruleId, _label, context) => {
      const state = stateOf(context, { draftSentOn: DRAFT_SENT });
      expectOnlyRuleViolation(
        validateComplaint(state, S.DRAFT_SENT_TO_PROVIDER, NEXT_WORKING_DAY, TODAY),
        ruleId,
        ['lodgedOn'],
        `closed on ${WINDOW_END}`,
      );
    },
  );

  test('CA-076 an assurance visit: a complaint on the draft after the comments window is refused', () => {
    const state = stateOf({ type: ASSURANCE, settingType: SCH }, { draftSentOn: DRAFT_SENT });
    expect(validateComplaint(state, S.DRAFT_SENT_TO_PROVIDER, WINDOW_END, TODAY)).toEqual([]);
    const violations = validateComplaint(state, S.DRAFT_SENT_TO_PROVIDER, NEXT_WORKING_DAY, TODAY);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ code: 'RULE_VIOLATION', field: ['lodgedOn'] });
    expect(violations[0].message).toContain(`closed on ${WINDOW_END}`);
  });

  // The final report of an assurance visit issued Thursday 2027-12-23. The complaint window (CA-077):
  // Fri 24 Dec (1), (25-26 weekend, Mon 27 and Tue 28 substitute days) Wed 29 (2), Thu 30 (3), Fri 31 (4),
  // (1-2 Jan weekend, Mon 3 Jan substitute day) Tue 4 Jan 2028 (5).
  const FINAL_ISSUED = '2027-12-23';
  const COMPLAINT_WINDOW_END = '2028-01-04';
  const finalIssued = (context: { type: InspectionType; settingType: SettingType }) =>
    stateOf(context, {
      endOfInspection: '2027-11-04',
      draftSentOn: '2027-11-25',
      commentsReturnedOn: '2027-12-01',
      finalReportIssuedOn: FINAL_ISSUED,
    });

  test('CA-077 the complaint window dates agree with addWorkingDays', () => {
    expect(addWorkingDays(FINAL_ISSUED, 5)).toBe(COMPLAINT_WINDOW_END);
    expect(addWorkingDays(COMPLAINT_WINDOW_END, 1)).toBe('2028-01-05');
  });

  test('CA-077 a complaint on the final report of an assurance visit inside final + 5 WD is accepted', () => {
    const state = finalIssued({ type: ASSURANCE, settingType: SCH });
    for (const lodgedOn of [FINAL_ISSUED, '2027-12-28', '2027-12-31', '2028-01-03', COMPLAINT_WINDOW_END]) {
      expect(validateComplaint(state, S.FINAL_REPORT_ISSUED, lodgedOn, TODAY)).toEqual([]);
    }
  });

  test('CA-077 a complaint on the final report of an assurance visit after final + 5 WD is refused', () => {
    const state = finalIssued({ type: ASSURANCE, settingType: SCH });
    expectOnlyRuleViolation(
      validateComplaint(state, S.FINAL_REPORT_ISSUED, '2028-01-05', TODAY),
      'CA-077',
      ['lodgedOn'],
      `closed on ${COMPLAINT_WINDOW_END}`,
    );
  });

  test.each([
    { type: FULL, settingType: CH },
    { type: FULL, settingType: RFC },
    { type: MONITORING, settingType: ASA },
  ])('CA-077 only assurance visits have a complaint window on the final: $settingType $type', (context) => {
    expect(validateComplaint(finalIssued(context), S.FINAL_REPORT_ISSUED, '2028-01-25', TODAY)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// validateIssueFinal

describe('validateIssueFinal', () => {
  const withDraft = events({ draftSentOn: DRAFT_SENT, commentsReturnedOn: '2027-03-30' });

  test('ASA-101 a final report with every comment answered, on or after the draft, is accepted', () => {
    expect(validateIssueFinal(DRAFT_SENT, withDraft, 0)).toEqual([]);
    expect(validateIssueFinal('2027-04-12', withDraft, 0)).toEqual([]);
  });

  test('ASA-101 every comment is answered before the final report is issued', () => {
    expectOnlyRuleViolation(validateIssueFinal('2027-04-12', withDraft, 2), 'ASA-101', ['inspectionId'], '2 have none');
    expectOnlyRuleViolation(validateIssueFinal('2027-04-12', withDraft, 1), 'ASA-101', ['inspectionId'], '1 have none');
  });

  test('ASA-101 the final report cannot be issued before the draft', () => {
    expectOnlyBadInput(validateIssueFinal('2027-03-24', withDraft, 0), ['issuedOn'], DRAFT_SENT);
    const both = validateIssueFinal('2027-03-24', withDraft, 3);
    expect(both.map((v) => [v.code, v.field])).toEqual([
      ['BAD_USER_INPUT', ['issuedOn']],
      ['RULE_VIOLATION', ['inspectionId']],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// validatePublish

describe('validatePublish', () => {
  const TODAY = '2028-02-01';
  const FINAL_ISSUED = '2027-12-23';
  const COMPLAINT_WINDOW_END = '2028-01-04';
  const finalIssued = (context: { type: InspectionType; settingType: SettingType }, finalReportIssuedOn: LocalDate = FINAL_ISSUED) =>
    stateOf(context, { endOfInspection: '2027-11-04', draftSentOn: '2027-11-25', commentsReturnedOn: '2027-12-01', finalReportIssuedOn });
  const assurance = finalIssued({ type: ASSURANCE, settingType: SCH });

  test.each([FINAL_ISSUED, '2027-12-24', '2027-12-29', '2028-01-03', COMPLAINT_WINDOW_END])(
    'CA-077 an assurance report cannot be published on or before the end of the complaint window (%s)',
    (publishedOn) => {
      expectOnlyRuleViolation(validatePublish(assurance, publishedOn, TODAY), 'CA-077', ['publishedOn'], `until ${COMPLAINT_WINDOW_END}`);
    },
  );

  test('CA-077 an assurance report is published after the complaint window', () => {
    expect(validatePublish(assurance, '2028-01-05', TODAY)).toEqual([]);
    expect(validatePublish(assurance, '2028-01-31', TODAY)).toEqual([]);
  });

  test('CA-078 publication cannot come before the final report (and, for an assurance visit, inside the complaint window)', () => {
    const violations = validatePublish(assurance, '2027-12-22', TODAY);
    expect(violations.map((v) => [v.code, v.ruleId, v.field])).toEqual([
      ['BAD_USER_INPUT', undefined, ['publishedOn']],
      ['RULE_VIOLATION', 'CA-077', ['publishedOn']],
    ]);
    expect(violations[0].message).toContain(FINAL_ISSUED);
  });

  test.each([
    { type: FULL, settingType: CH },
    { type: MONITORING, settingType: SCH },
    { type: FULL, settingType: RFC },
    { type: MONITORING, settingType: ASA },
  ])('CH-256 publication cannot come before the final report: $settingType $type', (context) => {
    expectOnlyBadInput(validatePublish(finalIssued(context), '2027-12-22', TODAY), ['publishedOn'], FINAL_ISSUED);
  });

  test.each([
    { type: FULL, settingType: CH },
    { type: INTERIM, settingType: SCH },
    { type: MONITORING, settingType: CH },
  ])("CH-256 a children's home report is published any day from the final: $settingType $type", (context) => {
    // Same day, next working day, a substitute bank holiday, a Saturday.
    for (const publishedOn of [FINAL_ISSUED, '2027-12-24', '2027-12-27', '2028-01-01']) {
      expect(validatePublish(finalIssued(context), publishedOn, TODAY)).toEqual([]);
    }
  });

  test.each([
    ['RFC-090', { type: FULL, settingType: RFC }],
    ['ASA-056', { type: FULL, settingType: ASA }],
  ])('%s publication 5 WD after the final is a due date, not an earliest date: the next day is accepted', (_ruleId, context) => {
    expect(validatePublish(finalIssued(context), '2027-12-24', TODAY)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// validateWithhold

describe('validateWithhold', () => {
  test.each([
    ['CH-227', MONITORING, CH],
    ['CH-227', MONITORING, SCH],
    ['CH-227', FULL, CH],
    ['RFC-104', MONITORING, RFC],
    ['RFC-104', FULL, RFC],
    ['ASA-121', MONITORING, ASA],
    ['ASA-121', FULL, ASA],
  ])('%s not publishing (%s, %s) needs a reason and who decided', (ruleId, type, settingType) => {
    expect(validateWithhold('Publication would identify a child', 'Sam Rivers', type, settingType)).toEqual([]);
    for (const missing of [null, undefined, '', '  ']) {
      expectOnlyRuleViolation(validateWithhold(missing, 'Sam Rivers', type, settingType), ruleId, ['reason'], 'record why');
      expectOnlyRuleViolation(
        validateWithhold('Publication would identify a child', missing, type, settingType),
        ruleId,
        ['decidedBy'],
        'Name who decided',
      );
    }
    expect(validateWithhold(null, ' ', type, settingType).map((v) => [v.ruleId, v.field])).toEqual([
      [ruleId, ['reason']],
      [ruleId, ['decidedBy']],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// applyMove: the state machine whole, each move's new status and the fields it sets

describe('applyMove', () => {
  const TODAY = '2027-04-20';
  const REGISTERED = '2020-01-06';
  const TEXTS = {
    overall: 'Children make good progress.',
    helpedAndProtected: 'Children are safe.',
    leadersAndManagers: 'Leaders know the home well.',
    summary: null,
    childFriendlySummary: 'We visited your home.',
  };
  /** An inspection of a children's home in `status`, with feedback given on END. */
  const at = (status: InspectionStatus, overrides: Partial<PipelineState> = {}): PipelineState => ({
    type: FULL,
    settingType: CH,
    registrationDate: REGISTERED,
    status,
    statusBeforeComplaint: null,
    feedbackDate: END,
    draftSentOn: null,
    commentsReturnedOn: null,
    finalReportIssuedOn: null,
    publishedOn: null,
    ...overrides,
  });
  const allowed = (outcome: MoveOutcome) => {
    if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.violations)}`);
    return { status: outcome.status, set: outcome.set };
  };
  const refusedWith = (outcome: MoveOutcome) => (outcome.ok ? [] : outcome.violations);

  /** A move of each kind that its own checks accept from `at(MOVES[action].from[0])`. */
  const GOOD: Record<PipelineAction, PipelineMove> = {
    DEFER: { action: A.DEFER, reason: DeferralReason.SERIOUS_WEATHER, justification: ' Snow closed the roads ', agreedBy: ' Sam Rivers ' },
    RESCHEDULE: { action: A.RESCHEDULE, scheduledStart: '2027-05-10' },
    DECLARE_INCOMPLETE: { action: A.DECLARE_INCOMPLETE, reason: ' The lead inspector fell ill ' },
    RESUME_FIELDWORK: { action: A.RESUME_FIELDWORK, onSiteStart: '2027-04-12' },
    SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE: { action: A.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE, submittedOn: '2027-03-08' },
    SEND_DRAFT: {
      action: A.SEND_DRAFT,
      sentOn: '2027-03-18',
      qualityAssuredBy: ' Alex Moore ',
      judgementVersions: 1,
      latestJudgementKind: 'FULL_INSPECTION',
      texts: TEXTS,
    },
    RECEIVE_COMMENTS: { action: A.RECEIVE_COMMENTS, receivedOn: '2027-03-30', comments: ['The date of the visit is wrong'] },
    CLOSE_COMMENTS_WINDOW: { action: A.CLOSE_COMMENTS_WINDOW },
    LODGE_COMPLAINT: { action: A.LODGE_COMPLAINT, lodgedOn: '2027-03-30', summary: ' The findings are unfair ' },
    ANSWER_COMPLAINT: { action: A.ANSWER_COMPLAINT, answeredOn: '2027-04-14', answer: ' The findings stand ' },
    ISSUE_FINAL_REPORT: { action: A.ISSUE_FINAL_REPORT, issuedOn: '2027-04-12', unansweredComments: 0 },
    PUBLISH: { action: A.PUBLISH, publishedOn: '2027-04-19' },
    WITHHOLD_PUBLICATION: { action: A.WITHHOLD_PUBLICATION, reason: ' Publication would identify a child ', decidedBy: ' Sam Rivers ' },
  };
  const withDraft = { draftSentOn: DRAFT_SENT };

  interface WrongStateRow {
    name: string;
    action: PipelineAction;
    status: InspectionStatus;
    context: Context;
  }
  const wrongStates: WrongStateRow[] = CONTEXTS.flatMap((context) =>
    ALL_ACTIONS.flatMap((action) =>
      ALL_STATUSES.filter((status) => !EXPECTED_MOVES[action].from.includes(status)).map((status) => ({
        name: `${EXPECTED_MOVES[action].rule[context.family]} ${action} from ${status} is refused and changes nothing: ${context.label}`,
        action,
        status,
        context,
      })),
    ),
  );

  test.each(wrongStates)('$name', ({ action, status, context }) => {
    const outcome = applyMove(at(status, { type: context.type, settingType: context.settingType }), GOOD[action], TODAY);
    expectOnlyRuleViolation(refusedWith(outcome), EXPECTED_MOVES[action].rule[context.family], ['inspectionId']);
  });

  test('CH-019 a deferral from scheduled or on site: deferred, the start cleared, the reason recorded trimmed', () => {
    for (const status of [S.SCHEDULED, S.ON_SITE]) {
      expect(allowed(applyMove(at(status, { feedbackDate: null }), GOOD.DEFER, TODAY))).toEqual({
        status: S.DEFERRED,
        set: {
          onSiteStart: null,
          deferralReason: DeferralReason.SERIOUS_WEATHER,
          deferralJustification: 'Snow closed the roads',
          deferralAgreedBy: 'Sam Rivers',
        },
      });
    }
  });

  test('CH-020 a deferral for a reason the handbook does not allow is refused', () => {
    const move = { ...GOOD.DEFER, reason: DeferralReason.KEY_STAFF_UNAVAILABLE } as PipelineMove;
    expectOnlyRuleViolation(refusedWith(applyMove(at(S.SCHEDULED), move, TODAY)), 'CH-020', ['reason']);
  });

  test('RFC-046 a family centre deferral names who decided', () => {
    const move = { ...GOOD.DEFER, agreedBy: ' ' } as PipelineMove;
    expectOnlyRuleViolation(refusedWith(applyMove(at(S.SCHEDULED, { settingType: RFC }), move, TODAY)), 'RFC-046', ['agreedBy']);
  });

  test('CH-019 a deferred inspection is rescheduled: scheduled again, on the new day', () => {
    expect(allowed(applyMove(at(S.DEFERRED, { feedbackDate: null }), GOOD.RESCHEDULE, TODAY))).toEqual({
      status: S.SCHEDULED,
      set: { scheduledStart: '2027-05-10' },
    });
  });

  test('CH-019 a rescheduled day is a calendar date, not before registration', () => {
    const state = at(S.DEFERRED, { feedbackDate: null });
    expectOnlyBadInput(
      refusedWith(applyMove(state, { action: A.RESCHEDULE, scheduledStart: '2027-02-30' }, TODAY)),
      ['scheduledStart'],
      'Not a calendar date',
    );
    expectOnlyBadInput(
      refusedWith(applyMove(state, { action: A.RESCHEDULE, scheduledStart: '2020-01-05' }, TODAY)),
      ['scheduledStart'],
      'Not before registration',
    );
    expect(allowed(applyMove(state, { action: A.RESCHEDULE, scheduledStart: REGISTERED }, TODAY)).set).toEqual({
      scheduledStart: REGISTERED,
    });
  });

  test.each(EXPECTED_MOVES.DECLARE_INCOMPLETE.from)('CHA-141 an inspection %s is declared incomplete, with what happened', (status) => {
    expect(allowed(applyMove(at(status), GOOD.DECLARE_INCOMPLETE, TODAY))).toEqual({
      status: S.INCOMPLETE,
      set: { incompleteReason: 'The lead inspector fell ill' },
    });
    expectOnlyBadInput(
      refusedWith(applyMove(at(status), { action: A.DECLARE_INCOMPLETE, reason: '  ' }, TODAY)),
      ['reason'],
      'Say what happened',
    );
  });

  test('CHA-142 resumed fieldwork: on site again from the day back, the draft and its dates cleared (Annex J)', () => {
    const state = at(S.INCOMPLETE, { draftSentOn: DRAFT_SENT, commentsReturnedOn: '2027-03-30', finalReportIssuedOn: '2027-04-12' });
    expect(allowed(applyMove(state, GOOD.RESUME_FIELDWORK, TODAY))).toEqual({
      status: S.ON_SITE,
      set: {
        onSiteStart: '2027-04-12',
        qualityAssuranceSubmittedOn: null,
        qualityAssuredBy: null,
        draftSentOn: null,
        commentsReturnedOn: null,
        finalReportIssuedOn: null,
      },
    });
  });

  test('CHA-142 inspectors return after the first feedback, and not in the future', () => {
    const state = at(S.INCOMPLETE);
    expectOnlyBadInput(
      refusedWith(applyMove(state, { action: A.RESUME_FIELDWORK, onSiteStart: '2027-03-03' }, TODAY)),
      ['onSiteStart'],
      'after the first feedback',
    );
    expectOnlyBadInput(
      refusedWith(applyMove(state, { action: A.RESUME_FIELDWORK, onSiteStart: '2027-04-21' }, TODAY)),
      ['onSiteStart'],
      'cannot be in the future',
    );
    expect(
      allowed(applyMove(at(S.INCOMPLETE, { feedbackDate: null }), { action: A.RESUME_FIELDWORK, onSiteStart: '2027-03-03' }, TODAY)).status,
    ).toBe(S.ON_SITE);
  });

  test('CH-026 the draft goes to quality assurance after feedback, with the day recorded', () => {
    expect(allowed(applyMove(at(S.FIELDWORK_COMPLETE), GOOD.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE, TODAY))).toEqual({
      status: S.DRAFT_IN_QUALITY_ASSURANCE,
      set: { qualityAssuranceSubmittedOn: '2027-03-08' },
    });
    const early = { action: A.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE, submittedOn: '2027-03-03' } as const;
    expectOnlyBadInput(refusedWith(applyMove(at(S.FIELDWORK_COMPLETE), early, TODAY)), ['submittedOn'], 'after feedback');
  });

  test('CH-245 the quality-assured draft goes to the provider: the day, who assured it (trimmed) and no change to tell', () => {
    expect(allowed(applyMove(at(S.DRAFT_IN_QUALITY_ASSURANCE), GOOD.SEND_DRAFT, TODAY))).toEqual({
      status: S.DRAFT_SENT_TO_PROVIDER,
      set: { draftSentOn: '2027-03-18', qualityAssuredBy: 'Alex Moore', providerInformedOfChangesOn: null },
    });
  });

  test('CH-247 a judgement changed after feedback: the draft records when the provider was told', () => {
    const changed = { ...GOOD.SEND_DRAFT, judgementVersions: 2 } as PipelineMove;
    expectOnlyRuleViolation(refusedWith(applyMove(at(S.DRAFT_IN_QUALITY_ASSURANCE), changed, TODAY)), 'CH-247', [
      'providerInformedOfChangesOn',
    ]);
    const told = { ...changed, providerInformedOfChangesOn: '2027-03-17' } as PipelineMove;
    expect(allowed(applyMove(at(S.DRAFT_IN_QUALITY_ASSURANCE), told, TODAY)).set).toMatchObject({
      providerInformedOfChangesOn: '2027-03-17',
    });
  });

  test('CH-163 CHA-047 CH-231 the draft needs a recorded judgement and the report text, all reported together', () => {
    const bare = {
      ...GOOD.SEND_DRAFT,
      judgementVersions: 0,
      latestJudgementKind: null,
      texts: { ...TEXTS, overall: ' ', childFriendlySummary: null },
    } as PipelineMove;
    expect(refusedWith(applyMove(at(S.DRAFT_IN_QUALITY_ASSURANCE), bare, TODAY)).map((v) => v.ruleId)).toEqual([
      'CHA-047',
      'CH-231',
      'CH-163',
    ]);
  });

  test('CH-028 comments inside the window are received: the day they came in', () => {
    expect(allowed(applyMove(at(S.DRAFT_SENT_TO_PROVIDER, withDraft), GOOD.RECEIVE_COMMENTS, TODAY))).toEqual({
      status: S.PROVIDER_COMMENTS_RECEIVED,
      set: { commentsReturnedOn: '2027-03-30' },
    });
  });

  test('CH-028 comments after the window, or blank, are refused', () => {
    const state = at(S.DRAFT_SENT_TO_PROVIDER, withDraft);
    const late = { ...GOOD.RECEIVE_COMMENTS, receivedOn: NEXT_WORKING_DAY } as PipelineMove;
    expectOnlyRuleViolation(refusedWith(applyMove(state, late, TODAY)), 'CH-028', ['receivedOn']);
    const blank = { ...GOOD.RECEIVE_COMMENTS, comments: ['fine', ' '] } as PipelineMove;
    expectOnlyBadInput(refusedWith(applyMove(state, blank, TODAY)), ['comments'], 'Give each comment as text');
    expectOnlyBadInput(refusedWith(applyMove(state, { ...GOOD.RECEIVE_COMMENTS, comments: [] } as PipelineMove, TODAY)), ['comments']);
  });

  test('CH-256 the comments window closes once its last day has passed: the return is today', () => {
    const state = at(S.DRAFT_SENT_TO_PROVIDER, withDraft);
    expect(allowed(applyMove(state, GOOD.CLOSE_COMMENTS_WINDOW, NEXT_WORKING_DAY))).toEqual({
      status: S.PROVIDER_COMMENTS_RECEIVED,
      set: { commentsReturnedOn: NEXT_WORKING_DAY },
    });
    expectOnlyRuleViolation(refusedWith(applyMove(state, GOOD.CLOSE_COMMENTS_WINDOW, WINDOW_END)), 'CH-256', ['inspectionId']);
  });

  test("CH-028 a complaint on the draft: under complaint, and the provider's return inside the window", () => {
    expect(allowed(applyMove(at(S.DRAFT_SENT_TO_PROVIDER, withDraft), GOOD.LODGE_COMPLAINT, TODAY))).toEqual({
      status: S.UNDER_COMPLAINT,
      set: { statusBeforeComplaint: S.DRAFT_SENT_TO_PROVIDER, commentsReturnedOn: '2027-03-30' },
    });
    const blank = { ...GOOD.LODGE_COMPLAINT, summary: '' } as PipelineMove;
    expectOnlyBadInput(refusedWith(applyMove(at(S.DRAFT_SENT_TO_PROVIDER, withDraft), blank, TODAY)), ['summary']);
  });

  test('CA-077 a complaint on the final report: under complaint, the comments return unchanged', () => {
    const state = at(S.FINAL_REPORT_ISSUED, {
      type: ASSURANCE,
      settingType: SCH,
      draftSentOn: DRAFT_SENT,
      commentsReturnedOn: '2027-03-30',
      finalReportIssuedOn: '2027-04-12',
    });
    expect(allowed(applyMove(state, { ...GOOD.LODGE_COMPLAINT, lodgedOn: '2027-04-13' } as PipelineMove, TODAY))).toEqual({
      status: S.UNDER_COMPLAINT,
      set: { statusBeforeComplaint: S.FINAL_REPORT_ISSUED },
    });
  });

  test.each([
    [S.DRAFT_SENT_TO_PROVIDER, S.PROVIDER_COMMENTS_RECEIVED],
    [S.FINAL_REPORT_ISSUED, S.FINAL_REPORT_ISSUED],
  ])('CH-256 a complaint lodged when %s is answered: back to %s', (before, after) => {
    const state = at(S.UNDER_COMPLAINT, { statusBeforeComplaint: before, ...withDraft });
    expect(allowed(applyMove(state, GOOD.ANSWER_COMPLAINT, TODAY))).toEqual({ status: after, set: { statusBeforeComplaint: null } });
    expectOnlyBadInput(
      refusedWith(applyMove(state, { ...GOOD.ANSWER_COMPLAINT, answer: ' ' } as PipelineMove, TODAY)),
      ['answer'],
      'Give the answer',
    );
  });

  test('ASA-101 the final report is issued with every comment answered: the day it was issued', () => {
    const state = at(S.PROVIDER_COMMENTS_RECEIVED, { settingType: ASA, ...withDraft, commentsReturnedOn: '2027-03-30' });
    expect(allowed(applyMove(state, GOOD.ISSUE_FINAL_REPORT, TODAY))).toEqual({
      status: S.FINAL_REPORT_ISSUED,
      set: { finalReportIssuedOn: '2027-04-12' },
    });
    const unanswered = { ...GOOD.ISSUE_FINAL_REPORT, unansweredComments: 1 } as PipelineMove;
    expectOnlyRuleViolation(refusedWith(applyMove(state, unanswered, TODAY)), 'ASA-101', ['inspectionId']);
  });

  test('CH-256 a final report is published: the day of publication', () => {
    const state = at(S.FINAL_REPORT_ISSUED, { ...withDraft, commentsReturnedOn: '2027-03-30', finalReportIssuedOn: '2027-04-12' });
    expect(allowed(applyMove(state, GOOD.PUBLISH, TODAY))).toEqual({ status: S.PUBLISHED, set: { publishedOn: '2027-04-19' } });
    expectOnlyBadInput(
      refusedWith(applyMove(state, { action: A.PUBLISH, publishedOn: '2027-04-11' }, TODAY)),
      ['publishedOn'],
      'follows the final report',
    );
    expectOnlyBadInput(
      refusedWith(applyMove(state, { action: A.PUBLISH, publishedOn: '2027-04-21' }, TODAY)),
      ['publishedOn'],
      'cannot be in the future',
    );
  });

  test('CA-077 an assurance report is not published inside the complaint window', () => {
    const state = at(S.FINAL_REPORT_ISSUED, { type: ASSURANCE, settingType: SCH, ...withDraft, finalReportIssuedOn: '2027-04-12' });
    expectOnlyRuleViolation(refusedWith(applyMove(state, GOOD.PUBLISH, TODAY)), 'CA-077', ['publishedOn']);
  });

  test.each([
    ['CH-227', CH],
    ['RFC-104', RFC],
    ['ASA-121', ASA],
  ])('%s a final report withheld from publication: why and who decided, trimmed (%s)', (ruleId, settingType) => {
    const state = at(S.FINAL_REPORT_ISSUED, { settingType, finalReportIssuedOn: '2027-04-12' });
    expect(allowed(applyMove(state, GOOD.WITHHOLD_PUBLICATION, TODAY))).toEqual({
      status: S.NOT_PUBLISHED,
      set: { notPublishedReason: 'Publication would identify a child', notPublishedDecidedBy: 'Sam Rivers' },
    });
    expectOnlyRuleViolation(refusedWith(applyMove(state, { ...GOOD.WITHHOLD_PUBLICATION, reason: '' } as PipelineMove, TODAY)), ruleId, [
      'reason',
    ]);
  });

  test.each(ALL_ACTIONS)('%s: every good move is allowed from each state it starts from', (action) => {
    for (const status of EXPECTED_MOVES[action].from) {
      const state = at(status, {
        ...withDraft,
        commentsReturnedOn: '2027-03-30',
        finalReportIssuedOn: '2027-04-12',
        statusBeforeComplaint: S.DRAFT_SENT_TO_PROVIDER,
      });
      const today = action === A.CLOSE_COMMENTS_WINDOW ? NEXT_WORKING_DAY : TODAY;
      const good =
        action === A.LODGE_COMPLAINT && status === S.FINAL_REPORT_ISSUED
          ? ({ ...GOOD.LODGE_COMPLAINT, lodgedOn: '2027-04-13' } as PipelineMove)
          : GOOD[action];
      expect(applyMove(state, good, today)).toMatchObject({ ok: true });
    }
  });
});

describe('pastDay', () => {
  test('a day that has happened is a calendar date, today or before', () => {
    expect(pastDay(['sentOn'], '2027-04-20', '2027-04-20')).toEqual([]);
    expectOnlyBadInput(pastDay(['sentOn'], '2027-04-21', '2027-04-20'), ['sentOn'], 'sentOn cannot be in the future');
    expectOnlyBadInput(pastDay(['sentOn'], '2027-02-29', '2027-04-20'), ['sentOn'], 'is not a calendar date');
  });
});

describe('reportEventsOf', () => {
  const dates = { feedbackDate: END, draftSentOn: DRAFT_SENT, commentsReturnedOn: null, finalReportIssuedOn: null, publishedOn: null };

  test('CH-024 the report counts from the end of the inspection: nothing before feedback', () => {
    expect(reportEventsOf({ ...dates, status: S.ON_SITE, feedbackDate: null })).toBeNull();
    expect(reportEventsOf({ ...dates, status: S.DRAFT_SENT_TO_PROVIDER })).toEqual(events({ draftSentOn: DRAFT_SENT }));
  });

  test('RFC-089 an open complaint is an event the final report waits for', () => {
    expect(reportEventsOf({ ...dates, status: S.UNDER_COMPLAINT })?.complaintOpen).toBe(true);
  });
});

describe('writeReportText', () => {
  test.each([S.FIELDWORK_COMPLETE, S.DRAFT_IN_QUALITY_ASSURANCE, S.PROVIDER_COMMENTS_RECEIVED, S.PUBLISHED])(
    'CH-166 text written %s: each section given, trimmed; blank clears it; the others unchanged',
    (status) => {
      expect(writeReportText(status, { overall: '  Good progress. ', summary: ' ', childFriendlySummary: null })).toEqual({
        ok: true,
        set: { reportOverallText: 'Good progress.', reportSummaryText: null, childFriendlySummary: null },
      });
      expect(writeReportText(status, {})).toEqual({ ok: true, set: {} });
    },
  );

  test.each([S.SCHEDULED, S.ON_SITE, S.DRAFT_SENT_TO_PROVIDER, S.UNDER_COMPLAINT, S.FINAL_REPORT_ISSUED, S.NOT_PUBLISHED])(
    'CH-166 no text is written while the inspection is %s',
    (status) => {
      const written = writeReportText(status, { overall: 'Good progress.' });
      expectOnlyRuleViolation(written.ok ? [] : written.violations, 'CH-166', ['inspectionId']);
    },
  );
});
