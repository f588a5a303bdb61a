/**
 * Helpers to drive inspections over HTTP in tests. The short verbs (`schedule`, `start`,
 * `completeFieldwork`, `recordEvidence`...) fail the test loudly when the API returns userErrors,
 * so a test only checks userErrors where it means to; the drivers named for the mutation
 * (`scheduleInspection`, `startInspection`, `finishFieldwork`, `tryEvidence`) return its payload
 * for the test to read them.
 */
import {
  CompleteFieldworkDocument,
  EnforcementCompleteFieldworkDocument,
  InspectionRecordDocument,
  RecordEvidenceDocument,
  ScheduleInspectionDocument,
  StartInspectionDocument,
  type CompleteFieldworkInput,
  type InspectionType,
  type RecordEvidenceInput,
  type RegisterProviderInput,
  type ScheduleInspectionInput,
} from '../generated/graphql';
import type { TestApp } from './app';
import { registerProvider } from './fixtures';
import { expectNoUserErrors } from './payloads';

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

// -------------------------------------------------------------------------------------------------
// Drivers named for the mutation: each returns the payload, userErrors and all.

export async function scheduleInspection(api: TestApp, providerId: string, overrides: Partial<ScheduleInspectionInput> = {}) {
  const { data } = await api.gql(ScheduleInspectionDocument, { input: scheduleInput(providerId, overrides) });
  return data!.scheduleInspection;
}

export async function startInspection(
  api: TestApp,
  inspectionId: string,
  onSiteStart: string,
  extra: { noticeGivenOn?: string; noticeReason?: string } = {},
) {
  const { data } = await api.gql(StartInspectionDocument, { input: { inspectionId, onSiteStart, ...extra } });
  return data!.startInspection;
}

/** completeFieldwork's payload. */
export async function finishFieldwork(api: TestApp, inspectionId: string, input: Omit<CompleteFieldworkInput, 'inspectionId'>) {
  const { data } = await api.gql(CompleteFieldworkDocument, { input: { inspectionId, ...input } });
  return data!.completeFieldwork;
}

/** recordEvidence's payload. */
export async function tryEvidence(api: TestApp, inspectionId: string, overrides: Partial<RecordEvidenceInput> = {}) {
  const { data } = await api.gql(RecordEvidenceDocument, { input: evidenceInput(inspectionId, overrides) });
  return data!.recordEvidence;
}

/** The inspection as stored, read back through `node`. */
export async function reread(api: TestApp, id: string) {
  const { data } = await api.gql(InspectionRecordDocument, { id, evidenceFirst: 50 });
  const node = data!.node;
  if (!node || !('judgementHistory' in node)) throw new Error(`${id} is not an inspection`);
  return node;
}

// -------------------------------------------------------------------------------------------------
// Steps that must succeed: each fails the test on userErrors and returns what the step made.

export async function schedule(api: TestApp, providerId: string, overrides: Partial<ScheduleInspectionInput> = {}) {
  return expectNoUserErrors('scheduleInspection', await scheduleInspection(api, providerId, overrides)).inspection!;
}

export async function start(api: TestApp, inspectionId: string, onSiteStart: string, noticeGivenOn?: string) {
  return expectNoUserErrors('startInspection', await startInspection(api, inspectionId, onSiteStart, { noticeGivenOn })).inspection!;
}

export async function completeFieldwork(api: TestApp, inspectionId: string, onSiteEnd: string, feedbackDate = onSiteEnd) {
  return expectNoUserErrors('completeFieldwork', await finishFieldwork(api, inspectionId, { onSiteEnd, feedbackDate })).inspection!;
}

/** An inspection scheduled, started and with feedback given, ready for judgements. */
export async function inspectionAtFeedback(
  api: TestApp,
  providerId: string,
  options: {
    type?: InspectionType;
    start?: string;
    end?: string;
    noticeGivenOn?: string;
    schedule?: Partial<ScheduleInspectionInput>;
  } = {},
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

/** A setting newly registered (a children's home unless told otherwise) and an inspection of it at feedback (see inspectionAtFeedback). */
export async function inspectionOfNewSetting(
  api: TestApp,
  setting: Partial<RegisterProviderInput> = {},
  options: Parameters<typeof inspectionAtFeedback>[2] = {},
) {
  const provider = await registerProvider(api, setting);
  return inspectionAtFeedback(api, provider.id, options);
}

export async function recordEvidence(api: TestApp, inspectionId: string, overrides: Partial<RecordEvidenceInput> = {}) {
  return expectNoUserErrors('recordEvidence', await tryEvidence(api, inspectionId, overrides)).evidence!;
}

/**
 * Scheduled, started (an assurance visit announced on its first day) and with feedback given, with
 * the placing authorities of the children, if any; fails the test on userErrors and returns the inspection ID.
 */
export async function toFeedback(
  api: TestApp,
  providerId: string,
  options: { type?: InspectionType; start: string; end?: string; feedback?: string; placingAuthorities?: string[] },
): Promise<string> {
  const type = options.type ?? 'FULL_INSPECTION';
  const end = options.end ?? options.start;
  const visit = type === 'ASSURANCE_VISIT';
  const scheduled = await schedule(api, providerId, {
    type,
    scheduledStart: options.start,
    ...(visit ? { linesOfEnquiry: [{ source: 'PREVIOUS_INSPECTION' as const, text: 'Progress since the last inspection' }] } : {}),
  });
  await start(api, scheduled.id, options.start, visit ? options.start : undefined);
  const { data } = await api.gql(EnforcementCompleteFieldworkDocument, {
    input: {
      inspectionId: scheduled.id,
      onSiteEnd: end,
      feedbackDate: options.feedback ?? end,
      placingAuthorities: options.placingAuthorities,
    },
  });
  expect(data!.completeFieldwork.userErrors).toEqual([]);
  return scheduled.id;
}
