/**
 * Drivers for the judgement mutations over HTTP: each returns the mutation's payload so that a
 * test can read its userErrors (wrap it in `expectNoUserErrors` where it must succeed).
 */
import {
  ProposeFullInspectionJudgementsDocument,
  ProposeInterimJudgementDocument,
  RecordAssuranceVisitOutcomeDocument,
  RecordMonitoringVisitOutcomeDocument,
  RecordNoJudgementInterimDocument,
  type NewJudgementConditionsInput,
  type ProposeFullInspectionJudgementsInput,
  type ProposeInterimJudgementInput,
  type RecordMonitoringVisitOutcomeInput,
  type RecordNoJudgementInterimInput,
} from '../generated/graphql';
import type { TestApp } from './app';
import { inspectionAtFeedback } from './inspections';
import { expectNoUserErrors } from './payloads';

export type FullGrades = Partial<Omit<ProposeFullInspectionJudgementsInput, 'inspectionId'>>;

/** proposeFullInspectionJudgements: GOOD throughout unless told otherwise. */
export async function proposeFull(api: TestApp, inspectionId: string, input: FullGrades = {}) {
  const { data } = await api.gql(ProposeFullInspectionJudgementsDocument, {
    input: { inspectionId, overallExperiencesAndProgress: 'GOOD', helpedAndProtected: 'GOOD', leadersAndManagers: 'GOOD', ...input },
  });
  return data!.proposeFullInspectionJudgements;
}

export async function proposeInterim(api: TestApp, inspectionId: string, input: Omit<ProposeInterimJudgementInput, 'inspectionId'>) {
  const { data } = await api.gql(ProposeInterimJudgementDocument, { input: { inspectionId, ...input } });
  return data!.proposeInterimJudgement;
}

/** recordNoJudgementInterim (Annex G). */
export async function recordNoJudgement(api: TestApp, inspectionId: string, input: Omit<RecordNoJudgementInterimInput, 'inspectionId'>) {
  const { data } = await api.gql(RecordNoJudgementInterimDocument, { input: { inspectionId, ...input } });
  return data!.recordNoJudgementInterim;
}

/** recordMonitoringVisitOutcome, with a progress summary unless told otherwise. */
export async function recordMonitoring(
  api: TestApp,
  inspectionId: string,
  input: Partial<Omit<RecordMonitoringVisitOutcomeInput, 'inspectionId'>> = {},
) {
  const { data } = await api.gql(RecordMonitoringVisitOutcomeDocument, {
    input: { inspectionId, progressSummary: 'The home has acted on the concerns found at the last inspection.', ...input },
  });
  return data!.recordMonitoringVisitOutcome;
}

/** recordAssuranceVisitOutcome. */
export async function recordAssurance(api: TestApp, inspectionId: string, seriousOrWidespreadConcerns: boolean, concerns?: string | null) {
  const { data } = await api.gql(RecordAssuranceVisitOutcomeDocument, { input: { inspectionId, seriousOrWidespreadConcerns, concerns } });
  return data!.recordAssuranceVisitOutcome;
}

/** Every judgement of a full inspection inadequate. */
export const INADEQUATE = {
  overallExperiencesAndProgress: 'INADEQUATE',
  helpedAndProtected: 'INADEQUATE',
  leadersAndManagers: 'INADEQUATE',
} as const satisfies FullGrades;

/** A full inspection at feedback on `on` with its judgements proposed (GOOD throughout unless told otherwise). */
export async function judgedFullInspection(api: TestApp, providerId: string, on: string, grades: FullGrades = {}) {
  const inspection = await inspectionAtFeedback(api, providerId, { start: on });
  expectNoUserErrors('proposeFullInspectionJudgements', await proposeFull(api, inspection.id, grades));
  return inspection;
}

/** Every condition for a new judgement at a monitoring visit held (CH-187). */
export const ALL_CONDITIONS: NewJudgementConditionsInput = {
  situationMadeSafe: true,
  leadersActingAppropriately: true,
  rimAgreesConcernsDiscrete: true,
  wouldOtherwiseHaveHigherJudgement: true,
  goodTrackRecordNoLeadershipOrProtectionConcerns: true,
  canBeRectifiedQuickly: true,
};
