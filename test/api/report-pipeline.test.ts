/**
 * The report pipeline over HTTP: the happy path from feedback to publication, each branch, the
 * timetable in working days and the overdue list. The clock is moved where a window must pass.
 */
import {
  AnswerComplaintDocument,
  CloseFactualAccuracyWindowDocument,
  DeclareInspectionIncompleteDocument,
  DeferInspectionDocument,
  IssueFinalReportDocument,
  LodgeComplaintDocument,
  OverdueInspectionsDocument,
  ProposeFullInspectionJudgementsDocument,
  PublishReportDocument,
  RecordAssuranceVisitOutcomeDocument,
  RecordMonitoringVisitOutcomeDocument,
  RecordEvidenceDocument,
  RescheduleInspectionDocument,
  RespondToFactualAccuracyCommentDocument,
  ResumeFieldworkDocument,
  SendDraftReportDocument,
  SubmitFactualAccuracyCommentsDocument,
  WithholdPublicationDocument,
} from '../generated/graphql';
import { TEST_NOW, useTestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import { completeFieldwork, evidenceInput, inspectionAtFeedback, schedule } from '../support/inspections';
import { asProviderOf, comments, completeReportText, issueFinal, proposeGood, sendDraft, toQualityAssurance } from '../support/reports';
import { proposeFull } from '../support/judgements';

const api = useTestApp();
afterEach(() => api.clock.set(TEST_NOW));

/** Leeds (E08000035) is in Yorkshire and The Humber: its inspections are for that region's staff. */
const YORKSHIRE = 'E12000003';

async function respondToAll(inspection: { factualAccuracyComments: { id: string }[] }, respondedOn: string) {
  for (const comment of inspection.factualAccuracyComments) {
    const { data } = await api.gql(RespondToFactualAccuracyCommentDocument, {
      input: { commentId: comment.id, response: 'Noted', respondedOn },
    });
    expect(data!.respondToFactualAccuracyComment.userErrors).toEqual([]);
  }
}

describe("the happy path: a children's home full inspection from feedback to publication", () => {
  test('CH-027 CH-028 CH-029 every step on time: due dates in working days, nothing missed', async () => {
    const home = await registerProvider(api);
    // Feedback on Wednesday 7 October 2026.
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-10-06', end: '2026-10-07' });
    await proposeGood(api, inspection.id);
    await toQualityAssurance(api, inspection.id, '2026-10-08');
    const drafted = await sendDraft(api, inspection.id, '2026-10-14');
    expect(drafted.status).toBe('DRAFT_SENT_TO_PROVIDER');
    const returned = await comments(api, inspection.id, '2026-10-19', ['The home has six places, not five', 'The manager started in May']);
    expect(returned.factualAccuracyComments.map((c) => c.comment)).toEqual([
      'The home has six places, not five',
      'The manager started in May',
    ]);

    // The final report waits for a response to every comment (ASA-101).
    const early = await api.gql(IssueFinalReportDocument, { input: { inspectionId: inspection.id, issuedOn: '2026-10-22' } });
    expect(early.data!.issueFinalReport.userErrors).toEqual([expect.objectContaining({ ruleId: 'ASA-101' })]);
    for (const comment of returned.factualAccuracyComments) {
      const responded = await api.gql(RespondToFactualAccuracyCommentDocument, {
        input: { commentId: comment.id, response: 'Corrected in the final report', respondedOn: '2026-10-21' },
      });
      expect(responded.data!.respondToFactualAccuracyComment.userErrors).toEqual([]);
    }
    await issueFinal(api, inspection.id, '2026-10-22');
    const published = await api.gql(PublishReportDocument, { input: { inspectionId: inspection.id, publishedOn: '2026-10-28' } });
    expect(published.data!.publishReport.userErrors).toEqual([]);
    expect(published.data!.publishReport.inspection!).toMatchObject({ status: 'PUBLISHED', publishedOn: '2026-10-28' });
    expect(published.data!.publishReport.inspection!.deadlines).toEqual([
      // 7 Oct + 10 working days = 21 Oct; draft sent 14 Oct + 5 = 21 Oct; 7 Oct + 25 = 11 Nov.
      {
        milestone: 'DRAFT_SENT',
        ruleId: 'CH-027',
        workingDays: 10,
        after: 'END_OF_INSPECTION',
        dueDate: '2026-10-21',
        doneOn: '2026-10-14',
        missed: false,
        overdue: false,
      },
      {
        milestone: 'PROVIDER_COMMENTS_RETURNED',
        ruleId: 'CH-028',
        workingDays: 5,
        after: 'DRAFT_SENT',
        dueDate: '2026-10-21',
        doneOn: '2026-10-19',
        missed: false,
        overdue: false,
      },
      {
        milestone: 'PUBLISHED',
        ruleId: 'CH-029',
        workingDays: 25,
        after: 'END_OF_INSPECTION',
        dueDate: '2026-11-11',
        doneOn: '2026-10-28',
        missed: false,
        overdue: false,
      },
    ]);
  });
});

describe('illegal moves are refused with the rule', () => {
  test('CH-245 the draft cannot go to the provider before quality assurance; CH-256 nor can an unfinished report be published', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-10-06' });
    await proposeGood(api, inspection.id);
    const draft = await api.gql(SendDraftReportDocument, {
      input: { inspectionId: inspection.id, sentOn: '2026-10-09', qualityAssuredBy: 'M' },
    });
    expect(draft.data!.sendDraftReport.userErrors).toEqual([
      expect.objectContaining({
        code: 'RULE_VIOLATION',
        ruleId: 'CH-245',
        field: ['input', 'inspectionId'],
        message: expect.stringContaining('fieldwork complete'),
      }),
    ]);
    const publish = await api.gql(PublishReportDocument, { input: { inspectionId: inspection.id, publishedOn: '2026-10-09' } });
    expect(publish.data!.publishReport.userErrors).toEqual([expect.objectContaining({ ruleId: 'CH-256' })]);
  });

  test('CH-247 once the draft has gone out, judgements cannot change; before it, a change must be told to the provider', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-10-06' });
    await proposeGood(api, inspection.id);
    await proposeFull(api, inspection.id, {
      overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      changeReason: 'QA found the evidence did not support good',
    });
    await toQualityAssurance(api, inspection.id, '2026-10-07');
    const sendOn12th = async (providerInformedOfChangesOn?: string) =>
      (
        await api.gql(SendDraftReportDocument, {
          input: { inspectionId: inspection.id, sentOn: '2026-10-12', qualityAssuredBy: 'Morgan Manager', providerInformedOfChangesOn },
        })
      ).data!.sendDraftReport;
    const noText = await sendOn12th('2026-10-09');
    expect(noText.userErrors.map((e) => e.ruleId)).toEqual(['CHA-047', 'CHA-047', 'CHA-047', 'CH-231']);
    await completeReportText(api, inspection.id);
    const untold = await sendOn12th();
    expect(untold.userErrors).toEqual([expect.objectContaining({ ruleId: 'CH-247', field: ['input', 'providerInformedOfChangesOn'] })]);
    const told = await sendOn12th('2026-10-09');
    expect(told.userErrors).toEqual([]);
    const after = await proposeFull(api, inspection.id, { changeReason: 'Too late' });
    expect(after.userErrors).toEqual([expect.objectContaining({ ruleId: 'CH-247' })]);
    const evidence = await api.gql(RecordEvidenceDocument, { input: evidenceInput(inspection.id) });
    expect(evidence.data!.recordEvidence.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });

  test('CH-028 comments after the 5-working-day window are refused; the window then closes', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-10-06' });
    await proposeGood(api, inspection.id);
    await toQualityAssurance(api, inspection.id, '2026-10-07');
    await sendDraft(api, inspection.id, '2026-10-16'); // Friday: window ends Friday 23 October
    const provider = await asProviderOf(api, inspection.id);
    const late = await provider.gql(SubmitFactualAccuracyCommentsDocument, {
      input: { inspectionId: inspection.id, receivedOn: '2026-10-26', comments: ['Late'] },
    });
    expect(late.data!.submitFactualAccuracyComments.userErrors).toEqual([
      expect.objectContaining({ ruleId: 'CH-028', field: ['input', 'receivedOn'], message: expect.stringContaining('2026-10-23') }),
    ]);
    api.setToday('2026-10-23');
    const stillOpen = await api.gql(CloseFactualAccuracyWindowDocument, { input: { inspectionId: inspection.id } });
    expect(stillOpen.data!.closeFactualAccuracyWindow.userErrors).toEqual([expect.objectContaining({ ruleId: 'CH-256' })]);
    api.setToday('2026-10-26');
    const closed = await api.gql(CloseFactualAccuracyWindowDocument, { input: { inspectionId: inspection.id } });
    expect(closed.data!.closeFactualAccuracyWindow.inspection).toMatchObject({
      status: 'PROVIDER_COMMENTS_RECEIVED',
      commentsReturnedOn: '2026-10-26',
    });
    expect(closed.data!.closeFactualAccuracyWindow.inspection!.deadlines[1]).toMatchObject({
      milestone: 'PROVIDER_COMMENTS_RETURNED',
      dueDate: '2026-10-23',
      missed: true,
    });
  });
});

