/**
 * The rules of judgements, end to end over HTTP: full inspection grades (limiting and capping
 * judgements), the registered manager vacancy, interim judgements and their baseline, the
 * no-judgement interims of Annex G, the kind of judgement each inspection type makes, new
 * judgements at monitoring visits, and changes after feedback. For each rule the API enforces,
 * the request that breaks it is refused with the right userErrors entry (code, ruleId, field
 * path, a message that says what is wrong) and the matching request that keeps it is accepted.
 *
 * The clock stands at 2026-11-23 (a Monday); inspections are dated before it. Every test
 * registers its own settings, so the tests do not depend on one another. The drivers and the
 * expected userErrors entries (`broke`, `problem`) are in test/support.
 */
import {
  ChangeRegisteredManagerDocument,
  ProviderVacanciesDocument,
  type NewJudgementConditionsInput,
  type RegisterProviderInput,
} from '../generated/graphql';
import { useTestApp } from '../support/app';
import { AGENCY, FAMILY_CENTRE, SECURE_HOME, leaveManager, registerProvider } from '../support/fixtures';
import {
  completeFieldwork,
  inspectionAtFeedback,
  inspectionOfNewSetting,
  recordEvidence,
  reread,
  schedule,
  start,
} from '../support/inspections';
import {
  ALL_CONDITIONS,
  judgedFullInspection,
  proposeFull,
  proposeInterim,
  recordAssurance,
  recordMonitoring,
  recordNoJudgement,
  type FullGrades,
} from '../support/judgements';
import { broke, expectNoUserErrors, problem } from '../support/payloads';
import { checkRequirement, recordRequirement } from '../support/requirements';

const api = useTestApp();

/** Proposes `grades`, which must be accepted, and expects the judgement recorded to hold them (and `more`). */
async function expectAccepted(inspectionId: string, grades: FullGrades, more: Record<string, unknown> = {}) {
  const accepted = expectNoUserErrors(await proposeFull(api, inspectionId, grades));
  expect(accepted.inspection?.judgement).toMatchObject({ ...grades, ...more });
  return accepted;
}

