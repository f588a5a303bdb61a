/**
 * The public read operations the load bench measures: each a fixed GraphQL document with
 * variables, sent as-is to the real server and to the plain handler (bench/plain-handler.ts),
 * which recognises the document by its exact text.
 *
 * Every response carries `"extensions":{"cost":...}` (src/server/query-cost.ts). The plain handler
 * answers the same bytes by stating each fixed document's cost, worked out here by the README's
 * rules ("Limits": every object 1 point, scalars 0, multiplied through lists and connections), as
 * a function of the page size; the bench checks it against the real server's bytes at start-up.
 */

/** The report fields every measured operation selects (the "main fields" of a public report). */
const REPORT_FIELDS = `id urn settingType inspectionType inspectionStart inspectionEnd publishedOn version judgements { kind overallExperiencesAndProgress helpedAndProtected leadersAndManagers } area { localAuthorityName regionName }`;

/**
 * A report's cost: the PublicReport object (1), its `judgements` (1) and `area` (1); scalars cost
 * nothing.
 */
const REPORT_COST = 3;

export type OperationName = 'publicReport' | 'publicProvider' | 'publicReports' | 'judgementFeed';

export interface Operation {
  name: OperationName;
  /** The name shown in the bench's tables. */
  label: string;
  query: string;
  /** `requestedQueryCost` of the document with these variables. */
  cost(variables: Record<string, unknown>): number;
}

const pageSize = (variables: Record<string, unknown>, fallback: number) =>
  typeof variables.first === 'number' ? variables.first : fallback;

export const OPERATIONS: Record<OperationName, Operation> = {
  publicReport: {
    name: 'publicReport',
    label: 'publicReport(urn)',
    query: `query PublicReport($urn: String!) { publicReport(urn: $urn) { ${REPORT_FIELDS} } }`,
    cost: () => REPORT_COST,
  },
  publicProvider: {
    name: 'publicProvider',
    label: 'publicProvider(urn)',
    query: `query PublicProvider($urn: String!) { publicProvider(urn: $urn) { urn settingType area { localAuthorityName regionName } reports { ${REPORT_FIELDS} } } }`,
    // The provider (1) and its area (1); `reports` is a plain list bounded at 10 (DEFAULT_LIST_BOUND).
    cost: () => 1 + 1 + 10 * REPORT_COST,
  },
  publicReports: {
    name: 'publicReports',
    label: 'publicReports(LA, first: 20)',
    query: `query PublicReports($localAuthority: String, $first: Int) { publicReports(localAuthority: $localAuthority, first: $first) { edges { node { ${REPORT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
    // `first` times: the connection (1), an edge (1) and its report, and pageInfo (1).
    cost: (variables) => pageSize(variables, 20) * (1 + 1 + REPORT_COST + 1),
  },
  judgementFeed: {
    name: 'judgementFeed',
    label: 'judgementFeed(LA, first: 100)',
    query: `query JudgementFeed($localAuthority: String, $first: Int) { judgementFeed(localAuthority: $localAuthority, first: $first) { edges { node { id type urn occurredOn report { ${REPORT_FIELDS} } } } pageInfo { hasNextPage endCursor } } }`,
    // `first` times: the connection (1), an edge (1), its event (1) and the event's report, and pageInfo (1).
    cost: (variables) => pageSize(variables, 100) * (1 + 1 + 1 + REPORT_COST + 1),
  },
};

/** The most one query may cost without a token: the server's default (QUERY_COST_ANONYMOUS), set explicitly for both servers. */
export const MAXIMUM_QUERY_COST = 50_000;

/** The request body of an operation (what autocannon sends and the check compares). */
export function requestBody(operation: Operation, variables: Record<string, unknown>): string {
  return JSON.stringify({ query: operation.query, variables });
}
