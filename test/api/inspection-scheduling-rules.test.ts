/**
 * The rules of scheduling an inspection, end to end over HTTP: which inspection types apply to
 * which settings, the statement of purpose as a line of enquiry (CH-040), and the notice rules
 * (a breach is flagged on inspection.notice, not refused). For each rule the API enforces, the
 * request that breaks it is refused with the right userErrors entry (code, ruleId, field path, a
 * message that says what is wrong) and the matching request that keeps it is accepted.
 *
 * The clock stands at 2026-11-23 (a Monday); inspections are dated before it. Every test
 * registers its own settings, so the tests do not depend on one another. The drivers and the
 * expected userErrors entries (`broke`, `problem`) are in test/support.
 */
import { RegisterProviderDocument, type RegisterProviderInput } from '../generated/graphql';
import { useTestApp } from '../support/app';
import { AGENCY, FAMILY_CENTRE, SECURE_HOME, SINGLE_PERSON_AGENCY, registerProvider, registrationInput } from '../support/fixtures';
import { inspectionOfNewSetting, schedule, scheduleInspection, startInspection } from '../support/inspections';
import { broke, expectNoUserErrors, problem } from '../support/payloads';

const api = useTestApp();

describe('inspection types and the settings they apply to', () => {
  test.each<[string, Partial<RegisterProviderInput>, RegExp]>([
    ['RESIDENTIAL_FAMILY_CENTRE', FAMILY_CENTRE, /not a residential family centre/],
    ['ADOPTION_SUPPORT_AGENCY', AGENCY, /not a adoption support agency|not an adoption support agency/],
  ])('CH-170 an interim inspection cannot be scheduled for a %s', async (_, setting, message) => {
    const provider = await registerProvider(api, setting);
    const payload = await scheduleInspection(api, provider.id, { type: 'INTERIM_INSPECTION' });
    expect(payload.inspection).toBeNull();
    expect(payload.userErrors).toEqual([broke('CH-170', ['type'], message)]);
  });

  test.each<[string, Partial<RegisterProviderInput>]>([
    ['CHILDRENS_HOME', {}],
    ['SECURE_CHILDRENS_HOME', SECURE_HOME],
  ])('CH-170 an interim inspection is scheduled for a %s', async (_, setting) => {
    const provider = await registerProvider(api, setting);
    const payload = expectNoUserErrors(await scheduleInspection(api, provider.id, { type: 'INTERIM_INSPECTION' }));
    expect(payload.inspection).toMatchObject({ type: 'INTERIM_INSPECTION', status: 'SCHEDULED', provider: { id: provider.id } });
  });

  test.each<[string, Partial<RegisterProviderInput>]>([
    ['CHILDRENS_HOME', {}],
    ['RESIDENTIAL_FAMILY_CENTRE', FAMILY_CENTRE],
    ['ADOPTION_SUPPORT_AGENCY', AGENCY],
  ])('CA-052 an assurance visit cannot be scheduled for a %s', async (_, setting) => {
    const provider = await registerProvider(api, setting);
    const payload = await scheduleInspection(api, provider.id, { type: 'ASSURANCE_VISIT' });
    expect(payload.inspection).toBeNull();
    expect(payload.userErrors).toEqual([broke('CA-052', ['type'], /secure children's homes only/)]);
  });

  test("CA-052 an assurance visit is scheduled for a secure children's home", async () => {
    const provider = await registerProvider(api, SECURE_HOME);
    expect(provider).toMatchObject({ settingType: 'SECURE_CHILDRENS_HOME', places: 12 });
    const payload = expectNoUserErrors(await scheduleInspection(api, provider.id, { type: 'ASSURANCE_VISIT' }));
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
    expectNoUserErrors(await scheduleInspection(api, provider.id, { type: 'FULL_INSPECTION' }));
    expectNoUserErrors(await scheduleInspection(api, provider.id, { type: 'MONITORING_VISIT', linesOfEnquiry: [] }));
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
    const payload = await scheduleInspection(api, provider.id, { type, linesOfEnquiry: concernOnly });
    expect(payload.inspection).toBeNull();
    expect(payload.userErrors).toEqual([broke('CH-040', ['linesOfEnquiry'], /statement of purpose is always a line of enquiry/)]);
  });

  test("CH-040 a children's home full inspection with no lines of enquiry at all is refused", async () => {
    const provider = await registerProvider(api);
    const payload = await scheduleInspection(api, provider.id, { linesOfEnquiry: null });
    expect(payload.userErrors).toEqual([broke('CH-040', ['linesOfEnquiry'], /statement of purpose/)]);
  });

  test("CH-040 a children's home full inspection with a statement of purpose line of enquiry is scheduled", async () => {
    const provider = await registerProvider(api);
    const payload = expectNoUserErrors(
      await scheduleInspection(api, provider.id, {
        linesOfEnquiry: [...concernOnly, { source: 'STATEMENT_OF_PURPOSE', text: 'Does the home do what it says?' }],
      }),
    );
    expect(payload.inspection?.linesOfEnquiry).toEqual([
      { source: 'CONCERN_OR_COMPLAINT', text: 'A complaint about night-time staffing' },
      { source: 'STATEMENT_OF_PURPOSE', text: 'Does the home do what it says?' },
    ]);
  });

  test("CH-040 a children's home monitoring visit needs no statement of purpose line of enquiry", async () => {
    const provider = await registerProvider(api);
    expectNoUserErrors(await scheduleInspection(api, provider.id, { type: 'MONITORING_VISIT', linesOfEnquiry: concernOnly }));
  });

  test('CH-040 does not bind a residential family centre (the SCCIF does not say "always")', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    expectNoUserErrors(await scheduleInspection(api, provider.id, { linesOfEnquiry: concernOnly }));
  });
});

describe('notice (inspection.notice): a breach is flagged, not refused', () => {
  test("CH-004 notice given to a children's home is flagged as a breach, and the inspection is still scheduled", async () => {
    const provider = await registerProvider(api);
    const payload = expectNoUserErrors(await scheduleInspection(api, provider.id, { noticeGivenOn: '2026-11-05' }));
    expect(payload.inspection).toMatchObject({
      status: 'SCHEDULED',
      noticeGivenOn: '2026-11-05',
      notice: { rule: 'UNANNOUNCED', ruleId: 'CH-004', breach: true, explanation: expect.stringMatching(/2026-11-05.*unannounced/) },
    });
  });

  test("CH-004 an unannounced children's home inspection is no breach", async () => {
    const inspection = await inspectionOfNewSetting(api);
    expect(inspection.notice).toMatchObject({ rule: 'UNANNOUNCED', ruleId: 'CH-004', workingDaysGiven: null, breach: false });
  });

  test('CH-004 notice recorded when the inspection starts is flagged too', async () => {
    const provider = await registerProvider(api);
    const scheduled = await schedule(api, provider.id);
    const started = expectNoUserErrors(await startInspection(api, scheduled.id, '2026-11-10', { noticeGivenOn: '2026-11-09' }));
    expect(started.inspection?.notice).toMatchObject({ ruleId: 'CH-004', breach: true, workingDaysGiven: 1 });
  });

  test('RFC-047 notice given to a residential family centre is flagged as a breach; none is no breach', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    const announced = expectNoUserErrors(await scheduleInspection(api, provider.id, { noticeGivenOn: '2026-11-02' }));
    expect(announced.inspection?.notice).toMatchObject({ rule: 'UNANNOUNCED', ruleId: 'RFC-047', breach: true });
    const unannounced = expectNoUserErrors(await scheduleInspection(api, provider.id, { scheduledStart: '2026-11-17' }));
    expect(unannounced.inspection?.notice).toMatchObject({ rule: 'UNANNOUNCED', ruleId: 'RFC-047', breach: false });
  });

  test("ASA-043 an adoption support agency gets 10 working days' notice: 10 is enough, 9 is a breach", async () => {
    const provider = await registerProvider(api, AGENCY);
    // 2026-10-27 is 10 working days before Tuesday 2026-11-10; 2026-10-28 is 9.
    const enough = expectNoUserErrors(await scheduleInspection(api, provider.id, { noticeGivenOn: '2026-10-27' }));
    expect(enough.inspection?.notice).toMatchObject({
      rule: 'WORKING_DAYS_NOTICE',
      ruleId: 'ASA-043',
      workingDays: 10,
      workingDaysGiven: 10,
      breach: false,
    });
    const short = expectNoUserErrors(await scheduleInspection(api, provider.id, { noticeGivenOn: '2026-10-28' }));
    expect(short.inspection?.notice).toMatchObject({
      ruleId: 'ASA-043',
      workingDays: 10,
      workingDaysGiven: 9,
      breach: true,
      explanation: expect.stringMatching(/Only 9 working days/),
    });
  });

  test("ASA-043 a single-person agency gets 20 working days' notice: 10 is a breach, 20 is enough", async () => {
    const provider = await registerProvider(api, SINGLE_PERSON_AGENCY);
    expect(provider).toMatchObject({
      singlePersonAgency: true,
      registeredProvider: { kind: 'INDIVIDUAL' },
      responsibleIndividual: null,
      places: null,
    });
    const ten = expectNoUserErrors(await scheduleInspection(api, provider.id, { noticeGivenOn: '2026-10-27' }));
    expect(ten.inspection?.notice).toMatchObject({ ruleId: 'ASA-043', workingDays: 20, workingDaysGiven: 10, breach: true });
    const twenty = expectNoUserErrors(await scheduleInspection(api, provider.id, { noticeGivenOn: '2026-10-13' }));
    expect(twenty.inspection?.notice).toMatchObject({ ruleId: 'ASA-043', workingDays: 20, workingDaysGiven: 20, breach: false });
  });

  test('ASA-043 notice is counted to the first day on site, not the planned one', async () => {
    const provider = await registerProvider(api, AGENCY);
    const scheduled = await schedule(api, provider.id, { noticeGivenOn: '2026-10-27' });
    expect(scheduled.notice).toMatchObject({ workingDaysGiven: 10, breach: false });
    const started = expectNoUserErrors(await startInspection(api, scheduled.id, '2026-11-09'));
    expect(started.inspection?.notice).toMatchObject({ workingDaysGiven: 9, breach: true });
  });

  test('ASA-043 an agency inspection with no notice recorded is flagged', async () => {
    const provider = await registerProvider(api, AGENCY);
    const payload = expectNoUserErrors(await scheduleInspection(api, provider.id));
    expect(payload.inspection?.notice).toMatchObject({
      ruleId: 'ASA-043',
      workingDaysGiven: null,
      breach: true,
      explanation: expect.stringMatching(/No notice/),
    });
  });

  test('ASA-043 an organisation cannot be registered as a single-person agency', async () => {
    const { data } = await api.gql(RegisterProviderDocument, { input: registrationInput({ ...AGENCY, singlePersonAgency: true }) });
    expect(data!.registerProvider.userErrors).toEqual([broke('ASA-043', ['singlePersonAgency'], /individual registered provider/)]);
  });

  test('CH-195 a monitoring visit announced without a notice reason is a breach; with a reason it is not', async () => {
    const provider = await registerProvider(api);
    const withoutReason = expectNoUserErrors(
      await scheduleInspection(api, provider.id, { type: 'MONITORING_VISIT', noticeGivenOn: '2026-11-06' }),
    );
    expect(withoutReason.inspection?.notice).toMatchObject({
      rule: 'USUALLY_UNANNOUNCED',
      ruleId: 'CH-195',
      breach: true,
      explanation: expect.stringMatching(/without a recorded reason/),
    });
    const withReason = expectNoUserErrors(
      await scheduleInspection(api, provider.id, {
        type: 'MONITORING_VISIT',
        noticeGivenOn: '2026-11-06',
        noticeReason: 'The case review decided the manager must be present',
      }),
    );
    expect(withReason.inspection).toMatchObject({
      noticeReason: 'The case review decided the manager must be present',
      notice: { ruleId: 'CH-195', breach: false, explanation: expect.stringMatching(/manager must be present/) },
    });
    const unannounced = expectNoUserErrors(await scheduleInspection(api, provider.id, { type: 'MONITORING_VISIT' }));
    expect(unannounced.inspection?.notice).toMatchObject({ ruleId: 'CH-195', breach: false });
  });

  test("RFC-095 / ASA-113 the monitoring notice rule is the setting's own", async () => {
    const centre = await registerProvider(api, FAMILY_CENTRE);
    const agency = await registerProvider(api, AGENCY);
    const rfc = expectNoUserErrors(await scheduleInspection(api, centre.id, { type: 'MONITORING_VISIT', noticeGivenOn: '2026-11-06' }));
    expect(rfc.inspection?.notice).toMatchObject({ ruleId: 'RFC-095', breach: true });
    const asa = expectNoUserErrors(
      await scheduleInspection(api, agency.id, {
        type: 'MONITORING_VISIT',
        noticeGivenOn: '2026-11-06',
        noticeReason: 'Agreed at case review',
      }),
    );
    expect(asa.inspection?.notice).toMatchObject({ ruleId: 'ASA-113', breach: false });
  });

  test('CA-058 an assurance visit announced on its first day is no breach; announced the day before, it is', async () => {
    const provider = await registerProvider(api, SECURE_HOME);
    const lines = [{ source: 'PREVIOUS_INSPECTION' as const, text: 'Progress since the last inspection' }];
    const onTheDay = await schedule(api, provider.id, { type: 'ASSURANCE_VISIT', linesOfEnquiry: lines });
    const started = expectNoUserErrors(await startInspection(api, onTheDay.id, '2026-11-10', { noticeGivenOn: '2026-11-10' }));
    expect(started.inspection).toMatchObject({
      status: 'ON_SITE',
      noticeGivenOn: '2026-11-10',
      notice: {
        rule: 'ANNOUNCED_ON_FIRST_DAY',
        ruleId: 'CA-058',
        workingDaysGiven: 0,
        breach: false,
        explanation: 'Announced on its first day',
      },
    });
    const dayBefore = await schedule(api, provider.id, { type: 'ASSURANCE_VISIT', scheduledStart: '2026-11-17', linesOfEnquiry: lines });
    const early = expectNoUserErrors(await startInspection(api, dayBefore.id, '2026-11-17', { noticeGivenOn: '2026-11-16' }));
    expect(early.inspection?.notice).toMatchObject({ ruleId: 'CA-058', breach: true });
  });

  test('notice cannot be dated after the planned first day, nor in the future', async () => {
    const provider = await registerProvider(api, AGENCY);
    const after = await scheduleInspection(api, provider.id, { noticeGivenOn: '2026-11-11' });
    expect(after.userErrors).toEqual([problem('BAD_USER_INPUT', ['noticeGivenOn'], /on or before the first day/)]);
    const future = await scheduleInspection(api, provider.id, { scheduledStart: '2026-12-15', noticeGivenOn: '2026-11-30' });
    expect(future.userErrors).toEqual([problem('BAD_USER_INPUT', ['noticeGivenOn'], /cannot be in the future/)]);
  });
});
