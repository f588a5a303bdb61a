/**
 * Regulation 40 notifications (Annex L of the children's homes handbook, CHA-147 to CHA-178) as pure
 * functions: fast-tracking, delay, due dates, the lifecycle's guards, what a notification triggers,
 * and the managers' views.
 *
 * Due dates are counted by hand. Calendar days (EC-09), the day received being day 0: Wednesday
 * 28 January 2026 + 7 = Wednesday 4 February; 25 February 2026 + 7 = 4 March (28 days in February);
 * 25 February 2028 + 7 = 3 March (29 days); Monday 28 December 2026 + 7 = Monday 4 January 2027.
 * Working days: from Thursday 24 December 2026, skipping Christmas (Fri 25), the Boxing Day substitute
 * (Mon 28) and New Year's Day (Fri 1 January 2027): 29, 30, 31 December, 4, 5, 6, 7 January.
 */
import { InspectionType } from '../../src/domain/inspection-types';
import type { LocalDate } from '../../src/domain/local-date';
import type { SettingType } from '../../src/domain/setting-types';
import {
  ALWAYS_FAST_TRACKED,
  DEFAULT_NOTIFICATION_POLICY,
  FollowUpAction,
  NO_FINDINGS,
  NotificationCategory,
  NotificationChannel,
  NotificationDeadline,
  NotificationRouting,
  NotificationStatus,
  NotificationStep,
  applyNotificationMove,
  categoryCounts,
  childProtectionOutcomesOverdue,
  growingPictureOfConcern,
  isDelayed,
  isFastTracked,
  notificationDueDates,
  overdueNotifications,
  receiveNotification,
  requiredActions,
  sixMonthWindow,
  validateEarlyInspectionDecision,
  validateRecordedAction,
  validateUnnotifiedEvent,
  withoutRecordedAction,
  type NotificationFindings,
  type NotificationMove,
  type NotificationRecord,
  type RecordedAction,
  validateNotifyingSetting,
  asItStoodOn,
} from '../../src/domain/notifications';
import { expectOnly, expectOnlyBadInput, expectOnlyRuleViolation } from '../support/violations';

const C = NotificationCategory;
const A = FollowUpAction;
const { URGENT_ACTION: URGENT, MEMO_TO_ALLOCATED_INSPECTOR: MEMO } = NotificationRouting;
const TODAY = '2026-06-30';

/** A serious event at one home, received on Tuesday 10 March 2026 the day after the incident, still RECEIVED. */
function record(overrides: Partial<NotificationRecord> = {}): NotificationRecord {
  return {
    id: 'n-1',
    homeUrn: 'SC123456',
    channel: NotificationChannel.ONLINE,
    providerCategory: C.SERIOUS_EVENT,
    incidentDate: '2026-03-09',
    receivedOn: '2026-03-10',
    instigationNotificationId: null,
    status: NotificationStatus.RECEIVED,
    confirmedCategory: null,
    triagedOn: null,
    routing: null,
    assignedInspector: null,
    followedUpOn: null,
    findings: null,
    summaryOfReason: null,
    providerAction: null,
    delayReason: null,
    delayImpact: null,
    ofstedAction: null,
    closedOn: null,
    actions: [],
    ...overrides,
  };
}

/** The same notification triaged and followed up with everything CHA-169 asks, ready to close. */
function followedUp(overrides: Partial<NotificationRecord> = {}): NotificationRecord {
  return record({
    status: NotificationStatus.FOLLOWED_UP,
    confirmedCategory: C.SERIOUS_EVENT,
    triagedOn: '2026-03-10',
    routing: MEMO,
    assignedInspector: 'A. Inspector',
    followedUpOn: '2026-03-12',
    findings: NO_FINDINGS,
    summaryOfReason: 'Restraint leading to injury',
    providerAction: 'Staff debrief; placing authority told',
    ...overrides,
  });
}

const findings = (overrides: Partial<NotificationFindings>): NotificationFindings => ({ ...NO_FINDINGS, ...overrides });
const done = (action: FollowUpAction, on: LocalDate = '2026-03-11'): RecordedAction => ({
  action,
  on,
  by: 'A. Inspector',
  outcome: 'Done',
});

const triage = (overrides: Partial<Extract<NotificationMove, { step: NotificationStep.TRIAGE }>> = {}): NotificationMove => ({
  step: NotificationStep.TRIAGE,
  on: '2026-03-10',
  confirmedCategory: C.SERIOUS_EVENT,
  routing: MEMO,
  inspector: 'A. Inspector',
  ...overrides,
});

