/**
 * Who may see and do what. Deny by default: a root field is open only when it declares who may
 * use it (`PUBLIC`, or the permissions one of which the caller must hold), and an object reached
 * by ID is open only to a caller whose scope covers it (its region, its URNs, its authority).
 *
 * Two layers, both decided here:
 * - permissions: what a role may do at all, checked per field (type-graphql's `@Authorized`);
 * - scopes: which records it may do it to, checked once in the services against the data.
 */
export enum Role {
  INSPECTOR = 'INSPECTOR',
  REGULATORY_INSPECTION_MANAGER = 'REGULATORY_INSPECTION_MANAGER',
  PROVIDER = 'PROVIDER',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  ADMIN = 'ADMIN',
}

export interface Principal {
  /** The token's subject: for staff, the identifier inspections name them by. */
  subject: string;
  role: Role;
  /** Inspectors and managers: the region (ONS code) they work in. Without one they reach no setting. */
  region: string | null;
  /** Providers: the URNs of their own settings. */
  urns: readonly string[];
  /** Local authorities: their own ONS code. */
  localAuthority: string | null;
}

export enum Permission {
  /** Settings on the register: name, address, provider, managers (within the caller's scope). */
  READ_REGISTER = 'READ_REGISTER',
  /** Registering settings, changing their details and managers, closing them. */
  WRITE_REGISTER = 'WRITE_REGISTER',
  /** Inspections and everything recorded at them: judgements, requirements, case reviews, timetables. */
  READ_INSPECTIONS = 'READ_INSPECTIONS',
  /** The evidence and the people register behind it. */
  READ_EVIDENCE = 'READ_EVIDENCE',
  /** Scheduling and recording inspections: fieldwork, evidence, proposed judgements, the draft. */
  RECORD_INSPECTIONS = 'RECORD_INSPECTIONS',
  /** Quality assurance sign-off, judgement changes once in QA, publication, case reviews, enforcement. */
  DECIDE = 'DECIDE',
  /** A draft report and where its inspection stands in the pipeline. */
  READ_DRAFT_REPORTS = 'READ_DRAFT_REPORTS',
  /** A provider's factual accuracy comments and complaints about its own inspections. */
  RESPOND_TO_REPORTS = 'RESPOND_TO_REPORTS',
  /** Notifications to directors of children's services (placing and host authorities). */
  READ_NOTIFICATIONS = 'READ_NOTIFICATIONS',
  /** The audit trail. */
  READ_AUDIT_TRAIL = 'READ_AUDIT_TRAIL',
  /** A local authority's webhook endpoints and their delivery log. */
  MANAGE_WEBHOOKS = 'MANAGE_WEBHOOKS',
  /** A children's home notifying the regulator of a serious event (Regulation 40), and following what it sent. */
  NOTIFY_SERIOUS_EVENTS = 'NOTIFY_SERIOUS_EVENTS',
}

/** A field open to anyone, signed in or not. */
export const PUBLIC = 'PUBLIC';
/** What a field requires: nothing (`PUBLIC`), or any one of these permissions. */
export type FieldAccess = typeof PUBLIC | readonly Permission[];

const INSPECTOR_GRANTS = [
  Permission.READ_REGISTER,
  Permission.READ_INSPECTIONS,
  Permission.READ_EVIDENCE,
  Permission.RECORD_INSPECTIONS,
  Permission.READ_DRAFT_REPORTS,
  Permission.READ_NOTIFICATIONS,
];

/** Each role's permissions. Inspectors record; managers also decide; admins keep the register, not inspection content. */
export const GRANTS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  [Role.INSPECTOR]: new Set(INSPECTOR_GRANTS),
  [Role.REGULATORY_INSPECTION_MANAGER]: new Set([
    ...INSPECTOR_GRANTS,
    Permission.WRITE_REGISTER,
    Permission.DECIDE,
    Permission.READ_AUDIT_TRAIL,
  ]),
  [Role.ADMIN]: new Set([Permission.READ_REGISTER, Permission.WRITE_REGISTER, Permission.READ_AUDIT_TRAIL]),
  [Role.PROVIDER]: new Set([
    Permission.READ_REGISTER,
    Permission.READ_DRAFT_REPORTS,
    Permission.RESPOND_TO_REPORTS,
    Permission.NOTIFY_SERIOUS_EVENTS,
  ]),
  [Role.LOCAL_AUTHORITY]: new Set([Permission.READ_NOTIFICATIONS, Permission.MANAGE_WEBHOOKS]),
};

/** Root fields that are introspection or `__typename`: as open as the schema itself. */
const META_FIELDS: ReadonlySet<string> = new Set(['__typename', '__schema', '__type']);

export type AccessDecision = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** Whether a caller may use a field that requires this access (undefined: nobody said, so nobody may). */
export function decideFieldAccess(principal: Principal | null, access: FieldAccess | undefined): AccessDecision {
  if (access === PUBLIC) return 'ALLOW';
  if (!principal) return 'UNAUTHENTICATED';
  if (!access || !access.some((permission) => GRANTS[principal.role].has(permission))) return 'FORBIDDEN';
  return 'ALLOW';
}

/**
 * Whether a caller may run an operation at all: every root field it selects must let it in. The
 * operation is refused whole, before anything runs, so a refused mutation writes nothing.
 */
