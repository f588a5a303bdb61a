/**
 * Case reviews and notification tasks over HTTP: which outcomes open a case review and by when
 * (CH-175, RFC-079, ASA-107, CHA-064, CA-082, CHA-194), who is told and by when (CHA-078, CA-084,
 * CA-085, RFC-082), recording a notification as made, and the case review decision (CH-177).
 * Due dates are counted by hand in working days: weekends and England's bank holidays excluded,
 * the feedback day being day 0.
 */
import {
  EnforcementCompleteFieldworkDocument,
  EnforcementCompleteNotificationTaskDocument,
  EnforcementInspectionFollowUpsDocument,
  EnforcementNotificationTasksDocument,
  EnforcementOpenCaseReviewsDocument,
  EnforcementRecordCaseReviewDecisionDocument,
  RecordAssuranceVisitOutcomeDocument,
  type EnforcementOption,
  type OptionConsideredInput,
  type ProposeInterimJudgementInput,
  type RecordCaseReviewDecisionInput,
} from '../generated/graphql';
import { TEST_NOW, useTestApp } from '../support/app';
import { AGENCY, FAMILY_CENTRE, SECURE_HOME, leaveManager, registerProvider } from '../support/fixtures';
import { schedule, start, toFeedback } from '../support/inspections';
import { INADEQUATE, proposeFull, proposeInterim, type FullGrades } from '../support/judgements';
import { expectNoUserErrors } from '../support/payloads';

const api = useTestApp();
afterEach(() => api.clock.set(TEST_NOW));

const MANCHESTER = 'E08000003'; // the host authority of every setting registered here
const LEEDS = 'E08000035';
const WESTMINSTER = 'E09000033';

const ALL_OPTIONS: EnforcementOption[] = [
  'NO_ENFORCEMENT_ACTION',
  'MONITORING_VISITS',
  'BRING_INSPECTION_FORWARD',
  'COMPLIANCE_NOTICE',
  'IMPOSE_CONDITIONS',
  'RESTRICTION_OF_ACCOMMODATION',
  'SUSPENSION',
  'NOTICE_OF_PROPOSAL_TO_CANCEL',
  'PROSECUTION',
];

async function judgeFull(inspectionId: string, grades: FullGrades = {}) {
  expectNoUserErrors('proposeFullInspectionJudgements', await proposeFull(api, inspectionId, grades));
}

async function judgeInterim(inspectionId: string, input: Omit<ProposeInterimJudgementInput, 'inspectionId'>) {
  expectNoUserErrors('proposeInterimJudgement', await proposeInterim(api, inspectionId, input));
}

/** The inspection's case reviews and notification tasks, read back through `node`. */
async function followUps(inspectionId: string) {
  const { data } = await api.gql(EnforcementInspectionFollowUpsDocument, { id: inspectionId });
  const node = data!.node;
  if (node?.__typename !== 'Inspection') throw new Error(`${inspectionId} is not an inspection`);
  return node;
}

async function openReviews() {
  const { data } = await api.gql(EnforcementOpenCaseReviewsDocument);
  return data!.openCaseReviews.edges.map((e) => e.node);
}

async function tasksListed(filter: { localAuthority?: string; overdueOnly?: boolean }) {
  const { data } = await api.gql(EnforcementNotificationTasksDocument, filter);
  return data!.notificationTasks.edges.map((e) => e.node);
}

async function completeTask(notificationTaskId: string, doneOn: string) {
  const { data } = await api.gql(EnforcementCompleteNotificationTaskDocument, { input: { notificationTaskId, doneOn } });
  return data!.completeNotificationTask;
}

/** Every option in `options` considered, each but the chosen one rejected with a reason. */
function considered(chosen: EnforcementOption, options: EnforcementOption[] = ALL_OPTIONS): OptionConsideredInput[] {
  return options.map((option) => ({ option, rejectedBecause: option === chosen ? null : `Not proportionate: ${option.toLowerCase()}` }));
}

async function decide(caseReviewId: string, overrides: Partial<Omit<RecordCaseReviewDecisionInput, 'caseReviewId'>> = {}) {
  const { data } = await api.gql(EnforcementRecordCaseReviewDecisionDocument, {
    input: {
      caseReviewId,
      heldOn: '2026-10-07',
      optionsConsidered: considered('COMPLIANCE_NOTICE'),
      chosenOption: 'COMPLIANCE_NOTICE',
      decisionReason: 'The shortfalls can be put right quickly under a compliance notice',
      decidedBy: 'Rita RIM',
      ...overrides,
    },
  });
  return data!.recordCaseReviewDecision;
}

/** A children's home judged inadequate at a full inspection; returns the inspection ID and its case review. */
async function inadequateHome(options: { start: string; end?: string; placingAuthorities?: string[] }) {
  const home = await registerProvider(api);
  const inspectionId = await toFeedback(api, home.id, options);
  await judgeFull(inspectionId, INADEQUATE);
  const record = await followUps(inspectionId);
  expect(record.caseReviews).toHaveLength(1);
  return { home, inspectionId, review: record.caseReviews[0], tasks: record.notificationTasks };
}