const followUp = (overrides: Partial<Extract<NotificationMove, { step: NotificationStep.FOLLOW_UP }>> = {}): NotificationMove => ({
  step: NotificationStep.FOLLOW_UP,
  on: '2026-03-12',
  findings: NO_FINDINGS,
  summaryOfReason: 'Restraint leading to injury',
  providerAction: 'Staff debrief',
  delayReason: null,
  delayImpact: null,
  ...overrides,
});

const close = (ofstedAction: string | null = 'Reviewed; called the manager, no further action'): NotificationMove => ({
  step: NotificationStep.CLOSE,
  on: '2026-03-13',
  ofstedAction,
});

function violationsOf(outcome: ReturnType<typeof applyNotificationMove>) {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.status}`);
  return outcome.violations;
}

const mandatory = (n: NotificationRecord) =>
  requiredActions(n)
    .filter((r) => r.mandatory)
    .map((r) => [r.action, r.ruleId]);
const prompts = (n: NotificationRecord) =>
  requiredActions(n)
    .filter((r) => !r.mandatory)
    .map((r) => [r.action, r.ruleId]);

describe('categories and fast-tracking', () => {
  test('CHA-149 CHA-153 the categories are the five Annex L names, serious events included', () => {
    expect(Object.values(C).sort()).toEqual([
      'CHILD_PROTECTION_ENQUIRY_INSTIGATED',
      'CHILD_PROTECTION_ENQUIRY_OUTCOME',
      'DEATH_OF_CHILD',
      'SERIOUS_EVENT',
      'SEXUAL_EXPLOITATION',
    ]);
  });

  test.each([
    ['CHILDRENS_HOME', []],
    ['SECURE_CHILDRENS_HOME', []],
    ['RESIDENTIAL_FAMILY_CENTRE', ['CHA-149']],
    ['ADOPTION_SUPPORT_AGENCY', ['CHA-149']],
  ] as const)('CHA-149 a %s notifies under Regulation 40: refused by %j', (settingType, ruleIds) => {
    expect(validateNotifyingSetting(settingType as SettingType).map((v) => v.ruleId)).toEqual(ruleIds);
  });

  test('CHA-153 death, sexual exploitation and the instigation and outcome of a child protection enquiry are always fast-tracked', () => {
    expect([...ALWAYS_FAST_TRACKED].sort()).toEqual([
      'CHILD_PROTECTION_ENQUIRY_INSTIGATED',
      'CHILD_PROTECTION_ENQUIRY_OUTCOME',
      'DEATH_OF_CHILD',
      'SEXUAL_EXPLOITATION',
    ]);
    for (const category of [
      C.DEATH_OF_CHILD,
      C.SEXUAL_EXPLOITATION,
      C.CHILD_PROTECTION_ENQUIRY_INSTIGATED,
      C.CHILD_PROTECTION_ENQUIRY_OUTCOME,
    ]) {
      expect(
        isFastTracked({ providerCategory: category, confirmedCategory: null }, { ...DEFAULT_NOTIFICATION_POLICY, alsoFastTracked: [] }),
      ).toBe(true);
    }
  });

  test("CHA-152 fast-tracking follows the provider's category: a serious event is not fast-tracked unless configured", () => {
    const serious = { providerCategory: C.SERIOUS_EVENT, confirmedCategory: null };
    expect(isFastTracked(serious)).toBe(false);
    expect(isFastTracked(serious, { ...DEFAULT_NOTIFICATION_POLICY, alsoFastTracked: [C.SERIOUS_EVENT] })).toBe(true);
  });

  test('CHA-152 a category corrected by the inspector to a fast-tracked one makes the notification fast-tracked (EC-23)', () => {
    expect(isFastTracked({ providerCategory: C.SERIOUS_EVENT, confirmedCategory: C.SEXUAL_EXPLOITATION })).toBe(true);
    expect(
      notificationDueDates({ providerCategory: C.SERIOUS_EVENT, confirmedCategory: C.SEXUAL_EXPLOITATION, receivedOn: '2026-03-10' }),
    ).toEqual({
      fastTrackActionDue: '2026-03-10',
      assessmentDue: '2026-03-17',
    });
  });
});

describe('intake and delay', () => {
  test('CHA-151 a notification is received with its channel and provisional category, and nothing yet decided', () => {
    const outcome = receiveNotification(
      {
        id: 'n-9',
        homeUrn: 'SC000001',
        channel: NotificationChannel.PAPER,
        providerCategory: C.DEATH_OF_CHILD,
        incidentDate: '2026-03-09',
        receivedOn: '2026-03-10',
        instigationNotificationId: null,
      },
      TODAY,
    );
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.record).toMatchObject({
      status: 'RECEIVED',
      channel: 'PAPER',
      providerCategory: 'DEATH_OF_CHILD',
      confirmedCategory: null,
      routing: null,
      actions: [],
    });
  });

  test('CHA-147 a notification without an incident date is refused', () => {
    const outcome = receiveNotification({ ...record(), incidentDate: '' }, TODAY);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expectOnlyRuleViolation(outcome.violations, 'CHA-147', ['incidentDate']);
  });

  test('CHA-147 an incident after the date received, or a notification received in the future, is bad input', () => {
    const late = receiveNotification({ ...record(), incidentDate: '2026-03-11' }, TODAY);
    if (late.ok) throw new Error('accepted');
    expectOnlyBadInput(late.violations, ['incidentDate']);
    const future = receiveNotification({ ...record(), incidentDate: '2026-07-01', receivedOn: '2026-07-01' }, TODAY);
    if (future.ok) throw new Error('accepted');
    expectOnlyBadInput(future.violations, ['receivedOn'], 'future');
  });

  test('CHA-147 received the day after the incident is not delayed; two days after is delayed', () => {
    expect(isDelayed({ incidentDate: '2026-03-10', receivedOn: '2026-03-10' })).toBe(false);
    expect(isDelayed({ incidentDate: '2026-03-10', receivedOn: '2026-03-11' })).toBe(false);
    expect(isDelayed({ incidentDate: '2026-03-10', receivedOn: '2026-03-12' })).toBe(true);
  });

  test('CHA-147 delay counts calendar days across a month end: 31 January to 2 February is delayed', () => {
    expect(isDelayed({ incidentDate: '2026-01-31', receivedOn: '2026-02-01' })).toBe(false);
    expect(isDelayed({ incidentDate: '2026-01-31', receivedOn: '2026-02-02' })).toBe(true);
  });

  test('CHA-147 the threshold for "delayed" is configurable', () => {
    const policy = { ...DEFAULT_NOTIFICATION_POLICY, delayedAfterDays: 3 };
    expect(isDelayed({ incidentDate: '2026-03-10', receivedOn: '2026-03-13' }, policy)).toBe(false);
    expect(isDelayed({ incidentDate: '2026-03-10', receivedOn: '2026-03-14' }, policy)).toBe(true);
  });
});

describe('due dates', () => {
  test('CHA-154 a fast-tracked notification is due to be actioned on the day received; others have no same-day action', () => {
    expect(
      notificationDueDates({ providerCategory: C.DEATH_OF_CHILD, confirmedCategory: null, receivedOn: '2026-01-31' }).fastTrackActionDue,
    ).toBe('2026-01-31');
    expect(
      notificationDueDates({ providerCategory: C.SERIOUS_EVENT, confirmedCategory: null, receivedOn: '2026-01-31' }).fastTrackActionDue,
    ).toBeNull();
  });

  test.each([
    ['2026-01-28', '2026-02-04'],
    ['2026-02-25', '2026-03-04'],
    ['2028-02-25', '2028-03-03'],
    ['2026-12-28', '2027-01-04'],
  ])('CHA-166 received %s: the assessment is due seven calendar days later, on %s', (receivedOn, due) => {
    expect(notificationDueDates({ providerCategory: C.SERIOUS_EVENT, confirmedCategory: null, receivedOn }).assessmentDue).toBe(due);
  });

  test('CHA-166 counted in working days when configured: from Christmas Eve 2026 to 7 January 2027', () => {
    const policy = { ...DEFAULT_NOTIFICATION_POLICY, assessmentDaysCounted: 'WORKING' as const };
    expect(
      notificationDueDates({ providerCategory: C.SERIOUS_EVENT, confirmedCategory: null, receivedOn: '2026-12-24' }, policy).assessmentDue,
    ).toBe('2027-01-07');
  });
});

describe('the lifecycle', () => {
  test('CHA-155 triage confirms the category, records the routing and the inspector, and moves to TRIAGED', () => {
    const outcome = applyNotificationMove(record(), triage({ routing: URGENT, inspector: '  B. Inspector ' }), TODAY);
    expect(outcome).toEqual({
      ok: true,
      status: 'TRIAGED',
      set: { triagedOn: '2026-03-10', confirmedCategory: 'SERIOUS_EVENT', routing: 'URGENT_ACTION', assignedInspector: 'B. Inspector' },
    });
  });

  test('CHA-155 triage without a routing is refused', () => {
    expectOnlyRuleViolation(violationsOf(applyNotificationMove(record(), triage({ routing: null }), TODAY)), 'CHA-155', ['routing']);
  });

  test('CHA-155 urgent action needs an inspector identified to take it; a memo needs the allocated inspector', () => {
    expectOnlyRuleViolation(
      violationsOf(applyNotificationMove(record(), triage({ routing: URGENT, inspector: ' ' }), TODAY)),
      'CHA-155',
      ['inspector'],
      'immediate action',
    );
    expectOnlyRuleViolation(
      violationsOf(applyNotificationMove(record(), triage({ routing: MEMO, inspector: null }), TODAY)),
      'CHA-155',
      ['inspector'],
      'allocated inspector',
    );
  });

  test('CHA-168 any category may be routed for urgent action: a serious event is not only a memo', () => {
    expect(applyNotificationMove(record(), triage({ confirmedCategory: C.SERIOUS_EVENT, routing: URGENT }), TODAY).ok).toBe(true);
  });

  test('CHA-169 triage confirms the Regulation 40 category', () => {
    expectOnlyRuleViolation(violationsOf(applyNotificationMove(record(), triage({ confirmedCategory: null }), TODAY)), 'CHA-169', [
      'confirmedCategory',
    ]);
  });

  test('a step from the wrong state is a conflict, and a step cannot be dated before the one before', () => {
    expectOnly(violationsOf(applyNotificationMove(record(), close(), TODAY)), 'CONFLICT', ['notificationId']);
    expectOnly(violationsOf(applyNotificationMove(followedUp(), triage(), TODAY)), 'CONFLICT', ['notificationId']);
    expectOnlyBadInput(violationsOf(applyNotificationMove(record(), triage({ on: '2026-03-09' }), TODAY)), ['on']);
    expectOnlyBadInput(violationsOf(applyNotificationMove(followedUp(), { ...close(), on: '2026-03-11' }, TODAY)), ['on']);
  });

  test('CHA-169 closing records the date and Ofsted action and moves to CLOSED', () => {
    expect(applyNotificationMove(followedUp(), close('  Called the manager  '), TODAY)).toEqual({
      ok: true,
      status: 'CLOSED',
      set: { closedOn: '2026-03-13', ofstedAction: 'Called the manager' },
    });
  });

  test("CHA-169 a notification is not closed without Ofsted's action", () => {
    expectOnlyRuleViolation(violationsOf(applyNotificationMove(followedUp(), close('   '), TODAY)), 'CHA-169', ['ofstedAction']);
  });

  test("CHA-169 a notification is not closed without the confirmed category, the summary of the reason and the provider's action", () => {
    const violations = violationsOf(
      applyNotificationMove(followedUp({ confirmedCategory: null, summaryOfReason: null, providerAction: ' ' }), close(), TODAY),
    );
    expect(violations.map((v) => [v.ruleId, v.field[0]])).toEqual([
      ['CHA-169', 'confirmedCategory'],
      ['CHA-169', 'summaryOfReason'],
      ['CHA-169', 'providerAction'],
    ]);
  });

  test('CHA-170 CHA-148 a delayed notification is not followed up without the reason for the delay and its impact', () => {
    const delayed = record({ status: NotificationStatus.TRIAGED, triagedOn: '2026-03-10', incidentDate: '2026-03-01' });
    const violations = violationsOf(applyNotificationMove(delayed, followUp(), TODAY));
    expect(violations.map((v) => [v.ruleId, v.field[0]])).toEqual([
      ['CHA-170', 'delayReason'],
      ['CHA-148', 'delayImpact'],
    ]);
    expect(violations[0].message).toContain('9 days after the incident');
    expectOnlyRuleViolation(
      violationsOf(applyNotificationMove(delayed, followUp({ delayReason: 'Manager on leave', delayImpact: null }), TODAY)),
      'CHA-148',
      ['delayImpact'],
    );
    expect(applyNotificationMove(delayed, followUp({ delayReason: 'Manager on leave', delayImpact: 'None: child safe' }), TODAY).ok).toBe(
      true,
    );
  });

  test('CHA-170 a delayed notification is not closed without a recorded reason; one on time needs none', () => {
    const delayed = followedUp({ incidentDate: '2026-03-01', delayImpact: 'None' });
    expectOnlyRuleViolation(violationsOf(applyNotificationMove(delayed, close(), TODAY)), 'CHA-170', ['delayReason']);
    expect(applyNotificationMove(followedUp({ incidentDate: '2026-03-09' }), close(), TODAY).ok).toBe(true);
  });

  test('CHA-173 an incomplete or unclear notification is not followed up without a recorded contact for clarification', () => {
    const triaged = record({ status: NotificationStatus.TRIAGED, triagedOn: '2026-03-10' });
    const unclear = followUp({ findings: findings({ incompleteOrUnclear: true }) });
    expectOnlyRuleViolation(
      violationsOf(applyNotificationMove(triaged, unclear, TODAY)),
      'CHA-173',
      ['actions'],
      'contact home for clarification',
    );
    // Another kind of contact does not count.
    expect(applyNotificationMove({ ...triaged, actions: [done(A.CONTACT_PROVIDER)] }, unclear, TODAY).ok).toBe(false);
    expect(applyNotificationMove({ ...triaged, actions: [done(A.CONTACT_HOME_FOR_CLARIFICATION)] }, unclear, TODAY).ok).toBe(true);
  });
});

describe('what a notification triggers', () => {
  test('CHA-157 CHA-158 the death of a child calls for the checklist', () => {
    expect(mandatory(record({ providerCategory: C.DEATH_OF_CHILD }))).toEqual([
      ['CONFIRM_PARTIES_INFORMED', 'CHA-157'],
      ['ESTABLISH_AUTHORITY_AND_POLICE_ACTIONS', 'CHA-158'],
      ['HOLD_IMMEDIATE_REVIEW', 'CHA-158'],
      ['INFORM_SENIOR_HMI', 'CHA-158'],
      ['PREPARE_SERIOUS_INCIDENT_BRIEFING', 'CHA-158'],
    ]);
    expect(mandatory(record({ providerCategory: C.SERIOUS_EVENT }))).toEqual([]);
  });

  test('CHA-158 a death notification is not closed until the whole checklist is recorded', () => {
    const death = followedUp({
      providerCategory: C.DEATH_OF_CHILD,
      confirmedCategory: C.DEATH_OF_CHILD,
      actions: [done(A.CONFIRM_PARTIES_INFORMED)],
    });
    const violations = violationsOf(applyNotificationMove(death, close(), TODAY));
    expect(violations.map((v) => v.ruleId)).toEqual(['CHA-158', 'CHA-158', 'CHA-158', 'CHA-158']);
    const all = [
      A.CONFIRM_PARTIES_INFORMED,
      A.ESTABLISH_AUTHORITY_AND_POLICE_ACTIONS,
      A.HOLD_IMMEDIATE_REVIEW,
      A.INFORM_SENIOR_HMI,
      A.PREPARE_SERIOUS_INCIDENT_BRIEFING,
    ].map((a) => done(a));
    expect(applyNotificationMove({ ...death, actions: all }, close(), TODAY).ok).toBe(true);
  });

  test('CHA-157 the category the inspector confirms governs: a serious event confirmed as a death calls for the checklist', () => {
    expect(mandatory(record({ providerCategory: C.SERIOUS_EVENT, confirmedCategory: C.DEATH_OF_CHILD }))[0]).toEqual([
      'CONFIRM_PARTIES_INFORMED',
      'CHA-157',
    ]);
  });

  test('CHA-159 sexual exploitation, or a child at risk of significant harm in any category, calls for contact with the provider', () => {
    expect(mandatory(record({ providerCategory: C.SEXUAL_EXPLOITATION }))).toEqual([['CONTACT_PROVIDER', 'CHA-159']]);
    expect(mandatory(record({ findings: findings({ childAtRiskOfSignificantHarm: true }) }))).toEqual([['CONTACT_PROVIDER', 'CHA-159']]);
  });

  test('CHA-159 insufficient action by the provider on exploitation or harm is referred to the manager; CHA-171 otherwise it prompts an early inspection', () => {
    expect(
      mandatory(record({ providerCategory: C.SEXUAL_EXPLOITATION, findings: findings({ providerActionInsufficient: true }) })),
    ).toEqual([
      ['CONTACT_PROVIDER', 'CHA-159'],
      ['REFER_TO_MANAGER', 'CHA-159'],
    ]);
    const serious = record({ findings: findings({ providerActionInsufficient: true }) });
    expect(mandatory(serious)).toEqual([]);
    expect(prompts(serious)).toEqual([['CONSIDER_EARLY_INSPECTION', 'CHA-171']]);
  });

  test('CHA-160 safeguarding concerns call for contact with the provider', () => {
    expect(mandatory(record({ findings: findings({ safeguardingConcerns: true }) }))).toEqual([['CONTACT_PROVIDER', 'CHA-160']]);
  });

  test('CHA-161 parties not informed: the inspector informs them and flags the inaction; a concern for safety: the placing DCS is told', () => {
    expect(mandatory(record({ findings: findings({ relevantPartiesNotInformed: true, concernForChildSafety: true }) }))).toEqual([
      ['INFORM_RELEVANT_PARTIES', 'CHA-161'],
      ['FLAG_FOR_NEXT_INSPECTION', 'CHA-161'],
      ['NOTIFY_PLACING_AUTHORITY_DCS', 'CHA-161'],
    ]);
  });

  test('CHA-162 significant safeguarding concerns still outstanding open a compliance case, and closing waits for it', () => {
    const outstanding = followedUp({ findings: findings({ significantConcernsOutstanding: true }) });
    expect(mandatory(outstanding)).toEqual([['OPEN_COMPLIANCE_CASE', 'CHA-162']]);
    expectOnlyRuleViolation(violationsOf(applyNotificationMove(outstanding, close(), TODAY)), 'CHA-162', ['actions']);
    expect(applyNotificationMove({ ...outstanding, actions: [done(A.OPEN_COMPLIANCE_CASE)] }, close(), TODAY).ok).toBe(true);
  });

  test('CHA-163 a notification routed for urgent action prompts the manager to consider an early inspection, without blocking', () => {
    const urgent = followedUp({ routing: URGENT });
    expect(prompts(urgent)).toEqual([['CONSIDER_EARLY_INSPECTION', 'CHA-163']]);
    expect(applyNotificationMove(urgent, close(), TODAY).ok).toBe(true);
  });

  test('CHA-164 concern about the local authority practice goes to cross-remit', () => {
    expect(mandatory(record({ findings: findings({ localAuthorityPracticeConcern: true }) }))).toEqual([['REFER_CROSS_REMIT', 'CHA-164']]);
  });

  test('CHA-170 a delay whose investigation raises concern prompts a compliance case review; an on-time notification does not', () => {
    const concern = findings({ delayRaisesConcern: true });
    expect(prompts(record({ incidentDate: '2026-03-01', findings: concern }))).toEqual([['TRIGGER_COMPLIANCE_CASE_REVIEW', 'CHA-170']]);
    expect(prompts(record({ incidentDate: '2026-03-09', findings: concern }))).toEqual([]);
  });

  test('CHA-173 an incomplete notification calls for a contact with the home for clarification', () => {
    expect(mandatory(record({ findings: findings({ incompleteOrUnclear: true }) }))).toEqual([
      ['CONTACT_HOME_FOR_CLARIFICATION', 'CHA-173'],
    ]);
  });
});

describe('decisions and the audit trail', () => {
  test('CHA-163 an early inspection records its reason, its timescale and whether it is full or interim', () => {
    expect(
      validateEarlyInspectionDecision(
        { type: InspectionType.FULL_INSPECTION, reason: 'Pattern of restraints', inspectBy: '2026-04-10' },
        '2026-03-20',
      ),
    ).toEqual([]);
    const violations = validateEarlyInspectionDecision(
      { type: InspectionType.MONITORING_VISIT, reason: ' ', inspectBy: null },
      '2026-03-20',
    );
    expect(violations.map((v) => [v.ruleId, v.field[0]])).toEqual([
      ['CHA-163', 'type'],
      ['CHA-163', 'reason'],
      ['CHA-163', 'inspectBy'],
    ]);
    expectOnlyBadInput(
      validateEarlyInspectionDecision(
        { type: InspectionType.INTERIM_INSPECTION, reason: 'Death of a child', inspectBy: '2026-03-19' },
        '2026-03-20',
      ),
      ['inspectBy'],
    );
  });

  test('CHA-150 an event the provider did not notify records both justifications and the impact', () => {
    expectOnlyRuleViolation(
      validateUnnotifiedEvent({ providerJustification: 'Judged minor', inspectorJustification: 'Police called', impactOnChildren: null }),
      'CHA-150',
      ['impactOnChildren'],
    );
    expect(validateUnnotifiedEvent({ providerJustification: null, inspectorJustification: null, impactOnChildren: null })).toHaveLength(3);
    expect(validateUnnotifiedEvent({ providerJustification: 'a', inspectorJustification: 'b', impactOnChildren: 'c' })).toEqual([]);
  });

  test('CHA-174 every recorded action has its outcome, for the audit trail', () => {
    const n = record();
    expect(validateRecordedAction(n, done(A.CONTACT_PROVIDER, '2026-03-10'), TODAY)).toEqual([]);
    expectOnlyRuleViolation(validateRecordedAction(n, { ...done(A.CONTACT_PROVIDER), outcome: ' ' }, TODAY), 'CHA-174', ['outcome']);
    expectOnlyBadInput(validateRecordedAction(n, done(A.CONTACT_PROVIDER, '2026-03-09'), TODAY), ['on']);
    expectOnly(validateRecordedAction(record({ status: NotificationStatus.CLOSED }), done(A.OTHER), TODAY), 'CONFLICT', ['notificationId']);
  });
});

describe("managers' views", () => {
  test('CHA-154 CHA-167 a fast-tracked notification not actioned is overdue the day after receipt, not on the day', () => {
    const death = record({ id: 'd', providerCategory: C.DEATH_OF_CHILD, receivedOn: '2026-01-31', incidentDate: '2026-01-31' });
    expect(overdueNotifications([death], '2026-01-31')).toEqual([]);
    expect(overdueNotifications([death], '2026-02-01')).toEqual([
      {
        notificationId: 'd',
        homeUrn: 'SC123456',
        deadline: 'FAST_TRACK_ACTION',
        dueOn: '2026-01-31',
        ruleId: 'CHA-154',
        assignedInspector: null,
      },
    ]);
    expect(overdueNotifications([{ ...death, triagedOn: '2026-01-31' }], '2026-02-01')).toEqual([]);
  });

  test('CHA-166 CHA-167 the assessment is not overdue on the seventh day, and is on the eighth', () => {
    const n = record({ id: 'a', receivedOn: '2026-01-28', incidentDate: '2026-01-28', assignedInspector: 'A. Inspector' });
    expect(overdueNotifications([n], '2026-02-04')).toEqual([]);
    expect(overdueNotifications([n], '2026-02-05')).toEqual([
      {
        notificationId: 'a',
        homeUrn: 'SC123456',
        deadline: 'ASSESSMENT',
        dueOn: '2026-02-04',
        ruleId: 'CHA-166',
        assignedInspector: 'A. Inspector',
      },
    ]);
    expect(overdueNotifications([{ ...n, followedUpOn: '2026-02-04' }], '2026-03-01')).toEqual([]);
  });

  test('CHA-167 the overdue queue shows unassigned notifications, earliest due first, both deadlines of one notification', () => {
    const late = record({ id: 'late', providerCategory: C.SEXUAL_EXPLOITATION, receivedOn: '2026-02-25', incidentDate: '2026-02-25' });
    const earlier = record({ id: 'earlier', receivedOn: '2026-02-20', incidentDate: '2026-02-20', assignedInspector: 'A. Inspector' });
    const queue = overdueNotifications([late, earlier], '2026-03-05');
    expect(queue.map((o) => [o.notificationId, o.deadline, o.dueOn, o.assignedInspector])).toEqual([
      ['late', NotificationDeadline.FAST_TRACK_ACTION, '2026-02-25', null],
      ['earlier', NotificationDeadline.ASSESSMENT, '2026-02-27', 'A. Inspector'],
      ['late', NotificationDeadline.ASSESSMENT, '2026-03-04', null],
    ]);
  });

  test('CHA-176 notifications with no recorded action: no audit-trail entry and no Ofsted action', () => {
    const none = record({ id: 'none' });
    const withAction = record({ id: 'acted', actions: [done(A.CONTACT_PROVIDER)] });
    const withOfstedAction = record({ id: 'summary', ofstedAction: 'Memo read; no action' });
    expect(withoutRecordedAction([none, withAction, withOfstedAction]).map((n) => n.id)).toEqual(['none']);
  });

  test('CHA-175 the six-month window ending 31 August runs from 1 March; ending 15 September, from 16 March', () => {
    expect(sixMonthWindow('2026-08-31')).toEqual({ from: '2026-03-01', to: '2026-08-31' });
    expect(sixMonthWindow('2026-09-15')).toEqual({ from: '2026-03-16', to: '2026-09-15' });
  });

  test('CHA-175 counts per category with dates; a notification exactly six months before the end is outside the window', () => {
    const at = (
      id: string,
      receivedOn: LocalDate,
      providerCategory: NotificationCategory,
      confirmedCategory: NotificationCategory | null = null,
    ) => record({ id, receivedOn, incidentDate: receivedOn, providerCategory, confirmedCategory });
    const counts = categoryCounts(
      [
        at('six-months-before', '2026-03-15', C.SERIOUS_EVENT),
        at('first-day', '2026-03-16', C.SERIOUS_EVENT),
        at('last-day', '2026-09-15', C.SERIOUS_EVENT),
        at('after', '2026-09-16', C.SERIOUS_EVENT),
        at('corrected', '2026-05-01', C.SERIOUS_EVENT, C.SEXUAL_EXPLOITATION),
      ],
      '2026-09-15',
    );
    expect(counts.from).toBe('2026-03-16');
    expect(counts.rows).toEqual([
      { category: 'DEATH_OF_CHILD', count: 0, receivedOn: [] },
      { category: 'SEXUAL_EXPLOITATION', count: 1, receivedOn: ['2026-05-01'] },
      { category: 'CHILD_PROTECTION_ENQUIRY_INSTIGATED', count: 0, receivedOn: [] },
      { category: 'CHILD_PROTECTION_ENQUIRY_OUTCOME', count: 0, receivedOn: [] },
      { category: 'SERIOUS_EVENT', count: 2, receivedOn: ['2026-03-16', '2026-09-15'] },
    ]);
  });

  test('CHA-172 three notifications from a home in six months prompt an early inspection; two do not', () => {
    const at = (id: string, receivedOn: LocalDate) => record({ id, receivedOn, incidentDate: receivedOn });
    const two = [at('a', '2026-03-16'), at('b', '2026-06-01')];
    expect(growingPictureOfConcern(two, '2026-09-15')).toEqual({ count: 2, considerEarlyInspection: false, ruleId: 'CHA-172' });
    expect(growingPictureOfConcern([...two, at('c', '2026-03-15')], '2026-09-15').considerEarlyInspection).toBe(false);
    expect(growingPictureOfConcern([...two, at('c', '2026-09-15')], '2026-09-15')).toEqual({
      count: 3,
      considerEarlyInspection: true,
      ruleId: 'CHA-172',
    });
  });

  test('CHA-165 CHA-178 an instigated enquiry with no outcome notification after 28 days is listed for follow-up, not on the 28th day', () => {
    const instigated = record({
      id: 'cp',
      providerCategory: C.CHILD_PROTECTION_ENQUIRY_INSTIGATED,
      receivedOn: '2026-01-31',
      incidentDate: '2026-01-31',
    });
    expect(childProtectionOutcomesOverdue([instigated], '2026-02-28')).toEqual([]);
    expect(childProtectionOutcomesOverdue([instigated], '2026-03-01')).toEqual([
      { instigationNotificationId: 'cp', homeUrn: 'SC123456', outcomeExpectedBy: '2026-02-28', chasedOn: null },
    ]);
    const chased = { ...instigated, actions: [done(A.CHASE_CHILD_PROTECTION_OUTCOME, '2026-03-02')] };
    expect(childProtectionOutcomesOverdue([chased], '2026-03-03')[0].chasedOn).toBe('2026-03-02');
  });

  test('CHA-178 only an outcome notification linked to the instigation concludes it', () => {
    const instigated = record({
      id: 'cp',
      providerCategory: C.CHILD_PROTECTION_ENQUIRY_INSTIGATED,
      receivedOn: '2026-01-31',
      incidentDate: '2026-01-31',
    });
    const outcome = (link: string) =>
      record({
        id: `o-${link}`,
        providerCategory: C.CHILD_PROTECTION_ENQUIRY_OUTCOME,
        incidentDate: '2026-02-20',
        receivedOn: '2026-02-20',
        instigationNotificationId: link,
      });
    expect(childProtectionOutcomesOverdue([instigated, outcome('cp')], '2026-04-01')).toEqual([]);
    expect(childProtectionOutcomesOverdue([instigated, outcome('other')], '2026-04-01').map((a) => a.instigationNotificationId)).toEqual([
      'cp',
    ]);
  });

  test('CHA-165 the reasonable timescale is configurable', () => {
    const instigated = record({
      id: 'cp',
      providerCategory: C.CHILD_PROTECTION_ENQUIRY_INSTIGATED,
      receivedOn: '2026-01-31',
      incidentDate: '2026-01-31',
    });
    const policy = { ...DEFAULT_NOTIFICATION_POLICY, childProtectionOutcomeDays: 14 };
    expect(childProtectionOutcomesOverdue([instigated], '2026-02-14', policy)).toEqual([]);
    expect(childProtectionOutcomesOverdue([instigated], '2026-02-15', policy)[0].outcomeExpectedBy).toBe('2026-02-14');
  });
});

describe('asItStoodOn: the views at a past date', () => {
  const closed = followedUp({
    status: NotificationStatus.CLOSED,
    confirmedCategory: C.SEXUAL_EXPLOITATION,
    ofstedAction: 'Called the manager',
    closedOn: '2026-03-13',
    actions: [done(FollowUpAction.CONTACT_PROVIDER, '2026-03-11'), done(FollowUpAction.OTHER, '2026-03-13')],
  });

  test("CHA-167 CHA-176 before its first step: received, unassigned, nothing recorded, its category the provider's", () => {
    expect(asItStoodOn(closed, '2026-03-09')).toEqual(record());
  });

  test('CHA-167 the day after triage: triaged and assigned, with the category it confirmed, no findings yet', () => {
    const then = asItStoodOn(closed, '2026-03-11');
    expect(then).toMatchObject({
      status: NotificationStatus.TRIAGED,
      confirmedCategory: C.SEXUAL_EXPLOITATION,
      assignedInspector: 'A. Inspector',
      followedUpOn: null,
      findings: null,
      summaryOfReason: null,
      ofstedAction: null,
      closedOn: null,
    });
    expect(then.actions).toEqual([done(FollowUpAction.CONTACT_PROVIDER, '2026-03-11')]);
  });

  test('CHA-176 followed up but not yet closed: the action recorded at closing is not there yet', () => {
    const then = asItStoodOn(closed, '2026-03-12');
    expect(then).toMatchObject({
      status: NotificationStatus.FOLLOWED_UP,
      summaryOfReason: 'Restraint leading to injury',
      ofstedAction: null,
      closedOn: null,
    });
    expect(then.actions).toHaveLength(1);
  });

  test('on and after the day it closed it is as recorded', () => {
    expect(asItStoodOn(closed, '2026-03-13')).toEqual(closed);
    expect(asItStoodOn(closed, '2027-01-01')).toEqual(closed);
  });
});