export function decideAccess(
  principal: Principal | null,
  rootFields: readonly { name: string; access: FieldAccess | undefined }[],
): AccessDecision {
  const decisions = rootFields.filter((field) => !META_FIELDS.has(field.name)).map((field) => decideFieldAccess(principal, field.access));
  if (decisions.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (decisions.includes('FORBIDDEN')) return 'FORBIDDEN';
  return 'ALLOW';
}

/** Whether an operation's root fields are all public (the public lookups are not audited). */
export function isPublicOperation(rootFields: readonly { name: string; access: FieldAccess | undefined }[]): boolean {
  return rootFields.every((field) => META_FIELDS.has(field.name) || field.access === PUBLIC);
}

/** Where a setting sits: what a scope is checked against. */
export interface SettingScope {
  urn: string;
  /** ONS codes. */
  region: string;
  localAuthority: string;
}

/** Whether a caller's scope over settings depends on their region (inspectors and managers), so it must be looked up. */
export function scopeDependsOnRegion(principal: Principal): boolean {
  return principal.role === Role.INSPECTOR || principal.role === Role.REGULATORY_INSPECTION_MANAGER;
}

/** Whether a caller's scope covers a setting's register entry. Admins hold the whole register. */
export function mayReachSetting(principal: Principal, setting: SettingScope): boolean {
  switch (principal.role) {
    case Role.ADMIN:
      return true;
    case Role.INSPECTOR:
    case Role.REGULATORY_INSPECTION_MANAGER:
      return principal.region !== null && principal.region === setting.region;
    case Role.PROVIDER:
      return principal.urns.includes(setting.urn);
    case Role.LOCAL_AUTHORITY:
      return false;
  }
}

export interface InspectionScope {
  setting: SettingScope;
  leadInspector: string;
  teamInspectors: readonly string[];
}

/**
 * What is being done to an inspection:
 * - READ: reading it (staff of its region; its provider, of the fields a provider may see);
 * - RECORD: scheduling and recording it (the inspectors assigned to it; managers of its region);
 * - DECIDE: a manager's decision about it (managers of its region);
 * - RESPOND: its provider's comments and complaints.
 */
export type InspectionAction = 'READ' | 'RECORD' | 'DECIDE' | 'RESPOND';

export function isAssigned(principal: Principal, inspection: Pick<InspectionScope, 'leadInspector' | 'teamInspectors'>): boolean {
  return inspection.leadInspector === principal.subject || inspection.teamInspectors.includes(principal.subject);
}

/** Whether a caller's scope covers this inspection for this action. */
export function mayActOnInspection(principal: Principal, inspection: InspectionScope, action: InspectionAction): boolean {
  const inRegion = principal.region !== null && principal.region === inspection.setting.region;
  const ownSetting = principal.role === Role.PROVIDER && principal.urns.includes(inspection.setting.urn);
  switch (action) {
    case 'READ':
      return ((principal.role === Role.INSPECTOR || principal.role === Role.REGULATORY_INSPECTION_MANAGER) && inRegion) || ownSetting;
    case 'RECORD':
      return (
        (principal.role === Role.REGULATORY_INSPECTION_MANAGER && inRegion) ||
        (principal.role === Role.INSPECTOR && inRegion && isAssigned(principal, inspection))
      );
    case 'DECIDE':
      return principal.role === Role.REGULATORY_INSPECTION_MANAGER && inRegion;
    case 'RESPOND':
      return ownSetting;
  }
}

/** How a list of settings (or of what happens at them) is narrowed to a caller's scope. */
export type ListScope = { kind: 'ALL' } | { kind: 'REGION'; region: string } | { kind: 'URNS'; urns: readonly string[] } | { kind: 'NONE' };

export function listScope(principal: Principal): ListScope {
  switch (principal.role) {
    case Role.ADMIN:
      return { kind: 'ALL' };
    case Role.INSPECTOR:
    case Role.REGULATORY_INSPECTION_MANAGER:
      return principal.region ? { kind: 'REGION', region: principal.region } : { kind: 'NONE' };
    case Role.PROVIDER:
      return { kind: 'URNS', urns: principal.urns };
    case Role.LOCAL_AUTHORITY:
      return { kind: 'NONE' };
  }
}

/**
 * The region a region-scoped list is read for: the caller's own when none is asked for; another
 * region is refused (null). Callers with a national scope get what they asked for.
 */
export function regionForList(principal: Principal, requested: string | null | undefined): { region: string | null } | null {
  const scope = listScope(principal);
  if (scope.kind === 'ALL') return { region: requested ?? null };
  if (scope.kind !== 'REGION') return null;
  if (requested && requested !== scope.region) return null;
  return { region: scope.region };
}

/**
 * Which notification tasks a caller may list: a local authority those addressed to it (asking for
 * another authority's is refused: null); staff those arising from inspections in their region.
 */
export function notificationListScope(
  principal: Principal,
  requestedAuthority: string | null | undefined,
): { addressedTo: string } | { region: string | null } | null {
  if (principal.role === Role.LOCAL_AUTHORITY) {
    if (!principal.localAuthority || (requestedAuthority && requestedAuthority !== principal.localAuthority)) return null;
    return { addressedTo: principal.localAuthority };
  }
  if (principal.role === Role.PROVIDER) return null;
  return regionForList(principal, null);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (Object.values(Role) as string[]).includes(value);
}
