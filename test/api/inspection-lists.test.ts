import {
  CheckRequirementDocument,
  ComplianceNoticesDocument,
  InspectionsDocument,
  RecommendationsDocument,
  RecordRecommendationDocument,
  RecordRequirementDocument,
  RequirementsDocument,
  ServeComplianceNoticeDocument,
  type InspectionsQueryVariables,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import { inspectionAtFeedback, recordEvidence, schedule } from '../support/inspections';
import { walkPages } from '../support/paging';

let api: TestApp;
const homes: { id: string; urn: string }[] = [];
const inspections: { id: string; providerUrn: string; scheduledStart: string; type: string }[] = [];
const requirements: { id: string; inspectionId: string; providerUrn: string }[] = [];

beforeAll(async () => {
  api = await startTestApp();
  for (let h = 0; h < 3; h++) homes.push(await registerProvider(api, { name: `List Home ${h}`, registrationDate: '2023-01-09' }));
  const days = ['2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22'];
  for (const [h, home] of homes.entries()) {
    for (const day of days) {
      const inspection = await inspectionAtFeedback(api, home.id, { type: 'MONITORING_VISIT', start: day });
      inspections.push({ id: inspection.id, providerUrn: home.urn, scheduledStart: day, type: 'MONITORING_VISIT' });
      const weakness = await recordEvidence(api, inspection.id);
      const made = await api.gql(RecordRequirementDocument, {
        input: {
          inspectionId: inspection.id,
          regulation: `Regulation ${12 + h}`,
          action: 'Record night-time checks',
          dueDate: '2026-12-01',
          impactStatement: 'Children may not be safe at night',
          evidenceIds: [weakness.id],
        },
      });
      requirements.push({ id: made.data!.recordRequirement.requirement!.id, inspectionId: inspection.id, providerUrn: home.urn });
      await api.gql(RecordRecommendationDocument, {
        input: {
          inspectionId: inspection.id,
          reference: 'Guide page 12, paragraph 3.4',
          action: 'Improve records',
          evidenceIds: [weakness.id],
        },
      });
    }
    const scheduled = await schedule(api, home.id, { scheduledStart: '2026-12-07' });
    inspections.push({ id: scheduled.id, providerUrn: home.urn, scheduledStart: '2026-12-07', type: 'FULL_INSPECTION' });
  }
  // The second visit to the first home checks the first visit's requirement.
  await api.gql(CheckRequirementDocument, {
    input: { requirementId: requirements[0].id, inspectionId: requirements[1].inspectionId, outcome: 'MET' },
  });
  await api.gql(ServeComplianceNoticeDocument, {
    input: {
      inspectionId: inspections[0].id,
      ground: 'FAILED_TO_MEET_A_REQUIREMENT',
      servedOn: '2026-09-03',
      actions: [{ regulation: 'Regulation 12', action: 'Record checks', completionDate: '2026-10-01' }],
    },
  });
}, 60_000);
afterAll(() => api.close());

const byStart = (a: { scheduledStart: string }, b: { scheduledStart: string }) => a.scheduledStart.localeCompare(b.scheduledStart);

describe('inspections(filter, first, after, last, before)', () => {
  test('pages forwards and backwards through every inspection in order of scheduled start', async () => {
    const inspectionsPage = async (variables: InspectionsQueryVariables) =>
      (await api.gql(InspectionsDocument, variables)).data!.inspections;
    const forwards = (await walkPages('forwards', (after) => inspectionsPage({ first: 4, after }))).map((node) => node.scheduledStart);
    expect(forwards).toHaveLength(inspections.length);
    expect(forwards).toEqual([...inspections].sort(byStart).map((i) => i.scheduledStart));

    const backwards = (await walkPages('backwards', (before) => inspectionsPage({ last: 5, before }))).map((node) => node.id);
    const firstPass = (await walkPages('forwards', (after) => inspectionsPage({ first: 100, after }))).map((node) => node.id);
    expect(backwards).toEqual(firstPass);
  });

  test('filters by setting, type and status', async () => {
    const ofHome = await api.gql(InspectionsDocument, { filter: { providerId: homes[1].id }, first: 50 });
    expect(ofHome.data!.inspections.edges.map((e) => e.node.provider.urn)).toEqual(Array(5).fill(homes[1].urn));
    const scheduled = await api.gql(InspectionsDocument, { filter: { status: 'SCHEDULED' }, first: 50 });
    expect(scheduled.data!.inspections.edges.map((e) => e.node.type)).toEqual(['FULL_INSPECTION', 'FULL_INSPECTION', 'FULL_INSPECTION']);
    const monitoring = await api.gql(InspectionsDocument, { filter: { type: 'MONITORING_VISIT', providerId: homes[0].id }, first: 50 });
    expect(monitoring.data!.inspections.edges).toHaveLength(4);
    const unknown = await api.gql(InspectionsDocument, { filter: { providerId: 'not-an-id' }, first: 50 });
    expect(unknown.data!.inspections.edges).toEqual([]);
  });
});

describe('requirements, recommendations and compliance notices', () => {
  test('requirements page forwards and backwards, oldest first', async () => {
    const all = await api.gql(RequirementsDocument, { first: 100 });
    expect(all.data!.requirements.edges.map((e) => e.node.id)).toEqual(requirements.map((r) => r.id));
    const firstFive = await api.gql(RequirementsDocument, { first: 5 });
    const nextFive = await api.gql(RequirementsDocument, { first: 5, after: firstFive.data!.requirements.pageInfo.endCursor });
    expect(nextFive.data!.requirements.edges.map((e) => e.node.id)).toEqual(requirements.slice(5, 10).map((r) => r.id));
    const back = await api.gql(RequirementsDocument, { last: 5, before: nextFive.data!.requirements.pageInfo.startCursor });
    expect(back.data!.requirements.edges.map((e) => e.node.id)).toEqual(requirements.slice(0, 5).map((r) => r.id));
    expect(back.data!.requirements.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  test('filter by setting, inspection and status', async () => {
    const ofHome = await api.gql(RequirementsDocument, { filter: { providerId: homes[2].id }, first: 100 });
    expect(ofHome.data!.requirements.edges.map((e) => e.node.inspection.provider.urn)).toEqual(Array(4).fill(homes[2].urn));
    const atInspection = await api.gql(RequirementsDocument, { filter: { inspectionId: requirements[3].inspectionId }, first: 100 });
    expect(atInspection.data!.requirements.edges.map((e) => e.node.id)).toEqual([requirements[3].id]);
    const met = await api.gql(RequirementsDocument, { filter: { status: 'MET' }, first: 100 });
    expect(met.data!.requirements.edges.map((e) => e.node.id)).toEqual([requirements[0].id]);
    const open = await api.gql(RequirementsDocument, { filter: { status: 'OPEN', providerId: homes[0].id }, first: 100 });
    expect(open.data!.requirements.edges).toHaveLength(3);
  });

  test('recommendations and compliance notices are listed the same way', async () => {
    const recommendations = await api.gql(RecommendationsDocument, { filter: { providerId: homes[0].id }, first: 2 });
    expect(recommendations.data!.recommendations.edges).toHaveLength(2);
    expect(recommendations.data!.recommendations.pageInfo.hasNextPage).toBe(true);
    const rest = await api.gql(RecommendationsDocument, {
      filter: { providerId: homes[0].id },
      first: 10,
      after: recommendations.data!.recommendations.pageInfo.endCursor,
    });
    expect(rest.data!.recommendations.edges).toHaveLength(2);
    const notices = await api.gql(ComplianceNoticesDocument, { filter: { providerId: homes[0].id }, first: 10 });
    expect(notices.data!.complianceNotices.edges.map((e) => [e.node.inspection.id, e.node.servedOn, e.node.actions.length])).toEqual([
      [inspections[0].id, '2026-09-03', 1],
    ]);
    const none = await api.gql(ComplianceNoticesDocument, { filter: { providerId: homes[1].id }, first: 10 });
    expect(none.data!.complianceNotices.edges).toEqual([]);
  });

  test('listing 3 or 12 requirements with their inspection and setting runs the same number of statements', async () => {
    const few = await api.statements(() => api.gql(RequirementsDocument, { first: 3 }));
    const many = await api.statements(() => api.gql(RequirementsDocument, { first: 12 }));
    expect(many.length).toBe(few.length);
  });
});