function taskFor<T extends { recipient: string; localAuthority?: string | null }>(
  tasks: readonly T[],
  recipient: string,
  localAuthority: string | null,
): T {
  const found = tasks.find((t) => t.recipient === recipient && (t.localAuthority ?? null) === localAuthority);
  if (!found) throw new Error(`No ${recipient} task for ${localAuthority}: ${JSON.stringify(tasks)}`);
  return found;
}

// =================================================================================================

describe('case reviews opened by an outcome', () => {
  test("CH-175 a children's home full inspection judged inadequate opens one urgent case review, due 5 working days after feedback; a change opens no second", async () => {
    const home = await registerProvider(api);
    // On site Wednesday 30 September and Thursday 1 October 2026; feedback on the Thursday.
    const inspectionId = await toFeedback(api, home.id, { start: '2026-09-30', end: '2026-10-01' });
    await judgeFull(inspectionId, INADEQUATE);

    const { caseReviews } = await followUps(inspectionId);
    expect(caseReviews).toEqual([
      {
        id: expect.any(String),
        trigger: 'INADEQUATE_OVERALL',
        ruleId: 'CH-175',
        urgent: true,
        openedOn: '2026-10-01',
        // Thursday 1 October + 5 working days: Fri 2, Mon 5, Tue 6, Wed 7, Thu 8.
        dueBy: '2026-10-08',
        heldOn: null,
        optionsConsidered: [],
        chosenOption: null,
        decisionReason: null,
        decidedBy: null,
        late: true, // not held, and 8 October is past (today is 23 November)
        provider: { id: home.id, urn: home.urn, settingType: 'CHILDRENS_HOME' },
        inspection: { id: inspectionId, type: 'FULL_INSPECTION', feedbackDate: '2026-10-01' },
      },
    ]);
    const reviewId = caseReviews[0].id;
    const open = await openReviews();
    expect(open.filter((r) => r.id === reviewId)).toHaveLength(1);
    const dues = open.map((r) => r.dueBy);
    expect(dues).toEqual([...dues].sort()); // the earliest due first

    // Judgements changed before the draft (twice): still the one case review.
    await judgeFull(inspectionId, {
      ...INADEQUATE,
      helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      changeReason: 'QA: the protection evidence supports requires improvement',
    });
    await judgeFull(inspectionId, { ...INADEQUATE, changeReason: 'The RIM agreed the original judgements' });
    const after = await followUps(inspectionId);
    expect(after.caseReviews.map((r) => [r.id, r.trigger, r.dueBy])).toEqual([[reviewId, 'INADEQUATE_OVERALL', '2026-10-08']]);
    expect((await openReviews()).filter((r) => r.inspection.id === inspectionId)).toHaveLength(1);
  });

  test.each(['GOOD', 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', 'OUTSTANDING'] as const)(
    "CH-175 a children's home full inspection judged %s opens no case review and no notification",
    async (grade) => {
      const home = await registerProvider(api);
      const inspectionId = await toFeedback(api, home.id, { start: '2026-09-30', end: '2026-10-01', placingAuthorities: [LEEDS] });
      await judgeFull(inspectionId, { overallExperiencesAndProgress: grade, helpedAndProtected: grade, leadersAndManagers: grade });
      const record = await followUps(inspectionId);
      expect(record.caseReviews).toEqual([]);
      expect(record.notificationTasks).toEqual([]);
      expect((await openReviews()).filter((r) => r.inspection.id === inspectionId)).toEqual([]);
    },
  );

  test("CH-175 a good children's home changed to inadequate before the draft then opens the case review", async () => {
    const home = await registerProvider(api);
    const inspectionId = await toFeedback(api, home.id, { start: '2026-09-30', end: '2026-10-01' });
    await judgeFull(inspectionId);
    expect((await followUps(inspectionId)).caseReviews).toEqual([]);
    await judgeFull(inspectionId, { ...INADEQUATE, changeReason: 'Evidence reviewed at QA shows children were not protected' });
    expect((await followUps(inspectionId)).caseReviews).toEqual([
      expect.objectContaining({ trigger: 'INADEQUATE_OVERALL', ruleId: 'CH-175', openedOn: '2026-10-01', dueBy: '2026-10-08' }),
    ]);
  });

  test.each([
    ['RFC-079', 'a residential family centre', FAMILY_CENTRE, 'RESIDENTIAL_FAMILY_CENTRE'],
    ['ASA-107', 'an adoption support agency', AGENCY, 'ADOPTION_SUPPORT_AGENCY'],
  ] as const)(
    '%s %s judged inadequate overall opens one urgent case review due 5 working days after feedback; a change opens no second',
    async (ruleId, _, setting, settingType) => {
      const provider = await registerProvider(api, setting);
      // On site Monday 28 to Wednesday 30 September 2026; feedback on the Wednesday.
      const inspectionId = await toFeedback(api, provider.id, { start: '2026-09-28', end: '2026-09-30' });
      await judgeFull(inspectionId, INADEQUATE);
      const { caseReviews } = await followUps(inspectionId);
      expect(caseReviews).toEqual([
        expect.objectContaining({
          trigger: 'INADEQUATE_OVERALL',
          ruleId,
          urgent: true,
          openedOn: '2026-09-30',
          dueBy: '2026-10-07', // Wed 30 Sep + 5: Thu 1, Fri 2, Mon 5, Tue 6, Wed 7
          heldOn: null,
          provider: { id: provider.id, urn: provider.urn, settingType },
          inspection: { id: inspectionId, type: 'FULL_INSPECTION', feedbackDate: '2026-09-30' },
        }),
      ]);
      await judgeFull(inspectionId, {
        ...INADEQUATE,
        leadersAndManagers: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
        changeReason: 'Leaders acted on the concerns during the visit',
      });
      expect((await followUps(inspectionId)).caseReviews.map((r) => r.id)).toEqual([caseReviews[0].id]);
    },
  );

  test.each([
    ['RFC-079', 'a residential family centre', FAMILY_CENTRE],
    ['ASA-107', 'an adoption support agency', AGENCY],
  ] as const)('%s %s judged good opens no case review and no notification', async (_, __, setting) => {
    const provider = await registerProvider(api, setting);
    const inspectionId = await toFeedback(api, provider.id, { start: '2026-09-28', end: '2026-09-30', placingAuthorities: [LEEDS] });
    await judgeFull(inspectionId);
    const record = await followUps(inspectionId);
    expect(record.caseReviews).toEqual([]);
    expect(record.notificationTasks).toEqual([]);
  });

  test('CHA-064 an interim judged declined in effectiveness that suggests serious concerns opens one urgent case review', async () => {
    const home = await registerProvider(api);
    const full = await toFeedback(api, home.id, { start: '2026-05-12' });
    await judgeFull(full);
    // Interim on Thursday 1 October 2026, feedback the same day.
    const interim = await toFeedback(api, home.id, { type: 'INTERIM_INSPECTION', start: '2026-10-01', placingAuthorities: [LEEDS] });
    await judgeInterim(interim, { outcome: 'DECLINED_IN_EFFECTIVENESS', declineSuggestsSeriousConcerns: true });

    const record = await followUps(interim);
    expect(record.caseReviews).toEqual([
      expect.objectContaining({
        trigger: 'INTERIM_DECLINE_WITH_SERIOUS_CONCERNS',
        ruleId: 'CHA-064',
        urgent: true,
        openedOn: '2026-10-01',
        dueBy: '2026-10-08',
        heldOn: null,
        inspection: { id: interim, type: 'INTERIM_INSPECTION', feedbackDate: '2026-10-01' },
      }),
    ]);
    // CHA-077: after an interim decline the authorities are told only if the case review agrees to it.
    expect(record.notificationTasks).toEqual([]);
    expect((await followUps(full)).caseReviews).toEqual([]);

    await judgeInterim(interim, {
      outcome: 'DECLINED_IN_EFFECTIVENESS',
      declineSuggestsSeriousConcerns: true,
      changeReason: 'Wording of the findings revised',
    });
    expect((await followUps(interim)).caseReviews.map((r) => r.id)).toEqual([record.caseReviews[0].id]);
  });

  test.each([
    ['declineSuggestsSeriousConcerns false', false],
    ['declineSuggestsSeriousConcerns omitted', undefined],
  ] as const)('CHA-064 an interim declined in effectiveness with %s opens no case review', async (_, flag) => {
    const home = await registerProvider(api);
    await judgeFull(await toFeedback(api, home.id, { start: '2026-05-12' }));
    const interim = await toFeedback(api, home.id, { type: 'INTERIM_INSPECTION', start: '2026-10-01' });
    await judgeInterim(interim, {
      outcome: 'DECLINED_IN_EFFECTIVENESS',
      ...(flag === undefined ? {} : { declineSuggestsSeriousConcerns: flag }),
    });
    expect((await followUps(interim)).caseReviews).toEqual([]);
    // Flagged when the judgement is changed before the draft: the case review opens then.
    await judgeInterim(interim, {
      outcome: 'DECLINED_IN_EFFECTIVENESS',
      declineSuggestsSeriousConcerns: true,
      changeReason: 'The RIM judged the concerns serious',
    });
    expect((await followUps(interim)).caseReviews).toEqual([expect.objectContaining({ ruleId: 'CHA-064', dueBy: '2026-10-08' })]);
  });

  test('CA-082 an assurance visit finding serious or widespread concerns opens one urgent case review due 5 working days after the visit', async () => {
    const secure = await registerProvider(api, SECURE_HOME);
    // Visit Monday 28 to Wednesday 30 September 2026; feedback on day 3.
    const visit = await toFeedback(api, secure.id, { type: 'ASSURANCE_VISIT', start: '2026-09-28', end: '2026-09-30' });
    const { data } = await api.gql(RecordAssuranceVisitOutcomeDocument, {
      input: { inspectionId: visit, seriousOrWidespreadConcerns: true, concerns: 'Restraint used without recording; staff not trained' },
    });
    expect(data!.recordAssuranceVisitOutcome.userErrors).toEqual([]);
    expect((await followUps(visit)).caseReviews).toEqual([
      expect.objectContaining({
        trigger: 'SERIOUS_OR_WIDESPREAD_CONCERNS',
        ruleId: 'CA-082',
        urgent: true,
        openedOn: '2026-09-30',
        dueBy: '2026-10-07',
        provider: { id: secure.id, urn: secure.urn, settingType: 'SECURE_CHILDRENS_HOME' },
        inspection: { id: visit, type: 'ASSURANCE_VISIT', feedbackDate: '2026-09-30' },
      }),
    ]);
  });

  test('CA-082 an assurance visit without serious or widespread concerns opens no case review and no notification', async () => {
    const secure = await registerProvider(api, SECURE_HOME);
    const visit = await toFeedback(api, secure.id, {
      type: 'ASSURANCE_VISIT',
      start: '2026-09-28',
      end: '2026-09-30',
      placingAuthorities: [LEEDS],
    });
    const { data } = await api.gql(RecordAssuranceVisitOutcomeDocument, {
      input: { inspectionId: visit, seriousOrWidespreadConcerns: false },
    });
    expect(data!.recordAssuranceVisitOutcome.userErrors).toEqual([]);
    const record = await followUps(visit);
    expect(record.caseReviews).toEqual([]);
    expect(record.notificationTasks).toEqual([]);
  });

  test('CHA-194 a registered manager vacancy of 26 weeks at the feedback date opens an urgent case review due that day', async () => {
    const home = await registerProvider(api);
    // Vacant from 2 April to Thursday 1 October 2026: 29 (rest of April) + 31 + 30 + 31 + 31 + 30 = 182 days, exactly 26 weeks.
    await leaveManager(api, home.id, '2026-04-02');
    const inspectionId = await toFeedback(api, home.id, { start: '2026-09-30', end: '2026-10-01' });
    // CHA-195: leaders and managers must then be inadequate; overall need not be.
    await judgeFull(inspectionId, { leadersAndManagers: 'INADEQUATE', overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' });
    const record = await followUps(inspectionId);
    expect(record.caseReviews).toEqual([
      expect.objectContaining({
        trigger: 'LONG_MANAGER_VACANCY',
        ruleId: 'CHA-194',
        urgent: true,
        openedOn: '2026-10-01',
        dueBy: '2026-10-01',
        heldOn: null,
      }),
    ]);
    // Only an inadequate overall judgement (or serious concerns) tells the authorities.
    expect(record.notificationTasks).toEqual([]);
  });

  test('CHA-194 a vacancy of 181 days at the feedback date opens no case review', async () => {
    const home = await registerProvider(api);
    await leaveManager(api, home.id, '2026-04-03');
    const inspectionId = await toFeedback(api, home.id, { start: '2026-09-30', end: '2026-10-01' });
    await judgeFull(inspectionId);
    expect((await followUps(inspectionId)).caseReviews).toEqual([]);
  });
});

describe('notification tasks', () => {
  test("CHA-078 an inadequate children's home: one task for the host DCS and one per other placing DCS, due the next working day (Friday feedback: Monday)", async () => {
    // On site Thursday 1 and Friday 2 October 2026; feedback on the Friday. The host is listed as placing too, and Leeds twice.
    const { inspectionId, review, tasks } = await inadequateHome({
      start: '2026-10-01',
      end: '2026-10-02',
      placingAuthorities: [LEEDS, WESTMINSTER, MANCHESTER, LEEDS],
    });
    expect((await followUps(inspectionId)).placingAuthorities).toEqual([LEEDS, WESTMINSTER, MANCHESTER]);
    expect(review).toMatchObject({ ruleId: 'CH-175', dueBy: '2026-10-09' }); // Fri 2 Oct + 5 working days
    const expected = (recipient: string, localAuthority: string, name: string) => ({
      id: expect.any(String),
      recipient,
      localAuthority,
      authority: { name },
      ruleId: 'CHA-078',
      dueBy: '2026-10-05', // the end of Monday, the next working day after Friday 2 October
      doneOn: null,
      timing: { onTime: null, overdue: true },
      inspection: { id: inspectionId },
    });
    expect(tasks).toHaveLength(3);
    expect(tasks).toEqual(
      expect.arrayContaining([
        expected('HOST_AUTHORITY_DCS', MANCHESTER, 'Manchester'),
        expected('PLACING_AUTHORITY_DCS', LEEDS, 'Leeds'),
        expected('PLACING_AUTHORITY_DCS', WESTMINSTER, 'Westminster'),
      ]),
    );
  });

  test('CHA-078 feedback on Thursday 24 December 2026: due Tuesday 29 December, after Christmas Day and the Boxing Day substitute', async () => {
    api.setToday('2026-12-24');
    const { review, tasks } = await inadequateHome({ start: '2026-12-23', end: '2026-12-24', placingAuthorities: [LEEDS] });
    expect(tasks.map((t) => [t.recipient, t.localAuthority, t.dueBy]).sort()).toEqual([
      ['HOST_AUTHORITY_DCS', MANCHESTER, '2026-12-29'],
      ['PLACING_AUTHORITY_DCS', LEEDS, '2026-12-29'],
    ]);
    // Case review: Tue 29, Wed 30, Thu 31 December, (Fri 1 January a bank holiday), Mon 4, Tue 5 January.
    expect(review).toMatchObject({ openedOn: '2026-12-24', dueBy: '2027-01-05', late: false });
    expect(tasks.every((t) => t.timing.overdue === false && t.timing.onTime === null)).toBe(true);
  });

  test('CHA-075 an unknown placing authority code is a NOT_FOUND user error on completeFieldwork', async () => {
    const home = await registerProvider(api);
    const scheduled = await schedule(api, home.id, { scheduledStart: '2026-10-01' });
    await start(api, scheduled.id, '2026-10-01');
    const refused = await api.gql(EnforcementCompleteFieldworkDocument, {
      input: { inspectionId: scheduled.id, onSiteEnd: '2026-10-02', feedbackDate: '2026-10-02', placingAuthorities: [LEEDS, 'E08999999'] },
    });
    expect(refused.data!.completeFieldwork).toEqual({
      inspection: null,
      userErrors: [
        { code: 'NOT_FOUND', field: ['input', 'placingAuthorities', '1'], message: expect.stringContaining('"E08999999"'), ruleId: null },
      ],
    });
    const accepted = await api.gql(EnforcementCompleteFieldworkDocument, {
      input: { inspectionId: scheduled.id, onSiteEnd: '2026-10-02', feedbackDate: '2026-10-02', placingAuthorities: [LEEDS] },
    });
    expect(accepted.data!.completeFieldwork).toEqual({
      inspection: { id: scheduled.id, status: 'FIELDWORK_COMPLETE', feedbackDate: '2026-10-02' },
      userErrors: [],
    });
  });

  test('RFC-082 an inadequate family centre: no host task; each placing DCS is told the working day after the case review is due', async () => {
    const centre = await registerProvider(api, FAMILY_CENTRE);
    // Feedback Wednesday 30 September 2026: case review due Wednesday 7 October (RFC-079), the emails Thursday 8 October.
    const inspectionId = await toFeedback(api, centre.id, {
      start: '2026-09-28',
      end: '2026-09-30',
      placingAuthorities: [LEEDS, WESTMINSTER],
    });
    await judgeFull(inspectionId, INADEQUATE);
    const record = await followUps(inspectionId);
    expect(record.caseReviews).toEqual([expect.objectContaining({ ruleId: 'RFC-079', dueBy: '2026-10-07' })]);
    expect(record.notificationTasks).toHaveLength(2);
    expect(record.notificationTasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          recipient: 'PLACING_AUTHORITY_DCS',
          localAuthority: LEEDS,
          ruleId: 'RFC-082',
          dueBy: '2026-10-08',
          doneOn: null,
        }),
        expect.objectContaining({
          recipient: 'PLACING_AUTHORITY_DCS',
          localAuthority: WESTMINSTER,
          ruleId: 'RFC-082',
          dueBy: '2026-10-08',
          doneOn: null,
        }),
      ]),
    );
  });

  test("RFC-081 RFC-082 a family centre's own authority that placed a family is still told, as a placing authority", async () => {
    const centre = await registerProvider(api, FAMILY_CENTRE);
    const inspectionId = await toFeedback(api, centre.id, {
      start: '2026-09-28',
      end: '2026-09-30',
      placingAuthorities: [MANCHESTER, LEEDS],
    });
    await judgeFull(inspectionId, INADEQUATE);
    const { notificationTasks } = await followUps(inspectionId);
    // There is no host-authority notice for family centres, so Manchester's only notice is as a placing authority.
    expect(notificationTasks.map((t) => [t.recipient, t.localAuthority, t.ruleId, t.dueBy]).sort()).toEqual([
      ['PLACING_AUTHORITY_DCS', MANCHESTER, 'RFC-082', '2026-10-08'],
      ['PLACING_AUTHORITY_DCS', LEEDS, 'RFC-082', '2026-10-08'],
    ]);
  });

  test('CA-084 CA-085 serious concerns at an assurance visit: the host and each placing DCS, and the Department for Education, by the next working day', async () => {
    const secure = await registerProvider(api, SECURE_HOME);
    // Visit Wednesday 30 September to Friday 2 October 2026: due Monday 5 October.
    const visit = await toFeedback(api, secure.id, {
      type: 'ASSURANCE_VISIT',
      start: '2026-09-30',
      end: '2026-10-02',
      placingAuthorities: [LEEDS, WESTMINSTER, MANCHESTER],
    });
    const { data } = await api.gql(RecordAssuranceVisitOutcomeDocument, {
      input: { inspectionId: visit, seriousOrWidespreadConcerns: true, concerns: 'Children isolated for long periods without review' },
    });
    expect(data!.recordAssuranceVisitOutcome.userErrors).toEqual([]);
    const record = await followUps(visit);
    expect(record.caseReviews).toEqual([expect.objectContaining({ ruleId: 'CA-082', dueBy: '2026-10-09' })]);
    expect(record.notificationTasks).toHaveLength(4);
    expect(record.notificationTasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          recipient: 'HOST_AUTHORITY_DCS',
          localAuthority: MANCHESTER,
          authority: { name: 'Manchester' },
          ruleId: 'CA-084',
          dueBy: '2026-10-05',
        }),
        expect.objectContaining({
          recipient: 'PLACING_AUTHORITY_DCS',
          localAuthority: LEEDS,
          authority: { name: 'Leeds' },
          ruleId: 'CA-084',
          dueBy: '2026-10-05',
        }),
        expect.objectContaining({
          recipient: 'PLACING_AUTHORITY_DCS',
          localAuthority: WESTMINSTER,
          authority: { name: 'Westminster' },
          ruleId: 'CA-084',
          dueBy: '2026-10-05',
        }),
        expect.objectContaining({
          recipient: 'DEPARTMENT_FOR_EDUCATION',
          localAuthority: null,
          authority: null,
          ruleId: 'CA-085',
          dueBy: '2026-10-05',
        }),
      ]),
    );
  });

  test('completeNotificationTask: done on the due day is on time, done the day after is not; neither is overdue', async () => {
    const { inspectionId, tasks } = await inadequateHome({ start: '2026-10-01', end: '2026-10-02', placingAuthorities: [LEEDS] });
    const host = taskFor(tasks, 'HOST_AUTHORITY_DCS', MANCHESTER);
    const leeds = taskFor(tasks, 'PLACING_AUTHORITY_DCS', LEEDS);

    const onTime = await completeTask(host.id, '2026-10-05');
    expect(onTime.userErrors).toEqual([]);
    expect(onTime.notificationTask).toMatchObject({
      id: host.id,
      dueBy: '2026-10-05',
      doneOn: '2026-10-05',
      timing: { onTime: true, overdue: false },
    });

    const late = await completeTask(leeds.id, '2026-10-06');
    expect(late.userErrors).toEqual([]);
    expect(late.notificationTask).toMatchObject({
      id: leeds.id,
      dueBy: '2026-10-05',
      doneOn: '2026-10-06',
      timing: { onTime: false, overdue: false },
    });

    const reread = (await followUps(inspectionId)).notificationTasks;
    expect(taskFor(reread, 'HOST_AUTHORITY_DCS', MANCHESTER)).toMatchObject({
      doneOn: '2026-10-05',
      timing: { onTime: true, overdue: false },
    });
    expect(taskFor(reread, 'PLACING_AUTHORITY_DCS', LEEDS)).toMatchObject({
      doneOn: '2026-10-06',
      timing: { onTime: false, overdue: false },
    });
  });

  test('notificationTasks: a task not done is overdue once its due day has passed; listed by overdueOnly and by its authority', async () => {
    const { inspectionId, tasks } = await inadequateHome({
      start: '2026-10-01',
      end: '2026-10-02',
      placingAuthorities: [LEEDS, WESTMINSTER],
    });
    const ids = tasks.map((t) => t.id);
    const ours = <T extends { inspection: { id: string } }>(list: readonly T[]) => list.filter((t) => t.inspection.id === inspectionId);

    api.setToday('2026-10-05'); // the due day itself: not yet overdue
    expect((await followUps(inspectionId)).notificationTasks.map((t) => t.timing)).toEqual(
      tasks.map(() => ({ onTime: null, overdue: false })),
    );
    expect(ours(await tasksListed({ overdueOnly: true }))).toEqual([]);

    // 23:30 UTC on Monday 5 October is 00:30 on Tuesday 6 October in London: the due day has passed.
    api.clock.set(new Date('2026-10-05T23:30:00Z'));
    expect((await followUps(inspectionId)).notificationTasks.map((t) => t.timing)).toEqual(
      tasks.map(() => ({ onTime: null, overdue: true })),
    );
    api.setToday('2026-10-06');
    const overdue = await tasksListed({ overdueOnly: true });
    expect(
      ours(overdue)
        .map((t) => t.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(overdue.every((t) => t.doneOn === null && t.dueBy < '2026-10-06' && t.timing.overdue)).toBe(true);
    const dues = overdue.map((t) => t.dueBy);
    expect(dues).toEqual([...dues].sort()); // earliest due first

    const leeds = taskFor(tasks, 'PLACING_AUTHORITY_DCS', LEEDS);
    expect((await completeTask(leeds.id, '2026-10-06')).userErrors).toEqual([]);
    expect(
      ours(await tasksListed({ overdueOnly: true }))
        .map((t) => t.id)
        .sort(),
    ).toEqual(ids.filter((id) => id !== leeds.id).sort());

    const byLeeds = await tasksListed({ localAuthority: LEEDS });
    expect(byLeeds.every((t) => t.localAuthority === LEEDS)).toBe(true);
    expect(ours(byLeeds)).toEqual([
      expect.objectContaining({ id: leeds.id, doneOn: '2026-10-06', timing: { onTime: false, overdue: false } }),
    ]);
    const westminsterOverdue = await tasksListed({ localAuthority: WESTMINSTER, overdueOnly: true });
    expect(westminsterOverdue.every((t) => t.localAuthority === WESTMINSTER && t.doneOn === null)).toBe(true);
    expect(ours(westminsterOverdue).map((t) => t.id)).toEqual([taskFor(tasks, 'PLACING_AUTHORITY_DCS', WESTMINSTER).id]);
  });

  test('completeNotificationTask: a future date is BAD_USER_INPUT; completing twice is a CONFLICT; an unknown task is NOT_FOUND', async () => {
    const { inspectionId, review, tasks } = await inadequateHome({ start: '2026-10-01', end: '2026-10-02' });
    const host = taskFor(tasks, 'HOST_AUTHORITY_DCS', MANCHESTER);

    const future = await completeTask(host.id, '2026-11-24'); // today is 23 November
    expect(future).toEqual({
      notificationTask: null,
      userErrors: [expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'doneOn'] })],
    });
    expect(taskFor((await followUps(inspectionId)).notificationTasks, 'HOST_AUTHORITY_DCS', MANCHESTER).doneOn).toBeNull();

    expect((await completeTask(host.id, '2026-11-23')).notificationTask).toMatchObject({
      doneOn: '2026-11-23',
      timing: { onTime: false, overdue: false },
    });
    const twice = await completeTask(host.id, '2026-10-05');
    expect(twice).toEqual({
      notificationTask: null,
      userErrors: [
        expect.objectContaining({
          code: 'CONFLICT',
          field: ['input', 'notificationTaskId'],
          message: expect.stringContaining('2026-11-23'),
        }),
      ],
    });
    expect(taskFor((await followUps(inspectionId)).notificationTasks, 'HOST_AUTHORITY_DCS', MANCHESTER).doneOn).toBe('2026-11-23');

    // A case review's ID is no notification task's.
    const unknown = await completeTask(review.id, '2026-10-05');
    expect(unknown).toEqual({
      notificationTask: null,
      userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'notificationTaskId'] })],
    });
  });
});

