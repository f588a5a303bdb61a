/**
 * The rules of the inspection framework, end to end over HTTP: for each rule the API enforces,
 * the request that breaks it is refused with the right userErrors entry (code, ruleId, field path,
 * a message that says what is wrong) and the matching request that keeps it is accepted.
 *
 * The clock stands at 2026-11-23 (a Monday); inspections are dated before it. Every test
 * registers its own settings, so the tests do not depend on one another.
 */
import {
  AddLineOfEnquiryDocument,
  ChangeRegisteredManagerDocument,
  CheckRecommendationDocument,
  CheckRequirementDocument,
  CompleteFieldworkDocument,
  EvaluationCriteriaDocument,
  InspectionRecordDocument,
  ProposeFullInspectionJudgementsDocument,
  ProposeInterimJudgementDocument,
  ProviderVacanciesDocument,
  RecordAssuranceVisitOutcomeDocument,
  RecordEvidenceDocument,
  RecordMonitoringVisitOutcomeDocument,
  RecordNoJudgementInterimDocument,
  RecordRecommendationDocument,
  RecordRequirementDocument,
  RegisterProviderDocument,
  ScheduleInspectionDocument,
  ServeComplianceNoticeDocument,
  StartInspectionDocument,
  type CompleteFieldworkInput,
  type NewJudgementConditionsInput,
  type ProposeFullInspectionJudgementsInput,
  type ProposeInterimJudgementInput,
  type RecordEvidenceInput,
  type RecordMonitoringVisitOutcomeInput,
  type RecordNoJudgementInterimInput,
  type RecordRecommendationInput,
  type RecordRequirementInput,
  type RegisterProviderInput,
  type ScheduleInspectionInput,
  type ServeComplianceNoticeInput,
} from '../generated/graphql';
import { TEST_NOW, startTestApp, type TestApp } from '../support/app';
import { registerProvider, registrationInput } from '../support/fixtures';
import { completeFieldwork, evidenceInput, inspectionAtFeedback, recordEvidence, schedule, scheduleInput, start } from '../support/inspections';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

// -------------------------------------------------------------------------------------------------
// Expected userErrors entries

/** The userErrors entry of a broken rule: RULE_VIOLATION, the rule's ID, the input field, and a message naming the rule. */
function broke(ruleId: string, field: string[], message: RegExp) {
  return expect.objectContaining({
    code: 'RULE_VIOLATION',
    ruleId,
    field: ['input', ...field],
    message: expect.stringMatching(new RegExp(`${message.source}[\\s\\S]*\\(${ruleId}\\)$`, message.flags)),
  });
}

/** The userErrors entry of a problem that is not a rule of the framework. */
function problem(code: 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND', field: string[], message: RegExp) {
  return expect.objectContaining({ code, ruleId: null, field: ['input', ...field], message: expect.stringMatching(message) });
}

// -------------------------------------------------------------------------------------------------
// Drivers: each returns the mutation's payload so that a test can look at its userErrors

const SECURE_HOME: Partial<RegisterProviderInput> = { settingType: 'SECURE_CHILDRENS_HOME', places: 12, name: 'Hollins Park' };
const FAMILY_CENTRE: Partial<RegisterProviderInput> = { settingType: 'RESIDENTIAL_FAMILY_CENTRE', name: 'Brook Family Centre' };
const AGENCY: Partial<RegisterProviderInput> = { settingType: 'ADOPTION_SUPPORT_AGENCY', name: 'Bridges Adoption Support', places: null };
const SINGLE_PERSON_AGENCY: Partial<RegisterProviderInput> = {
  ...AGENCY,
  registeredProvider: { kind: 'INDIVIDUAL', name: 'Helen Marsh', address: { line1: '3 Oak Road', town: 'Manchester', postcode: 'M14 5TP' } },
  responsibleIndividual: null,
  singlePersonAgency: true,
};

async function scheduleInspection(providerId: string, overrides: Partial<ScheduleInspectionInput> = {}) {
  const { data } = await api.gql(ScheduleInspectionDocument, { input: scheduleInput(providerId, overrides) });
  return data!.scheduleInspection;
}

async function startInspection(inspectionId: string, onSiteStart: string, extra: { noticeGivenOn?: string; noticeReason?: string } = {}) {
  const { data } = await api.gql(StartInspectionDocument, { input: { inspectionId, onSiteStart, ...extra } });
  return data!.startInspection;
}

async function finishFieldwork(inspectionId: string, input: Omit<CompleteFieldworkInput, 'inspectionId'>) {
  const { data } = await api.gql(CompleteFieldworkDocument, { input: { inspectionId, ...input } });
  return data!.completeFieldwork;
}

async function proposeFull(inspectionId: string, input: Partial<Omit<ProposeFullInspectionJudgementsInput, 'inspectionId'>> = {}) {
  const { data } = await api.gql(ProposeFullInspectionJudgementsDocument, {
    input: { inspectionId, overallExperiencesAndProgress: 'GOOD', helpedAndProtected: 'GOOD', leadersAndManagers: 'GOOD', ...input },
  });
  return data!.proposeFullInspectionJudgements;
}

async function proposeInterim(inspectionId: string, input: Omit<ProposeInterimJudgementInput, 'inspectionId'>) {
  const { data } = await api.gql(ProposeInterimJudgementDocument, { input: { inspectionId, ...input } });
  return data!.proposeInterimJudgement;
}

async function recordNoJudgement(inspectionId: string, input: Omit<RecordNoJudgementInterimInput, 'inspectionId'>) {
  const { data } = await api.gql(RecordNoJudgementInterimDocument, { input: { inspectionId, ...input } });
  return data!.recordNoJudgementInterim;
}

async function recordMonitoring(inspectionId: string, input: Partial<Omit<RecordMonitoringVisitOutcomeInput, 'inspectionId'>> = {}) {
  const { data } = await api.gql(RecordMonitoringVisitOutcomeDocument, {
    input: { inspectionId, progressSummary: 'The home has acted on the concerns found at the last inspection.', ...input },
  });
  return data!.recordMonitoringVisitOutcome;
}

async function recordAssurance(inspectionId: string, seriousOrWidespreadConcerns: boolean, concerns?: string | null) {
  const { data } = await api.gql(RecordAssuranceVisitOutcomeDocument, { input: { inspectionId, seriousOrWidespreadConcerns, concerns } });
  return data!.recordAssuranceVisitOutcome;
}

async function tryEvidence(inspectionId: string, overrides: Partial<RecordEvidenceInput> = {}) {
  const { data } = await api.gql(RecordEvidenceDocument, { input: evidenceInput(inspectionId, overrides) });
  return data!.recordEvidence;
}

function requirementInput(inspectionId: string, evidenceIds: string[], overrides: Partial<RecordRequirementInput> = {}): RecordRequirementInput {
  return {
    inspectionId,
    regulation: 'Regulation 12 (the protection of children standard)',
    action: 'Ensure that night-time checks are carried out and recorded.',
    dueDate: '2026-12-31',
    impactStatement: 'Staff cannot show that children were safe overnight.',
    evidenceIds,
    ...overrides,
  };
}

async function recordRequirement(inspectionId: string, evidenceIds: string[], overrides: Partial<RecordRequirementInput> = {}) {
  const { data } = await api.gql(RecordRequirementDocument, { input: requirementInput(inspectionId, evidenceIds, overrides) });
  return data!.recordRequirement;
}

async function recordRecommendation(inspectionId: string, evidenceIds: string[], overrides: Partial<RecordRecommendationInput> = {}) {
  const { data } = await api.gql(RecordRecommendationDocument, {
    input: {
      inspectionId,
      reference: "Guide to the children's homes regulations, page 41, paragraph 9.5",
      action: 'Review the recording of night-time checks.',
      evidenceIds,
      ...overrides,
    },
  });
  return data!.recordRecommendation;
}

async function serveNotice(inspectionId: string, overrides: Partial<ServeComplianceNoticeInput> = {}) {
  const { data } = await api.gql(ServeComplianceNoticeDocument, {
    input: {
      inspectionId,
      ground: 'PROMOTE_WELFARE_OR_RISK_OF_HARM',
      servedOn: '2026-11-12',
      actions: [{ regulation: 'Regulation 12', action: 'Carry out and record night-time checks.', completionDate: '2026-12-12' }],
      ...overrides,
    },
  });
  return data!.serveComplianceNotice;
}

async function checkRequirement(requirementId: string, inspectionId: string, outcome: 'MET' | 'NOT_MET' = 'MET') {
  const { data } = await api.gql(CheckRequirementDocument, { input: { requirementId, inspectionId, outcome } });
  return data!.checkRequirement;
}

async function leaveManager(providerId: string, effectiveDate: string) {
  const { data } = await api.gql(ChangeRegisteredManagerDocument, { input: { providerId, effectiveDate, newManager: null } });
  expect(data!.changeRegisteredManager.userErrors).toEqual([]);
}

/** The inspection as stored, read back through `node`. */
async function reread(id: string) {
  const { data } = await api.gql(InspectionRecordDocument, { id, evidenceFirst: 50 });
  const node = data!.node;
  if (!node || !('judgementHistory' in node)) throw new Error(`${id} is not an inspection`);
  return node;
}

function ok<T extends { userErrors: unknown[] }>(payload: T): T {
  expect(payload.userErrors).toEqual([]);
  return payload;
}

/** A full inspection at feedback with its judgements proposed (GOOD throughout unless told otherwise). */
async function judgedFullInspection(
  providerId: string,
  on: string,
  grades: Partial<Omit<ProposeFullInspectionJudgementsInput, 'inspectionId'>> = {},
) {
  const inspection = await inspectionAtFeedback(api, providerId, { start: on });
  ok(await proposeFull(inspection.id, grades));
  return inspection;
}

const ALL_CONDITIONS: NewJudgementConditionsInput = {
  situationMadeSafe: true,
  leadersActingAppropriately: true,
  rimAgreesConcernsDiscrete: true,
  wouldOtherwiseHaveHigherJudgement: true,
  goodTrackRecordNoLeadershipOrProtectionConcerns: true,
  canBeRectifiedQuickly: true,
};

// =================================================================================================

