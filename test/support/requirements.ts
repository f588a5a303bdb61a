/**
 * Drivers for requirements, recommendations and compliance notices over HTTP: each returns the
 * mutation's payload so that a test can read its userErrors (wrap it in `expectNoUserErrors`
 * where it must succeed).
 */
import {
  CheckRequirementDocument,
  RecordRecommendationDocument,
  RecordRequirementDocument,
  ServeComplianceNoticeDocument,
  type RecordRecommendationInput,
  type RecordRequirementInput,
  type ServeComplianceNoticeInput,
} from '../generated/graphql';
import type { TestApp } from './app';

/** A requirement under Regulation 12, due at the end of 2026, resting on `evidenceIds`. */
export function requirementInput(
  inspectionId: string,
  evidenceIds: string[],
  overrides: Partial<RecordRequirementInput> = {},
): RecordRequirementInput {
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

/** A requirement under Regulation 12 due on 30 October 2026, as the redaction tests record it (with their own `action`). */
export const REGULATION_12: Partial<RecordRequirementInput> = {
  regulation: 'Regulation 12',
  dueDate: '2026-10-30',
  impactStatement: 'Risks not understood',
};

export async function recordRequirement(
  api: TestApp,
  inspectionId: string,
  evidenceIds: string[],
  overrides: Partial<RecordRequirementInput> = {},
) {
  const { data } = await api.gql(RecordRequirementDocument, { input: requirementInput(inspectionId, evidenceIds, overrides) });
  return data!.recordRequirement;
}

/** recordRecommendation, citing the Guide unless told otherwise. */
export async function recordRecommendation(
  api: TestApp,
  inspectionId: string,
  evidenceIds: string[],
  overrides: Partial<RecordRecommendationInput> = {},
) {
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

/** serveComplianceNotice: served on 2026-11-12 with one action due a month later unless told otherwise. */
export async function serveNotice(api: TestApp, inspectionId: string, overrides: Partial<ServeComplianceNoticeInput> = {}) {
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

/** checkRequirement: the requirement checked at `inspectionId` (a later visit, CH-137). */
export async function checkRequirement(api: TestApp, requirementId: string, inspectionId: string, outcome: 'MET' | 'NOT_MET' = 'MET') {
  const { data } = await api.gql(CheckRequirementDocument, { input: { requirementId, inspectionId, outcome } });
  return data!.checkRequirement;
}