describe('recordCaseReviewDecision', () => {
  const missingMessage =
    'not considered: NO_ENFORCEMENT_ACTION, BRING_INSPECTION_FORWARD, IMPOSE_CONDITIONS, RESTRICTION_OF_ACCOMMODATION, SUSPENSION, NOTICE_OF_PROPOSAL_TO_CANCEL, PROSECUTION';

  test("CH-177 a children's home case review considers every enforcement option: the missing ones are listed", async () => {
    const { inspectionId, review } = await inadequateHome({ start: '2026-09-30', end: '2026-10-01' });
    const refused = await decide(review.id, {
      optionsConsidered: considered('COMPLIANCE_NOTICE', ['MONITORING_VISITS', 'COMPLIANCE_NOTICE']),
    });
    expect(refused).toEqual({
      caseReview: null,
      userErrors: [
        {
          code: 'RULE_VIOLATION',
          ruleId: 'CH-177',
          field: ['input', 'optionsConsidered'],
          message: expect.stringContaining(missingMessage),
        },
      ],
    });
    expect((await followUps(inspectionId)).caseReviews).toEqual([
      expect.objectContaining({ id: review.id, heldOn: null, chosenOption: null, optionsConsidered: [] }),
    ]);
    expect((await openReviews()).map((r) => r.id)).toContain(review.id);
  });

  test('CH-177 each option not chosen needs rejectedBecause', async () => {
    const { review } = await inadequateHome({ start: '2026-09-30', end: '2026-10-01' });
    const options = considered('COMPLIANCE_NOTICE').map((o) =>
      o.option === 'SUSPENSION' ? { ...o, rejectedBecause: null } : o.option === 'PROSECUTION' ? { ...o, rejectedBecause: '   ' } : o,
    );
    const refused = await decide(review.id, { optionsConsidered: options });
    expect(refused.caseReview).toBeNull();
    expect(refused.userErrors).toEqual([
      {
        code: 'RULE_VIOLATION',
        ruleId: 'CH-177',
        field: ['input', 'optionsConsidered', '6', 'rejectedBecause'],
        message: expect.stringContaining('suspension was rejected'),
      },
      {
        code: 'RULE_VIOLATION',
        ruleId: 'CH-177',
        field: ['input', 'optionsConsidered', '8', 'rejectedBecause'],
        message: expect.stringContaining('prosecution was rejected'),
      },
    ]);
  });

  test('CH-177 the option chosen must be one of those considered', async () => {
    const { review } = await inadequateHome({ start: '2026-09-30', end: '2026-10-01' });
    const allButProsecution = ALL_OPTIONS.filter((o) => o !== 'PROSECUTION');
    const refused = await decide(review.id, {
      optionsConsidered: considered('PROSECUTION', allButProsecution),
      chosenOption: 'PROSECUTION',
    });
    expect(refused.caseReview).toBeNull();
    expect(refused.userErrors).toHaveLength(2);
    expect(refused.userErrors).toEqual(
      expect.arrayContaining([
        {
          code: 'RULE_VIOLATION',
          ruleId: 'CH-177',
          field: ['input', 'chosenOption'],
          message: expect.stringContaining('must be one of the options considered'),
        },
        {
          code: 'RULE_VIOLATION',
          ruleId: 'CH-177',
          field: ['input', 'optionsConsidered'],
          message: expect.stringContaining('not considered: PROSECUTION'),
        },
      ]),
    );
  });

  test('CH-177 an accepted decision is recorded and leaves openCaseReviews; held on the due day it is not late; deciding twice is a CONFLICT', async () => {
    const { inspectionId, review } = await inadequateHome({ start: '2026-09-30', end: '2026-10-01' });
    expect(review).toMatchObject({ dueBy: '2026-10-08', late: true });
    const accepted = await decide(review.id, {
      heldOn: '2026-10-08',
      decisionReason: '  The shortfalls can be put right quickly under a compliance notice  ',
      decidedBy: ' Rita RIM ',
    });
    expect(accepted.userErrors).toEqual([]);
    const expected = {
      id: review.id,
      trigger: 'INADEQUATE_OVERALL',
      ruleId: 'CH-175',
      openedOn: '2026-10-01',
      dueBy: '2026-10-08',
      heldOn: '2026-10-08',
      chosenOption: 'COMPLIANCE_NOTICE',
      decisionReason: 'The shortfalls can be put right quickly under a compliance notice',
      decidedBy: 'Rita RIM',
      optionsConsidered: considered('COMPLIANCE_NOTICE'),
      late: false,
    };
    expect(accepted.caseReview).toMatchObject(expected);
    expect((await followUps(inspectionId)).caseReviews).toEqual([expect.objectContaining(expected)]);
    expect((await openReviews()).map((r) => r.id)).not.toContain(review.id);

    const twice = await decide(review.id, {
      heldOn: '2026-10-09',
      chosenOption: 'SUSPENSION',
      optionsConsidered: considered('SUSPENSION'),
    });
    expect(twice).toEqual({
      caseReview: null,
      userErrors: [expect.objectContaining({ code: 'CONFLICT', field: ['input', 'caseReviewId'] })],
    });
    expect((await followUps(inspectionId)).caseReviews).toEqual([
      expect.objectContaining({ heldOn: '2026-10-08', chosenOption: 'COMPLIANCE_NOTICE' }),
    ]);
  });

  test('CH-177 a case review held after its due date is late; one not yet due and not held is not', async () => {
    const { inspectionId, review } = await inadequateHome({ start: '2026-09-30', end: '2026-10-01' });
    api.setToday('2026-10-08'); // the due day: not late yet
    expect((await followUps(inspectionId)).caseReviews[0].late).toBe(false);
    api.setToday('2026-10-09');
    expect((await followUps(inspectionId)).caseReviews[0].late).toBe(true);
    const held = await decide(review.id, { heldOn: '2026-10-09' });
    expect(held.userErrors).toEqual([]);
    expect(held.caseReview).toMatchObject({ heldOn: '2026-10-09', dueBy: '2026-10-08', late: true });
  });

  test('CH-177 refused: held before it was opened or in the future, no reason or no decision-maker, an option listed twice, an unknown review', async () => {
    const { inspectionId, review } = await inadequateHome({ start: '2026-09-30', end: '2026-10-01' });
    const early = await decide(review.id, { heldOn: '2026-09-30' });
    expect(early.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'heldOn'] })]);
    const future = await decide(review.id, { heldOn: '2026-11-24' });
    expect(future.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'heldOn'] })]);
    const unexplained = await decide(review.id, { decisionReason: ' ', decidedBy: '' });
    expect(unexplained.userErrors.map((e) => [e.code, e.field.join('.')])).toEqual([
      ['BAD_USER_INPUT', 'input.decisionReason'],
      ['BAD_USER_INPUT', 'input.decidedBy'],
    ]);
    const twice = await decide(review.id, {
      optionsConsidered: [...considered('COMPLIANCE_NOTICE'), { option: 'SUSPENSION', rejectedBecause: 'Again' }],
    });
    expect(twice.userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'optionsConsidered'] })]);
    const unknown = await decide(inspectionId);
    expect(unknown).toEqual({
      caseReview: null,
      userErrors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'caseReviewId'] })],
    });
    expect((await followUps(inspectionId)).caseReviews[0].heldOn).toBeNull();
  });

  test('CH-177 a family centre case review may consider only some options, but each one rejected still needs a reason', async () => {
    const centre = await registerProvider(api, FAMILY_CENTRE);
    const inspectionId = await toFeedback(api, centre.id, { start: '2026-09-28', end: '2026-09-30' });
    await judgeFull(inspectionId, INADEQUATE);
    const [review] = (await followUps(inspectionId)).caseReviews;

    const unreasoned = await decide(review.id, {
      heldOn: '2026-10-06',
      chosenOption: 'MONITORING_VISITS',
      optionsConsidered: [
        { option: 'MONITORING_VISITS', rejectedBecause: null },
        { option: 'COMPLIANCE_NOTICE', rejectedBecause: null },
      ],
    });
    expect(unreasoned.caseReview).toBeNull();
    expect(unreasoned.userErrors).toEqual([
      expect.objectContaining({
        code: 'RULE_VIOLATION',
        field: ['input', 'optionsConsidered', '1', 'rejectedBecause'],
        message: expect.stringContaining('compliance notice was rejected'),
      }),
    ]);

    const accepted = await decide(review.id, {
      heldOn: '2026-10-06',
      chosenOption: 'MONITORING_VISITS',
      optionsConsidered: [
        { option: 'MONITORING_VISITS', rejectedBecause: null },
        { option: 'COMPLIANCE_NOTICE', rejectedBecause: 'The centre has already put right the shortfalls in record keeping' },
      ],
    });
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.caseReview).toMatchObject({
      ruleId: 'RFC-079',
      heldOn: '2026-10-06',
      chosenOption: 'MONITORING_VISITS',
      late: false,
      optionsConsidered: [
        { option: 'MONITORING_VISITS', rejectedBecause: null },
        { option: 'COMPLIANCE_NOTICE', rejectedBecause: 'The centre has already put right the shortfalls in record keeping' },
      ],
    });
    expect((await openReviews()).map((r) => r.id)).not.toContain(review.id);
  });
});