describe('full inspection judgements', () => {
  test('CH-155 overall must be inadequate when helped and protected is inadequate', async () => {
    const inspection = await inspectionOfNewSetting(api);
    for (const overall of ['GOOD', 'REQUIRES_IMPROVEMENT_TO_BE_GOOD'] as const) {
      const refused = await proposeFull(api, inspection.id, { helpedAndProtected: 'INADEQUATE', overallExperiencesAndProgress: overall });
      expect(refused.inspection).toBeNull();
      expect(refused.userErrors).toEqual([
        broke(
          'CH-155',
          ['overallExperiencesAndProgress'],
          /helped and protected is inadequate, overall experiences and progress must be inadequate/,
        ),
      ]);
    }
    expect((await reread(api, inspection.id)).judgementHistory).toEqual([]);
    await expectAccepted(
      inspection.id,
      { helpedAndProtected: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' },
      { version: 1, kind: 'FULL_INSPECTION', leadersAndManagers: 'GOOD', managerVacancyDays: null, changeReason: null },
    );
  });

  test("CH-155 binds a secure children's home too", async () => {
    const inspection = await inspectionOfNewSetting(api, SECURE_HOME);
    const refused = await proposeFull(api, inspection.id, { helpedAndProtected: 'INADEQUATE' });
    expect(refused.userErrors).toEqual([broke('CH-155', ['overallExperiencesAndProgress'], /must be inadequate/)]);
  });

  test('CH-156 helped and protected requiring improvement does not cap the overall: GOOD overall is accepted', async () => {
    const inspection = await inspectionOfNewSetting(api);
    await expectAccepted(inspection.id, { helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', overallExperiencesAndProgress: 'GOOD' });
  });

  test('CH-157 overall cannot be better than requires improvement when leaders and managers are inadequate', async () => {
    const inspection = await inspectionOfNewSetting(api);
    for (const overall of ['OUTSTANDING', 'GOOD'] as const) {
      const refused = await proposeFull(api, inspection.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: overall });
      expect(refused.userErrors).toEqual([
        broke(
          'CH-157',
          ['overallExperiencesAndProgress'],
          /leaders and managers is inadequate, overall experiences and progress can be no better than requires improvement/,
        ),
      ]);
    }
    await expectAccepted(inspection.id, {
      leadersAndManagers: 'INADEQUATE',
      overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
    });
  });

  test('CH-155 and CH-157 are both reported when both are broken', async () => {
    const inspection = await inspectionOfNewSetting(api);
    const refused = await proposeFull(api, inspection.id, {
      helpedAndProtected: 'INADEQUATE',
      leadersAndManagers: 'INADEQUATE',
      overallExperiencesAndProgress: 'GOOD',
    });
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
    const limited = await proposeFull(api, inspection.id, { helpedAndProtected: 'INADEQUATE', overallExperiencesAndProgress: 'GOOD' });
    expect(limited.userErrors).toEqual([broke(limiting, ['overallExperiencesAndProgress'], /must be inadequate/)]);
    const capped = await proposeFull(api, inspection.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'GOOD' });
    expect(capped.userErrors).toEqual([broke(cap, ['overallExperiencesAndProgress'], /no better than requires improvement to be good/)]);
    await expectAccepted(
      inspection.id,
      { helpedAndProtected: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' },
      { kind: 'FULL_INSPECTION' },
    );
  });
});

describe('registered manager vacancy', () => {
  test('CHA-195 after a vacancy of 26 weeks or more, leaders and managers must be inadequate', async () => {
    const provider = await registerProvider(api);
    await leaveManager(api, provider.id, '2026-05-01');
    // 2026-05-01 to 2026-11-10: 30 (rest of May) + 30 + 31 + 31 + 30 + 31 + 10 = 193 days, 27 weeks.
    const vacancy = await api.gql(ProviderVacanciesDocument, { urn: provider.urn, asOf: '2026-11-10' });
    expect(vacancy.data?.provider?.currentManagerVacancy).toMatchObject({ startDate: '2026-05-01', days: 193, weeks: 27 });

    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    for (const leaders of ['GOOD', 'REQUIRES_IMPROVEMENT_TO_BE_GOOD'] as const) {
      const refused = await proposeFull(api, inspection.id, {
        leadersAndManagers: leaders,
        overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      });
      expect(refused.userErrors).toEqual([
        broke(
          'CHA-195',
          ['leadersAndManagers'],
          /vacant for 27 weeks: a vacancy of 26 weeks or more means leaders and managers are inadequate/,
        ),
      ]);
    }
    await expectAccepted(
      inspection.id,
      { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' },
      { managerVacancyDays: 193 },
    );
  });

  test('CHA-195 the vacancy is counted to the feedback date, not to the first day on site', async () => {
    const provider = await registerProvider(api);
    await leaveManager(api, provider.id, '2026-05-12');
    // On site 2026-11-09 (181 days), feedback 2026-11-10 (182 days: exactly 26 weeks).
    const scheduled = await schedule(api, provider.id, { scheduledStart: '2026-11-09' });
    await start(api, scheduled.id, '2026-11-09');
    await completeFieldwork(api, scheduled.id, '2026-11-10');
    const refused = await proposeFull(api, scheduled.id);
    expect(refused.userErrors).toEqual([broke('CHA-195', ['leadersAndManagers'], /vacant for 26 weeks/)]);
    const accepted = expectNoUserErrors(
      await proposeFull(api, scheduled.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' }),
    );
    expect(accepted.inspection?.judgement?.managerVacancyDays).toBe(182);
  });

  test('CHA-195 a vacancy of 181 days is not caught', async () => {
    const provider = await registerProvider(api);
    await leaveManager(api, provider.id, '2026-05-13'); // 181 days before 2026-11-10
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const accepted = expectNoUserErrors(await proposeFull(api, inspection.id));
    expect(accepted.inspection?.judgement).toMatchObject({ leadersAndManagers: 'GOOD', managerVacancyDays: 181 });
  });

  test('CHA-195 a vacancy filled before the inspection is not counted', async () => {
    const provider = await registerProvider(api);
    await leaveManager(api, provider.id, '2025-01-06');
    const { data } = await api.gql(ChangeRegisteredManagerDocument, {
      input: { providerId: provider.id, effectiveDate: '2025-09-01', newManager: { name: 'Priya Shah' } },
    });
    expect(data!.changeRegisteredManager.userErrors).toEqual([]);
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const accepted = expectNoUserErrors(await proposeFull(api, inspection.id));
    expect(accepted.inspection?.judgement).toMatchObject({ leadersAndManagers: 'GOOD', managerVacancyDays: null });
  });

  test('CHA-195 a home that has never had a registered manager is vacant from its registration', async () => {
    const inspection = await inspectionOfNewSetting(api, { registeredManager: null }, { start: '2026-11-10' });
    const refused = await proposeFull(api, inspection.id);
    expect(refused.userErrors).toEqual([broke('CHA-195', ['leadersAndManagers'], /vacant for 131 weeks/)]);
    const accepted = expectNoUserErrors(
      await proposeFull(api, inspection.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' }),
    );
    // 2024-05-01 to 2026-11-10: 365 + 365 + 193 days.
    expect(accepted.inspection?.judgement?.managerVacancyDays).toBe(923);
  });

  test('RFC-025 a family centre without a manager for 26 weeks needs vacancyReason for a judgement better than inadequate', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    await leaveManager(api, provider.id, '2026-05-01');
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const refused = await proposeFull(api, inspection.id);
    expect(refused.userErrors).toEqual([broke('RFC-025', ['vacancyReason'], /No manager has been appointed for 27 weeks.*record why/)]);
    const blank = await proposeFull(api, inspection.id, { vacancyReason: ' ' });
    expect(blank.userErrors).toEqual([broke('RFC-025', ['vacancyReason'], /record why/)]);
    const accepted = expectNoUserErrors(
      await proposeFull(api, inspection.id, { vacancyReason: 'A new manager starts on 1 December after a thorough recruitment' }),
    );
    expect(accepted.inspection?.judgement).toMatchObject({
      leadersAndManagers: 'GOOD',
      managerVacancyDays: 193,
      vacancyReason: 'A new manager starts on 1 December after a thorough recruitment',
    });
  });

  test('RFC-025 inadequate leaders and managers need no vacancyReason', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    await leaveManager(api, provider.id, '2026-05-01');
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    expectNoUserErrors(
      await proposeFull(api, inspection.id, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' }),
    );
  });

  test('ASA-022 an adoption support agency without a manager for 26 weeks needs vacancyReason too', async () => {
    const provider = await registerProvider(api, AGENCY);
    await leaveManager(api, provider.id, '2026-05-01');
    const inspection = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const refused = await proposeFull(api, inspection.id);
    expect(refused.userErrors).toEqual([broke('ASA-022', ['vacancyReason'], /27 weeks/)]);
    expectNoUserErrors(await proposeFull(api, inspection.id, { vacancyReason: 'Recruitment is at interview stage' }));
  });
});

describe('interim judgements', () => {
  test('CH-170 an interim inspection with no earlier judged full inspection is refused', async () => {
    const interim = await inspectionOfNewSetting(api, {}, { type: 'INTERIM_INSPECTION' });
    const refused = await proposeInterim(api, interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' });
    expect(refused.inspection).toBeNull();
    expect(refused.userErrors).toEqual([broke('CH-170', ['outcome'], /relative to the previous inspection/)]);
  });

  test('CH-170 an earlier full inspection with no judgements recorded is no baseline', async () => {
    const provider = await registerProvider(api);
    await inspectionAtFeedback(api, provider.id, { start: '2026-05-12' });
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const refused = await proposeInterim(api, interim.id, { outcome: 'IMPROVED_EFFECTIVENESS' });
    expect(refused.userErrors).toEqual([broke('CH-170', ['outcome'], /no earlier judged/)]);
  });

  test('CH-170 an interim after a judged full inspection is accepted and previousInspection points to it', async () => {
    const provider = await registerProvider(api);
    const full = await judgedFullInspection(api, provider.id, '2026-05-12');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const accepted = expectNoUserErrors(await proposeInterim(api, interim.id, { outcome: 'IMPROVED_EFFECTIVENESS' }));
    expect(accepted.inspection).toMatchObject({
      previousInspection: { id: full.id, type: 'FULL_INSPECTION', feedbackDate: '2026-05-12' },
      judgement: { version: 1, kind: 'INTERIM', interimOutcome: 'IMPROVED_EFFECTIVENESS', overallExperiencesAndProgress: null },
    });
    expect((await reread(api, interim.id)).previousInspection?.id).toBe(full.id);
  });

  test('CH-170 the previous inspection is the latest judged full or interim one', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(api, provider.id, '2025-11-11');
    const firstInterim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-05-12' });
    expectNoUserErrors(await proposeInterim(api, firstInterim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' }));
    const secondInterim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const accepted = expectNoUserErrors(await proposeInterim(api, secondInterim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' }));
    expect(accepted.inspection?.previousInspection).toEqual({
      id: firstInterim.id,
      type: 'INTERIM_INSPECTION',
      feedbackDate: '2026-05-12',
    });
  });

  test('CH-170 a no-judgement (Annex G) interim is no baseline for a later interim', async () => {
    const provider = await registerProvider(api);
    const annexG = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-05-12' });
    expectNoUserErrors(await recordNoJudgement(api, annexG.id, { reason: 'NO_CHILDREN_SINCE_REGISTRATION' }));
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const refused = await proposeInterim(api, interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' });
    expect(refused.userErrors).toEqual([broke('CH-170', ['outcome'], /no earlier judged/)]);
  });

  test('CHA-197 an interim after a 26-week vacancy must be DECLINED_IN_EFFECTIVENESS (Annex N): no reason makes another outcome acceptable', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(api, provider.id, '2026-04-14');
    await leaveManager(api, provider.id, '2026-05-01');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    for (const reasonNotDeclined of [undefined, 'An interim manager has sustained the quality of care']) {
      const refused = await proposeInterim(api, interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS', reasonNotDeclined });
      expect(refused.userErrors).toEqual([broke('CHA-197', ['outcome'], /vacant for 27 weeks: .* must be declined in effectiveness/)]);
    }
  });

  test('CHA-197 declined in effectiveness after a 26-week vacancy needs no reason', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(api, provider.id, '2026-04-14');
    await leaveManager(api, provider.id, '2026-05-01');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const accepted = expectNoUserErrors(await proposeInterim(api, interim.id, { outcome: 'DECLINED_IN_EFFECTIVENESS' }));
    expect(accepted.inspection?.judgement).toMatchObject({ interimOutcome: 'DECLINED_IN_EFFECTIVENESS', managerVacancyDays: 193 });
  });
});

describe('no-judgement interims (Annex G)', () => {
  test('CHA-116 NO_CHILDREN_SINCE_REGISTRATION at the first inspection is recorded with the registration date in long form', async () => {
    const interim = await inspectionOfNewSetting(api, {}, { type: 'INTERIM_INSPECTION' });
    const accepted = expectNoUserErrors(
      await recordNoJudgement(api, interim.id, {
        reason: 'NO_CHILDREN_SINCE_REGISTRATION',
        inspectorText: 'The premises are ready for children.',
      }),
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
    const provider = await registerProvider(api, {
      registrationDate: '2025-03-09',
      registeredManager: { name: 'Samuel Okafor', startDate: '2025-03-09' },
    });
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION' });
    const accepted = expectNoUserErrors(await recordNoJudgement(api, interim.id, { reason: 'NO_CHILDREN_SINCE_REGISTRATION' }));
    expect(accepted.inspection?.judgement?.statement).toContain('since its registration on 9 March 2025.');
  });

  test('CHA-116 NO_CHILDREN_SINCE_REGISTRATION is refused when an earlier inspection exists', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(api, provider.id, '2025-11-11');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const refused = await recordNoJudgement(api, interim.id, { reason: 'NO_CHILDREN_SINCE_REGISTRATION' });
    expect(refused.inspection).toBeNull();
    expect(refused.userErrors).toEqual([broke('CHA-116', ['reason'], /first inspection after registration only/)]);
  });

  test('CHA-116 only inspections before this one count: a later visit recorded first does not make it a second inspection', async () => {
    const provider = await registerProvider(api);
    // The first inspection since registration: an interim in October, its outcome not yet recorded.
    const first = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-10-13' });
    // A monitoring visit in November, after a concern, with its fieldwork complete.
    await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const accepted = await recordNoJudgement(api, first.id, { reason: 'NO_CHILDREN_SINCE_REGISTRATION' });
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.inspection?.judgement?.statement).toContain('since its registration on 1 May 2024.');
  });

  test('CHA-124 CLOSED_NOT_TAKING_PLACEMENTS needs closedFor and notOperationalFor', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(api, provider.id, '2025-11-11');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const refused = await recordNoJudgement(api, interim.id, { reason: 'CLOSED_NOT_TAKING_PLACEMENTS' });
    expect(refused.userErrors).toEqual([
      broke('CHA-124', ['closedFor'], /how long the home has been closed/),
      broke('CHA-124', ['notOperationalFor'], /how long the home will not be operational/),
    ]);
    const half = await recordNoJudgement(api, interim.id, { reason: 'CLOSED_NOT_TAKING_PLACEMENTS', closedFor: 'six months' });
    expect(half.userErrors).toEqual([broke('CHA-124', ['notOperationalFor'], /not be operational/)]);
    const accepted = expectNoUserErrors(
      await recordNoJudgement(api, interim.id, {
        reason: 'CLOSED_NOT_TAKING_PLACEMENTS',
        closedFor: 'six months',
        notOperationalFor: 'three months',
      }),
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
    const full = await inspectionOfNewSetting(api);
    const refused = await recordNoJudgement(api, full.id, { reason: 'NO_CHILDREN_SINCE_REGISTRATION' });
    expect(refused.userErrors).toEqual([broke('CH-153', ['inspectionId'], /full inspection does not make this kind of judgement/)]);
  });
});

describe('the kind of judgement each inspection type makes', () => {
  test('CA-072 full grades on an assurance visit are refused; its outcome is recorded without a grade', async () => {
    const visit = await inspectionOfNewSetting(api, SECURE_HOME, { type: 'ASSURANCE_VISIT' });
    const graded = await proposeFull(api, visit.id);
    expect(graded.inspection).toBeNull();
    expect(graded.userErrors).toEqual([broke('CA-072', ['inspectionId'], /assurance visit does not make this kind of judgement/)]);
    const interim = await proposeInterim(api, visit.id, { outcome: 'IMPROVED_EFFECTIVENESS' });
    expect(interim.userErrors).toEqual([broke('CA-072', ['inspectionId'], /assurance visit/)]);
    const accepted = expectNoUserErrors(await recordAssurance(api, visit.id, false));
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
    const visit = await inspectionOfNewSetting(api, SECURE_HOME, { type: 'ASSURANCE_VISIT' });
    const refused = await recordAssurance(api, visit.id, true);
    expect(refused.userErrors).toEqual([broke('CA-073', ['concerns'], /Describe the serious or widespread concerns/)]);
    const blank = await recordAssurance(api, visit.id, true, '  ');
    expect(blank.userErrors).toEqual([broke('CA-073', ['concerns'], /Describe/)]);
    const accepted = expectNoUserErrors(await recordAssurance(api, visit.id, true, 'Restraint is not recorded or reviewed'));
    expect(accepted.inspection?.judgement).toMatchObject({
      seriousOrWidespreadConcerns: true,
      concerns: 'Restraint is not recorded or reviewed',
    });
  });

  test('CA-073 concerns are not described when none were found', async () => {
    const visit = await inspectionOfNewSetting(api, SECURE_HOME, { type: 'ASSURANCE_VISIT' });
    const refused = await recordAssurance(api, visit.id, false, 'Something');
    expect(refused.userErrors).toEqual([problem('BAD_USER_INPUT', ['concerns'], /only when serious or widespread concerns were found/)]);
  });

  test('CH-185 a monitoring visit makes no full-inspection judgements', async () => {
    const visit = await inspectionOfNewSetting(api, {}, { type: 'MONITORING_VISIT' });
    const refused = await proposeFull(api, visit.id);
    expect(refused.userErrors).toEqual([broke('CH-185', ['inspectionId'], /monitoring visit does not make this kind of judgement/)]);
  });

  test('CH-153 a full inspection makes no interim judgement', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(api, provider.id, '2025-11-11');
    const full = await inspectionAtFeedback(api, provider.id, { start: '2026-11-10' });
    const refused = await proposeInterim(api, full.id, { outcome: 'IMPROVED_EFFECTIVENESS' });
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
    const requirement = expectNoUserErrors(await recordRequirement(api, full.id, [weakness.id], { dueDate: '2026-08-01' })).requirement!;
    expectNoUserErrors(await proposeFull(api, full.id, { helpedAndProtected: 'INADEQUATE', overallExperiencesAndProgress: 'INADEQUATE' }));
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    return { provider, full, requirement, visit };
  }

  test('CH-185 a newOverallGrade when the home is not currently inadequate is refused', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(api, provider.id, '2026-06-02', { overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const refused = await recordMonitoring(api, visit.id, {
      newOverallGrade: 'GOOD',
      conditions: ALL_CONDITIONS,
      rationale: 'All put right',
    });
    expect(refused.inspection).toBeNull();
    expect(refused.userErrors).toEqual([broke('CH-185', ['newOverallGrade'], /new judgement only after an inadequate one/)]);
  });

  test('CH-185 a newOverallGrade for a home never judged is refused', async () => {
    const visit = await inspectionOfNewSetting(api, {}, { type: 'MONITORING_VISIT' });
    const refused = await recordMonitoring(api, visit.id, {
      newOverallGrade: 'GOOD',
      conditions: ALL_CONDITIONS,
      rationale: 'All put right',
    });
    expect(refused.userErrors).toEqual([broke('CH-185', ['newOverallGrade'], /only after an inadequate one/)]);
  });

  test('CH-184 a new judgement is refused while a requirement of the inadequate inspection is open', async () => {
    const { visit } = await inadequateHomeAndMonitoringVisit();
    const refused = await recordMonitoring(api, visit.id, {
      newOverallGrade: 'GOOD',
      conditions: ALL_CONDITIONS,
      rationale: 'The concerns are resolved',
    });
    expect(refused.inspection).toBeNull();
    expect(refused.userErrors).toEqual([
      broke('CH-184', ['newOverallGrade'], /All requirements must be met in full.*1 are not recorded as met/),
    ]);
  });

  test('CH-184 a requirement checked NOT_MET still blocks a new judgement', async () => {
    const { requirement, visit } = await inadequateHomeAndMonitoringVisit();
    expectNoUserErrors(await checkRequirement(api, requirement.id, visit.id, 'NOT_MET'));
    const refused = await recordMonitoring(api, visit.id, {
      newOverallGrade: 'GOOD',
      conditions: ALL_CONDITIONS,
      rationale: 'The concerns are resolved',
    });
    expect(refused.userErrors).toEqual([broke('CH-184', ['newOverallGrade'], /not recorded as met/)]);
  });

  test.each(Object.keys(ALL_CONDITIONS) as (keyof NewJudgementConditionsInput)[])(
    'CH-187 a new judgement is refused when %s is false',
    async (condition) => {
      const { requirement, visit } = await inadequateHomeAndMonitoringVisit();
      expectNoUserErrors(await checkRequirement(api, requirement.id, visit.id));
      const refused = await recordMonitoring(api, visit.id, {
        newOverallGrade: 'GOOD',
        conditions: { ...ALL_CONDITIONS, [condition]: false },
        rationale: 'The concerns are resolved',
      });
      expect(refused.userErrors).toEqual([
        broke('CH-187', ['conditions'], new RegExp(`Every condition for a new judgement must hold.*not met: ${condition}`)),
      ]);
    },
  );

  test('CH-187 a new judgement is refused when the conditions are not recorded; CH-218 and without a rationale', async () => {
    const { requirement, visit } = await inadequateHomeAndMonitoringVisit();
    expectNoUserErrors(await checkRequirement(api, requirement.id, visit.id));
    const refused = await recordMonitoring(api, visit.id, { newOverallGrade: 'GOOD' });
    expect(refused.userErrors).toEqual([
      broke('CH-218', ['rationale'], /Explain why a new judgement was made/),
      broke('CH-187', ['conditions'], /not met: all of them/),
    ]);
  });

  test('CH-184 / CH-187 after the requirement is MET at the visit, with all six conditions and a rationale, the new judgement is accepted', async () => {
    const { requirement, visit } = await inadequateHomeAndMonitoringVisit();
    const checked = expectNoUserErrors(await checkRequirement(api, requirement.id, visit.id));
    expect(checked.requirement).toEqual({ id: requirement.id, status: 'MET', checkedAt: { id: visit.id } });
    const accepted = expectNoUserErrors(
      await recordMonitoring(api, visit.id, {
        newOverallGrade: 'GOOD',
        conditions: ALL_CONDITIONS,
        rationale: 'The night-time checks are now in place and reviewed',
      }),
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
    expectNoUserErrors(await checkRequirement(api, requirement.id, visit.id));
    const refused = await recordMonitoring(api, visit.id, { newOverallGrade: 'INADEQUATE', conditions: ALL_CONDITIONS, rationale: 'x' });
    expect(refused.userErrors).toEqual([problem('BAD_USER_INPUT', ['newOverallGrade'], /improved one.*CH-186/)]);
  });

  test('CH-196 after a new judgement at a monitoring visit, the home is no longer inadequate: a later new grade is refused', async () => {
    const { provider, requirement, visit } = await inadequateHomeAndMonitoringVisit();
    expectNoUserErrors(await checkRequirement(api, requirement.id, visit.id));
    expectNoUserErrors(
      await recordMonitoring(api, visit.id, { newOverallGrade: 'GOOD', conditions: ALL_CONDITIONS, rationale: 'Put right' }),
    );
    const later = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-17' });
    const refused = await recordMonitoring(api, later.id, {
      newOverallGrade: 'OUTSTANDING',
      conditions: ALL_CONDITIONS,
      rationale: 'Even better',
    });
    expect(refused.userErrors).toEqual([broke('CH-185', ['newOverallGrade'], /only after an inadequate one/)]);
  });

  test('RFC-105 a family centre judged inadequate may get a new judgement at a monitoring visit with a rationale', async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    await judgedFullInspection(api, provider.id, '2026-06-02', {
      helpedAndProtected: 'INADEQUATE',
      overallExperiencesAndProgress: 'INADEQUATE',
    });
    const visit = await inspectionAtFeedback(api, provider.id, { type: 'MONITORING_VISIT', start: '2026-11-10' });
    const refused = await recordMonitoring(api, visit.id, { newOverallGrade: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
    expect(refused.userErrors).toEqual([broke('RFC-105', ['rationale'], /Explain why a new judgement was made/)]);
    const accepted = expectNoUserErrors(
      await recordMonitoring(api, visit.id, {
        newOverallGrade: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
        rationale: 'Safeguarding is now effective',
      }),
    );
    expect(accepted.inspection?.judgement).toMatchObject({ newOverallGrade: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', conditions: null });
  });

  test('a monitoring visit without a new grade is accepted, even with requirements open', async () => {
    const { visit } = await inadequateHomeAndMonitoringVisit();
    const accepted = expectNoUserErrors(await recordMonitoring(api, visit.id));
    expect(accepted.inspection?.judgement).toMatchObject({
      kind: 'MONITORING_VISIT',
      progressSummary: 'The home has acted on the concerns found at the last inspection.',
      newOverallGrade: null,
      conditions: null,
    });
  });

  test('a monitoring visit needs a progress summary', async () => {
    const visit = await inspectionOfNewSetting(api, {}, { type: 'MONITORING_VISIT' });
    const refused = await recordMonitoring(api, visit.id, { progressSummary: '  ' });
    expect(refused.userErrors).toEqual([problem('BAD_USER_INPUT', ['progressSummary'], /Summarise the progress/)]);
  });
});

describe('changes after feedback', () => {
  test('CH-246 changing judgements needs changeReason; the change is version 2 and version 1 is kept', async () => {
    const provider = await registerProvider(api);
    const inspection = await judgedFullInspection(api, provider.id, '2026-11-10');
    const refused = await proposeFull(api, inspection.id, { helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
    expect(refused.userErrors).toEqual([broke('CH-246', ['changeReason'], /a change needs the reason recorded/)]);
    const blank = await proposeFull(api, inspection.id, { helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', changeReason: '  ' });
    expect(blank.userErrors).toEqual([broke('CH-246', ['changeReason'], /reason/)]);
    expect((await reread(api, inspection.id)).judgementHistory).toHaveLength(1);

    const changed = expectNoUserErrors(
      await proposeFull(api, inspection.id, {
        helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
        changeReason: 'Managers agreed the safeguarding weaknesses were wider than first thought',
      }),
    );
    const version1 = {
      version: 1,
      kind: 'FULL_INSPECTION',
      helpedAndProtected: 'GOOD',
      overallExperiencesAndProgress: 'GOOD',
      changeReason: null,
    };
    const version2 = {
      version: 2,
      kind: 'FULL_INSPECTION',
      helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      overallExperiencesAndProgress: 'GOOD',
      changeReason: 'Managers agreed the safeguarding weaknesses were wider than first thought',
    };
    expect(changed.inspection?.judgement).toMatchObject(version2);
    expect(changed.inspection?.judgementHistory).toEqual([expect.objectContaining(version1), expect.objectContaining(version2)]);
    const stored = await reread(api, inspection.id);
    expect(stored.judgement).toMatchObject(version2);
    expect(stored.judgementHistory).toEqual([expect.objectContaining(version1), expect.objectContaining(version2)]);
  });

  test('CH-246 a change must still keep the judgement rules', async () => {
    const provider = await registerProvider(api);
    const inspection = await judgedFullInspection(api, provider.id, '2026-11-10');
    const refused = await proposeFull(api, inspection.id, { helpedAndProtected: 'INADEQUATE', changeReason: 'New evidence' });
    expect(refused.userErrors).toEqual([broke('CH-155', ['overallExperiencesAndProgress'], /must be inadequate/)]);
    expect((await reread(api, inspection.id)).judgementHistory).toHaveLength(1);
  });

  test('CH-246 changing an interim judgement needs changeReason too', async () => {
    const provider = await registerProvider(api);
    await judgedFullInspection(api, provider.id, '2026-05-12');
    const interim = await inspectionAtFeedback(api, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    expectNoUserErrors(await proposeInterim(api, interim.id, { outcome: 'IMPROVED_EFFECTIVENESS' }));
    const refused = await proposeInterim(api, interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' });
    expect(refused.userErrors).toEqual([broke('CH-246', ['changeReason'], /reason recorded/)]);
    const changed = expectNoUserErrors(
      await proposeInterim(api, interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS', changeReason: 'Moderation' }),
    );
    expect(changed.inspection?.judgementHistory.map((j) => [j.version, j.interimOutcome, j.changeReason])).toEqual([
      [1, 'IMPROVED_EFFECTIVENESS', null],
      [2, 'SUSTAINED_EFFECTIVENESS', 'Moderation'],
    ]);
  });

  test("RFC-086 changing a family centre's judgements needs changeReason", async () => {
    const provider = await registerProvider(api, FAMILY_CENTRE);
    const inspection = await judgedFullInspection(api, provider.id, '2026-11-10');
    const refused = await proposeFull(api, inspection.id, { leadersAndManagers: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
    expect(refused.userErrors).toEqual([broke('RFC-086', ['changeReason'], /reason recorded/)]);
  });
});

describe('CHA-197 read as a prompt (MANAGER_VACANCY_INTERIM_READING=PROMPT, the handbook ¶116)', () => {
  const prompting = useTestApp({ managerVacancy: { thresholdDays: 26 * 7, interimReading: 'PROMPT' } });

  test('CHA-197 an interim after a 26-week vacancy judged SUSTAINED_EFFECTIVENESS needs reasonNotDeclined, and is accepted with it', async () => {
    const provider = await registerProvider(prompting);
    await judgedFullInspection(prompting, provider.id, '2026-04-14');
    await leaveManager(prompting, provider.id, '2026-05-01');
    const interim = await inspectionAtFeedback(prompting, provider.id, { type: 'INTERIM_INSPECTION', start: '2026-11-10' });
    const refused = await proposeInterim(prompting, interim.id, { outcome: 'SUSTAINED_EFFECTIVENESS' });
    expect(refused.userErrors).toEqual([
      broke('CHA-197', ['reasonNotDeclined'], /vacant for 27 weeks: declined in effectiveness is the expected outcome/),
    ]);
    const accepted = expectNoUserErrors(
      await proposeInterim(prompting, interim.id, {
        outcome: 'SUSTAINED_EFFECTIVENESS',
        reasonNotDeclined: 'An interim manager has sustained the quality of care',
      }),
    );
    expect(accepted.inspection?.judgement).toMatchObject({
      interimOutcome: 'SUSTAINED_EFFECTIVENESS',
      managerVacancyDays: 193,
      vacancyReason: 'An interim manager has sustained the quality of care',
    });
  });
});
