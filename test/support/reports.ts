import {
  ReportTextOfDocument,
  WriteReportTextDocument,
  IssueFinalReportDocument,
  PublishReportDocument,
  RespondToFactualAccuracyCommentDocument,
  SendDraftReportDocument,
  SubmitDraftForQualityAssuranceDocument,
  InspectionSettingDocument,
  SubmitFactualAccuracyCommentsDocument,
} from '../generated/graphql';
import type { TestApp } from './app';
import { proposeFull } from './judgements';
import { expectNoUserErrors } from './payloads';

/** Judgements of GOOD throughout, proposed at feedback. */
export async function proposeGood(api: TestApp, inspectionId: string) {
  return expectNoUserErrors('proposeFullInspectionJudgements', await proposeFull(api, inspectionId));
}

export async function toQualityAssurance(api: TestApp, inspectionId: string, submittedOn: string) {
  const { data } = await api.gql(SubmitDraftForQualityAssuranceDocument, { input: { inspectionId, submittedOn } });
  return expectNoUserErrors('submitDraftForQualityAssurance', data!.submitDraftForQualityAssurance).inspection!;
}

/**
 * Writes plain text into every report section the inspection's type needs and that is still
 * empty (tests that check the text write their own first).
 */
export async function completeReportText(api: TestApp, inspectionId: string) {
  const { data } = await api.gql(ReportTextOfDocument, { id: inspectionId });
  const node = data!.node;
  if (node?.__typename !== 'Inspection') throw new Error('not an inspection');
  const input: Record<string, string> = {};
  const fill = (key: string, current: string | null | undefined, value: string) => {
    if (!current) input[key] = value;
  };
  if (node.type === 'FULL_INSPECTION') {
    fill('overall', node.reportOverallText, 'Children make good progress.');
    fill('helpedAndProtected', node.reportHelpedAndProtectedText, 'Children are safe.');
    fill('leadersAndManagers', node.reportLeadersAndManagersText, 'Leaders know the home well.');
    fill('childFriendlySummary', node.childFriendlySummary, 'We enjoyed meeting you.');
  } else {
    fill('summary', node.reportSummaryText, 'The findings of the visit.');
    if (node.type === 'ASSURANCE_VISIT') fill('childFriendlySummary', node.childFriendlySummary, 'We found you are safe.');
  }
  if (Object.keys(input).length === 0) return;
  const written = await api.gql(WriteReportTextDocument, { input: { inspectionId, ...input } });
  expectNoUserErrors('writeReportText', written.data!.writeReportText);
}

export async function sendDraft(api: TestApp, inspectionId: string, sentOn: string) {
  await completeReportText(api, inspectionId);
  const { data } = await api.gql(SendDraftReportDocument, { input: { inspectionId, sentOn, qualityAssuredBy: 'Morgan Manager' } });
  return expectNoUserErrors('sendDraftReport', data!.sendDraftReport).inspection!;
}

/** The API as the provider of the setting inspected (for its comments and complaints). */
export async function asProviderOf(api: TestApp, inspectionId: string): Promise<TestApp> {
  const { data } = await api.gql(InspectionSettingDocument, { id: inspectionId });
  const node = data!.node;
  if (node?.__typename !== 'Inspection') throw new Error(`No inspection ${inspectionId}`);
  return api.providerOf(node.provider.urn);
}

export async function comments(api: TestApp, inspectionId: string, receivedOn: string, list: string[]) {
  const provider = await asProviderOf(api, inspectionId);
  const { data } = await provider.gql(SubmitFactualAccuracyCommentsDocument, { input: { inspectionId, receivedOn, comments: list } });
  return expectNoUserErrors('submitFactualAccuracyComments', data!.submitFactualAccuracyComments).inspection!;
}

export async function issueFinal(api: TestApp, inspectionId: string, issuedOn: string) {
  const { data } = await api.gql(IssueFinalReportDocument, { input: { inspectionId, issuedOn } });
  return expectNoUserErrors('issueFinalReport', data!.issueFinalReport).inspection!;
}

/** Takes an inspection with its outcome recorded from feedback to publication, every step a working day apart. */
export async function publish(
  api: TestApp,
  inspectionId: string,
  days: { qa: string; draft: string; comments: string; final: string; published: string },
) {
  await toQualityAssurance(api, inspectionId, days.qa);
  await sendDraft(api, inspectionId, days.draft);
  const returned = await comments(api, inspectionId, days.comments, ['No factual errors']);
  for (const comment of returned.factualAccuracyComments) {
    const { data } = await api.gql(RespondToFactualAccuracyCommentDocument, {
      input: { commentId: comment.id, response: 'Thank you', respondedOn: days.comments },
    });
    expectNoUserErrors('respondToFactualAccuracyComment', data!.respondToFactualAccuracyComment);
  }
  await issueFinal(api, inspectionId, days.final);
  const { data } = await api.gql(PublishReportDocument, { input: { inspectionId, publishedOn: days.published } });
  return expectNoUserErrors('publishReport', data!.publishReport).inspection!;
}
