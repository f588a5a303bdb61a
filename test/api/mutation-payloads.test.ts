/**
 * Each mutation on an inspection returns a payload of its own that says what it made (issue 14):
 * publishReport the published version (the same as `publicReport` then gives), sendDraftReport the
 * draft, a judgement mutation the version of the judgements, and so on; and the `viewerCan...`
 * fields of an inspection agree with what the mutations then do, for each kind of caller and at
 * each stage of the report pipeline.
 */
import { Role } from '../../src/domain/access';
import {
  CloseFactualAccuracyWindowDocument,
  CompleteFieldworkDocument,
  DeclareInspectionIncompleteDocument,
  DeferInspectionDocument,
  DraftReportDocument,
  InspectionViewerCanDocument,
  IssueFinalReportDocument,
  LodgeComplaintDocument,
  PayloadAddLineOfEnquiryDocument,
  PayloadAmendPublishedReportDocument,
  PayloadAnswerComplaintDocument,
  PayloadInspectionRecordsDocument,
  PayloadIssueFinalReportThroughInterfaceDocument,
  PayloadLodgeComplaintDocument,
  PayloadProposeFullInspectionJudgementsDocument,
  PayloadPublishReportDocument,
  PayloadRespondToFactualAccuracyCommentDocument,
  PayloadSendDraftReportDocument,
  PayloadSubmitFactualAccuracyCommentsDocument,
  PayloadWithdrawPublishedReportDocument,
  ProposeFullInspectionJudgementsDocument,
  PublishReportDocument,
  PublicReportDocument,
  ReportDraftsViewerCanDocument,
  RescheduleInspectionDocument,
  RespondToFactualAccuracyCommentDocument,
  ResumeFieldworkDocument,
  SendDraftReportDocument,
  StartInspectionDocument,
  SubmitDraftForQualityAssuranceDocument,
  SubmitFactualAccuracyCommentsDocument,
  WithholdPublicationDocument,
  WriteReportTextDocument,
} from '../generated/graphql';
import { TEST_REGION, useTestApp, type GraphQLResponse, type TestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import { inspectionAtFeedback, schedule } from '../support/inspections';
import { expectNoUserErrors, type WithUserErrors } from '../support/payloads';
import { VIEWER_CAN_ACTIONS as ACTIONS, type ViewerCanAction as Action } from '../support/viewer-can';
import { comments, completeReportText, issueFinal, proposeGood, sendDraft, toQualityAssurance } from '../support/reports';

const api = useTestApp();

/** The lead inspector every inspection here is scheduled with (test/support/inspections.ts, `scheduleInput`). */
const LEAD_INSPECTOR = 'Alex Inspector';

// -------------------------------------------------------------------------------------------------
// Helpers of this file

/** Takes an inspection with its feedback given to the final report, a working day a step (feedback on Monday 2 November 2026). */
async function toFinalReport(inspectionId: string): Promise<void> {
  await proposeGood(api, inspectionId);
  await toQualityAssurance(api, inspectionId, '2026-11-03');
  await sendDraft(api, inspectionId, '2026-11-04');
  const returned = await comments(api, inspectionId, '2026-11-05', ['The home has six places']);
  await respondToAll(returned.factualAccuracyComments);
  await issueFinal(api, inspectionId, '2026-11-09');
}

async function respondToAll(list: readonly { id: string }[]): Promise<void> {
  for (const comment of list) {
    const { data } = await api.gql(RespondToFactualAccuracyCommentDocument, {
      input: { commentId: comment.id, response: 'Corrected', respondedOn: '2026-11-06' },
    });
    expectNoUserErrors('respondToFactualAccuracyComment', data!.respondToFactualAccuracyComment);
  }
}

/** The callers of these tests, for a setting in the North West. */
async function callersFor(urn: string) {
  return {
    manager: api,
    inspector: api.as(await api.tokenFor(Role.INSPECTOR, { subject: LEAD_INSPECTOR, region: TEST_REGION })),
    /** An inspector of the region who is not assigned to the inspection. */
    stranger: api.as(await api.tokenFor(Role.INSPECTOR, { subject: 'Robin Elsewhere', region: TEST_REGION })),
    provider: await api.providerOf(urn),
  };
}
type Callers = Awaited<ReturnType<typeof callersFor>>;
type CallerName = keyof Callers;

/** The actions the caller may take on the inspection now, by its `viewerCan...` fields, in the order of ACTIONS. */
async function mayDo(caller: TestApp, inspectionId: string): Promise<Action[]> {
  const { data } = await caller.gql(InspectionViewerCanDocument, { id: inspectionId });
  const node = data!.node;
  if (node?.__typename !== 'Inspection') throw new Error(`${inspectionId} is not an inspection`);
  return ACTIONS.filter((action) => node[`viewerCan${action}`]);
}

/** What a mutation did: made its change, or was refused at the door, for where the inspection stands, or for its input. */
type Outcome = 'DONE' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'REFUSED_FOR_STATE' | `REFUSED_FOR_INPUT ${string}`;

async function outcomeOf<R>(sent: Promise<GraphQLResponse<R>>, payloadOf: (data: R) => WithUserErrors): Promise<Outcome> {
  const { data, errors } = await sent;
  const code = errors?.[0]?.extensions?.code;
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return code;
  if (errors?.length) throw new Error(`Unexpected errors: ${JSON.stringify(errors)}`);
  const { userErrors } = payloadOf(data!);
  if (userErrors.length === 0) return 'DONE';
  // A refusal of the inspection itself (where it stands) names the inspection; the others name the input at fault.
  if (userErrors.some((error) => error.field?.join('.') === 'input.inspectionId')) return 'REFUSED_FOR_STATE';
  return `REFUSED_FOR_INPUT ${JSON.stringify(userErrors)}`;
}

/**
 * Each action as its mutation, with an input that is right where the action is open (`day` for
 * every date). The answer to a complaint needs the complaint: it is tried where there is one.
 */
const ATTEMPT: Record<Exclude<Action, 'AnswerComplaint'>, (caller: TestApp, inspectionId: string, day: string) => Promise<Outcome>> = {
  StartInspection: (c, inspectionId, day) =>
    outcomeOf(
      c.gql(StartInspectionDocument, { input: { inspectionId, onSiteStart: day } }, { allowErrors: true }),
      (d) => d.startInspection,
    ),
  CompleteFieldwork: (c, inspectionId, day) =>
    outcomeOf(
      c.gql(CompleteFieldworkDocument, { input: { inspectionId, onSiteEnd: day, feedbackDate: day } }, { allowErrors: true }),
      (d) => d.completeFieldwork,
    ),
  RecordJudgements: (c, inspectionId) =>
    outcomeOf(
      c.gql(
        ProposeFullInspectionJudgementsDocument,
        {
          input: {
            inspectionId,
            overallExperiencesAndProgress: 'GOOD',
            helpedAndProtected: 'GOOD',
            leadersAndManagers: 'GOOD',
            changeReason: 'Moderated',
          },
        },
        { allowErrors: true },
      ),
      (d) => d.proposeFullInspectionJudgements,
    ),
  WriteReportText: (c, inspectionId) =>
    outcomeOf(
      c.gql(WriteReportTextDocument, { input: { inspectionId, overall: 'Children make good progress.' } }, { allowErrors: true }),
      (d) => d.writeReportText,
    ),
  DeferInspection: (c, inspectionId) =>
    outcomeOf(
      c.gql(
        DeferInspectionDocument,
        {
          input: {
            inspectionId,
            reason: 'SERIOUS_INCIDENT',
            justification: 'A fire at the home the night before',
            agreedBy: 'Morgan Manager',
          },
        },
        { allowErrors: true },
      ),
      (d) => d.deferInspection,
    ),
  RescheduleInspection: (c, inspectionId) =>
    outcomeOf(
      c.gql(RescheduleInspectionDocument, { input: { inspectionId, scheduledStart: '2026-11-16' } }, { allowErrors: true }),
      (d) => d.rescheduleInspection,
    ),
  DeclareInspectionIncomplete: (c, inspectionId) =>
    outcomeOf(
      c.gql(DeclareInspectionIncompleteDocument, { input: { inspectionId, reason: 'A serious incident' } }, { allowErrors: true }),
      (d) => d.declareInspectionIncomplete,
    ),
  ResumeFieldwork: (c, inspectionId, day) =>
    outcomeOf(
      c.gql(ResumeFieldworkDocument, { input: { inspectionId, onSiteStart: day } }, { allowErrors: true }),
      (d) => d.resumeFieldwork,
    ),
  SubmitDraftForQualityAssurance: (c, inspectionId, day) =>
    outcomeOf(
      c.gql(SubmitDraftForQualityAssuranceDocument, { input: { inspectionId, submittedOn: day } }, { allowErrors: true }),
      (d) => d.submitDraftForQualityAssurance,
    ),
  SendDraftReport: (c, inspectionId, day) =>
    outcomeOf(
      c.gql(
        SendDraftReportDocument,
        { input: { inspectionId, sentOn: day, qualityAssuredBy: 'Morgan Manager', providerInformedOfChangesOn: day } },
        { allowErrors: true },
      ),
      (d) => d.sendDraftReport,
    ),
  SubmitFactualAccuracyComments: (c, inspectionId, day) =>
    outcomeOf(
      c.gql(
        SubmitFactualAccuracyCommentsDocument,
        { input: { inspectionId, receivedOn: day, comments: ['The home has six places'] } },
        { allowErrors: true },
      ),
      (d) => d.submitFactualAccuracyComments,
    ),
  CloseFactualAccuracyWindow: (c, inspectionId) =>
    outcomeOf(
      c.gql(CloseFactualAccuracyWindowDocument, { input: { inspectionId } }, { allowErrors: true }),
      (d) => d.closeFactualAccuracyWindow,
    ),
  LodgeComplaint: (c, inspectionId, day) =>
    outcomeOf(
      c.gql(LodgeComplaintDocument, { input: { inspectionId, lodgedOn: day, summary: 'The judgement is unfair' } }, { allowErrors: true }),
      (d) => d.lodgeComplaint,
    ),
  IssueFinalReport: (c, inspectionId, day) =>
    outcomeOf(
      c.gql(IssueFinalReportDocument, { input: { inspectionId, issuedOn: day } }, { allowErrors: true }),
      (d) => d.issueFinalReport,
    ),
  PublishReport: (c, inspectionId, day) =>
    outcomeOf(c.gql(PublishReportDocument, { input: { inspectionId, publishedOn: day } }, { allowErrors: true }), (d) => d.publishReport),
  WithholdPublication: (c, inspectionId) =>
    outcomeOf(
      c.gql(
        WithholdPublicationDocument,
        { input: { inspectionId, reason: 'The setting has closed', decidedBy: 'Morgan Manager' } },
        { allowErrors: true },
      ),
      (d) => d.withholdPublication,
    ),
};

/**
 * At one stage: each caller may do exactly what `expected` says, and every action its `viewerCan...`
 * field says it may not is refused when tried (at the door, or for where the inspection stands),
 * writing nothing, so the inspection stays where it is.
 */
async function expectAtStage(
  callers: Callers,
  inspectionId: string,
  status: string,
  expected: Partial<Record<CallerName, Action[]>>,
  day: string,
): Promise<void> {
  for (const name of Object.keys(callers) as CallerName[]) {
    const caller = callers[name];
    const may = await mayDo(caller, inspectionId);
    expect({ caller: name, status, may }).toEqual({
      caller: name,
      status,
      may: ACTIONS.filter((action) => expected[name]?.includes(action)),
    });
    for (const action of ACTIONS) {
      if (may.includes(action) || action === 'AnswerComplaint') continue;
      const outcome = await ATTEMPT[action](caller, inspectionId, day);
      expect({ caller: name, status, action, outcome }).toEqual({
        caller: name,
        status,
        action,
        outcome: expect.stringMatching(/^(FORBIDDEN|REFUSED_FOR_STATE)$/),
      });
    }
  }
  const { data } = await api.gql(InspectionViewerCanDocument, { id: inspectionId });
  expect(data!.node).toMatchObject({ status });
}

/** A step the caller's `viewerCan...` field says it may take: it is done. */
async function expectDone(caller: TestApp, inspectionId: string, action: Exclude<Action, 'AnswerComplaint'>, day: string): Promise<void> {
  expect(await mayDo(caller, inspectionId)).toContain(action);
  expect({ action, outcome: await ATTEMPT[action](caller, inspectionId, day) }).toEqual({ action, outcome: 'DONE' });
}

// -------------------------------------------------------------------------------------------------
// What each payload says was made

describe('each mutation returns what it made', () => {
  test('publishReport returns the version it published, the same as publicReport gives afterwards; amend and withdraw say what they did', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-11-02' });
    await toFinalReport(inspection.id);

    const published = await api.gql(PayloadPublishReportDocument, { input: { inspectionId: inspection.id, publishedOn: '2026-11-10' } });
    const payload = expectNoUserErrors('publishReport', published.data!.publishReport);
    expect(payload.__typename).toBe('PublishReportPayload');
    expect(payload.inspection).toEqual({ id: inspection.id, status: 'PUBLISHED', publishedOn: '2026-11-10' });
    expect(payload.publishedReport).toMatchObject({
      urn: home.urn,
      version: 1,
      publishedOn: '2026-11-10',
      amendmentReason: null,
      versions: [{ version: 1, publishedOn: '2026-11-10', amendmentReason: null }],
    });
    const afterwards = await api.as(null).gql(PublicReportDocument, { urn: home.urn });
    expect(afterwards.data!.publicReport).toEqual(payload.publishedReport);

    const amended = await api.gql(PayloadAmendPublishedReportDocument, {
      input: { inspectionId: inspection.id, reason: 'The number of places was wrong', amendedOn: '2026-11-12' },
    });
    const amendment = expectNoUserErrors('amendPublishedReport', amended.data!.amendPublishedReport);
    expect(amendment.__typename).toBe('AmendPublishedReportPayload');
    expect(amendment.publishedReport).toMatchObject({
      id: payload.publishedReport!.id,
      version: 2,
      publishedOn: '2026-11-12',
      amendmentReason: 'The number of places was wrong',
    });
    expect((await api.as(null).gql(PublicReportDocument, { urn: home.urn })).data!.publicReport).toEqual(amendment.publishedReport);

    const withdrawn = await api.gql(PayloadWithdrawPublishedReportDocument, {
      input: { inspectionId: inspection.id, reason: 'It names a child', withdrawnOn: '2026-11-13' },
    });
    const withdrawal = expectNoUserErrors('withdrawPublishedReport', withdrawn.data!.withdrawPublishedReport);
    expect(withdrawal.withdrawal).toEqual({ reportId: payload.publishedReport!.id, versions: [1, 2], withdrawnOn: '2026-11-13' });
    expect((await api.as(null).gql(PublicReportDocument, { urn: home.urn })).data!.publicReport).toBeNull();
  });

  test('a refused mutation made nothing: what it would have made is null, like the inspection', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-11-02' });
    const { data } = await api.gql(PayloadPublishReportDocument, { input: { inspectionId: inspection.id, publishedOn: '2026-11-10' } });
    expect(data!.publishReport).toEqual({
      __typename: 'PublishReportPayload',
      inspection: null,
      publishedReport: null,
      userErrors: [expect.objectContaining({ code: 'RULE_VIOLATION', ruleId: 'CH-256', field: ['input', 'inspectionId'] })],
    });
    expect((await api.as(null).gql(PublicReportDocument, { urn: home.urn })).data!.publicReport).toBeNull();
  });

  test('sendDraftReport returns the draft the provider now has: what draftReport gives them', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-11-02' });
    await proposeGood(api, inspection.id);
    await toQualityAssurance(api, inspection.id, '2026-11-03');
    await completeReportText(api, inspection.id);
    const { data } = await api.gql(PayloadSendDraftReportDocument, {
      input: { inspectionId: inspection.id, sentOn: '2026-11-04', qualityAssuredBy: 'Morgan Manager' },
    });
    const payload = expectNoUserErrors('sendDraftReport', data!.sendDraftReport);
    expect(payload.__typename).toBe('SendDraftReportPayload');
    expect(payload.inspection).toEqual({ id: inspection.id, status: 'DRAFT_SENT_TO_PROVIDER', draftSentOn: '2026-11-04' });
    expect(payload.draftReport).toMatchObject({ urn: home.urn, version: 0, publishedOn: '2026-11-04', inspectionEnd: '2026-11-02' });
    expect(payload.draftReport!.sections.map((s) => s.text)).toContain('Children make good progress.');
    const provider = await api.providerOf(home.urn);
    expect((await provider.gql(DraftReportDocument, { inspectionId: inspection.id })).data!.draftReport).toEqual(payload.draftReport);
  });

  test('a judgement mutation returns the version of the judgements it recorded: the proposal, then each change', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-11-02' });
    const input = {
      inspectionId: inspection.id,
      overallExperiencesAndProgress: 'GOOD',
      helpedAndProtected: 'GOOD',
      leadersAndManagers: 'GOOD',
    } as const;
    const proposed = expectNoUserErrors(
      'propose',
      (await api.gql(PayloadProposeFullInspectionJudgementsDocument, { input })).data!.proposeFullInspectionJudgements,
    );
    expect(proposed.__typename).toBe('ProposeFullInspectionJudgementsPayload');
    expect(proposed.judgement).toMatchObject({
      version: 1,
      kind: 'FULL_INSPECTION',
      overallExperiencesAndProgress: 'GOOD',
      changeReason: null,
    });
    expect(proposed.judgement).toEqual(proposed.inspection!.judgement);

    const changed = expectNoUserErrors(
      'change',
      (
        await api.gql(PayloadProposeFullInspectionJudgementsDocument, {
          input: { ...input, leadersAndManagers: 'OUTSTANDING', changeReason: 'Moderated' },
        })
      ).data!.proposeFullInspectionJudgements,
    );
    expect(changed.judgement).toMatchObject({ version: 2, leadersAndManagers: 'OUTSTANDING', changeReason: 'Moderated' });
    expect(changed.judgement).toEqual(changed.inspection!.judgement);
  });

  test("the provider's comments, the responses, a complaint and its answer: each payload returns the record it made or changed", async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-11-02' });
    await proposeGood(api, inspection.id);
    await toQualityAssurance(api, inspection.id, '2026-11-03');
    await sendDraft(api, inspection.id, '2026-11-04');
    const provider = await api.providerOf(home.urn);

    const submitted = expectNoUserErrors(
      'submitFactualAccuracyComments',
      (
        await provider.gql(PayloadSubmitFactualAccuracyCommentsDocument, {
          input: { inspectionId: inspection.id, receivedOn: '2026-11-05', comments: ['Six places', ' Not five '] },
        })
      ).data!.submitFactualAccuracyComments,
    );
    expect(submitted.factualAccuracyComments).toEqual([
      { id: expect.any(String), comment: 'Six places', receivedOn: '2026-11-05', response: null },
      { id: expect.any(String), comment: 'Not five', receivedOn: '2026-11-05', response: null },
    ]);
    expect(submitted.factualAccuracyComments).toEqual(submitted.inspection!.factualAccuracyComments);

    const first = submitted.factualAccuracyComments![0]!;
    const responded = expectNoUserErrors(
      'respondToFactualAccuracyComment',
      (
        await api.gql(PayloadRespondToFactualAccuracyCommentDocument, {
          input: { commentId: first.id, response: 'Corrected', respondedOn: '2026-11-06' },
        })
      ).data!.respondToFactualAccuracyComment,
    );
    expect(responded.factualAccuracyComment).toEqual({
      id: first.id,
      comment: 'Six places',
      response: 'Corrected',
      respondedOn: '2026-11-06',
    });

    await respondToAll(submitted.factualAccuracyComments!.slice(1));
    await issueFinal(api, inspection.id, '2026-11-09');
    const lodged = expectNoUserErrors(
      'lodgeComplaint',
      (
        await provider.gql(PayloadLodgeComplaintDocument, {
          input: { inspectionId: inspection.id, lodgedOn: '2026-11-10', summary: 'The judgement is unfair' },
        })
      ).data!.lodgeComplaint,
    );
    expect(lodged.complaint).toEqual({
      id: expect.any(String),
      lodgedOn: '2026-11-10',
      summary: 'The judgement is unfair',
      answer: null,
      answeredOn: null,
    });
    expect(lodged.inspection!.complaints).toEqual([
      { id: lodged.complaint!.id, lodgedOn: '2026-11-10', summary: 'The judgement is unfair', answer: null },
    ]);

    const answered = expectNoUserErrors(
      'answerComplaint',
      (
        await api.gql(PayloadAnswerComplaintDocument, {
          input: { complaintId: lodged.complaint!.id, answer: 'Not upheld', answeredOn: '2026-11-11' },
        })
      ).data!.answerComplaint,
    );
    expect(answered.complaint).toEqual({ ...lodged.complaint, answer: 'Not upheld', answeredOn: '2026-11-11' });
    expect(answered.inspection).toEqual({ id: inspection.id, status: 'FINAL_REPORT_ISSUED' });
  });

  test('addLineOfEnquiry returns the line it added', async () => {
    const home = await registerProvider(api);
    const scheduled = await schedule(api, home.id, { scheduledStart: '2026-11-30' });
    const { data } = await api.gql(PayloadAddLineOfEnquiryDocument, {
      input: { inspectionId: scheduled.id, source: 'NOTIFICATION', text: ' A missing-from-home notification ' },
    });
    const payload = expectNoUserErrors('addLineOfEnquiry', data!.addLineOfEnquiry);
    expect(payload.lineOfEnquiry).toEqual({
      source: 'NOTIFICATION',
      text: 'A missing-from-home notification',
      createdAt: expect.any(String),
    });
    expect(payload.inspection!.linesOfEnquiry.at(-1)).toEqual(payload.lineOfEnquiry);
  });

  test('a fragment on InspectionPayload still reads the inspection and userErrors of every such payload', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-11-02' });
    await proposeGood(api, inspection.id);
    await toQualityAssurance(api, inspection.id, '2026-11-03');
    await sendDraft(api, inspection.id, '2026-11-04');
    const returned = await comments(api, inspection.id, '2026-11-05', ['Six places']);
    await respondToAll(returned.factualAccuracyComments);
    const { data } = await api.gql(PayloadIssueFinalReportThroughInterfaceDocument, {
      input: { inspectionId: inspection.id, issuedOn: '2026-11-09' },
    });
    expect(data!.issueFinalReport).toEqual({
      __typename: 'IssueFinalReportPayload',
      inspection: { id: inspection.id, status: 'FINAL_REPORT_ISSUED', finalReportIssuedOn: '2026-11-09' },
      userErrors: [],
    });
  });
});

