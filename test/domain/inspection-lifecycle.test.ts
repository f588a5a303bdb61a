import {
  InspectionStatus,
  LineOfEnquirySource,
  usualOnSiteDays,
  validateEvidenceMayBeRecorded,
  validateFieldworkCompletion,
  validateJudgementsMayBeProposed,
  validateSchedule,
  validateStart,
  whoMayProposeJudgements,
  type FieldworkCompletion,
  type ScheduleDetails,
} from '../../src/domain/inspection-lifecycle';
import { InspectionType } from '../../src/domain/inspection-types';
import { addDays } from '../../src/domain/local-date';
import { SettingType } from '../../src/domain/setting-types';
import type { Violation } from '../../src/domain/rule-violation';
import { expectOnly, expectOnlyRuleViolation } from '../support/violations';

const TODAY = '2026-11-23';
const { FULL_INSPECTION: FULL, INTERIM_INSPECTION: INTERIM, MONITORING_VISIT: MONITORING, ASSURANCE_VISIT: ASSURANCE } = InspectionType;
const { SCHEDULED, ON_SITE, FIELDWORK_COMPLETE } = InspectionStatus;

const STATEMENT_OF_PURPOSE = {
  source: LineOfEnquirySource.STATEMENT_OF_PURPOSE,
  text: 'Does the home care for the children its statement of purpose describes?',
};
const CONCERN = { source: LineOfEnquirySource.CONCERN_OR_COMPLAINT, text: 'A complaint about night-time staffing' };

/** A valid unannounced full inspection of a children's home, scheduled for next week; override one thing per test. */
function schedule(overrides: Partial<ScheduleDetails> = {}): ScheduleDetails {
  return {
    settingType: SettingType.CHILDRENS_HOME,
    registrationDate: '2020-01-06',
    type: FULL,
    scheduledStart: '2026-12-01',
    leadInspector: 'Alex Morgan',
    teamInspectors: ['Priya Shah'],
    linesOfEnquiry: [STATEMENT_OF_PURPOSE, CONCERN],
    noticeGivenOn: null,
    ...overrides,
  };
}

