import {
  IssueFinalReportDocument,
  ProposeFullInspectionJudgementsDocument,
  SendDraftReportDocument,
  SubmitDraftForQualityAssuranceDocument,
  SubmitFactualAccuracyCommentsDocument,
} from '../generated/graphql';
import type { TestApp } from './app';

function ok<T extends { userErrors: unknown[] }>(what: string, payload: T): T {
  if (payload.userErrors.length > 0) throw new Error(`${what} failed: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

export async function proposeGood(api: TestApp, inspectionId: string) {
  const { data } = await api.gql(ProposeFullInspectionJudgementsDocument, {
    input: { inspectionId, overallExperiencesAndProgress: 'GOOD', helpedAndProtected: 'GOOD', leadersAndManagers: 'GOOD' },
  });
  return ok('proposeFullInspectionJudgements', data!.proposeFullInspectionJudgements);
}

export async function toQualityAssurance(api: TestApp, inspectionId: string, submittedOn: string) {
  const { data } = await api.gql(SubmitDraftForQualityAssuranceDocument, { input: { inspectionId, submittedOn } });
  return ok('submitDraftForQualityAssurance', data!.submitDraftForQualityAssurance).inspection!;
}

export async function sendDraft(api: TestApp, inspectionId: string, sentOn: string) {
  const { data } = await api.gql(SendDraftReportDocument, { input: { inspectionId, sentOn, qualityAssuredBy: 'Morgan Manager' } });
  return ok('sendDraftReport', data!.sendDraftReport).inspection!;
}

export async function comments(api: TestApp, inspectionId: string, receivedOn: string, list: string[]) {
  const { data } = await api.gql(SubmitFactualAccuracyCommentsDocument, { input: { inspectionId, receivedOn, comments: list } });
  return ok('submitFactualAccuracyComments', data!.submitFactualAccuracyComments).inspection!;
}

export async function issueFinal(api: TestApp, inspectionId: string, issuedOn: string) {
  const { data } = await api.gql(IssueFinalReportDocument, { input: { inspectionId, issuedOn } });
  return ok('issueFinalReport', data!.issueFinalReport).inspection!;
}