// -------------------------------------------------------------------------------------------------
// What the caller may do next

describe('viewerCan says what the mutation then does', () => {
  test('at every stage of a full inspection, for the manager, the assigned inspector, an inspector not assigned and the provider', async () => {
    const home = await registerProvider(api);
    const callers = await callersFor(home.urn);
    const { manager, inspector, provider } = callers;
    const { id } = await schedule(api, home.id, { scheduledStart: '2026-11-02', leadInspector: LEAD_INSPECTOR });
    const recording = (...more: Action[]): Action[] => ['DeclareInspectionIncomplete', ...more];

    await expectAtStage(
      callers,
      id,
      'SCHEDULED',
      { manager: ['StartInspection', 'DeferInspection'], inspector: ['StartInspection', 'DeferInspection'] },
      '2026-11-02',
    );
    await expectDone(inspector, id, 'StartInspection', '2026-11-02');

    const onSite = recording('CompleteFieldwork', 'DeferInspection');
    await expectAtStage(callers, id, 'ON_SITE', { manager: onSite, inspector: onSite }, '2026-11-02');
    await expectDone(inspector, id, 'CompleteFieldwork', '2026-11-02');

    const afterFeedback = recording('RecordJudgements', 'WriteReportText', 'SubmitDraftForQualityAssurance');
    await expectAtStage(callers, id, 'FIELDWORK_COMPLETE', { manager: afterFeedback, inspector: afterFeedback }, '2026-11-03');
    await expectDone(inspector, id, 'RecordJudgements', '2026-11-03');
    await completeReportText(api, id);
    await expectDone(inspector, id, 'SubmitDraftForQualityAssurance', '2026-11-03');

    // In quality assurance a change to the judgements proposed is the manager's, and so is sending the draft.
    await expectAtStage(
      callers,
      id,
      'DRAFT_IN_QUALITY_ASSURANCE',
      { manager: recording('RecordJudgements', 'WriteReportText', 'SendDraftReport'), inspector: recording('WriteReportText') },
      '2026-11-04',
    );
    await expectDone(manager, id, 'RecordJudgements', '2026-11-04');
    await expectDone(manager, id, 'SendDraftReport', '2026-11-04');

    await expectAtStage(
      callers,
      id,
      'DRAFT_SENT_TO_PROVIDER',
      {
        manager: recording('CloseFactualAccuracyWindow'),
        inspector: recording('CloseFactualAccuracyWindow'),
        provider: ['SubmitFactualAccuracyComments', 'LodgeComplaint'],
      },
      '2026-11-05',
    );
    // The provider reads the same through its setting's drafts.
    const drafts = await provider.gql(ReportDraftsViewerCanDocument, { urn: home.urn });
    expect(drafts.data!.provider!.reportDrafts).toEqual([
      expect.objectContaining({ id, viewerCanSubmitFactualAccuracyComments: true, viewerCanPublishReport: false }),
    ]);
    await expectDone(provider, id, 'SubmitFactualAccuracyComments', '2026-11-05');

    await expectAtStage(
      callers,
      id,
      'PROVIDER_COMMENTS_RECEIVED',
      { manager: recording('WriteReportText', 'IssueFinalReport'), inspector: recording('WriteReportText') },
      '2026-11-06',
    );
    await respondToAll((await recordsOf(id)).factualAccuracyComments);
    await expectDone(manager, id, 'IssueFinalReport', '2026-11-09');

    await expectAtStage(
      callers,
      id,
      'FINAL_REPORT_ISSUED',
      { manager: recording('PublishReport', 'WithholdPublication'), inspector: recording(), provider: ['LodgeComplaint'] },
      '2026-11-10',
    );
    await expectDone(manager, id, 'PublishReport', '2026-11-10');

    await expectAtStage(callers, id, 'PUBLISHED', { manager: ['WriteReportText'], inspector: ['WriteReportText'] }, '2026-11-11');
  });

  test('a complaint opens its answer to the recorders only; deferral, incompleteness and withholding are open where their fields say', async () => {
    const home = await registerProvider(api);
    const callers = await callersFor(home.urn);
    const { manager, inspector, provider } = callers;

    // Deferred, rescheduled, started, declared incomplete, resumed.
    const { id } = await schedule(api, home.id, { scheduledStart: '2026-11-02', leadInspector: LEAD_INSPECTOR });
    await expectDone(inspector, id, 'DeferInspection', '2026-11-02');
    await expectAtStage(callers, id, 'DEFERRED', { manager: ['RescheduleInspection'], inspector: ['RescheduleInspection'] }, '2026-11-02');
    await expectDone(manager, id, 'RescheduleInspection', '2026-11-02');
    await expectDone(inspector, id, 'StartInspection', '2026-11-16');
    await expectDone(inspector, id, 'DeclareInspectionIncomplete', '2026-11-16');
    await expectAtStage(callers, id, 'INCOMPLETE', { manager: ['ResumeFieldwork'], inspector: ['ResumeFieldwork'] }, '2026-11-17');
    await expectDone(inspector, id, 'ResumeFieldwork', '2026-11-17');

    // A complaint on the draft, answered by the inspector; the window then closed by the manager once passed.
    const other = await inspectionAtFeedback(api, home.id, { start: '2026-11-02', schedule: { leadInspector: LEAD_INSPECTOR } });
    await proposeGood(api, other.id);
    await toQualityAssurance(api, other.id, '2026-11-03');
    await sendDraft(api, other.id, '2026-11-04');
    await expectDone(provider, other.id, 'LodgeComplaint', '2026-11-05');
    await expectAtStage(
      callers,
      other.id,
      'UNDER_COMPLAINT',
      { manager: ['DeclareInspectionIncomplete', 'AnswerComplaint'], inspector: ['DeclareInspectionIncomplete', 'AnswerComplaint'] },
      '2026-11-06',
    );
    const complaintId = await complaintOf(other.id);
    const answerAs = (caller: TestApp) =>
      outcomeOf(
        caller.gql(
          PayloadAnswerComplaintDocument,
          { input: { complaintId, answer: 'Not upheld', answeredOn: '2026-11-06' } },
          { allowErrors: true },
        ),
        (d) => d.answerComplaint,
      );
    expect(await answerAs(provider)).toBe('FORBIDDEN');
    expect(await answerAs(callers.stranger)).toBe('FORBIDDEN');
    expect(await answerAs(inspector)).toBe('DONE');
    expect(await mayDo(manager, other.id)).not.toContain('AnswerComplaint');
    expect(await answerAs(manager)).toBe('REFUSED_FOR_STATE');
    await expectDone(manager, other.id, 'IssueFinalReport', '2026-11-09');
    await expectDone(manager, other.id, 'WithholdPublication', '2026-11-10');
    await expectAtStage(callers, other.id, 'NOT_PUBLISHED', {}, '2026-11-11');
  });

  test('the public may neither read what it may do nor do it: every mutation is refused UNAUTHENTICATED', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-11-02' });
    await toFinalReport(inspection.id);
    const anonymous = api.as(null);
    const read = await anonymous.gql(InspectionViewerCanDocument, { id: inspection.id }, { allowErrors: true });
    expect(read.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const action of ACTIONS) {
      if (action === 'AnswerComplaint') continue;
      expect({ action, outcome: await ATTEMPT[action](anonymous, inspection.id, '2026-11-10') }).toEqual({
        action,
        outcome: 'UNAUTHENTICATED',
      });
    }
    // Staff of another region do not reach the inspection at all.
    const elsewhere = await api.managerOf('E12000003');
    expect(
      (await elsewhere.gql(InspectionViewerCanDocument, { id: inspection.id }, { allowErrors: true })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(await ATTEMPT.PublishReport(elsewhere, inspection.id, '2026-11-10')).toBe('FORBIDDEN');
    // The inspection is as it was: the manager of its region publishes it.
    await expectDone(api, inspection.id, 'PublishReport', '2026-11-10');
  });

  test('where the move is not allowed from the state, viewerCan is false even for the manager, and the mutation names the rule', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-11-02' });
    const may = await mayDo(api, inspection.id);
    expect(may).not.toContain('PublishReport');
    expect(may).not.toContain('SendDraftReport');
    const published = await api.gql(PublishReportDocument, { input: { inspectionId: inspection.id, publishedOn: '2026-11-10' } });
    expect(published.data!.publishReport.userErrors).toEqual([
      expect.objectContaining({ code: 'RULE_VIOLATION', ruleId: 'CH-256', field: ['input', 'inspectionId'] }),
    ]);
    await proposeGood(api, inspection.id);
    await completeReportText(api, inspection.id);
    const sent = await api.gql(SendDraftReportDocument, {
      input: { inspectionId: inspection.id, sentOn: '2026-11-04', qualityAssuredBy: 'Morgan Manager' },
    });
    expect(sent.data!.sendDraftReport.userErrors).toEqual([
      expect.objectContaining({ code: 'RULE_VIOLATION', ruleId: 'CH-245', field: ['input', 'inspectionId'] }),
    ]);
  });
});

/** The comments and complaints recorded at an inspection. */
async function recordsOf(inspectionId: string) {
  const { data } = await api.gql(PayloadInspectionRecordsDocument, { id: inspectionId });
  const node = data!.node;
  if (node?.__typename !== 'Inspection') throw new Error(`${inspectionId} is not an inspection`);
  return node;
}

/** The one complaint of an inspection. */
async function complaintOf(inspectionId: string): Promise<string> {
  const { complaints } = await recordsOf(inspectionId);
  expect(complaints).toHaveLength(1);
  return complaints[0]!.id;
}