describe('validateSchedule', () => {
  test('a valid schedule has no violations', () => {
    expect(validateSchedule(schedule(), TODAY)).toEqual([]);
  });

  test.each<[SettingType, InspectionType]>([
    [SettingType.CHILDRENS_HOME, FULL],
    [SettingType.CHILDRENS_HOME, INTERIM],
    [SettingType.SECURE_CHILDRENS_HOME, FULL],
    [SettingType.SECURE_CHILDRENS_HOME, INTERIM],
  ])("CH-040 the statement of purpose is a line of enquiry at a %s's %s", (settingType, type) => {
    for (const linesOfEnquiry of [[], [CONCERN]]) {
      expectOnlyRuleViolation(
        validateSchedule(schedule({ settingType, type, linesOfEnquiry }), TODAY),
        'CH-040',
        ['linesOfEnquiry'],
        'statement of purpose is always a line of enquiry',
      );
    }
    expect(validateSchedule(schedule({ settingType, type, linesOfEnquiry: [STATEMENT_OF_PURPOSE] }), TODAY)).toEqual([]);
  });

  test.each<[SettingType, InspectionType]>([
    [SettingType.CHILDRENS_HOME, MONITORING],
    [SettingType.SECURE_CHILDRENS_HOME, MONITORING],
    [SettingType.SECURE_CHILDRENS_HOME, ASSURANCE],
    [SettingType.RESIDENTIAL_FAMILY_CENTRE, FULL],
    [SettingType.ADOPTION_SUPPORT_AGENCY, FULL],
    [SettingType.INDEPENDENT_FOSTERING_AGENCY, FULL],
  ])('CH-040 a %s %s needs no statement-of-purpose line of enquiry', (settingType, type) => {
    expect(validateSchedule(schedule({ settingType, type, linesOfEnquiry: [CONCERN] }), TODAY)).toEqual([]);
    expect(validateSchedule(schedule({ settingType, type, linesOfEnquiry: [] }), TODAY)).toEqual([]);
  });

  test.each<[string, SettingType, InspectionType, string]>([
    ['CH-170', SettingType.RESIDENTIAL_FAMILY_CENTRE, INTERIM, "Interim inspections are for children's homes"],
    ['CH-170', SettingType.ADOPTION_SUPPORT_AGENCY, INTERIM, "Interim inspections are for children's homes"],
    ['CA-052', SettingType.CHILDRENS_HOME, ASSURANCE, "Assurance visits are for secure children's homes only"],
  ])('%s a %s cannot be scheduled a %s', (ruleId, settingType, type, phrase) => {
    expectOnlyRuleViolation(validateSchedule(schedule({ settingType, type }), TODAY), ruleId, ['type'], phrase);
  });

  test.each(['', '   '])('a lead inspector is required (%p)', (leadInspector) => {
    expectOnly(validateSchedule(schedule({ leadInspector }), TODAY), 'BAD_USER_INPUT', ['leadInspector'], 'Name the lead inspector');
  });

  test('team inspectors are optional, but each needs a name', () => {
    expect(validateSchedule(schedule({ teamInspectors: [] }), TODAY)).toEqual([]);
    expectOnly(
      validateSchedule(schedule({ teamInspectors: ['Priya Shah', ' '] }), TODAY),
      'BAD_USER_INPUT',
      ['teamInspectors', '1'],
      'needs a name',
    );
  });

  test('each line of enquiry is described', () => {
    expectOnly(
      validateSchedule(schedule({ linesOfEnquiry: [{ source: LineOfEnquirySource.STATEMENT_OF_PURPOSE, text: ' ' }] }), TODAY),
      'BAD_USER_INPUT',
      ['linesOfEnquiry', '0', 'text'],
      'Describe the line of enquiry',
    );
  });

  test('a scheduled start may be in the future or the past, but must be a calendar date', () => {
    expect(validateSchedule(schedule({ scheduledStart: '2027-03-01' }), TODAY)).toEqual([]);
    expect(validateSchedule(schedule({ scheduledStart: '2026-11-16' }), TODAY)).toEqual([]);
    expectOnly(
      validateSchedule(schedule({ scheduledStart: '2026-02-29' }), TODAY),
      'BAD_USER_INPUT',
      ['scheduledStart'],
      'not a calendar date',
    );
  });

  describe('notice', () => {
    const agency = (overrides: Partial<ScheduleDetails>) =>
      schedule({ settingType: SettingType.ADOPTION_SUPPORT_AGENCY, linesOfEnquiry: [CONCERN], ...overrides });

    test('notice given before or on the first day, and not in the future, is accepted', () => {
      expect(validateSchedule(agency({ scheduledStart: '2026-12-08', noticeGivenOn: '2026-11-23' }), TODAY)).toEqual([]);
      expect(validateSchedule(agency({ scheduledStart: '2026-11-20', noticeGivenOn: '2026-11-20' }), TODAY)).toEqual([]);
    });

    test.each<[string, Partial<ScheduleDetails>, string]>([
      [
        'notice after the first day is rejected',
        { scheduledStart: '2026-11-18', noticeGivenOn: '2026-11-19' },
        'Notice is given on or before the first day',
      ],
      ['notice in the future is rejected', { scheduledStart: '2026-12-08', noticeGivenOn: '2026-11-24' }, 'cannot be in the future'],
      ['notice that is not a calendar date is rejected', { noticeGivenOn: '23/11/2026' }, 'not a calendar date'],
    ])('%s', (_name, overrides, phrase) => {
      expectOnly(validateSchedule(agency(overrides), TODAY), 'BAD_USER_INPUT', ['noticeGivenOn'], phrase);
    });
  });
});

const REGISTERED = '2020-01-06';

