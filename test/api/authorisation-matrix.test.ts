/**
 * The authorisation matrix: every query and mutation in the schema against every caller (no token
 * and each role), each with the outcome it must get at the door. The operations are read from the
 * schema, so a new operation that is not listed here fails the first test until someone decides
 * who may call it.
 *
 * Each call declares every argument as a variable and sends no values: a caller who is let in
 * gets past the access check and stops at variable coercion (BAD_USER_INPUT) or runs with the
 * defaults; a caller who is kept out gets UNAUTHENTICATED or FORBIDDEN and nothing runs.
 *
 * The protected fields below the root (those that declare who may use them) are read from the
 * schema too, and each is reached through `node(id:)` by every caller: a new protected field that
 * is not in the field matrix fails as well.
 */
import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { Role } from '../../src/domain/access';
import { buildGraphQLSchema } from '../../src/server/schema';
import { RecordRecommendationDocument, RecordRequirementDocument, Regulation40SubmitDocument } from '../generated/graphql';
import { startTestApp, TEST_REGION, type TestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import { inspectionAtFeedback, recordEvidence } from '../support/inspections';
import { VIEWER_CAN_ACTIONS } from '../support/viewer-can';

type Outcome = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';
type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = [
  'anonymous',
  Role.INSPECTOR,
  Role.REGULATORY_INSPECTION_MANAGER,
  Role.ADMIN,
  Role.PROVIDER,
  Role.LOCAL_AUTHORITY,
];

/** Who gets in, by class of field. Written out by hand: the test checks the code against these, not against itself. */
const outcomes = (allowed: Caller[]): Record<Caller, Outcome> =>
  Object.fromEntries(
    CALLERS.map((caller) => [caller, allowed.includes(caller) ? 'ALLOW' : caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']),
  ) as Record<Caller, Outcome>;
const { INSPECTOR, REGULATORY_INSPECTION_MANAGER: MANAGER, ADMIN, PROVIDER, LOCAL_AUTHORITY } = Role;

const PUBLIC = outcomes(CALLERS);
/** The register: staff, and a provider (for its own settings). */
const REGISTER_READERS = outcomes([INSPECTOR, MANAGER, ADMIN, PROVIDER]);
/** Registering and changing settings: admins nationally, managers in their region. */
const REGISTER_WRITERS = outcomes([MANAGER, ADMIN]);
/** Inspection content and recording it: inspectors and managers, never admins. */
const INSPECTION_STAFF = outcomes([INSPECTOR, MANAGER]);
/** Decisions: quality assurance sign-off, publication, case reviews, enforcement. */
const MANAGERS = outcomes([MANAGER]);
const AUDITORS = outcomes([MANAGER, ADMIN]);
/** Draft reports and where an inspection stands: inspection staff and the provider. */
const DRAFT_READERS = outcomes([INSPECTOR, MANAGER, PROVIDER]);
/** The provider's own say: factual accuracy comments, complaints. */
const PROVIDER_ONLY = outcomes([PROVIDER]);
/** Notifications: inspection staff, and the authorities they are addressed to. */
const NOTIFICATION_READERS = outcomes([INSPECTOR, MANAGER, LOCAL_AUTHORITY]);
/** A local authority's own webhooks. */
const AUTHORITIES = outcomes([LOCAL_AUTHORITY]);
/** The evidence and the people register. */
const EVIDENCE_READERS = outcomes([INSPECTOR, MANAGER]);
/** Regulation 40 notifications: the home that sent them, and inspection staff. */
const REGULATION_40_READERS = outcomes([INSPECTOR, MANAGER, PROVIDER]);
/** Notifying: a home online, a manager from paper. */
const REGULATION_40_NOTIFIERS = outcomes([MANAGER, PROVIDER]);

const MATRIX: Record<string, Record<Caller, Outcome>> = {
  // Query
  provider: REGISTER_READERS,
  providers: REGISTER_READERS,
  node: REGISTER_READERS,
  localAuthorities: PUBLIC,
  regions: PUBLIC,
  inspections: INSPECTION_STAFF,
  openCaseReviews: INSPECTION_STAFF,
  notificationTasks: NOTIFICATION_READERS,
  evaluationCriteria: INSPECTION_STAFF,
  auditTrail: AUDITORS,
  publicReport: PUBLIC,
  publicProvider: PUBLIC,
  draftReport: DRAFT_READERS,
  publicReports: PUBLIC,
  judgementFeed: PUBLIC,
  webhookEndpoints: AUTHORITIES,
  webhookDeliveries: AUTHORITIES,
  overdueInspections: INSPECTION_STAFF,
  inspectionsDue: INSPECTION_STAFF,
  requirements: INSPECTION_STAFF,
  recommendations: INSPECTION_STAFF,
  complianceNotices: INSPECTION_STAFF,
  regulation40Notifications: REGULATION_40_READERS,
  regulation40Queue: INSPECTION_STAFF,
  regulation40Summary: REGULATION_40_READERS,
  // Mutation
  registerProvider: REGISTER_WRITERS,
  updateProvider: REGISTER_WRITERS,
  changeRegisteredManager: REGISTER_WRITERS,
  closeProvider: REGISTER_WRITERS,
  scheduleInspection: INSPECTION_STAFF,
  startInspection: INSPECTION_STAFF,
  addLineOfEnquiry: INSPECTION_STAFF,
  completeFieldwork: INSPECTION_STAFF,
  recordCaseReviewDecision: MANAGERS,
  completeNotificationTask: INSPECTION_STAFF,
  recordEvidence: INSPECTION_STAFF,
  proposeFullInspectionJudgements: INSPECTION_STAFF,
  proposeInterimJudgement: INSPECTION_STAFF,
  recordNoJudgementInterim: INSPECTION_STAFF,
  recordAssuranceVisitOutcome: INSPECTION_STAFF,
  recordMonitoringVisitOutcome: INSPECTION_STAFF,
  deferInspection: INSPECTION_STAFF,
  rescheduleInspection: INSPECTION_STAFF,
  declareInspectionIncomplete: INSPECTION_STAFF,
  resumeFieldwork: INSPECTION_STAFF,
  submitDraftForQualityAssurance: INSPECTION_STAFF,
  sendDraftReport: MANAGERS,
  submitFactualAccuracyComments: PROVIDER_ONLY,
  closeFactualAccuracyWindow: INSPECTION_STAFF,
  respondToFactualAccuracyComment: INSPECTION_STAFF,
  lodgeComplaint: PROVIDER_ONLY,
  answerComplaint: INSPECTION_STAFF,
  issueFinalReport: MANAGERS,
  publishReport: MANAGERS,
  writeReportText: INSPECTION_STAFF,
  amendPublishedReport: MANAGERS,
  withdrawPublishedReport: MANAGERS,
  withholdPublication: MANAGERS,
  recordRequirement: INSPECTION_STAFF,
  checkRequirement: INSPECTION_STAFF,
  recordRecommendation: INSPECTION_STAFF,
  checkRecommendation: INSPECTION_STAFF,
  serveComplianceNotice: MANAGERS,
  registerWebhookEndpoint: AUTHORITIES,
  removeWebhookEndpoint: AUTHORITIES,
  retryFailedWebhookDeliveries: AUTHORITIES,
  submitRegulation40Notification: REGULATION_40_NOTIFIERS,
  triageRegulation40Notification: MANAGERS,
  recordRegulation40Action: INSPECTION_STAFF,
  followUpRegulation40Notification: INSPECTION_STAFF,
  closeRegulation40Notification: INSPECTION_STAFF,
};

/**
 * Protected fields below the root, each reached through `node(id:)` on a record every caller's
 * scope covers where its role lets it in (a North West setting the provider runs). What a
 * provider may see of its own inspection is where it stands; never the workings or the evidence.
 */
const PROVIDER_SEES = DRAFT_READERS;
const FIELD_MATRIX: Record<string, Record<Caller, Outcome>> = {
  'Provider.inspections': INSPECTION_STAFF,
  'Provider.inspectionsDue': INSPECTION_STAFF,
  'Provider.reportDrafts': PROVIDER_SEES,
  'Requirement.evidence': EVIDENCE_READERS,
  'Recommendation.evidence': EVIDENCE_READERS,
  ...Object.fromEntries(
    [
      'id',
      'type',
      'status',
      'onSiteStart',
      'onSiteEnd',
      'feedbackDate',
      'draftSentOn',
      'commentsReturnedOn',
      'finalReportIssuedOn',
      'publishedOn',
      'notPublishedReason',
      'provider',
      'deadlines',
      'factualAccuracyComments',
      'complaints',
    ].map((f) => [`Inspection.${f}`, PROVIDER_SEES]),
  ),
  ...Object.fromEntries(['evidence', 'protectedPeople'].map((f) => [`Inspection.${f}`, EVIDENCE_READERS])),
  // A home sees what it sent and where it stands; the regulator's assessment is for inspection staff.
  ...Object.fromEntries(
    [
      'confirmedCategory',
      'triagedOn',
      'routing',
      'assignedInspector',
      'followedUpOn',
      'findings',
      'summaryOfReason',
      'providerAction',
      'delayReason',
      'delayImpact',
      'ofstedAction',
      'actions',
      'requiredActions',
    ].map((f) => [`Regulation40Notification.${f}`, INSPECTION_STAFF]),
  ),
  // What the caller may do next: seen by whoever sees the inspection (the value is false where the caller may not).
  ...Object.fromEntries(VIEWER_CAN_ACTIONS.map((f) => [`Inspection.viewerCan${f}`, PROVIDER_SEES])),
  ...Object.fromEntries(
    [
      'scheduledStart',
      'noticeGivenOn',
      'noticeReason',
      'extendedOnSiteReason',
      'leadInspector',
      'teamInspectors',
      'deferralReason',
      'deferralJustification',
      'deferralAgreedBy',
      'incompleteReason',
      'qualityAssuranceSubmittedOn',
      'qualityAssuredBy',
      'providerInformedOfChangesOn',
      'notPublishedDecidedBy',
      'reportOverallText',
      'reportHelpedAndProtectedText',
      'reportLeadersAndManagersText',
      'reportSummaryText',
      'childFriendlySummary',
      'placingAuthorities',
      'createdAt',
      'previousInspection',
      'notice',
      'linesOfEnquiry',
      'judgement',
      'judgementHistory',
      'requirements',
      'recommendations',
      'complianceNotices',
      'caseReviews',
      'notificationTasks',
    ].map((f) => [`Inspection.${f}`, INSPECTION_STAFF]),
  ),
};

let api: TestApp;
let schema: GraphQLSchema;
let operations: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[];
const tokens = new Map<Caller, string | null>();
/** A record of each type with protected fields, in the North West, run by the provider whose token is used. */
const fixtureIds = new Map<string, string>();

beforeAll(async () => {
  schema = await buildGraphQLSchema();
  const roots: ['query' | 'mutation', GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  operations = roots.flatMap(([kind, type]) => Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field })));
  api = await startTestApp();
  const home = await registerProvider(api);
  const visit = await inspectionAtFeedback(api, home.id, { type: 'MONITORING_VISIT', start: '2026-11-02' });
  const weakness = await recordEvidence(api, visit.id);
  const requirement = await api.gql(RecordRequirementDocument, {
    input: {
      inspectionId: visit.id,
      regulation: 'Regulation 12',
      action: 'Record checks',
      dueDate: '2026-12-01',
      impactStatement: 'Children may not be safe',
      evidenceIds: [weakness.id],
    },
  });
  const recommendation = await api.gql(RecordRecommendationDocument, {
    input: { inspectionId: visit.id, reference: 'Guide page 12', action: 'Improve records', evidenceIds: [weakness.id] },
  });
  fixtureIds.set('Provider', home.id);
  fixtureIds.set('Inspection', visit.id);
  fixtureIds.set('Requirement', requirement.data!.recordRequirement.requirement!.id);
  fixtureIds.set('Recommendation', recommendation.data!.recordRecommendation.recommendation!.id);
  const notified = await (
    await api.providerOf(home.urn)
  ).gql(Regulation40SubmitDocument, {
    input: { urn: home.urn, category: 'SERIOUS_EVENT', incidentDate: '2026-11-23', account: 'A restraint.' },
  });
  fixtureIds.set('Regulation40Notification', notified.data!.submitRegulation40Notification.regulation40Notification!.id);
  for (const caller of CALLERS) {
    tokens.set(
      caller,
      caller === 'anonymous' ? null : await api.tokenFor(caller, { region: TEST_REGION, urns: [home.urn], localAuthority: 'E08000003' }),
    );
  }
}, 60_000);
afterAll(() => api.close());

async function outcomeFor(
  caller: Caller,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ outcome: Outcome; errors?: { message?: string; extensions?: { code?: string } }[] }> {
  const call = api.request().post('/graphql').set('content-type', 'application/json');
  const token = tokens.get(caller);
  if (token) call.set('authorization', `Bearer ${token}`);
  const response = await call.send({ query, variables });
  const body = response.body as { errors?: { message?: string; extensions?: { code?: string } }[] };
  return { outcome: outcomeOf(body.errors), errors: body.errors };
}

test('every query and mutation in the schema is in the matrix, and the matrix names nothing else', () => {
  const inSchema = operations.map((o) => o.field.name).sort();
  expect(Object.keys(MATRIX).sort()).toEqual(inSchema);
});

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`);
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind} Matrix${variables.length ? `(${variables.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

function outcomeOf(errors: { message?: string; extensions?: { code?: string } }[] | undefined): Outcome {
  const code = errors?.[0]?.extensions?.code;
  return code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'ALLOW';
}

test('each caller gets the outcome the matrix gives for every operation', async () => {
  const mismatches: string[] = [];
  for (const { kind, field } of operations) {
    const expected = MATRIX[field.name];
    if (!expected) continue; // the first test reports it
    const query = operationFor(kind, field);
    for (const caller of CALLERS) {
      const { outcome, errors } = await outcomeFor(caller, query, {});
      if (outcome !== expected[caller])
        mismatches.push(
          `${field.name} as ${caller}: expected ${expected[caller]}, got ${outcome} ${JSON.stringify(errors?.[0]?.message ?? '')}`,
        );
      if (errors?.some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED'))
        mismatches.push(`${field.name}: the generated operation does not validate`);
    }
  }
  expect(mismatches).toEqual([]);
});

test('a caller who is kept out leaves no trace in the data or the audit trail', async () => {
  const before = await api.orm.em.fork().getConnection().execute('select count(*)::int as n from audit_entry');
  const register = operations.find((o) => o.field.name === 'registerProvider');
  expect(register).toBeDefined();
  for (const caller of ['anonymous', Role.INSPECTOR, Role.PROVIDER, Role.LOCAL_AUTHORITY] as Caller[]) {
    expect((await outcomeFor(caller, operationFor('mutation', register!.field), {})).outcome).not.toBe('ALLOW');
  }
  const after = await api.orm.em.fork().getConnection().execute('select count(*)::int as n from audit_entry');
  expect(after).toEqual(before);
});

/** Every field below the root that declares who may use it, as `Type.field`. */
function protectedFields(): { type: GraphQLObjectType; field: GraphQLField<unknown, unknown>; key: string }[] {
  const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
  return Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && !roots.has(type) && !type.name.startsWith('__'))
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field, key: `${type.name}.${field.name}` })))
    .filter(({ field }) => field.extensions?.access !== undefined && field.extensions.access !== 'PUBLIC');
}