describe('branches', () => {
  test('deferred: CH-020 never for absent staff; CH-021 and CH-023 a reason and the manager who agreed; then rescheduled', async () => {
    const home = await registerProvider(api);
    const inspection = await schedule(api, home.id, { scheduledStart: '2026-12-01' });
    const refused = await api.gql(DeferInspectionDocument, {
      input: {
        inspectionId: inspection.id,
        reason: 'KEY_STAFF_UNAVAILABLE',
        justification: 'The manager is on leave',
        agreedBy: 'Rita RIM',
      },
    });
    expect(refused.data!.deferInspection.userErrors).toEqual([expect.objectContaining({ ruleId: 'CH-020', field: ['input', 'reason'] })]);
    const unjustified = await api.gql(DeferInspectionDocument, {
      input: { inspectionId: inspection.id, reason: 'SERIOUS_WEATHER', justification: ' ', agreedBy: '' },
    });
    expect(unjustified.data!.deferInspection.userErrors.map((e) => e.ruleId)).toEqual(['CH-021', 'CH-023']);
    const deferred = await api.gql(DeferInspectionDocument, {
      input: { inspectionId: inspection.id, reason: 'SERIOUS_WEATHER', justification: 'Roads closed by snow', agreedBy: 'Rita RIM' },
    });
    expect(deferred.data!.deferInspection.inspection).toMatchObject({ status: 'DEFERRED', deferralReason: 'SERIOUS_WEATHER' });
    const again = await api.gql(DeferInspectionDocument, {
      input: { inspectionId: inspection.id, reason: 'SERIOUS_WEATHER', justification: 'Still snowing', agreedBy: 'Rita RIM' },
    });
    expect(again.data!.deferInspection.userErrors).toEqual([expect.objectContaining({ ruleId: 'CH-019' })]);
    const rescheduled = await api.gql(RescheduleInspectionDocument, {
      input: { inspectionId: inspection.id, scheduledStart: '2026-12-08' },
    });
    expect(rescheduled.data!.rescheduleInspection.inspection).toMatchObject({ status: 'SCHEDULED', scheduledStart: '2026-12-08' });
  });

  test('incomplete: CHA-141 declared after a serious incident before publication; fieldwork resumes and the report starts again', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-10-06' });
    await proposeGood(api, inspection.id);
    await toQualityAssurance(api, inspection.id, '2026-10-07');
    await sendDraft(api, inspection.id, '2026-10-09');
    const incomplete = await api.gql(DeclareInspectionIncompleteDocument, {
      input: { inspectionId: inspection.id, reason: 'A serious incident on 10 October' },
    });
    expect(incomplete.data!.declareInspectionIncomplete.inspection).toMatchObject({
      status: 'INCOMPLETE',
      incompleteReason: 'A serious incident on 10 October',
    });
    const resumed = await api.gql(ResumeFieldworkDocument, { input: { inspectionId: inspection.id, onSiteStart: '2026-10-19' } });
    expect(resumed.data!.resumeFieldwork.inspection).toMatchObject({ status: 'ON_SITE', draftSentOn: null });
    await completeFieldwork(api, inspection.id, '2026-10-20');
    // Annex J: the findings may be revised; the timetable now runs from the new end of the inspection.
    const revised = await api.gql(ProposeFullInspectionJudgementsDocument, {
      input: {
        inspectionId: inspection.id,
        overallExperiencesAndProgress: 'INADEQUATE',
        helpedAndProtected: 'INADEQUATE',
        leadersAndManagers: 'INADEQUATE',
        changeReason: 'Findings revised after the incident',
      },
    });
    expect(revised.data!.proposeFullInspectionJudgements.userErrors).toEqual([]);
    const drafted = await toQualityAssurance(api, inspection.id, '2026-10-21');
    expect(drafted.deadlines[0]).toMatchObject({ milestone: 'DRAFT_SENT', dueDate: '2026-11-03', doneOn: null });
  });

  test('CHA-141 a published report cannot be declared incomplete', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-09-01' });
    await proposeGood(api, inspection.id);
    await toQualityAssurance(api, inspection.id, '2026-09-02');
    await sendDraft(api, inspection.id, '2026-09-03');
    api.setToday('2026-09-11');
    await api.gql(CloseFactualAccuracyWindowDocument, { input: { inspectionId: inspection.id } });
    api.setToday('2026-11-23');
    await issueFinal(api, inspection.id, '2026-09-14');
    await api.gql(PublishReportDocument, { input: { inspectionId: inspection.id, publishedOn: '2026-09-16' } });
    const refused = await api.gql(DeclareInspectionIncompleteDocument, { input: { inspectionId: inspection.id, reason: 'Too late' } });
    expect(refused.data!.declareInspectionIncomplete.userErrors).toEqual([expect.objectContaining({ ruleId: 'CHA-141' })]);
  });

  test('complaint: RFC-091 a formal complaint on the draft holds the final report until it is answered; RFC-089 its deadline is suspended', async () => {
    const centre = await registerProvider(api, { settingType: 'RESIDENTIAL_FAMILY_CENTRE', places: 6 });
    const inspection = await inspectionAtFeedback(api, centre.id, {
      start: '2026-10-05',
      end: '2026-10-07',
      schedule: { linesOfEnquiry: [] },
    });
    await proposeGood(api, inspection.id);
    await toQualityAssurance(api, inspection.id, '2026-10-08');
    await sendDraft(api, inspection.id, '2026-10-26');
    const provider = await asProviderOf(api, inspection.id);
    const lodged = await provider.gql(LodgeComplaintDocument, {
      input: { inspectionId: inspection.id, lodgedOn: '2026-10-28', summary: 'The inspector did not speak to the family support workers' },
    });
    expect(lodged.data!.lodgeComplaint.inspection).toMatchObject({ status: 'UNDER_COMPLAINT', commentsReturnedOn: '2026-10-28' });
    const final = lodged.data!.lodgeComplaint.inspection!.deadlines.find((d) => d.milestone === 'FINAL_REPORT_ISSUED');
    expect(final).toMatchObject({ ruleId: 'RFC-089', dueDate: null, overdue: false });
    const blocked = await api.gql(IssueFinalReportDocument, { input: { inspectionId: inspection.id, issuedOn: '2026-11-02' } });
    expect(blocked.data!.issueFinalReport.userErrors).toEqual([expect.objectContaining({ ruleId: 'RFC-091' })]);
    const complaintId = lodged.data!.lodgeComplaint.inspection!.complaints[0].id;
    api.setToday('2026-11-05');
    const answered = await api.gql(AnswerComplaintDocument, {
      input: { complaintId, answer: 'Not upheld: the workers were interviewed on day 2', answeredOn: '2026-11-04' },
    });
    expect(answered.data!.answerComplaint.inspection).toMatchObject({
      status: 'PROVIDER_COMMENTS_RECEIVED',
      complaints: [{ answer: 'Not upheld: the workers were interviewed on day 2' }],
    });
    const issued = await issueFinal(api, inspection.id, '2026-11-05');
    // RFC-089: final within 30 working days of 7 October = 18 November; RFC-090: published 5 working days after the final.
    expect(
      issued.deadlines
        .filter((d) => ['FINAL_REPORT_ISSUED', 'PUBLISHED'].includes(d.milestone))
        .map((d) => [d.ruleId, d.dueDate, d.missed]),
    ).toEqual([
      ['RFC-089', '2026-11-18', false],
      ['RFC-090', '2026-11-12', false],
    ]);
  });

  test('not published: CH-227 exceptional, with the reason and who decided; the timetable then stops', async () => {
    const home = await registerProvider(api);
    const visit = await inspectionAtFeedback(api, home.id, { type: 'MONITORING_VISIT', start: '2026-10-05' });
    await api.gql(RecordMonitoringVisitOutcomeDocument, { input: { inspectionId: visit.id, progressSummary: 'Requirements met' } });
    await toQualityAssurance(api, visit.id, '2026-10-06');
    await sendDraft(api, visit.id, '2026-10-07');
    await respondToAll(await comments(api, visit.id, '2026-10-08', ['Accepted as drafted']), '2026-10-09');
    const early = await api.gql(WithholdPublicationDocument, {
      input: { inspectionId: visit.id, reason: 'Police investigation', decidedBy: 'Rita RIM' },
    });
    expect(early.data!.withholdPublication.userErrors).toEqual([
      expect.objectContaining({ ruleId: 'CH-227', field: ['input', 'inspectionId'] }),
    ]);
    await issueFinal(api, visit.id, '2026-10-09');
    const unexplained = await api.gql(WithholdPublicationDocument, { input: { inspectionId: visit.id, reason: '', decidedBy: ' ' } });
    expect(unexplained.data!.withholdPublication.userErrors.map((e) => [e.field.join('.'), e.ruleId])).toEqual([
      ['input.reason', 'CH-227'],
      ['input.decidedBy', 'CH-227'],
    ]);
    const withheld = await api.gql(WithholdPublicationDocument, {
      input: { inspectionId: visit.id, reason: 'Police investigation', decidedBy: 'Rita RIM' },
    });
    expect(withheld.data!.withholdPublication.inspection).toMatchObject({
      status: 'NOT_PUBLISHED',
      notPublishedReason: 'Police investigation',
      deadlines: [],
    });
    const publish = await api.gql(PublishReportDocument, { input: { inspectionId: visit.id, publishedOn: '2026-10-12' } });
    expect(publish.data!.publishReport.userErrors).toEqual([expect.objectContaining({ ruleId: 'CH-256' })]);
  });

  test('CA-077 an assurance report: a complaint within 5 working days of the final; not published before that window closes', async () => {
    const secure = await registerProvider(api, { settingType: 'SECURE_CHILDRENS_HOME', places: 12 });
    const visit = await inspectionAtFeedback(api, secure.id, {
      type: 'ASSURANCE_VISIT',
      start: '2026-09-14',
      end: '2026-09-16',
      noticeGivenOn: '2026-09-14',
    });
    await api.gql(RecordAssuranceVisitOutcomeDocument, { input: { inspectionId: visit.id, seriousOrWidespreadConcerns: false } });
    await toQualityAssurance(api, visit.id, '2026-09-17');
    await sendDraft(api, visit.id, '2026-10-05');
    await respondToAll(await comments(api, visit.id, '2026-10-07', ['Typo on page 2']), '2026-10-08');
    await issueFinal(api, visit.id, '2026-10-12'); // window: 5 working days, to Monday 19 October
    const provider = await asProviderOf(api, visit.id);
    const late = await provider.gql(LodgeComplaintDocument, {
      input: { inspectionId: visit.id, lodgedOn: '2026-10-20', summary: 'Late complaint' },
    });
    expect(late.data!.lodgeComplaint.userErrors).toEqual([
      expect.objectContaining({ ruleId: 'CA-077', field: ['input', 'lodgedOn'], message: expect.stringContaining('2026-10-19') }),
    ]);
    const lodged = await provider.gql(LodgeComplaintDocument, {
      input: { inspectionId: visit.id, lodgedOn: '2026-10-16', summary: 'The report misstates the staffing levels' },
    });
    expect(lodged.data!.lodgeComplaint.inspection!.status).toBe('UNDER_COMPLAINT');
    const whileOpen = await api.gql(PublishReportDocument, { input: { inspectionId: visit.id, publishedOn: '2026-10-20' } });
    expect(whileOpen.data!.publishReport.userErrors).toEqual([expect.objectContaining({ ruleId: 'CA-078' })]);
    const complaintId = lodged.data!.lodgeComplaint.inspection!.complaints[0].id;
    const answered = await api.gql(AnswerComplaintDocument, {
      input: { complaintId, answer: 'Upheld in part; corrected', answeredOn: '2026-10-19' },
    });
    expect(answered.data!.answerComplaint.inspection!.status).toBe('FINAL_REPORT_ISSUED');
    const tooSoon = await api.gql(PublishReportDocument, { input: { inspectionId: visit.id, publishedOn: '2026-10-19' } });
    expect(tooSoon.data!.publishReport.userErrors).toEqual([
      expect.objectContaining({ ruleId: 'CA-077', field: ['input', 'publishedOn'] }),
    ]);
    const published = await api.gql(PublishReportDocument, { input: { inspectionId: visit.id, publishedOn: '2026-10-20' } });
    // CA-078: published within 38 working days of the end of the visit (16 September): 9 November.
    expect(published.data!.publishReport.inspection!.deadlines.find((d) => d.milestone === 'PUBLISHED')).toMatchObject({
      ruleId: 'CA-078',
      dueDate: '2026-11-09',
      doneOn: '2026-10-20',
      missed: false,
    });
  });
});