describe('validateStart', () => {
  type StartState = Parameters<typeof validateStart>[0];
  /** A scheduled inspection of a setting registered on REGISTERED, given no notice, unless overridden. */
  const scheduled = (overrides: Partial<StartState> = {}): StartState => ({
    status: SCHEDULED,
    noticeGivenOn: null,
    registrationDate: REGISTERED,
    ...overrides,
  });
  /** validateStart with the visit starting on `onSiteStart`, today being TODAY. */
  const startOf = (state: StartState, onSiteStart: string) => validateStart(state, onSiteStart, TODAY);
  const expectBadStart = (violations: Violation[], phrase: string) => expectOnly(violations, 'BAD_USER_INPUT', ['onSiteStart'], phrase);

  test.each([ON_SITE, FIELDWORK_COMPLETE])('an inspection that is %s cannot start again: CONFLICT', (status) => {
    expectOnly(startOf({ ...scheduled(), status }, TODAY), 'CONFLICT', ['inspectionId'], 'already started');
  });

  test('a scheduled inspection starts today or on a past day', () => {
    expect(startOf(scheduled(), TODAY)).toEqual([]);
    expect(startOf(scheduled(), '2026-11-20')).toEqual([]);
  });

  test('a visit cannot start in the future', () => {
    expectBadStart(startOf(scheduled(), '2026-11-24'), 'cannot be in the future');
  });

  test('a visit cannot start before notice of it was given; on the notice day it can', () => {
    expectBadStart(startOf(scheduled({ noticeGivenOn: '2026-11-20' }), '2026-11-19'), 'cannot start before notice of it was given');
    expect(startOf(scheduled({ noticeGivenOn: '2026-11-20' }), '2026-11-20')).toEqual([]);
  });

  test('a setting cannot be inspected before it was registered', () => {
    expectBadStart(startOf(scheduled({ registrationDate: '2026-11-20' }), '2026-11-19'), 'cannot be inspected before then');
    expectOnly(
      validateSchedule(schedule({ registrationDate: '2026-12-02' }), TODAY),
      'BAD_USER_INPUT',
      ['scheduledStart'],
      'cannot be inspected before then',
    );
  });

  test('a start that is not a calendar date is bad input', () => {
    expectBadStart(startOf(scheduled(), '2026-11-31'), 'not a calendar date');
  });
});

describe('usualOnSiteDays', () => {
  test.each<[InspectionType, SettingType, { days: number; ruleId: string } | null]>([
    [FULL, SettingType.CHILDRENS_HOME, { days: 2, ruleId: 'CH-010' }],
    [FULL, SettingType.SECURE_CHILDRENS_HOME, { days: 2, ruleId: 'CH-010' }],
    [INTERIM, SettingType.CHILDRENS_HOME, { days: 1, ruleId: 'CH-011' }],
    [INTERIM, SettingType.SECURE_CHILDRENS_HOME, { days: 1, ruleId: 'CH-011' }],
    [MONITORING, SettingType.CHILDRENS_HOME, null],
    [MONITORING, SettingType.SECURE_CHILDRENS_HOME, null],
    [ASSURANCE, SettingType.SECURE_CHILDRENS_HOME, { days: 3, ruleId: 'CA-057' }],
    [FULL, SettingType.RESIDENTIAL_FAMILY_CENTRE, { days: 3, ruleId: 'RFC-045' }],
    [MONITORING, SettingType.RESIDENTIAL_FAMILY_CENTRE, null],
    [FULL, SettingType.ADOPTION_SUPPORT_AGENCY, { days: 3, ruleId: 'ASA-049' }],
    [MONITORING, SettingType.ADOPTION_SUPPORT_AGENCY, null],
    [FULL, SettingType.INDEPENDENT_FOSTERING_AGENCY, null],
    [FULL, SettingType.BOARDING_SCHOOL, null],
  ])('a %s of a %s usually lasts at most %o', (type, settingType, expected) => {
    expect(usualOnSiteDays(type, settingType)).toEqual(expected);
  });
});

