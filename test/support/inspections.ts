/**
 * Small helpers to drive inspections over HTTP in tests. Each fails the test loudly when the API
 * returns user errors, so a test only checks userErrors where it means to.
 */
import {
  CompleteFieldworkDocument,
  RecordEvidenceDocument,
  ScheduleInspectionDocument,
  StartInspectionDocument,
  type InspectionType,
  type RecordEvidenceInput,
  type ScheduleInspectionInput,
} from '../generated/graphql';
import type { TestApp } from './app';

function ok<T extends { userErrors: unknown[] }>(what: string, payload: T): T {
  if (payload.userErrors.length > 0) throw new Error(`${what} failed: ${JSON.stringify(payload.userErrors)}`);
  return payload;
}

export function scheduleInput(providerId: string, overrides: Partial<ScheduleInspectionInput> = {}): ScheduleInspectionInput {
  return {
    providerId,
    type: 'FULL_INSPECTION',
    scheduledStart: '2026-11-10',
    leadInspector: 'Alex Inspector',
    teamInspectors: ['Sam Second'],
    linesOfEnquiry: [{ source: 'STATEMENT_OF_PURPOSE', text: 'Does the home deliver the care its statement of purpose describes?' }],
    ...overrides,
  };
}

export async function schedule(api: TestApp, providerId: string, overrides: Partial<ScheduleInspectionInput> = {}) {
  const { data } = await api.gql(ScheduleInspectionDocument, { input: scheduleInput(providerId, overrides) });
  return ok('scheduleInspection', data!.scheduleInspection).inspection!;
}

export async function start(api: TestApp, inspectionId: string, onSiteStart: string, noticeGivenOn?: string) {
  const { data } = await api.gql(StartInspectionDocument, { input: { inspectionId, onSiteStart, noticeGivenOn } });
  return ok('startInspection', data!.startInspection).inspection!;
}

export async function completeFieldwork(api: TestApp, inspectionId: string, onSiteEnd: string, feedbackDate = onSiteEnd) {
  const { data } = await api.gql(CompleteFieldworkDocument, { input: { inspectionId, onSiteEnd, feedbackDate } });
  return ok('completeFieldwork', data!.completeFieldwork).inspection!;
}

/** An inspection scheduled, started and with feedback given, ready for judgements. */
export async function inspectionAtFeedback(
  api: TestApp,
  providerId: string,
  options: { type?: InspectionType; start?: string; end?: string; noticeGivenOn?: string; schedule?: Partial<ScheduleInspectionInput> } = {},
) {
  const first = options.start ?? '2026-11-10';
  const lines =
    options.type === 'MONITORING_VISIT' || options.type === 'ASSURANCE_VISIT'
      ? [{ source: 'PREVIOUS_INSPECTION' as const, text: 'Progress against the last requirements' }]
      : undefined;
  const scheduled = await schedule(api, providerId, {
    type: options.type ?? 'FULL_INSPECTION',
    scheduledStart: first,
    ...(lines ? { linesOfEnquiry: lines } : {}),
    ...options.schedule,
  });
  await start(api, scheduled.id, first, options.noticeGivenOn);
  return completeFieldwork(api, scheduled.id, options.end ?? first);
}

export function evidenceInput(inspectionId: string, overrides: Partial<RecordEvidenceInput> = {}): RecordEvidenceInput {
  return {
    inspectionId,
    source: 'OBSERVATION',
    judgementArea: 'HELPED_AND_PROTECTED',
    evaluationCriterion: 'HP.a',
    finding: 'WEAKNESS',
    narrative: 'Night-time checks were not recorded for two weeks.',
    ...overrides,
  };
}

export async function recordEvidence(api: TestApp, inspectionId: string, overrides: Partial<RecordEvidenceInput> = {}) {
  const { data } = await api.gql(RecordEvidenceDocument, { input: evidenceInput(inspectionId, overrides) });
  return ok('recordEvidence', data!.recordEvidence).evidence!;
}
