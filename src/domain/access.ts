/**
 * Who may call what, as far as it is decided yet: deny by default. The public queries are open
 * to anyone; every other operation needs an authenticated member of Ofsted's staff, and the
 * decisions (publication, case reviews, enforcement) a regulatory inspection manager. Providers and
 * local authorities get their own scoped access in a later part; until then they get only what
 * the public gets.
 */
export enum Role {
  INSPECTOR = 'INSPECTOR',
  REGULATORY_INSPECTION_MANAGER = 'REGULATORY_INSPECTION_MANAGER',
  PROVIDER = 'PROVIDER',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  ADMIN = 'ADMIN',
}

export interface Principal {
  subject: string;
  role: Role;
  /** Region (ONS code) of an inspector or manager. */
  region: string | null;
}

/** Root fields anyone may query without credentials: the redacted public views. */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set(['publicReport', 'publicProvider', 'publicReports', '__typename', '__schema', '__type']);

/**
 * Operations reserved to a regulatory inspection manager: signing off quality assurance (sending
 * the draft), issuing, publishing, amending or withholding a report, case review decisions and
 * enforcement. Inspectors record; managers decide. Admins hold the register, not inspection content.
 */
export const MANAGER_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'sendDraftReport',
  'issueFinalReport',
  'publishReport',
  'amendPublishedReport',
  'withholdPublication',
  'recordCaseReviewDecision',
  'serveComplianceNotice',
]);

const STAFF: ReadonlySet<Role> = new Set([Role.INSPECTOR, Role.REGULATORY_INSPECTION_MANAGER, Role.ADMIN]);

/** Root fields open to fewer staff roles than the rest, with the roles that may use them. */
const NARROWER_ROOT_FIELDS: ReadonlyMap<string, ReadonlySet<Role>> = new Map<string, ReadonlySet<Role>>([
  ...[...MANAGER_ROOT_FIELDS].map((field): [string, ReadonlySet<Role>] => [field, new Set([Role.REGULATORY_INSPECTION_MANAGER])]),
  // The audit trail: the people who answer for the records, not the people who make them.
  ['auditTrail', new Set([Role.REGULATORY_INSPECTION_MANAGER, Role.ADMIN])],
]);

export type AccessDecision = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** Whether a caller may run an operation with these root fields. */
export function decideAccess(principal: Principal | null, rootFields: readonly string[]): AccessDecision {
  const internal = rootFields.filter((field) => !PUBLIC_ROOT_FIELDS.has(field));
  if (internal.length === 0) return 'ALLOW';
  if (!principal) return 'UNAUTHENTICATED';
  if (!STAFF.has(principal.role)) return 'FORBIDDEN';
  if (internal.some((field) => NARROWER_ROOT_FIELDS.get(field)?.has(principal.role) === false)) return 'FORBIDDEN';
  return 'ALLOW';
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (Object.values(Role) as string[]).includes(value);
}