describe('inspection types and the settings they apply to', () => {
  test.each<[string, Partial<RegisterProviderInput>, RegExp]>([
    ['RESIDENTIAL_FAMILY_CENTRE', FAMILY_CENTRE, /not a residential family centre/],
    ['ADOPTION_SUPPORT_AGENCY', AGENCY, /not a adoption support agency|not an adoption support agency/],
  ])('CH-170 an interim inspection cannot be scheduled for a %s', async (_, setting, message) => {
    const provider = await registerProvider(api, setting);
    const payload = await scheduleInspection(provider.id, { type: 'INTERIM_INSPECTION' });
    expect(payload.inspection).toBeNull();
    expect(payload.userErrors).toEqual([broke('CH-170', ['type'], message)]);
  });

  test.each<[string, Partial<RegisterProviderInput>]>([
    ['CHILDRENS_HOME', {}],
    ['SECURE_CHILDRENS_HOME', SECURE_HOME],
  ])('CH-170 an interim inspection is scheduled for a %s', async (_, setting) => {
    const provider = await registerProvider(api, setting);
    const payload = ok(await scheduleInspection(provider.id, { type: 'INTERIM_INSPECTION' }));
    expect(payload.inspection).toMatchObject({ type: 'INTERIM_INSPECTION', status: 'SCHEDULED', provider: { id: provider.id } });
  });

  test.each<[string, Partial<RegisterProviderInput>]>([
    ['CHILDRENS_HOME', {}],
    ['RESIDENTIAL_FAMILY_CENTRE', FAMILY_CENTRE],
    ['ADOPTION_SUPPORT_AGENCY', AGENCY],
  ])('CA-052 an assurance visit cannot be scheduled for a %s', async (_, setting) => {
    const provider = await registerProvider(api, setting);
    const payload = await scheduleInspection(provider.id, { type: 'ASSURANCE_VISIT' });
    expect(payload.inspection).toBeNull();
    expect(payload.userErrors).toEqual([broke('CA-052', ['type'], /secure children's homes only/)]);
  });

  test('CA-052 an assurance visit is scheduled for a secure children\'s home', async () => {
    const provider = await registerProvider(api, SECURE_HOME);
    expect(provider).toMatchObject({ settingType: 'SECURE_CHILDRENS_HOME', places: 12 });
    const payload = ok(await scheduleInspection(provider.id, { type: 'ASSURANCE_VISIT' }));
    expect(payload.inspection).toMatchObject({
      type: 'ASSURANCE_VISIT',
      status: 'SCHEDULED',
      notice: { rule: 'ANNOUNCED_ON_FIRST_DAY', ruleId: 'CA-058', breach: false },
    });
  });

  test.each<[string, Partial<RegisterProviderInput>]>([
    ['RESIDENTIAL_FAMILY_CENTRE', FAMILY_CENTRE],
    ['ADOPTION_SUPPORT_AGENCY', AGENCY],
  ])('full inspections and monitoring visits apply to a %s', async (_, setting) => {
    const provider = await registerProvider(api, setting);
    ok(await scheduleInspection(provider.id, { type: 'FULL_INSPECTION' }));
    ok(await scheduleInspection(provider.id, { type: 'MONITORING_VISIT', linesOfEnquiry: [] }));
  });
});

describe('CH-040 the statement of purpose is always a line of enquiry', () => {
  const concernOnly = [{ source: 'CONCERN_OR_COMPLAINT' as const, text: 'A complaint about night-time staffing' }];

  test.each<[string, Partial<RegisterProviderInput>, 'FULL_INSPECTION' | 'INTERIM_INSPECTION']>([
    ["children's home full", {}, 'FULL_INSPECTION'],
    ["children's home interim", {}, 'INTERIM_INSPECTION'],
    ["secure children's home full", SECURE_HOME, 'FULL_INSPECTION'],
  ])('CH-040 a %s inspection without a STATEMENT_OF_PURPOSE line of enquiry is refused', async (_, setting, type) => {
    const provider = await registerProvider(api, setting);
    const payload = await scheduleInspection(provider.id, { type, linesOfEnquiry: concernOnly });
    expect(payload.inspection).toBeNull();
    expect(payload.userErrors).toEqual([broke('CH-040', ['linesOfEnquiry'], /statement of purpose is always a line of enquiry/)]);
  });

  test('CH-040 a children\'s home full inspection with no lines of enquiry at all is refused', async () => {
    const provider = await registerProvider(api);
    const payload = await scheduleInspection(provider.id, { linesOfEnquiry: null });
    expect(payload.userErrors).toEqual([broke('CH-040', ['linesOfEnquiry'], /statement of purpose/)]);
  });

  test('CH-040 a children\'s home full inspection with a statement of purpose line of enquiry is scheduled', async () => {
    const provider = await registerProvider(api);
    const payload = ok(
      await scheduleInspection(provider.id, {
        linesOfEnquiry: [...concernOnly, { source: 'STATEMENT_OF_PURPOSE', text: 'Does the home do what it says?' }],
      }),
    );
    expect(payload.inspection?.linesOfEnquiry).toEqual([
      { source: 'CONCERN_OR_COMPLAINT', text: 'A complaint about night-time staffing' },
      { source: 'STATEMENT_OF_PURPOSE', text: 'Does the home do what it says?' },
    ]);
  });

  test('CH-040 a children\'s home monitoring visit needs no statement of purpose line of enquiry', async () => {
    const provider = await registerProvider(api);
    ok(await scheduleInspection(provider.id, { type: 'MONITORING_VISIT', linesOfEnquiry: concernOnly }));
  });

  test('CH-040 does not bind a residential family centre (the SCCIF does not say "always")', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    ok(await scheduleInspection(provider.id, { linesOfEnquiry: concernOnly }));
  });
});

describe('notice (inspection.notice): a breach is flagged, not refused', () => {
  test('CH-004 notice given to a children\'s home is flagged as a breach, and the inspection is still scheduled', async () => {
    const provider = await registerProvider(api);
    const payload = ok(await scheduleInspection(provider.id, { noticeGivenOn: '2026-11-05' }));
    expect(payload.inspection).toMatchObject({
      status: 'SCHEDULED',
      noticeGivenOn: '2026-11-05',
      notice: { rule: 'UNANNOUNCED', ruleId: 'CH-004', breach: true, explanation: expect.stringMatching(/2026-11-05.*unannounced/) },
    });
  });

  test('CH-004 an unannounced children\'s home inspection is no breach', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    expect(inspection.notice).toMatchObject({ rule: 'UNANNOUNCED', ruleId: 'CH-004', workingDaysGiven: null, breach: false });
  });

  test('CH-004 notice recorded when the inspection starts is flagged too', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    const started = ok(await startInspection(scheduled.id, '2026-11-10', { noticeGivenOn: '2026-11-09' }));
    expect(started.inspection?.notice).toMatchObject({ ruleId: 'CH-004', breach: true, workingDaysGiven: 1 });
  });

  test('RFC-047 notice given to a residential family centre is flagged as a breach; none is no breach', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    const announced = ok(await scheduleInspection(provider.id, { noticeGivenOn: '2026-11-02' }));
    expect(announced.inspection?.notice).toMatchObject({ rule: 'UNANNOUNCED', ruleId: 'RFC-047', breach: true });
    const unannounced = ok(await scheduleInspection(provider.id, { scheduledStart: '2026-11-17' }));
    expect(unannounced.inspection?.notice).toMatchObject({ rule: 'UNANNOUNCED', ruleId: 'RFC-047', breach: false });
  });

  test('ASA-043 an adoption support agency gets 10 working days\' notice: 10 is enough, 9 is a breach', async () => {
    const provider = await registerProvider(api, AGENCY);
    // 2026-10-27 is 10 working days before Tuesday 2026-11-10; 2026-10-28 is 9.
    const enough = ok(await scheduleInspection(provider.id, { noticeGivenOn: '2026-10-27' }));
    expect(enough.inspection?.notice).toMatchObject({ rule: 'WORKING_DAYS_NOTICE', ruleId: 'ASA-043', workingDays: 10, workingDaysGiven: 10, breach: false });
    const short = ok(await scheduleInspection(provider.id, { noticeGivenOn: '2026-10-28' }));
    expect(short.inspection?.notice).toMatchObject({
      ruleId: 'ASA-043',
      workingDays: 10,
      workingDaysGiven: 9,
      breach: true,
      explanation: expect.stringMatching(/Only 9 working days/),
    });
  });

  test('ASA-043 a single-person agency gets 20 working days\' notice: 10 is a breach, 20 is enough', async () => {
    const provider = await registerProvider(api, SINGLE_PERSON_AGENCY);
    expect(provider).toMatchObject({ singlePersonAgency: true, registeredProvider: { kind: 'INDIVIDUAL' }, responsibleIndividual: null, places: null });
    const ten = ok(await scheduleInspection(provider.id, { noticeGivenOn: '2026-10-27' }));
    expect(ten.inspection?.notice).toMatchObject({ ruleId: 'ASA-043', workingDays: 20, workingDaysGiven: 10, breach: true });
    const twenty = ok(await scheduleInspection(provider.id, { noticeGivenOn: '2026-10-13' }));
    expect(twenty.inspection?.notice).toMatchObject({ ruleId: 'ASA-043', workingDays: 20, workingDaysGiven: 20, breach: false });
  });

  test('ASA-043 notice is counted to the first day on site, not the planned one', async () => {
    const provider = await registerProvider(api, AGENCY);
    const scheduled = await schedule(api, provider.id, { noticeGivenOn: '2026-10-27' });
    expect(scheduled.notice).toMatchObject({ workingDaysGiven: 10, breach: false });
    const started = ok(await startInspection(scheduled.id, '2026-11-09'));
    expect(started.inspection?.notice).toMatchObject({ workingDaysGiven: 9, breach: true });
  });

  test('ASA-043 an agency inspection with no notice recorded is flagged', async () => {
    const provider = await registerProvider(api, AGENCY);
    const payload = ok(await scheduleInspection(provider.id));
    expect(payload.inspection?.notice).toMatchObject({ ruleId: 'ASA-043', workingDaysGiven: null, breach: true, explanation: expect.stringMatching(/No notice/) });
  });

  test('ASA-043 an organisation cannot be registered as a single-person agency', async () => {
    const { data } = await api.gql(RegisterProviderDocument, { input: registrationInput({ ...AGENCY, singlePersonAgency: true }) });
    expect(data!.registerProvider.userErrors).toEqual([broke('ASA-043', ['singlePersonAgency'], /individual registered provider/)]);
  });

  test('CH-195 a monitoring visit announced without a notice reason is a breach; with a reason it is not', async () => {
    const provider = await registerProvider(api);
    const withoutReason = ok(await scheduleInspection(provider.id, { type: 'MONITORING_VISIT', noticeGivenOn: '2026-11-06' }));
    expect(withoutReason.inspection?.notice).toMatchObject({
      rule: 'USUALLY_UNANNOUNCED',
      ruleId: 'CH-195',
      breach: true,
      explanation: expect.stringMatching(/without a recorded reason/),
    });
    const withReason = ok(
      await scheduleInspection(provider.id, {
        type: 'MONITORING_VISIT',
        noticeGivenOn: '2026-11-06',
        noticeReason: 'The case review decided the manager must be present',
      }),
    );
    expect(withReason.inspection).toMatchObject({
      noticeReason: 'The case review decided the manager must be present',
      notice: { ruleId: 'CH-195', breach: false, explanation: expect.stringMatching(/manager must be present/) },
    });
    const unannounced = ok(await scheduleInspection(provider.id, { type: 'MONITORING_VISIT' }));
    expect(unannounced.inspection?.notice).toMatchObject({ ruleId: 'CH-195', breach: false });
  });

  test('RFC-095 / ASA-113 the monitoring notice rule is the setting\'s own', async () => {
    const centre = await registerProvider(api, FAMILY_CENTRE);
    const agency = await registerProvider(api, AGENCY);
    const rfc = ok(await scheduleInspection(centre.id, { type: 'MONITORING_VISIT', noticeGivenOn: '2026-11-06' }));
    expect(rfc.inspection?.notice).toMatchObject({ ruleId: 'RFC-095', breach: true });
    const asa = ok(await scheduleInspection(agency.id, { type: 'MONITORING_VISIT', noticeGivenOn: '2026-11-06', noticeReason: 'Agreed at case review' }));
    expect(asa.inspection?.notice).toMatchObject({ ruleId: 'ASA-113', breach: false });
  });

  test('CA-058 an assurance visit announced on its first day is no breach; announced the day before, it is', async () => {
    const provider = await registerProvider(api, SECURE_HOME);
    const lines = [{ source: 'PREVIOUS_INSPECTION' as const, text: 'Progress since the last inspection' }];
    const onTheDay = await schedule(api, provider.id, { type: 'ASSURANCE_VISIT', linesOfEnquiry: lines });
    const started = ok(await startInspection(onTheDay.id, '2026-11-10', { noticeGivenOn: '2026-11-10' }));
    expect(started.inspection).toMatchObject({
      status: 'ON_SITE',
      noticeGivenOn: '2026-11-10',
      notice: { rule: 'ANNOUNCED_ON_FIRST_DAY', ruleId: 'CA-058', workingDaysGiven: 0, breach: false, explanation: 'Announced on its first day' },
    });
    const dayBefore = await schedule(api, provider.id, { type: 'ASSURANCE_VISIT', scheduledStart: '2026-11-17', linesOfEnquiry: lines });
    const early = ok(await startInspection(dayBefore.id, '2026-11-17', { noticeGivenOn: '2026-11-16' }));
    expect(early.inspection?.notice).toMatchObject({ ruleId: 'CA-058', breach: true });
  });

  test('notice cannot be dated after the planned first day, nor in the future', async () => {
    const provider = await registerProvider(api, AGENCY);
    const after = await scheduleInspection(provider.id, { noticeGivenOn: '2026-11-11' });
    expect(after.userErrors).toEqual([problem('BAD_USER_INPUT', ['noticeGivenOn'], /on or before the first day/)]);
    const future = await scheduleInspection(provider.id, { scheduledStart: '2026-12-15', noticeGivenOn: '2026-11-30' });
    expect(future.userErrors).toEqual([problem('BAD_USER_INPUT', ['noticeGivenOn'], /cannot be in the future/)]);
  });
});

