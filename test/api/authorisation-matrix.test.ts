/**
 * The authorisation matrix: every query and mutation in the schema against every caller (no token
 * and each role), each with the outcome it must get at the door. The operations are read from the
 * schema, so a new operation that is not listed here fails the first test until someone decides
 * who may call it.
 *
 * Each call declares every argument as a variable and sends no values: a caller who is let in
 * gets past the access check and stops at variable coercion (BAD_USER_INPUT) or runs with the
 * defaults; a caller who is kept out gets UNAUTHENTICATED or FORBIDDEN and nothing runs.
 */
import { getNamedType, isLeafType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { Role } from '../../src/domain/access';
import { buildGraphQLSchema } from '../../src/server/schema';
import { startTestApp, type TestApp } from '../support/app';

type Outcome = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';
type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', Role.INSPECTOR, Role.REGULATORY_INSPECTION_MANAGER, Role.ADMIN, Role.PROVIDER, Role.LOCAL_AUTHORITY];

/** Who gets in, by class of operation. */
const PUBLIC: Record<Caller, Outcome> = {
  anonymous: 'ALLOW',
  [Role.INSPECTOR]: 'ALLOW',
  [Role.REGULATORY_INSPECTION_MANAGER]: 'ALLOW',
  [Role.ADMIN]: 'ALLOW',
  [Role.PROVIDER]: 'ALLOW',
  [Role.LOCAL_AUTHORITY]: 'ALLOW',
};
const STAFF: Record<Caller, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  [Role.INSPECTOR]: 'ALLOW',
  [Role.REGULATORY_INSPECTION_MANAGER]: 'ALLOW',
  [Role.ADMIN]: 'ALLOW',
  [Role.PROVIDER]: 'FORBIDDEN',
  [Role.LOCAL_AUTHORITY]: 'FORBIDDEN',
};
const MANAGERS_AND_ADMINS: Record<Caller, Outcome> = { ...STAFF, [Role.INSPECTOR]: 'FORBIDDEN' };
const MANAGERS: Record<Caller, Outcome> = { ...STAFF, [Role.INSPECTOR]: 'FORBIDDEN', [Role.ADMIN]: 'FORBIDDEN' };

const MATRIX: Record<string, Record<Caller, Outcome>> = {
  // Query
  provider: STAFF,
  providers: STAFF,
  localAuthorities: STAFF,
  regions: STAFF,
  node: STAFF,
  inspections: STAFF,
  openCaseReviews: STAFF,
  notificationTasks: STAFF,
  evaluationCriteria: STAFF,
  auditTrail: MANAGERS_AND_ADMINS,
  publicReport: PUBLIC,
  publicProvider: PUBLIC,
  draftReport: STAFF,
  publicReports: PUBLIC,
  overdueInspections: STAFF,
  inspectionsDue: STAFF,
  requirements: STAFF,
  recommendations: STAFF,
  complianceNotices: STAFF,
  // Mutation
  registerProvider: STAFF,
  updateProvider: STAFF,
  changeRegisteredManager: STAFF,
  closeProvider: STAFF,
  scheduleInspection: STAFF,
  startInspection: STAFF,
  addLineOfEnquiry: STAFF,
  completeFieldwork: STAFF,
  recordCaseReviewDecision: MANAGERS,
  completeNotificationTask: STAFF,
  recordEvidence: STAFF,
  proposeFullInspectionJudgements: STAFF,
  proposeInterimJudgement: STAFF,
  recordNoJudgementInterim: STAFF,
  recordAssuranceVisitOutcome: STAFF,
  recordMonitoringVisitOutcome: STAFF,
  deferInspection: STAFF,
  rescheduleInspection: STAFF,
  declareInspectionIncomplete: STAFF,
  resumeFieldwork: STAFF,
  submitDraftForQualityAssurance: STAFF,
  sendDraftReport: MANAGERS,
  submitFactualAccuracyComments: STAFF,
  closeFactualAccuracyWindow: STAFF,
  respondToFactualAccuracyComment: STAFF,
  lodgeComplaint: STAFF,
  answerComplaint: STAFF,
  issueFinalReport: MANAGERS,
  publishReport: MANAGERS,
  writeReportText: STAFF,
  amendPublishedReport: MANAGERS,
  withholdPublication: MANAGERS,
  recordRequirement: STAFF,
  checkRequirement: STAFF,
  recordRecommendation: STAFF,
  checkRecommendation: STAFF,
  serveComplianceNotice: MANAGERS,
};

let api: TestApp;
let operations: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[];
const tokens = new Map<Caller, string | null>();
beforeAll(async () => {
  const schema = await buildGraphQLSchema();
  const roots: [('query' | 'mutation'), GraphQLObjectType | null | undefined][] = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]];
  operations = roots.flatMap(([kind, type]) => Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field })));
  api = await startTestApp();
  for (const caller of CALLERS) tokens.set(caller, caller === 'anonymous' ? null : await api.tokenFor(caller, { region: 'E12000002' }));
});
afterAll(() => api.close());

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
      const call = api.request().post('/graphql').set('content-type', 'application/json');
      const token = tokens.get(caller);
      if (token) call.set('authorization', `Bearer ${token}`);
      const response = await call.send({ query, variables: {} });
      const body = response.body as { errors?: { message?: string; extensions?: { code?: string } }[] };
      const actual = outcomeOf(body.errors);
      if (actual !== expected[caller]) mismatches.push(`${field.name} as ${caller}: expected ${expected[caller]}, got ${actual} ${JSON.stringify(body.errors?.[0]?.message ?? '')}`);
      if (body.errors?.some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) mismatches.push(`${field.name}: the generated operation does not validate`);
    }
  }
  expect(mismatches).toEqual([]);
});

test('a caller who is kept out leaves no trace in the data or the audit trail', async () => {
  const before = await api.orm.em.fork().getConnection().execute('select count(*)::int as n from audit_entry');
  const register = operations.find((o) => o.field.name === 'registerProvider');
  expect(register).toBeDefined();
  for (const caller of ['anonymous', Role.PROVIDER, Role.LOCAL_AUTHORITY] as Caller[]) {
    const call = api.request().post('/graphql').set('content-type', 'application/json');
    const token = tokens.get(caller);
    if (token) call.set('authorization', `Bearer ${token}`);
    const response = await call.send({ query: operationFor('mutation', register!.field), variables: {} });
    expect(outcomeOf((response.body as { errors?: { message?: string; extensions?: { code?: string } }[] }).errors)).not.toBe('ALLOW');
  }
  const after = await api.orm.em.fork().getConnection().execute('select count(*)::int as n from audit_entry');
  expect(after).toEqual(before);
});
