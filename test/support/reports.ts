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
  type ProposeInterimJudgementInput,
  type WriteReportTextInput,
} from '../generated/graphql';
import type { TestApp } from './app';
import { inspectionAtFeedback } from './inspections';
import { proposeFull, proposeInterim, recordAssurance, recordMonitoring } from './judgements';
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

/** The days of each step from quality assurance to publication, as `publish` takes them. */
export interface PublicationDays {
  qa: string;
  draft: string;
  comments: string;
  final: string;
  published: string;
}

/** After feedback on 8 or 9 September 2026 (a full inspection): published on Wednesday 23 September. */
export const FULL_DAYS: PublicationDays = {
  qa: '2026-09-10',
  draft: '2026-09-14',
  comments: '2026-09-16',
  final: '2026-09-21',
  published: '2026-09-23',
};

/** After feedback on 13 October 2026 (an interim inspection): published on Wednesday 21 October. */
export const INTERIM_DAYS: PublicationDays = {
  qa: '2026-10-14',
  draft: '2026-10-15',
  comments: '2026-10-16',
  final: '2026-10-19',
  published: '2026-10-21',
};

/** After a monitoring visit on 14 September 2026: published on Monday 21 September. */
export const MONITORING_DAYS: PublicationDays = {
  qa: '2026-09-15',
  draft: '2026-09-16',
  comments: '2026-09-17',
  final: '2026-09-18',
  published: '2026-09-21',
};

/** After an assurance visit ending on 16 September 2026: published on Thursday 15 October. */
export const ASSURANCE_DAYS: PublicationDays = {
  qa: '2026-09-17',
  draft: '2026-10-05',
  comments: '2026-10-06',
  final: '2026-10-07',
  published: '2026-10-15',
};

/** A full inspection of 8 and 9 September 2026 judged GOOD throughout, published on `days` (FULL_DAYS unless told otherwise). */
export async function publishedFullInspection(api: TestApp, providerId: string, days: PublicationDays = FULL_DAYS) {
  const inspection = await inspectionAtFeedback(api, providerId, { start: '2026-09-08', end: '2026-09-09' });
  await proposeGood(api, inspection.id);
  return publish(api, inspection.id, days);
}

/** An assurance visit of 14 to 16 September 2026, announced on its first day, at feedback. */
export function assuranceVisitAtFeedback(api: TestApp, providerId: string) {
  return inspectionAtFeedback(api, providerId, {
    type: 'ASSURANCE_VISIT',
    start: '2026-09-14',
    end: '2026-09-16',
    noticeGivenOn: '2026-09-14',
  });
}

/** Writes the report text given (and only that), failing the test on userErrors. */
export async function writeText(api: TestApp, inspectionId: string, text: Omit<WriteReportTextInput, 'inspectionId'>) {
  const { data } = await api.gql(WriteReportTextDocument, { input: { inspectionId, ...text } });
  return expectNoUserErrors('writeReportText', data!.writeReportText).inspection!;
}

/** A monitoring visit on 14 September 2026 with its outcome and report summary, published on MONITORING_DAYS. */
export async function publishedMonitoringVisit(api: TestApp, providerId: string, text: { progressSummary: string; summary: string }) {
  const visit = await inspectionAtFeedback(api, providerId, { type: 'MONITORING_VISIT', start: '2026-09-14' });
  expectNoUserErrors('recordMonitoringVisitOutcome', await recordMonitoring(api, visit.id, { progressSummary: text.progressSummary }));
  await writeText(api, visit.id, { summary: text.summary });
  return publish(api, visit.id, MONITORING_DAYS);
}

/** An assurance visit (assuranceVisitAtFeedback) with no serious or widespread concerns, published on ASSURANCE_DAYS. */
export async function publishedAssuranceVisit(api: TestApp, providerId: string, text: { summary: string; childFriendlySummary: string }) {
  const visit = await assuranceVisitAtFeedback(api, providerId);
  expectNoUserErrors('recordAssuranceVisitOutcome', await recordAssurance(api, visit.id, false));
  await writeText(api, visit.id, text);
  return publish(api, visit.id, ASSURANCE_DAYS);
}

/** An interim inspection from 13 October 2026 with its outcome and report summary, published on INTERIM_DAYS. */
export async function publishedInterim(
  api: TestApp,
  providerId: string,
  outcome: ProposeInterimJudgementInput['outcome'],
  summary: string,
) {
  const interim = await inspectionAtFeedback(api, providerId, { type: 'INTERIM_INSPECTION', start: '2026-10-13' });
  expectNoUserErrors('proposeInterimJudgement', await proposeInterim(api, interim.id, { outcome }));
  await writeText(api, interim.id, { summary });
  return publish(api, interim.id, INTERIM_DAYS);
}