describe('the inspection lifecycle', () => {
  test('starting an inspection twice is a CONFLICT', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    ok(await startInspection(scheduled.id, '2026-11-10'));
    const again = await startInspection(scheduled.id, '2026-11-11');
    expect(again.inspection).toBeNull();
    expect(again.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /already started/)]);
    expect((await reread(scheduled.id)).onSiteStart).toBe('2026-11-10');
  });

  test('completing fieldwork before the inspection starts is a CONFLICT; completing it twice too', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    const early = await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-10', feedbackDate: '2026-11-10' });
    expect(early.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /only while on site.*scheduled/)]);
    await start(api, scheduled.id, '2026-11-10');
    ok(await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-10', feedbackDate: '2026-11-10' }));
    const twice = await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-11', feedbackDate: '2026-11-11' });
    expect(twice.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /fieldwork_complete/)]);
  });

  test('CH-024 feedback cannot be given before the last day on site; on or after it, it can', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    await start(api, scheduled.id, '2026-11-10');
    const early = await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-11', feedbackDate: '2026-11-10' });
    expect(early.userErrors).toEqual([broke('CH-024', ['feedbackDate'], /cannot be before the last day on site/)]);
    const later = ok(await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-11', feedbackDate: '2026-11-13' }));
    expect(later.inspection).toMatchObject({ status: 'FIELDWORK_COMPLETE', onSiteEnd: '2026-11-11', feedbackDate: '2026-11-13' });
  });

  test('CH-010 a 3-day children\'s home full inspection needs extendedOnSiteReason', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    await start(api, scheduled.id, '2026-11-10');
    const refused = await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-12', feedbackDate: '2026-11-12' });
    expect(refused.userErrors).toEqual([broke('CH-010', ['extendedOnSiteReason'], /3 days on site is longer than the usual 2/)]);
    const blank = await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-12', feedbackDate: '2026-11-12', extendedOnSiteReason: '   ' });
    expect(blank.userErrors).toEqual([broke('CH-010', ['extendedOnSiteReason'], /longer than the usual/)]);
    const accepted = ok(
      await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-12', feedbackDate: '2026-11-12', extendedOnSiteReason: 'A second site was visited' }),
    );
    expect(accepted.inspection).toMatchObject({ status: 'FIELDWORK_COMPLETE', extendedOnSiteReason: 'A second site was visited' });
  });

  test('CH-010 two days on site need no reason', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10', end: '2026-11-11' });
    expect(inspection).toMatchObject({ onSiteStart: '2026-11-10', onSiteEnd: '2026-11-11', extendedOnSiteReason: null });
  });

  test.each<[string, string, Partial<RegisterProviderInput>, 'FULL_INSPECTION' | 'INTERIM_INSPECTION' | 'ASSURANCE_VISIT', string, number]>([
    ['CH-011', "a children's home interim inspection", {}, 'INTERIM_INSPECTION', '2026-11-11', 1],
    ['RFC-045', 'a family centre full inspection', FAMILY_CENTRE, 'FULL_INSPECTION', '2026-11-13', 3],
    ['ASA-049', 'an adoption support agency full inspection', AGENCY, 'FULL_INSPECTION', '2026-11-13', 3],
    ['CA-057', 'an assurance visit', SECURE_HOME, 'ASSURANCE_VISIT', '2026-11-13', 3],
  ])('%s %s longer than usual on site needs extendedOnSiteReason', async (ruleId, _, setting, type, end, usual) => {
    const provider = await registerProvider(api, setting);
    const lines = type === 'ASSURANCE_VISIT' ? [{ source: 'PREVIOUS_INSPECTION' as const, text: 'Progress since the last inspection' }] : undefined;
    const scheduled = await schedule(api, provider.id, { type, ...(lines ? { linesOfEnquiry: lines } : {}) });
    await start(api, scheduled.id, '2026-11-10');
    const refused = await finishFieldwork(scheduled.id, { onSiteEnd: end, feedbackDate: end });
    expect(refused.userErrors).toEqual([broke(ruleId, ['extendedOnSiteReason'], new RegExp(`longer than the usual ${usual}`))]);
    ok(await finishFieldwork(scheduled.id, { onSiteEnd: end, feedbackDate: end, extendedOnSiteReason: 'Agreed with the regulatory inspection manager' }));
  });

  test('no line of enquiry can be added once fieldwork is complete (CONFLICT)', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    await start(api, scheduled.id, '2026-11-10');
    const emerging = await api.gql(AddLineOfEnquiryDocument, { input: { inspectionId: scheduled.id, source: 'OTHER', text: 'Emerging: staffing rotas' } });
    expect(emerging.data!.addLineOfEnquiry.userErrors).toEqual([]);
    await completeFieldwork(api, scheduled.id, '2026-11-10');
    const late = await api.gql(AddLineOfEnquiryDocument, { input: { inspectionId: scheduled.id, source: 'OTHER', text: 'Too late' } });
    expect(late.data!.addLineOfEnquiry.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /Fieldwork is complete/)]);
  });

  test('the visit cannot end before it started', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    await start(api, scheduled.id, '2026-11-10');
    const payload = await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-09', feedbackDate: '2026-11-10' });
    expect(payload.userErrors).toEqual([problem('BAD_USER_INPUT', ['onSiteEnd'], /cannot end before it started/)]);
  });

  test('the first day on site cannot be in the future (today is 2026-11-23); moving the clock allows it', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id, { scheduledStart: '2026-11-24' });
    expect(scheduled.scheduledStart).toBe('2026-11-24'); // planning ahead is allowed
    const payload = await startInspection(scheduled.id, '2026-11-24');
    expect(payload.userErrors).toEqual([problem('BAD_USER_INPUT', ['onSiteStart'], /cannot be in the future/)]);
    api.clock.set(new Date('2026-11-24T09:00:00Z'));
    try {
      ok(await startInspection(scheduled.id, '2026-11-24'));
    } finally {
      api.clock.set(TEST_NOW);
    }
  });

  test('the end of the visit and the feedback date cannot be in the future', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id, { scheduledStart: '2026-11-23' });
    await start(api, scheduled.id, '2026-11-23');
    const end = await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-24', feedbackDate: '2026-11-24' });
    expect(end.userErrors).toEqual([
      problem('BAD_USER_INPUT', ['onSiteEnd'], /cannot be in the future/),
      problem('BAD_USER_INPUT', ['feedbackDate'], /cannot be in the future/),
    ]);
    const feedback = await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-23', feedbackDate: '2026-11-25' });
    expect(feedback.userErrors).toEqual([problem('BAD_USER_INPUT', ['feedbackDate'], /cannot be in the future/)]);
    ok(await finishFieldwork(scheduled.id, { onSiteEnd: '2026-11-23', feedbackDate: '2026-11-23' }));
  });

  test('a visit cannot start before notice of it was given', async () => {
    const provider = await registerProvider(api, AGENCY);
    const scheduled = await schedule(api, provider.id, { noticeGivenOn: '2026-10-27' });
    const payload = await startInspection(scheduled.id, '2026-10-26');
    expect(payload.userErrors).toEqual([problem('BAD_USER_INPUT', ['onSiteStart'], /before notice of it was given/)]);
  });

  test('CH-163 judgements cannot be proposed before the fieldwork is complete', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    const beforeStart = await proposeFull(scheduled.id);
    expect(beforeStart.userErrors).toEqual([broke('CH-163', ['inspectionId'], /complete the fieldwork/)]);
    await start(api, scheduled.id, '2026-11-10');
    const onSite = await proposeFull(scheduled.id);
    expect(onSite.inspection).toBeNull();
    expect(onSite.userErrors).toEqual([broke('CH-163', ['inspectionId'], /proposed at feedback/)]);
    await completeFieldwork(api, scheduled.id, '2026-11-10');
    const atFeedback = ok(await proposeFull(scheduled.id));
    expect(atFeedback.inspection?.judgement).toMatchObject({ version: 1, kind: 'FULL_INSPECTION' });
  });

  test('an unknown inspection is NOT_FOUND', async () => {
    const payload = await startInspection('SW5zcGVjdGlvbjpub25l', '2026-11-10');
    expect(payload.userErrors).toEqual([problem('NOT_FOUND', ['inspectionId'], /No inspection/)]);
  });
});