describe('protected fields below the root', () => {
  test('every protected field in the schema is in the field matrix, and the matrix names nothing else', () => {
    expect(
      protectedFields()
        .map((f) => f.key)
        .sort(),
    ).toEqual(Object.keys(FIELD_MATRIX).sort());
  });

  test('every field of an inspection says who may see it: a provider reaches its own inspections, so nothing there is open by default', () => {
    const inspection = schema.getType('Inspection') as GraphQLObjectType;
    const undeclared = Object.values(inspection.getFields())
      .filter((field) => field.extensions?.access === undefined)
      .map((field) => field.name);
    expect(undeclared).toEqual([]);
  });

  test('each caller gets the outcome the field matrix gives, reaching the field through node(id:)', async () => {
    const mismatches: string[] = [];
    for (const { type, field, key } of protectedFields()) {
      const expected = FIELD_MATRIX[key];
      if (!expected) continue; // the first test reports it
      const id = fixtureIds.get(type.name);
      if (!id) {
        mismatches.push(`${key}: no fixture of type ${type.name} to reach it through`);
        continue;
      }
      if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined))
        mismatches.push(`${key}: has a required argument; give it one here`);
      const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
      const query = `query FieldMatrix($id: ID!) { node(id: $id) { ... on ${type.name} { ${field.name}${selection} } } }`;
      for (const caller of CALLERS) {
        const { outcome, errors } = await outcomeFor(caller, query, { id });
        if (outcome !== expected[caller])
          mismatches.push(
            `${key} as ${caller}: expected ${expected[caller]}, got ${outcome} ${JSON.stringify(errors?.[0]?.message ?? '')}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });
});