describe('overdueInspections', () => {
  test('CH-255 lists inspections past a report deadline, by region and by local authority', async () => {
    const manchester = await registerProvider(api, { localAuthority: 'E08000003' });
    const leeds = await registerProvider(api, { localAuthority: 'E08000035' });
    // Feedback on 1 October: the draft was due 15 October and is now (23 November) overdue.
    const late = await inspectionAtFeedback(api, manchester.id, { start: '2026-10-01' });
    const yorkshire = await api.managerOf(YORKSHIRE);
    const alsoLate = await inspectionAtFeedback(yorkshire, leeds.id, { start: '2026-10-01' });
    const recent = await inspectionAtFeedback(api, manchester.id, { type: 'INTERIM_INSPECTION', start: '2026-11-20' });
    const northWest = await api.gql(OverdueInspectionsDocument, { region: 'E12000002', first: 100 });
    const rows = northWest.data!.overdueInspections.edges.map((e) => e.node);
    const ids = rows.map((i) => i.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(alsoLate.id);
    expect(ids).not.toContain(recent.id); // draft not due until 4 December
    const lateRow = rows.find((i) => i.id === late.id)!;
    expect(lateRow.deadlines.filter((d) => d.overdue).map((d) => [d.milestone, d.dueDate])).toEqual([
      ['DRAFT_SENT', '2026-10-15'],
      ['PROVIDER_COMMENTS_RETURNED', '2026-10-22'],
      ['PUBLISHED', '2026-11-05'],
    ]);
    const byLeeds = await yorkshire.gql(OverdueInspectionsDocument, { localAuthority: 'E08000035' });
    expect(byLeeds.data!.overdueInspections.edges.map((e) => e.node.id)).toEqual([alsoLate.id]);
    const bad = await api.gql(OverdueInspectionsDocument, { region: 'North West' }, { allowErrors: true });
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'region' });
  });
});
