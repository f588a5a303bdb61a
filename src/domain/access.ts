/**
 * Who may call what, as far as it is decided yet: deny by default. The public queries are open
 * to anyone; every other operation needs an authenticated member of Ofsted's staff. Providers and
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

const STAFF: ReadonlySet<Role> = new Set([Role.INSPECTOR, Role.REGULATORY_INSPECTION_MANAGER, Role.ADMIN]);

export type AccessDecision = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** Whether a caller may run an operation with these root fields. */
export function decideAccess(principal: Principal | null, rootFields: readonly string[]): AccessDecision {
  const internal = rootFields.filter((field) => !PUBLIC_ROOT_FIELDS.has(field));
  if (internal.length === 0) return 'ALLOW';
  if (!principal) return 'UNAUTHENTICATED';
  return STAFF.has(principal.role) ? 'ALLOW' : 'FORBIDDEN';
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (Object.values(Role) as string[]).includes(value);
}