describe('full inspection judgements', () => {
  test('CH-155 overall must be inadequate when helped and protected is inadequate', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    for (const overall of ['GOOD', 'REQUIRES_IMPROVEMENT_TO_BE_GOOD'] as const) {
      const refused = await proposeFull(inspection.id, { helpedAndProtected: 'INADEQUATE', overallExperiencesAndProgress: overall });
      expect(refused.inspection).toBeNull();
      expect(refused.userErrors).toEqual([
        broke('CH-155', ['overallExperiencesAndProgress'], /helped and protected is inadequate, overall experiences and progress must be inadequate/),
      ]);
    }
    expect((await reread(inspection.id)).judgementHistory).toEqual([]);
    const accepted = ok(await proposeFull(inspection.id, { helpedAndProtected: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' }));
    expect(accepted.inspection?.judgement).toMatchObject({
      version: 1,
      kind: 'FULL_INSPECTION',
      overallExperiencesAndProgress: 'INADEQUATE',
      helpedAndProtected: 'INADEQUATE',
      leadersAndManagers: 'GOOD',
      managerVacancyDays: null,
      changeReason: null,
    });
  });

  test('CH-155 binds a secure children\'s home too', async () => {
    const provider = await registerProvider(api, SECURE_HOME);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await proposeFull(inspection.id, { helpedAndProtected: 'INADEQUATE' });
    expect(refused.userErrors).toEqual([broke('CH-155', ['overallExperiencesAndProgress'], /must be inadequate/)]);
  });

  test('CH-156 helped and protected requiring improvement does not cap the overall: GOOD overall is accepted', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const accepted = ok(await proposeFull(inspection.id, { helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', overallExperiencesAndProgress: 'GOOD' }));
    expect(accepted.inspection?.judgement).toMatchObject({ overallExperiencesAndProgress: 'GOOD', helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
  });

  test('CH-157 overall cannot be better than requires improvement when leaders and managers are inadequate', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    for (const overall of ['OUTSTANDING', 'GOOD'] as const) {
      const refused = await proposeFull(inspection.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: overall });
      expect(refused.userErrors).toEqual([
        broke('CH-157', ['overallExperiencesAndProgress'], /leaders and managers is inadequate, overall experiences and progress can be no better than requires improvement/),
      ]);
    }
    const accepted = ok(
      await proposeFull(inspection.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' }),
    );
    expect(accepted.inspection?.judgement).toMatchObject({ leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
  });

  test('CH-155 and CH-157 are both reported when both are broken', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await proposeFull(inspection.id, { helpedAndProtected: 'INADEQUATE', leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'GOOD' });
    expect(refused.userErrors).toEqual([
      broke('CH-155', ['overallExperiencesAndProgress'], /must be inadequate/),
      broke('CH-157', ['overallExperiencesAndProgress'], /no better than requires improvement/),
    ]);
  });

  test.each<[string, string, string, Partial<RegisterProviderInput>]>([
    ['RFC-003', 'RFC-004', 'residential family centre', FAMILY_CENTRE],
    ['ASA-004', 'ASA-005', 'adoption support agency', AGENCY],
  ])('%s / %s the limiting and graded judgement rules of a %s', async (limiting, cap, _, setting) => {
    const provider = await registerProvider(api, setting);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const limited = await proposeFull(inspection.id, { helpedAndProtected: 'INADEQUATE', overallExperiencesAndProgress: 'GOOD' });
    expect(limited.userErrors).toEqual([broke(limiting, ['overallExperiencesAndProgress'], /must be inadequate/)]);
    const capped = await proposeFull(inspection.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'GOOD' });
    expect(capped.userErrors).toEqual([broke(cap, ['overallExperiencesAndProgress'], /no better than requires improvement to be good/)]);
    const accepted = ok(await proposeFull(inspection.id, { helpedAndProtected: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' }));
    expect(accepted.inspection?.judgement).toMatchObject({ kind: 'FULL_INSPECTION', overallExperiencesAndProgress: 'INADEQUATE' });
  });
});

describe('registered manager vacancy', () => {
  test('CHA-195 after a vacancy of 26 weeks or more, leaders and managers must be inadequate', async () => {
    const provider = await registerProvider(api);
    await leaveManager(provider.id, '2026-05-01');
    // 2026-05-01 to 2026-11-10: 30 (rest of May) + 30 + 31 + 31 + 30 + 31 + 10 = 193 days, 27 weeks.
    const vacancy = await api.gql(ProviderVacanciesDocument, { urn: provider.urn, asOf: '2026-11-10' });
    expect(vacancy.data?.provider?.currentManagerVacancy).toMatchObject({ startDate: '2026-05-01', days: 193, weeks: 27 });

    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    for (const leaders of ['GOOD', 'REQUIRES_IMPROVEMENT_TO_BE_GOOD'] as const) {
      const refused = await proposeFull(inspection.id, { leadersAndManagers: leaders, overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
      expect(refused.userErrors).toEqual([broke('CHA-195', ['leadersAndManagers'], /vacant for 27 weeks: a vacancy of 26 weeks or more means leaders and managers are inadequate/)]);
    }
    const accepted = ok(
      await proposeFull(inspection.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' }),
    );
    expect(accepted.inspection?.judgement).toMatchObject({ leadersAndManagers: 'INADEQUATE', managerVacancyDays: 193 });
  });

  test('CHA-195 the vacancy is counted to the feedback date, not to the first day on site', async () => {
    const provider = await registerProvider(api);
    await leaveManager(provider.id, '2026-05-12');
    // On site 2026-11-09 (181 days), feedback 2026-11-10 (182 days: exactly 26 weeks).
    const scheduled = await schedule(api, provider.id, { scheduledStart: '2026-11-09' });
    await start(api, scheduled.id, '2026-11-09');
    await completeFieldwork(api, scheduled.id, '2026-11-10');
    const refused = await proposeFull(scheduled.id);
    expect(refused.userErrors).toEqual([broke('CHA-195', ['leadersAndManagers'], /vacant for 26 weeks/)]);
    const accepted = ok(await proposeFull(scheduled.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' }));
    expect(accepted.inspection?.judgement?.managerVacancyDays).toBe(182);
  });

  test('CHA-195 a vacancy of 181 days is not caught', async () => {
    const provider = await registerProvider(api);
    await leaveManager(provider.id, '2026-05-13'); // 181 days before 2026-11-10
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const accepted = ok(await proposeFull(inspection.id));
    expect(accepted.inspection?.judgement).toMatchObject({ leadersAndManagers: 'GOOD', managerVacancyDays: 181 });
  });

  test('CHA-195 a vacancy filled before the inspection is not counted', async () => {
    const provider = await registerProvider(api);
    await leaveManager(provider.id, '2025-01-06');
    const { data } = await api.gql(ChangeRegisteredManagerDocument, {
      input: { providerId: provider.id, effectiveDate: '2025-09-01', newManager: { name: 'Priya Shah' } },
    });
    expect(data!.changeRegisteredManager.userErrors).toEqual([]);
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const accepted = ok(await proposeFull(inspection.id));
    expect(accepted.inspection?.judgement).toMatchObject({ leadersAndManagers: 'GOOD', managerVacancyDays: null });
  });

  test('CHA-195 a home that has never had a registered manager is vacant from its registration', async () => {
    const provider = await registerProvider(api, { registeredManager: null });
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const refused = await proposeFull(inspection.id);
    expect(refused.userErrors).toEqual([broke('CHA-195', ['leadersAndManagers'], /vacant for 131 weeks/)]);
    const accepted = ok(await proposeFull(inspection.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' }));
    // 2024-05-01 to 2026-11-10: 365 + 365 + 193 days.
    expect(accepted.inspection?.judgement?.managerVacancyDays).toBe(923);
  });

  test('RFC-025 a family centre without a manager for 26 weeks needs vacancyReason for a judgement better than inadequate', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    await leaveManager(provider.id, '2026-05-01');
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const refused = await proposeFull(inspection.id);
    expect(refused.userErrors).toEqual([broke('RFC-025', ['vacancyReason'], /No manager has been appointed for 27 weeks.*record why/)]);
    const blank = await proposeFull(inspection.id, { vacancyReason: ' ' });
    expect(blank.userErrors).toEqual([broke('RFC-025', ['vacancyReason'], /record why/)]);
    const accepted = ok(await proposeFull(inspection.id, { vacancyReason: 'A new manager starts on 1 December after a thorough recruitment' }));
    expect(accepted.inspection?.judgement).toMatchObject({
      leadersAndManagers: 'GOOD',
      managerVacancyDays: 193,
      vacancyReason: 'A new manager starts on 1 December after a thorough recruitment',
    });
  });

  test('RFC-025 inadequate leaders and managers need no vacancyReason', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    await leaveManager(provider.id, '2026-05-01');
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    ok(await proposeFull(inspection.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' }));
  });

  test('ASA-022 an adoption support agency without a manager for 26 weeks needs vacancyReason too', async () => {
    const provider = await registerProvider(api, AGENCY);
    await leaveManager(provider.id, '2026-05-01');
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const refused = await proposeFull(inspection.id);
    expect(refused.userErrors).toEqual([broke('ASA-022', ['vacancyReason'], /27 weeks/)]);
    ok(await proposeFull(inspection.id, { vacancyReason: 'Recruitment is at interview stage' }));
  });
});

describe('interim judgements', () => {
  test('CH-170 an interim inspection with no earlier judged full inspection is refused', async () => {
    const provider = await registerProvider(api);
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION' });
    const refused = await proposeInterim(interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' });
    expect(refused.inspection).toBeNull();
    expect(refused.userErrors).toEqual([broke('CH-170', ['outcome'], /relative to the previous inspection/)]);
  });

  test('CH-170 an earlier full inspection with no judgements recorded is no baseline', async () => {
    const provider = await registerProvider(api);
    await inspectionAtFeedback(api, provider.id, { start: '2026-05-12' });
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const refused = await proposeInterim(interim.id, { outcome: 'IMPROVED_EFFECTIVENESS' });
    expect(refused.userErrors).toEqual([broke('CH-170', ['outcome'], /no earlier judged/)]);
  });

  test('CH-170 an interim after a judged full inspection is accepted and previousInspection points to it', async () => {
    const provider = await registerProvider(api);
    const full = await judgedFullInspection(provider.id, '2026-05-12');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const accepted = ok(await proposeInterim(interim.id, { outcome: 'IMPROVED_EFFECTIVENESS' }));
    expect(accepted.inspection).toMatchObject({
      previousInspection: { id: full.id, type: 'FULL_INSPECTION', feedbackDate: '2026-05-12' },
      judgement: { version: 1, kind: 'INTERIM', interimOutcome: 'IMPROVED_EFFECTIVENESS', overallExperiencesAndProgress: null },
    });
    expect((await reread(interim.id)).previousInspection?.id).toBe(full.id);
  });

  test('CH-170 the previous inspection is the latest judged full or interim one', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(provider.id, '2025-11-11');
    const firstInterim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-05-12' });
    ok(await proposeInterim(firstInterim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' }));
    const secondInterim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const accepted = ok(await proposeInterim(secondInterim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' }));
    expect(accepted.inspection?.previousInspection).toEqual({ id: firstInterim.id, type: 'INTERIM_INSPECTION', feedbackDate: '2026-05-12' });
  });

  test('CH-170 a no-judgement (Annex G) interim is no baseline for a later interim', async () => {
    const provider = await registerProvider(api);
    const annexG = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-05-12' });
    ok(await recordNoJudgement(annexG.id, { reason: 'NO_CHILDREN_SINCE_REGISTRATION' }));
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const refused = await proposeInterim(interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' });
    expect(refused.userErrors).toEqual([broke('CH-170', ['outcome'], /no earlier judged/)]);
  });

  test('CHA-197 an interim after a 26-week vacancy judged SUSTAINED_EFFECTIVENESS needs reasonNotDeclined', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(provider.id, '2026-04-14');
    await leaveManager(provider.id, '2026-05-01');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const refused = await proposeInterim(interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' });
    expect(refused.userErrors).toEqual([
      broke('CHA-197', ['reasonNotDeclined'], /vacant for 27 weeks: declined in effectiveness is the expected outcome/),
    ]);
    const accepted = ok(
      await proposeInterim(interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS', reasonNotDeclined: 'An interim manager has sustained the quality of care' }),
    );
    expect(accepted.inspection?.judgement).toMatchObject({
      interimOutcome: 'SUSTAINED_EFFECTIVENESS',
      managerVacancyDays: 193,
      vacancyReason: 'An interim manager has sustained the quality of care',
    });
  });

  test('CHA-197 declined in effectiveness after a 26-week vacancy needs no reason', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(provider.id, '2026-04-14');
    await leaveManager(provider.id, '2026-05-01');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const accepted = ok(await proposeInterim(interim.id, { outcome: 'DECLINED_IN_EFFECTIVENESS' }));
    expect(accepted.inspection?.judgement).toMatchObject({ interimOutcome: 'DECLINED_IN_EFFECTIVENESS', managerVacancyDays: 193 });
  });
});

describe('no-judgement interims (Annex G)', () => {
  test('CHA-116 NO_CHILDREN_SINCE_REGISTRATION at the first inspection is recorded with the registration date in long form', async () => {
    const provider = await registerProvider(api);
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION' });
    const accepted = ok(
      await recordNoJudgement(interim.id, { reason: 'NO_CHILDREN_SINCE_REGISTRATION', inspectorText: 'The premises are ready for children.' }),
    );
    expect(accepted.inspection?.judgement).toMatchObject({
      version: 1,
      kind: 'NO_JUDGEMENT',
      noJudgementReason: 'NO_CHILDREN_SINCE_REGISTRATION',
      interimOutcome: null,
      overallExperiencesAndProgress: null,
    });
    const statement = accepted.inspection!.judgement!.statement!;
    expect(statement).toContain('since its registration on 1 May 2024.');
    expect(statement).toMatch(/^The home has not provided accommodation to children and young people/);
    expect(statement).toMatch(/The premises are ready for children\.$/);
  });

  test('CHA-117 the registration date is written without a leading zero', async () => {
    const provider = await registerProvider(api, { registrationDate: '2025-03-09', registeredManager: { name: 'Samuel Okafor', startDate: '2025-03-09' } });
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION' });
    const accepted = ok(await recordNoJudgement(interim.id, { reason: 'NO_CHILDREN_SINCE_REGISTRATION' }));
    expect(accepted.inspection?.judgement?.statement).toContain('since its registration on 9 March 2025.');
  });

  test('CHA-116 NO_CHILDREN_SINCE_REGISTRATION is refused when an earlier inspection exists', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(provider.id, '2025-11-11');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const refused = await recordNoJudgement(interim.id, { reason: 'NO_CHILDREN_SINCE_REGISTRATION' });
    expect(refused.inspection).toBeNull();
    expect(refused.userErrors).toEqual([broke('CHA-116', ['reason'], /first inspection after registration only/)]);
  });

  test('CHA-116 only inspections before this one count: a later visit recorded first does not make it a second inspection', async () => {
    const provider = await registerProvider(api);
    // The first inspection since registration: an interim in October, its outcome not yet recorded.
    const first = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-10-13' });
    // A monitoring visit in November, after a concern, with its fieldwork complete.
    await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const accepted = await recordNoJudgement(first.id, { reason: 'NO_CHILDREN_SINCE_REGISTRATION' });
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.inspection?.judgement?.statement).toContain('since its registration on 1 May 2024.');
  });

  test('CHA-124 CLOSED_NOT_TAKING_PLACEMENTS needs closedFor and notOperationalFor', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(provider.id, '2025-11-11');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const refused = await recordNoJudgement(interim.id, { reason: 'CLOSED_NOT_TAKING_PLACEMENTS' });
    expect(refused.userErrors).toEqual([
      broke('CHA-124', ['closedFor'], /how long the home has been closed/),
      broke('CHA-124', ['notOperationalFor'], /how long the home will not be operational/),
    ]);
    const half = await recordNoJudgement(interim.id, { reason: 'CLOSED_NOT_TAKING_PLACEMENTS', closedFor: 'six months' });
    expect(half.userErrors).toEqual([broke('CHA-124', ['notOperationalFor'], /not be operational/)]);
    const accepted = ok(
      await recordNoJudgement(interim.id, { reason: 'CLOSED_NOT_TAKING_PLACEMENTS', closedFor: 'six months', notOperationalFor: 'three months' }),
    );
    expect(accepted.inspection?.judgement).toMatchObject({
      kind: 'NO_JUDGEMENT',
      noJudgementReason: 'CLOSED_NOT_TAKING_PLACEMENTS',
      statement:
        'The home has been closed for six months. The registered provider has indicated that the home will not be operational for three months from the date of inspection. ' +
        'Should the home decide to accept placements they are required to inform Ofsted of their intention before they do so.',
    });
  });

  test('CH-153 a full inspection cannot end in no judgement', async () => {
    const provider = await registerProvider(api);
    const full = await inspectionAtFeedback(api, provider.id);
    const refused = await recordNoJudgement(full.id, { reason: 'NO_CHILDREN_SINCE_REGISTRATION' });
    expect(refused.userErrors).toEqual([broke('CH-153', ['inspectionId'], /full inspection does not make this kind of judgement/)]);
  });
});

describe('the kind of judgement each inspection type makes', () => {
  test('CA-072 full grades on an assurance visit are refused; its outcome is recorded without a grade', async () => {
    const provider = await registerProvider(api, SECURE_HOME);
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'ASSURANCE_VISIT' });
    const graded = await proposeFull(visit.id);
    expect(graded.inspection).toBeNull();
    expect(graded.userErrors).toEqual([broke('CA-072', ['inspectionId'], /assurance visit does not make this kind of judgement/)]);
    const interim = await proposeInterim(visit.id, { outcome: 'IMPROVED_EFFECTIVENESS' });
    expect(interim.userErrors).toEqual([broke('CA-072', ['inspectionId'], /assurance visit/)]);
    const accepted = ok(await recordAssurance(visit.id, false));
    expect(accepted.inspection?.judgement).toMatchObject({
      kind: 'ASSURANCE_VISIT',
      seriousOrWidespreadConcerns: false,
      concerns: null,
      overallExperiencesAndProgress: null,
      helpedAndProtected: null,
      leadersAndManagers: null,
    });
  });

  test('CA-073 concerns are required when seriousOrWidespreadConcerns is true', async () => {
    const provider = await registerProvider(api, SECURE_HOME);
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'ASSURANCE_VISIT' });
    const refused = await recordAssurance(visit.id, true);
    expect(refused.userErrors).toEqual([broke('CA-073', ['concerns'], /Describe the serious or widespread concerns/)]);
    const blank = await recordAssurance(visit.id, true, '  ');
    expect(blank.userErrors).toEqual([broke('CA-073', ['concerns'], /Describe/)]);
    const accepted = ok(await recordAssurance(visit.id, true, 'Restraint is not recorded or reviewed'));
    expect(accepted.inspection?.judgement).toMatchObject({ seriousOrWidespreadConcerns: true, concerns: 'Restraint is not recorded or reviewed' });
  });

  test('CA-073 concerns are not described when none were found', async () => {
    const provider = await registerProvider(api, SECURE_HOME);
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'ASSURANCE_VISIT' });
    const refused = await recordAssurance(visit.id, false, 'Something');
    expect(refused.userErrors).toEqual([problem('BAD_USER_INPUT', ['concerns'], /only when serious or widespread concerns were found/)]);
  });

  test('CH-185 a monitoring visit makes no full-inspection judgements', async () => {
    const provider = await registerProvider(api);
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT' });
    const refused = await proposeFull(visit.id);
    expect(refused.userErrors).toEqual([broke('CH-185', ['inspectionId'], /monitoring visit does not make this kind of judgement/)]);
  });

  test('CH-153 a full inspection makes no interim judgement', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(provider.id, '2025-11-11');
    const full = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const refused = await proposeInterim(full.id, { outcome: 'IMPROVED_EFFECTIVENESS' });
    expect(refused.userErrors).toEqual([broke('CH-153', ['inspectionId'], /full inspection/)]);
  });
});

describe('monitoring visits: a new judgement only after inadequate', () => {
  /**
   * A home judged inadequate (helped and protected inadequate) at a full inspection in June, with a
   * requirement made there, and a monitoring visit at feedback in November.
   */
  async function inadequateHomeAndMonitoringVisit() {
    const provider = await registerProvider(api);
    const full = await inspectionAtFeedback(api, provider.id, { start: '2026-06-02' });
    const weakness = await recordEvidence(api, full.id);
    const requirement = ok(await recordRequirement(full.id, [weakness.id], { dueDate: '2026-08-01' })).requirement!;
    ok(await proposeFull(full.id, { helpedAndProtected: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' }));
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    return { provider, full, requirement, visit };
  }

  test('CH-185 a newOverallGrade when the home is not currently inadequate is refused', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(provider.id, '2026-06-02', { overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const refused = await recordMonitoring(visit.id, { newOverallGrade: 'GOOD', conditions: ALL_CONDITIONS, rationale: 'All put right' });
    expect(refused.inspection).toBeNull();
    expect(refused.userErrors).toEqual([broke('CH-185', ['newOverallGrade'], /new judgement only after an inadequate one/)]);
  });

  test('CH-185 a newOverallGrade for a home never judged is refused', async () => {
    const provider = await registerProvider(api);
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT' });
    const refused = await recordMonitoring(visit.id, { newOverallGrade: 'GOOD', conditions: ALL_CONDITIONS, rationale: 'All put right' });
    expect(refused.userErrors).toEqual([broke('CH-185', ['newOverallGrade'], /only after an inadequate one/)]);
  });

  test('CH-184 a new judgement is refused while a requirement of the inadequate inspection is open', async () => {
    const { visit } = await inadequateHomeAndMonitoringVisit();
    const refused = await recordMonitoring(visit.id, { newOverallGrade: 'GOOD', conditions: ALL_CONDITIONS, rationale: 'The concerns are resolved' });
    expect(refused.inspection).toBeNull();
    expect(refused.userErrors).toEqual([broke('CH-184', ['newOverallGrade'], /All requirements must be met in full.*1 are not recorded as met/)]);
  });

  test('CH-184 a requirement checked NOT_MET still blocks a new judgement', async () => {
    const { requirement, visit } = await inadequateHomeAndMonitoringVisit();
    ok(await checkRequirement(requirement.id, visit.id, 'NOT_MET'));
    const refused = await recordMonitoring(visit.id, { newOverallGrade: 'GOOD', conditions: ALL_CONDITIONS, rationale: 'The concerns are resolved' });
    expect(refused.userErrors).toEqual([broke('CH-184', ['newOverallGrade'], /not recorded as met/)]);
  });

  test.each(Object.keys(ALL_CONDITIONS) as (keyof NewJudgementConditionsInput)[])(
    'CH-187 a new judgement is refused when %s is false',
    async (condition) => {
      const { requirement, visit } = await inadequateHomeAndMonitoringVisit();
      ok(await checkRequirement(requirement.id, visit.id));
      const refused = await recordMonitoring(visit.id, {
        newOverallGrade: 'GOOD',
        conditions: { ...ALL_CONDITIONS, [condition]: false },
        rationale: 'The concerns are resolved',
      });
      expect(refused.userErrors).toEqual([broke('CH-187', ['conditions'], new RegExp(`Every condition for a new judgement must hold.*not met: ${condition}`))]);
    },
  );

  test('CH-187 a new judgement is refused when the conditions are not recorded; CH-218 and without a rationale', async () => {
    const { requirement, visit } = await inadequateHomeAndMonitoringVisit();
    ok(await checkRequirement(requirement.id, visit.id));
    const refused = await recordMonitoring(visit.id, { newOverallGrade: 'GOOD' });
    expect(refused.userErrors).toEqual([
      broke('CH-218', ['rationale'], /Explain why a new judgement was made/),
      broke('CH-187', ['conditions'], /not met: all of them/),
    ]);
  });

  test('CH-184 / CH-187 after the requirement is MET at the visit, with all six conditions and a rationale, the new judgement is accepted', async () => {
    const { requirement, visit } = await inadequateHomeAndMonitoringVisit();
    const checked = ok(await checkRequirement(requirement.id, visit.id));
    expect(checked.requirement).toEqual({ id: requirement.id, status: 'MET', checkedAt: { id: visit.id } });
    const accepted = ok(
      await recordMonitoring(visit.id, { newOverallGrade: 'GOOD', conditions: ALL_CONDITIONS, rationale: 'The night-time checks are now in place and reviewed' }),
    );
    expect(accepted.inspection?.judgement).toMatchObject({
      version: 1,
      kind: 'MONITORING_VISIT',
      newOverallGrade: 'GOOD',
      conditions: ALL_CONDITIONS,
      rationale: 'The night-time checks are now in place and reviewed',
      overallExperiencesAndProgress: null,
    });
  });

  test('CH-186 a new judgement is an improved one: INADEQUATE is refused', async () => {
    const { requirement, visit } = await inadequateHomeAndMonitoringVisit();
    ok(await checkRequirement(requirement.id, visit.id));
    const refused = await recordMonitoring(visit.id, { newOverallGrade: 'INADEQUATE', conditions: ALL_CONDITIONS, rationale: 'x' });
    expect(refused.userErrors).toEqual([problem('BAD_USER_INPUT', ['newOverallGrade'], /improved one.*CH-186/)]);
  });

  test('CH-196 after a new judgement at a monitoring visit, the home is no longer inadequate: a later new grade is refused', async () => {
    const { provider, requirement, visit } = await inadequateHomeAndMonitoringVisit();
    ok(await checkRequirement(requirement.id, visit.id));
    ok(await recordMonitoring(visit.id, { newOverallGrade: 'GOOD', conditions: ALL_CONDITIONS, rationale: 'Put right' }));
    const later = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-17' });
    const refused = await recordMonitoring(later.id, { newOverallGrade: 'OUTSTANDING', conditions: ALL_CONDITIONS, rationale: 'Even better' });
    expect(refused.userErrors).toEqual([broke('CH-185', ['newOverallGrade'], /only after an inadequate one/)]);
  });

  test('RFC-105 a family centre judged inadequate may get a new judgement at a monitoring visit with a rationale', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    await judgedFullInspection(provider.id, '2026-06-02', { helpedAndProtected: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' });
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const refused = await recordMonitoring(visit.id, { newOverallGrade: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
    expect(refused.userErrors).toEqual([broke('RFC-105', ['rationale'], /Explain why a new judgement was made/)]);
    const accepted = ok(await recordMonitoring(visit.id, { newOverallGrade: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', rationale: 'Safeguarding is now effective' }));
    expect(accepted.inspection?.judgement).toMatchObject({ newOverallGrade: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', conditions: null });
  });

  test('a monitoring visit without a new grade is accepted, even with requirements open', async () => {
    const { visit } = await inadequateHomeAndMonitoringVisit();
    const accepted = ok(await recordMonitoring(visit.id));
    expect(accepted.inspection?.judgement).toMatchObject({
      kind: 'MONITORING_VISIT',
      progressSummary: 'The home has acted on the concerns found at the last inspection.',
      newOverallGrade: null,
      conditions: null,
    });
  });

  test('a monitoring visit needs a progress summary', async () => {
    const provider = await registerProvider(api);
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT' });
    const refused = await recordMonitoring(visit.id, { progressSummary: '  ' });
    expect(refused.userErrors).toEqual([problem('BAD_USER_INPUT', ['progressSummary'], /Summarise the progress/)]);
  });
});

describe('changes after feedback', () => {
  test('CH-246 changing judgements needs changeReason; the change is version 2 and version 1 is kept', async () => {
    const provider = await registerProvider(api);
    const inspection = await judgedFullInspection(provider.id, '2026-11-10');
    const refused = await proposeFull(inspection.id, { helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
    expect(refused.userErrors).toEqual([broke('CH-246', ['changeReason'], /a change needs the reason recorded/)]);
    const blank = await proposeFull(inspection.id, { helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', changeReason: '  ' });
    expect(blank.userErrors).toEqual([broke('CH-246', ['changeReason'], /reason/)]);
    expect((await reread(inspection.id)).judgementHistory).toHaveLength(1);

    const changed = ok(
      await proposeFull(inspection.id, {
        helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
        changeReason: 'Managers agreed the safeguarding weaknesses were wider than first thought',
      }),
    );
    const version1 = { version: 1, kind: 'FULL_INSPECTION', helpedAndProtected: 'GOOD', overallExperiencesAndProgress: 'GOOD', changeReason: null };
    const version2 = {
      version: 2,
      kind: 'FULL_INSPECTION',
      helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      overallExperiencesAndProgress: 'GOOD',
      changeReason: 'Managers agreed the safeguarding weaknesses were wider than first thought',
    };
    expect(changed.inspection?.judgement).toMatchObject(version2);
    expect(changed.inspection?.judgementHistory).toEqual([expect.objectContaining(version1), expect.objectContaining(version2)]);
    const stored = await reread(inspection.id);
    expect(stored.judgement).toMatchObject(version2);
    expect(stored.judgementHistory).toEqual([expect.objectContaining(version1), expect.objectContaining(version2)]);
  });

  test('CH-246 a change must still keep the judgement rules', async () => {
    const provider = await registerProvider(api);
    const inspection = await judgedFullInspection(provider.id, '2026-11-10');
    const refused = await proposeFull(inspection.id, { helpedAndProtected: 'INADEQUATE', changeReason: 'New evidence' });
    expect(refused.userErrors).toEqual([broke('CH-155', ['overallExperiencesAndProgress'], /must be inadequate/)]);
    expect((await reread(inspection.id)).judgementHistory).toHaveLength(1);
  });

  test('CH-246 changing an interim judgement needs changeReason too', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(provider.id, '2026-05-12');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    ok(await proposeInterim(interim.id, { outcome: 'IMPROVED_EFFECTIVENESS' }));
    const refused = await proposeInterim(interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' });
    expect(refused.userErrors).toEqual([broke('CH-246', ['changeReason'], /reason recorded/)]);
    const changed = ok(await proposeInterim(interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS', changeReason: 'Moderation' }));
    expect(changed.inspection?.judgementHistory.map((j) => [j.version, j.interimOutcome, j.changeReason])).toEqual([
      [1, 'IMPROVED_EFFECTIVENESS', null],
      [2, 'SUSTAINED_EFFECTIVENESS', 'Moderation'],
    ]);
  });

  test('RFC-086 changing a family centre\'s judgements needs changeReason', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    const inspection = await judgedFullInspection(provider.id, '2026-11-10');
    const refused = await proposeFull(inspection.id, { leadersAndManagers: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
    expect(refused.userErrors).toEqual([broke('RFC-086', ['changeReason'], /reason recorded/)]);
  });
});

describe('evidence', () => {
  test('evidence cannot be recorded before the inspection starts (CONFLICT)', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    const refused = await tryEvidence(scheduled.id);
    expect(refused.evidence).toBeNull();
    expect(refused.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /once the inspection has started/)]);
    await start(api, scheduled.id, '2026-11-10');
    const accepted = ok(await tryEvidence(scheduled.id));
    expect(accepted.evidence).toMatchObject({ source: 'OBSERVATION', judgementArea: 'HELPED_AND_PROTECTED', evaluationCriterion: 'HP.a', finding: 'WEAKNESS' });
  });

  test('CH-145 an interview (STAFF) needs interviewTime and intervieweeRole', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await tryEvidence(inspection.id, { source: 'STAFF' });
    expect(refused.userErrors).toEqual([
      broke('CH-145', ['interviewTime'], /Record the time of the interview/),
      broke('CH-145', ['intervieweeRole'], /Record the interviewee's role/),
    ]);
    const badTime = await tryEvidence(inspection.id, { source: 'STAFF', interviewTime: '9am', intervieweeRole: 'deputy manager' });
    expect(badTime.userErrors).toEqual([problem('BAD_USER_INPUT', ['interviewTime'], /HH:MM/)]);
    const accepted = ok(await tryEvidence(inspection.id, { source: 'STAFF', interviewTime: '14:30', intervieweeRole: 'deputy manager' }));
    expect(accepted.evidence).toMatchObject({ source: 'STAFF', interviewTime: '14:30', intervieweeRole: 'deputy manager' });
  });

  test('CH-145 an observation needs no interview time or role', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const accepted = ok(await tryEvidence(inspection.id, { source: 'OBSERVATION' }));
    expect(accepted.evidence).toMatchObject({ interviewTime: null, intervieweeRole: null });
  });

  test('RFC-064 a family centre interview needs the time and role too', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await tryEvidence(inspection.id, { source: 'PARENTS_AND_CARERS', evaluationCriterion: 'HP.1', interviewTime: '10:15' });
    expect(refused.userErrors).toEqual([broke('RFC-064', ['intervieweeRole'], /role or relationship/)]);
  });

  test('CH-142 the full name of someone in the protected register is refused in a later narrative', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const first = ok(
      await tryEvidence(inspection.id, {
        narrative: 'J.S. went missing twice in October and no return interview was held.',
        people: [{ name: 'Jordan Smith', role: 'CHILD' }],
        identificationJustification: 'Needed to protect the child: referral to the placing authority',
      }),
    );
    expect(first.evidence?.people).toEqual([{ id: expect.any(String), name: 'Jordan Smith', initials: 'J.S.', role: 'CHILD' }]);
    expect((await reread(inspection.id)).protectedPeople).toEqual([expect.objectContaining({ name: 'Jordan Smith', initials: 'J.S.' })]);

    for (const narrative of ['Staff said Jordan Smith was settled.', 'Staff said jordan smith was settled.', 'Staff said Smith was settled.']) {
      const refused = await tryEvidence(inspection.id, { narrative });
      expect(refused.userErrors).toEqual([broke('CH-142', ['narrative'], /must not name people: use initials/)]);
    }
    const role = await tryEvidence(inspection.id, { source: 'STAFF', interviewTime: '11:00', intervieweeRole: 'key worker of Jordan Smith' });
    expect(role.userErrors).toEqual([broke('CH-142', ['narrative'], /use initials/)]);
    ok(await tryEvidence(inspection.id, { narrative: 'Staff said J.S. was settled.' }));
  });

  test('CH-142 names outside the ASCII alphabet are caught too', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    ok(
      await tryEvidence(inspection.id, {
        narrative: 'Z.B. and Ł.Ż. were not offered return interviews.',
        people: [
          { name: 'Zoë Brontë', role: 'CHILD' },
          { name: 'Łukasz Żak', role: 'CHILD' },
        ],
        identificationJustification: 'Referral to the placing authorities',
      }),
    );
    for (const narrative of ['Staff said Zoë Brontë was upset.', 'Staff said Brontë was upset.', 'Łukasz Żak went missing.', 'Żak went missing.']) {
      const refused = await tryEvidence(inspection.id, { narrative });
      expect(refused.userErrors).toEqual([broke('CH-142', ['narrative'], /use initials/)]);
    }
  });

  test('CH-142 a name given with the evidence cannot appear in its own narrative', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await tryEvidence(inspection.id, {
      narrative: 'Alex Turner restrained a child without recording it.',
      people: [{ name: 'Alex Turner', role: 'STAFF_MEMBER' }],
      identificationJustification: 'Supports further action: a referral to the designated officer',
    });
    expect(refused.userErrors).toEqual([broke('CH-142', ['narrative'], /use initials/)]);
    expect((await reread(inspection.id)).protectedPeople).toEqual([]);
  });

  test('CH-142 naming people requires identificationJustification', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await tryEvidence(inspection.id, { narrative: 'A.T. restrained a child.', people: [{ name: 'Alex Turner', role: 'STAFF_MEMBER' }] });
    expect(refused.userErrors).toEqual([broke('CH-142', ['identificationJustification'], /protects a child or supports further action/)]);
    const accepted = ok(
      await tryEvidence(inspection.id, {
        narrative: 'A.T. restrained a child.',
        people: [{ name: 'Alex Turner', role: 'STAFF_MEMBER' }],
        identificationJustification: 'Referral to the designated officer',
      }),
    );
    const personId = accepted.evidence!.people[0].id;
    // Naming someone already in the register needs a justification as well.
    const again = await tryEvidence(inspection.id, { narrative: 'A.T. was on shift again.', people: [{ id: personId }] });
    expect(again.userErrors).toEqual([broke('CH-142', ['identificationJustification'], /record which/)]);
    const unknown = await tryEvidence(inspection.id, {
      narrative: 'A.T. was on shift again.',
      people: [{ id: 'UHJvdGVjdGVkUGVyc29uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA==' }],
      identificationJustification: 'x',
    });
    expect(unknown.userErrors).toEqual([problem('NOT_FOUND', ['people', '0', 'id'], /protected register/)]);
  });

  test('the evaluation criterion must be one of evaluationCriteria(settingType, area): HP.z is refused for a children\'s home', async () => {
    const { data } = await api.gql(EvaluationCriteriaDocument, { settingType: 'CHILDRENS_HOME', judgementArea: 'HELPED_AND_PROTECTED' });
    const codes = data!.evaluationCriteria.map((c) => c.code);
    expect(codes).toHaveLength(17);
    expect(codes[0]).toBe('HP.a');
    expect(codes[16]).toBe('HP.q');
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await tryEvidence(inspection.id, { evaluationCriterion: 'HP.z' });
    expect(refused.userErrors).toEqual([problem('BAD_USER_INPUT', ['evaluationCriterion'], /"HP.z" is not an evaluation criterion of this judgement area/)]);
    const otherArea = await tryEvidence(inspection.id, { judgementArea: 'LEADERS_AND_MANAGERS', evaluationCriterion: 'HP.a' });
    expect(otherArea.userErrors).toEqual([problem('BAD_USER_INPUT', ['evaluationCriterion'], /not an evaluation criterion/)]);
    ok(await tryEvidence(inspection.id, { evaluationCriterion: 'HP.q' }));
  });

  test('CH-146 a children\'s home evidence record needs its criterion', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await tryEvidence(inspection.id, { evaluationCriterion: null });
    expect(refused.userErrors).toEqual([broke('CH-146', ['evaluationCriterion'], /Say which evaluation criterion/)]);
  });

  test('RFC-007 a family centre uses numeric criteria (HP.1) and needs one', async () => {
    const { data } = await api.gql(EvaluationCriteriaDocument, { settingType: 'RESIDENTIAL_FAMILY_CENTRE', judgementArea: 'HELPED_AND_PROTECTED' });
    expect(data!.evaluationCriteria.map((c) => c.code)).toEqual(['HP.1', 'HP.2', 'HP.3', 'HP.4', 'HP.5']);
    const provider = await registerProvider(api, FAMILY_CENTRE);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const missing = await tryEvidence(inspection.id, { evaluationCriterion: null });
    expect(missing.userErrors).toEqual([broke('RFC-007', ['evaluationCriterion'], /Say which evaluation criterion/)]);
    const lettered = await tryEvidence(inspection.id, { evaluationCriterion: 'HP.a' });
    expect(lettered.userErrors).toEqual([problem('BAD_USER_INPUT', ['evaluationCriterion'], /"HP.a" is not an evaluation criterion/)]);
    const tooHigh = await tryEvidence(inspection.id, { evaluationCriterion: 'HP.6' });
    expect(tooHigh.userErrors).toEqual([problem('BAD_USER_INPUT', ['evaluationCriterion'], /not an evaluation criterion/)]);
    const accepted = ok(await tryEvidence(inspection.id, { evaluationCriterion: 'HP.1' }));
    expect(accepted.evidence?.evaluationCriterion).toBe('HP.1');
    ok(await tryEvidence(inspection.id, { judgementArea: 'LEADERS_AND_MANAGERS', evaluationCriterion: 'LM.9' }));
  });

  test('ASA-009 an adoption support agency evidence record needs its criterion', async () => {
    const provider = await registerProvider(api, AGENCY);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const missing = await tryEvidence(inspection.id, { evaluationCriterion: null });
    expect(missing.userErrors).toEqual([broke('ASA-009', ['evaluationCriterion'], /evaluation criterion/)]);
    ok(await tryEvidence(inspection.id, { evaluationCriterion: 'HP.4' }));
  });
});

describe('requirements', () => {
  test('a requirement backed by weakness evidence is recorded, OPEN', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const weakness = await recordEvidence(api, inspection.id);
    const payload = ok(await recordRequirement(inspection.id, [weakness.id]));
    expect(payload.requirement).toMatchObject({
      regulation: 'Regulation 12 (the protection of children standard)',
      dueDate: '2026-12-31',
      status: 'OPEN',
      evidence: [{ id: weakness.id, finding: 'WEAKNESS' }],
      inspection: { id: inspection.id },
      checkedAt: null,
    });
  });

  test('CHA-041 linking STRENGTH evidence to a requirement is refused', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const weakness = await recordEvidence(api, inspection.id);
    const strength = await recordEvidence(api, inspection.id, { finding: 'STRENGTH', narrative: 'Children have a trusted adult.', evaluationCriterion: 'HP.b' });
    const refused = await recordRequirement(inspection.id, [weakness.id, strength.id]);
    expect(refused.requirement).toBeNull();
    expect(refused.userErrors).toEqual([broke('CHA-041', ['evidenceIds'], /link only evidence recorded as a weakness/)]);
    expect((await reread(inspection.id)).requirements).toEqual([]);
  });

  test('CH-128 a requirement with an empty regulation is refused', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const weakness = await recordEvidence(api, inspection.id);
    for (const regulation of ['', '   ']) {
      const refused = await recordRequirement(inspection.id, [weakness.id], { regulation });
      expect(refused.userErrors).toEqual([broke('CH-128', ['regulation'], /Name the regulation that was breached/)]);
    }
    const noAction = await recordRequirement(inspection.id, [weakness.id], { action: '' });
    expect(noAction.userErrors).toEqual([broke('CH-128', ['action'], /what the registered person must do/)]);
  });

  test('CH-127 a requirement with no evidence, or no impact statement, is refused', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await recordRequirement(inspection.id, []);
    expect(refused.userErrors).toEqual([broke('CH-127', ['evidenceIds'], /Link the evidence of the breach/)]);
    const weakness = await recordEvidence(api, inspection.id);
    const noImpact = await recordRequirement(inspection.id, [weakness.id], { impactStatement: ' ' });
    expect(noImpact.userErrors).toEqual([broke('CH-127', ['impactStatement'], /actual or potential impact/)]);
  });

  test('a requirement cannot be due before the inspection began', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const weakness = await recordEvidence(api, inspection.id);
    const refused = await recordRequirement(inspection.id, [weakness.id], { dueDate: '2026-11-09' });
    expect(refused.userErrors).toEqual([problem('BAD_USER_INPUT', ['dueDate'], /cannot be due before the inspection began/)]);
  });

  test('RFC-031 a family centre requirement with evidence from only one source is refused; two sources are accepted', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const seen = await recordEvidence(api, inspection.id, { source: 'OBSERVATION', evaluationCriterion: 'HP.1' });
    const seenAgain = await recordEvidence(api, inspection.id, { source: 'OBSERVATION', evaluationCriterion: 'HP.2', narrative: 'Risk assessments were out of date.' });
    const read = await recordEvidence(api, inspection.id, { source: 'RECORDS_AND_DOCUMENTS', evaluationCriterion: 'HP.1', narrative: 'The log shows no checks.' });
    const oneSource = await recordRequirement(inspection.id, [seen.id, seenAgain.id]);
    expect(oneSource.userErrors).toEqual([broke('RFC-031', ['evidenceIds'], /more than one source/)]);
    const single = await recordRequirement(inspection.id, [seen.id]);
    expect(single.userErrors).toEqual([broke('RFC-031', ['evidenceIds'], /Triangulate/)]);
    const accepted = ok(await recordRequirement(inspection.id, [seen.id, read.id]));
    expect(accepted.requirement?.evidence.map((e) => e.id).sort()).toEqual([seen.id, read.id].sort());
  });

  test('CH-127 a children\'s home requirement may rest on a single source', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const weakness = await recordEvidence(api, inspection.id);
    ok(await recordRequirement(inspection.id, [weakness.id]));
  });

  test('evidence from another inspection is NOT_FOUND', async () => {
    const provider = await registerProvider(api);
    const earlier = await inspectionAtFeedback(api, provider.id, { start: '2026-05-12' });
    const elsewhere = await recordEvidence(api, earlier.id);
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const refused = await recordRequirement(inspection.id, [elsewhere.id]);
    expect(refused.requirement).toBeNull();
    expect(refused.userErrors).toEqual(
      expect.arrayContaining([problem('NOT_FOUND', ['evidenceIds', '0'], /No evidence recorded at this inspection has this ID/)]),
    );
    const garbage = await recordRequirement(inspection.id, ['not-an-id']);
    expect(garbage.userErrors).toEqual(expect.arrayContaining([problem('NOT_FOUND', ['evidenceIds', '0'], /No evidence/)]));
  });

  test('a requirement cannot be made at an inspection that has not started (CONFLICT)', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    const refused = await recordRequirement(scheduled.id, []);
    expect(refused.userErrors).toEqual([problem('CONFLICT', ['inspectionId'], /has not started/)]);
  });
});

describe('recommendations and compliance notices', () => {
  test('CH-136 a recommendation without a reference is refused; with one it is recorded', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const weakness = await recordEvidence(api, inspection.id);
    const refused = await recordRecommendation(inspection.id, [weakness.id], { reference: ' ' });
    expect(refused.recommendation).toBeNull();
    expect(refused.userErrors).toEqual([broke('CH-136', ['reference'], /Cite the Guide's page and paragraph, or the statutory guidance/)]);
    const accepted = ok(await recordRecommendation(inspection.id, [weakness.id]));
    expect(accepted.recommendation).toMatchObject({
      reference: "Guide to the children's homes regulations, page 41, paragraph 9.5",
      status: 'OPEN',
      evidence: [{ id: weakness.id }],
    });
  });

  test('CH-146 a recommendation needs evidence', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await recordRecommendation(inspection.id, []);
    expect(refused.userErrors).toEqual([broke('CH-146', ['evidenceIds'], /Link the evidence/)]);
  });

  test('RFC-030 a family centre recommendation cites the national minimum standard', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const weakness = await recordEvidence(api, inspection.id, { evaluationCriterion: 'HP.1' });
    const refused = await recordRecommendation(inspection.id, [weakness.id], { reference: '' });
    expect(refused.userErrors).toEqual([broke('RFC-030', ['reference'], /national minimum standard/)]);
    ok(await recordRecommendation(inspection.id, [weakness.id], { reference: 'NMS 5.3' }));
  });

  test('ASA-028 an adoption support agency recommendation without guidanceSummary is refused', async () => {
    const provider = await registerProvider(api, AGENCY);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const weakness = await recordEvidence(api, inspection.id, { evaluationCriterion: 'HP.1' });
    const refused = await recordRecommendation(inspection.id, [weakness.id], { reference: 'NMS 10.2' });
    expect(refused.userErrors).toEqual([broke('ASA-028', ['guidanceSummary'], /Summarise the national minimum standard/)]);
    const accepted = ok(
      await recordRecommendation(inspection.id, [weakness.id], { reference: 'NMS 10.2', guidanceSummary: 'Staff are supervised and supported.' }),
    );
    expect(accepted.recommendation).toMatchObject({ reference: 'NMS 10.2', guidanceSummary: 'Staff are supervised and supported.' });
  });

  test('CH-140 a compliance notice action due on or before the day the notice is served is refused', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    for (const completionDate of ['2026-11-12', '2026-11-11']) {
      const refused = await serveNotice(inspection.id, {
        servedOn: '2026-11-12',
        actions: [{ regulation: 'Regulation 12', action: 'Record checks.', completionDate }],
      });
      expect(refused.complianceNotice).toBeNull();
      expect(refused.userErrors).toEqual([broke('CH-140', ['actions', '0', 'completionDate'], /completion date comes after the notice is served/)]);
    }
    const accepted = ok(await serveNotice(inspection.id));
    expect(accepted.complianceNotice).toMatchObject({
      ground: 'PROMOTE_WELFARE_OR_RISK_OF_HARM',
      servedOn: '2026-11-12',
      actions: [{ regulation: 'Regulation 12', action: 'Carry out and record night-time checks.', completionDate: '2026-12-12' }],
      inspection: { id: inspection.id },
    });
  });

  test('CH-140 each compliance notice action names its regulation', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await serveNotice(inspection.id, {
      actions: [
        { regulation: 'Regulation 12', action: 'Record checks.', completionDate: '2026-12-12' },
        { regulation: ' ', action: 'Train staff.', completionDate: '2026-12-31' },
      ],
    });
    expect(refused.userErrors).toEqual([broke('CH-140', ['actions', '1', 'regulation'], /names its regulation/)]);
  });

  test('CHA-071 a compliance notice with no actions is refused', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const refused = await serveNotice(inspection.id, { actions: [] });
    expect(refused.userErrors).toEqual([broke('CHA-071', ['actions'], /at least one action/)]);
  });

  test('a compliance notice cannot be served in the future, or before the inspection began', async () => {
    const provider = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, provider.id);
    const future = await serveNotice(inspection.id, { servedOn: '2026-11-24' });
    expect(future.userErrors).toEqual([problem('BAD_USER_INPUT', ['servedOn'], /cannot be in the future/)]);
    const before = await serveNotice(inspection.id, { servedOn: '2026-11-09' });
    expect(before.userErrors).toEqual([problem('BAD_USER_INPUT', ['servedOn'], /after the inspection began/)]);
  });
});

describe('CH-137 requirements and recommendations are checked at a later visit', () => {
  async function requirementMadeAt(providerId: string, on: string) {
    const inspection = await inspectionAtFeedback(api, providerId, { start: on });
    const weakness = await recordEvidence(api, inspection.id);
    const requirement = ok(await recordRequirement(inspection.id, [weakness.id])).requirement!;
    const recommendation = ok(await recordRecommendation(inspection.id, [weakness.id])).recommendation!;
    return { inspection, requirement, recommendation };
  }

  test('CH-137 checking a requirement at the inspection that made it is refused', async () => {
    const provider = await registerProvider(api);
    const { inspection, requirement } = await requirementMadeAt(provider.id, '2026-06-02');
    const refused = await checkRequirement(requirement.id, inspection.id);
    expect(refused.requirement).toBeNull();
    expect(refused.userErrors).toEqual([broke('CH-137', ['inspectionId'], /later visit that has started, not the one that made it/)]);
  });

  test('CH-137 checking a requirement at another provider\'s inspection is refused', async () => {
    const provider = await registerProvider(api);
    const other = await registerProvider(api, { name: 'Elm Lodge' });
    const { requirement } = await requirementMadeAt(provider.id, '2026-06-02');
    const otherVisit = await inspectionAtFeedback(api, other.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const refused = await checkRequirement(requirement.id, otherVisit.id);
    expect(refused.userErrors).toEqual([broke('CH-137', ['inspectionId'], /visit to the same setting/)]);
  });

  test('CH-137 checking a requirement at a later visit that has not started is refused', async () => {
    const provider = await registerProvider(api);
    const { requirement } = await requirementMadeAt(provider.id, '2026-06-02');
    const planned = await schedule(api, provider.id, { type: 'MONITORING_VISIT', scheduledStart: '2026-11-30', linesOfEnquiry: [] });
    const refused = await checkRequirement(requirement.id, planned.id);
    expect(refused.userErrors).toEqual([broke('CH-137', ['inspectionId'], /later visit that has started/)]);
  });

  test('CH-137 checking a requirement at a later visit is accepted: status MET, checkedAt set', async () => {
    const provider = await registerProvider(api);
    const { inspection, requirement } = await requirementMadeAt(provider.id, '2026-06-02');
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const accepted = ok(await checkRequirement(requirement.id, visit.id));
    expect(accepted.requirement).toEqual({ id: requirement.id, status: 'MET', checkedAt: { id: visit.id } });
    const stored = await reread(inspection.id);
    expect(stored.requirements).toEqual([expect.objectContaining({ id: requirement.id, status: 'MET', checkedAt: { id: visit.id } })]);
  });

  test('CH-137 a recommendation is checked the same way (NOT_MET recorded)', async () => {
    const provider = await registerProvider(api);
    const { inspection, recommendation } = await requirementMadeAt(provider.id, '2026-06-02');
    const same = await api.gql(CheckRecommendationDocument, { input: { recommendationId: recommendation.id, inspectionId: inspection.id, outcome: 'MET' } });
    expect(same.data!.checkRecommendation.userErrors).toEqual([broke('CH-137', ['inspectionId'], /not the one that made it/)]);
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const later = await api.gql(CheckRecommendationDocument, { input: { recommendationId: recommendation.id, inspectionId: visit.id, outcome: 'NOT_MET' } });
    expect(later.data!.checkRecommendation).toEqual({
      recommendation: { id: recommendation.id, status: 'NOT_MET', checkedAt: { id: visit.id } },
      userErrors: [],
    });
  });

  test('RFC-037 a family centre requirement is checked at a later visit to the centre', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-06-02' });
    const seen = await recordEvidence(api, inspection.id, { evaluationCriterion: 'HP.1' });
    const read = await recordEvidence(api, inspection.id, { source: 'RECORDS_AND_DOCUMENTS', evaluationCriterion: 'HP.1' });
    const requirement = ok(await recordRequirement(inspection.id, [seen.id, read.id])).requirement!;
    const refused = await checkRequirement(requirement.id, inspection.id);
    expect(refused.userErrors).toEqual([broke('RFC-037', ['inspectionId'], /later visit/)]);
  });

  test('an unknown requirement is NOT_FOUND', async () => {
    const provider = await registerProvider(api);
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT' });
    const refused = await checkRequirement('UmVxdWlyZW1lbnQ6bm9uZQ==', visit.id);
    expect(refused.userErrors).toEqual([problem('NOT_FOUND', ['requirementId'], /No requirement/)]);
  });
});