describe('validateFieldworkCompletion', () => {
  const START = '2026-11-17'; // a Tuesday
  const onSite = (type: InspectionType = FULL, settingType: SettingType = SettingType.CHILDRENS_HOME) => ({
    status: ON_SITE,
    type,
    settingType,
    onSiteStart: START,
  });
  /** Fieldwork of `days` calendar days on site (counting the first), with feedback on the last. */
  const completion = (days: number, overrides: Partial<FieldworkCompletion> = {}): FieldworkCompletion => {
    const end = addDays(START, days - 1);
    return { onSiteEnd: end, feedbackDate: end, extendedOnSiteReason: null, ...overrides };
  };

  test.each([SCHEDULED, FIELDWORK_COMPLETE])('fieldwork of an inspection that is %s cannot be completed: CONFLICT', (status) => {
    expectOnly(
      validateFieldworkCompletion({ ...onSite(), status }, completion(2), TODAY),
      'CONFLICT',
      ['inspectionId'],
      'Fieldwork can be completed only while on site',
    );
  });

  test('an on-site inspection with no recorded start cannot be completed: CONFLICT', () => {
    expectOnly(
      validateFieldworkCompletion({ ...onSite(), onSiteStart: null }, completion(2), TODAY),
      'CONFLICT',
      ['inspectionId'],
      'only while on site',
    );
  });

  test('CH-024 feedback before the last day on site is rejected', () => {
    expectOnlyRuleViolation(
      validateFieldworkCompletion(onSite(), completion(2, { feedbackDate: START }), TODAY),
      'CH-024',
      ['feedbackDate'],
      'the feedback date cannot be before the last day on site',
    );
  });

  test('CH-024 feedback on the last day on site, or later (delayed to take advice), is accepted', () => {
    expect(validateFieldworkCompletion(onSite(), completion(2), TODAY)).toEqual([]);
    expect(validateFieldworkCompletion(onSite(), completion(2, { feedbackDate: '2026-11-20' }), TODAY)).toEqual([]);
  });

  test('the visit cannot end before it started', () => {
    const violations = validateFieldworkCompletion(
      onSite(),
      { onSiteEnd: '2026-11-16', feedbackDate: '2026-11-16', extendedOnSiteReason: null },
      TODAY,
    );
    expectOnly(violations, 'BAD_USER_INPUT', ['onSiteEnd'], 'cannot end before it started');
  });

  test('the end and the feedback cannot be in the future', () => {
    expectOnly(
      validateFieldworkCompletion(onSite(), { onSiteEnd: TODAY, feedbackDate: '2026-11-24', extendedOnSiteReason: null }, TODAY),
      'BAD_USER_INPUT',
      ['feedbackDate'],
      'cannot be in the future',
    );
    const both = validateFieldworkCompletion(
      onSite(),
      { onSiteEnd: '2026-11-24', feedbackDate: '2026-11-24', extendedOnSiteReason: null },
      TODAY,
    );
    expect(both.map((v) => [v.code, v.field])).toEqual([
      ['BAD_USER_INPUT', ['onSiteEnd']],
      ['BAD_USER_INPUT', ['feedbackDate']],
    ]);
  });

  describe.each<[string, InspectionType, SettingType, number]>([
    ['CH-010', FULL, SettingType.CHILDRENS_HOME, 2],
    ['CH-010', FULL, SettingType.SECURE_CHILDRENS_HOME, 2],
    ['CH-011', INTERIM, SettingType.CHILDRENS_HOME, 1],
    ['CH-011', INTERIM, SettingType.SECURE_CHILDRENS_HOME, 1],
    ['RFC-045', FULL, SettingType.RESIDENTIAL_FAMILY_CENTRE, 3],
    ['ASA-049', FULL, SettingType.ADOPTION_SUPPORT_AGENCY, 3],
    ['CA-057', ASSURANCE, SettingType.SECURE_CHILDRENS_HOME, 3],
  ])('%s: a %s of a %s (usually at most %d days on site)', (ruleId, type, settingType, usual) => {
    test(`${ruleId} ${usual} day(s) on site, or fewer, need no reason`, () => {
      for (let days = 1; days <= usual; days += 1) {
        expect(validateFieldworkCompletion(onSite(type, settingType), completion(days), TODAY)).toEqual([]);
      }
    });

    test(`${ruleId} ${usual + 1} days on site need extendedOnSiteReason`, () => {
      for (const extendedOnSiteReason of [null, '', '  ']) {
        expectOnlyRuleViolation(
          validateFieldworkCompletion(onSite(type, settingType), completion(usual + 1, { extendedOnSiteReason }), TODAY),
          ruleId,
          ['extendedOnSiteReason'],
          `${usual + 1} days on site is longer than the usual ${usual}: record why`,
        );
      }
    });

    test(`${ruleId} ${usual + 1} days on site with a reason are accepted`, () => {
      const reason = 'The regulatory inspection manager agreed an extra day: a serious incident during the visit';
      expect(
        validateFieldworkCompletion(onSite(type, settingType), completion(usual + 1, { extendedOnSiteReason: reason }), TODAY),
      ).toEqual([]);
    });
  });

  test("CH-010 a 3-day full inspection of a children's home needs extendedOnSiteReason; 2 days do not", () => {
    expectOnlyRuleViolation(
      validateFieldworkCompletion(onSite(), completion(3), TODAY),
      'CH-010',
      ['extendedOnSiteReason'],
      'longer than the usual 2',
    );
    expect(validateFieldworkCompletion(onSite(), completion(2), TODAY)).toEqual([]);
  });

  test.each<[InspectionType, SettingType]>([
    [MONITORING, SettingType.CHILDRENS_HOME],
    [MONITORING, SettingType.SECURE_CHILDRENS_HOME],
    [MONITORING, SettingType.RESIDENTIAL_FAMILY_CENTRE],
    [MONITORING, SettingType.ADOPTION_SUPPORT_AGENCY],
    [FULL, SettingType.INDEPENDENT_FOSTERING_AGENCY],
  ])('CH-034 a %s of a %s has no usual limit on days on site', (type, settingType) => {
    expect(validateFieldworkCompletion(onSite(type, settingType), completion(5), TODAY)).toEqual([]);
  });
});

describe('whoMayProposeJudgements', () => {
  test('CH-246 a change to judgements already proposed, in quality assurance, is for the managers to decide', () => {
    expect(whoMayProposeJudgements(InspectionStatus.DRAFT_IN_QUALITY_ASSURANCE, true)).toBe('DECIDE');
  });

  test('CH-246 the first proposal, or any before quality assurance, is for those who record the inspection', () => {
    expect(whoMayProposeJudgements(InspectionStatus.DRAFT_IN_QUALITY_ASSURANCE, false)).toBe('RECORD');
    expect(whoMayProposeJudgements(FIELDWORK_COMPLETE, true)).toBe('RECORD');
  });
});

describe('validateJudgementsMayBeProposed', () => {
  test('CH-163 judgements may be proposed once fieldwork is complete', () => {
    expect(validateJudgementsMayBeProposed(FIELDWORK_COMPLETE)).toEqual([]);
  });

  test.each([SCHEDULED, ON_SITE])('CH-163 judgements may not be proposed while the inspection is %s', (status) => {
    expectOnlyRuleViolation(validateJudgementsMayBeProposed(status), 'CH-163', ['inspectionId'], 'Judgements are proposed at feedback');
  });

  test('CH-247 judgements may still be proposed or changed while the draft report is in quality assurance', () => {
    expect(validateJudgementsMayBeProposed(InspectionStatus.DRAFT_IN_QUALITY_ASSURANCE)).toEqual([]);
  });

  test.each([
    InspectionStatus.DRAFT_SENT_TO_PROVIDER,
    InspectionStatus.PROVIDER_COMMENTS_RECEIVED,
    InspectionStatus.UNDER_COMPLAINT,
    InspectionStatus.FINAL_REPORT_ISSUED,
    InspectionStatus.PUBLISHED,
    InspectionStatus.NOT_PUBLISHED,
  ])('CH-247 judgements may not be proposed or changed once the draft report has gone to the provider (%s)', (status) => {
    expectOnlyRuleViolation(
      validateJudgementsMayBeProposed(status),
      'CH-247',
      ['inspectionId'],
      'The draft report has gone to the provider: judgements can no longer change',
    );
  });
});

describe('validateEvidenceMayBeRecorded', () => {
  test.each([ON_SITE, FIELDWORK_COMPLETE])(
    'evidence may be recorded while the inspection is %s and the draft has not gone out',
    (status) => {
      expect(validateEvidenceMayBeRecorded(status, false)).toEqual([]);
    },
  );

  test('evidence may not be recorded before the inspection has started: CONFLICT', () => {
    expectOnly(validateEvidenceMayBeRecorded(SCHEDULED, false), 'CONFLICT', ['inspectionId'], 'once the inspection has started');
  });

  test.each([ON_SITE, FIELDWORK_COMPLETE])('evidence may not be recorded once the draft report has gone out (%s): CONFLICT', (status) => {
    expectOnly(validateEvidenceMayBeRecorded(status, true), 'CONFLICT', ['inspectionId'], 'the evidence base is closed');
  });
});
