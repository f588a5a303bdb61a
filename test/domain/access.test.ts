import {
  GRANTS,
  PUBLIC,
  Permission,
  Role,
  decideAccess,
  decideFieldAccess,
  isPublicOperation,
  listScope,
  mayActOnInspection,
  mayReachSetting,
  notificationListScope,
  regionForList,
  type InspectionScope,
  type Principal,
} from '../../src/domain/access';

const NORTH_WEST = 'E12000002';
const LONDON = 'E12000007';

const as = (role: Role, scope: Partial<Principal> = {}): Principal => ({
  subject: 'alice',
  role,
  region: null,
  urns: [],
  localAuthority: null,
  ...scope,
});
const inspector = as(Role.INSPECTOR, { region: NORTH_WEST });
const manager = as(Role.REGULATORY_INSPECTION_MANAGER, { region: NORTH_WEST });
const admin = as(Role.ADMIN);
const provider = as(Role.PROVIDER, { urns: ['SC111111'] });
const authority = as(Role.LOCAL_AUTHORITY, { localAuthority: 'E08000003' });

const manchesterHome = { urn: 'SC111111', region: NORTH_WEST, localAuthority: 'E08000003' };
const londonHome = { urn: 'SC222222', region: LONDON, localAuthority: 'E09000001' };
const inspectionAt = (setting = manchesterHome, leadInspector = 'bob', teamInspectors: string[] = []): InspectionScope => ({
  setting,
  leadInspector,
  teamInspectors,
});

describe('deny by default at the entry point', () => {
  test('a public root field is open to anyone; introspection too', () => {
    expect(
      decideAccess(null, [
        { name: 'publicReport', access: PUBLIC },
        { name: '__schema', access: undefined },
      ]),
    ).toBe('ALLOW');
    expect(decideAccess(null, [])).toBe('ALLOW');
  });

  test('a root field that declares no access is open to nobody', () => {
    expect(decideAccess(null, [{ name: 'somethingNew', access: undefined }])).toBe('UNAUTHENTICATED');
    for (const role of Object.values(Role)) expect(decideAccess(as(role), [{ name: 'somethingNew', access: undefined }])).toBe('FORBIDDEN');
  });

  test('one refused root field refuses the whole operation', () => {
    const fields = [
      { name: 'providers', access: [Permission.READ_REGISTER] },
      { name: 'publishReport', access: [Permission.DECIDE] },
    ];
    expect(decideAccess(inspector, fields)).toBe('FORBIDDEN');
    expect(decideAccess(manager, fields)).toBe('ALLOW');
    expect(decideAccess(null, fields)).toBe('UNAUTHENTICATED');
  });

  test('public operations are those whose root fields are all public or meta', () => {
    expect(
      isPublicOperation([
        { name: 'publicReports', access: PUBLIC },
        { name: '__typename', access: undefined },
      ]),
    ).toBe(true);
    expect(
      isPublicOperation([
        { name: 'publicReports', access: PUBLIC },
        { name: 'providers', access: [Permission.READ_REGISTER] },
      ]),
    ).toBe(false);
  });
});

describe('permissions by role', () => {
  test('any one of the listed permissions lets a caller in', () => {
    expect(decideFieldAccess(provider, [Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS])).toBe('ALLOW');
    expect(decideFieldAccess(provider, [Permission.READ_INSPECTIONS])).toBe('FORBIDDEN');
    expect(decideFieldAccess(null, [Permission.READ_REGISTER])).toBe('UNAUTHENTICATED');
    expect(decideFieldAccess(admin, [])).toBe('FORBIDDEN');
  });

  test('inspectors record, managers also decide: quality assurance, publication, case reviews, enforcement', () => {
    expect(GRANTS[Role.INSPECTOR].has(Permission.RECORD_INSPECTIONS)).toBe(true);
    expect(GRANTS[Role.INSPECTOR].has(Permission.DECIDE)).toBe(false);
    for (const permission of GRANTS[Role.INSPECTOR]) expect(GRANTS[Role.REGULATORY_INSPECTION_MANAGER].has(permission)).toBe(true);
    expect(GRANTS[Role.REGULATORY_INSPECTION_MANAGER].has(Permission.DECIDE)).toBe(true);
  });

  test('admins hold the register and the audit trail, and no inspection content', () => {
    expect([...GRANTS[Role.ADMIN]].sort()).toEqual(
      [Permission.READ_AUDIT_TRAIL, Permission.READ_REGISTER, Permission.WRITE_REGISTER].sort(),
    );
  });

  test('providers see their register entry and drafts, comment and complain, notify serious events (CHA-147); never evidence', () => {
    expect([...GRANTS[Role.PROVIDER]].sort()).toEqual(
      [Permission.READ_DRAFT_REPORTS, Permission.READ_REGISTER, Permission.RESPOND_TO_REPORTS, Permission.NOTIFY_SERIOUS_EVENTS].sort(),
    );
    expect(GRANTS[Role.PROVIDER].has(Permission.READ_EVIDENCE)).toBe(false);
  });

  test('local authorities read the notifications addressed to them, keep their webhooks, and read what the public reads', () => {
    expect([...GRANTS[Role.LOCAL_AUTHORITY]]).toEqual([Permission.READ_NOTIFICATIONS, Permission.MANAGE_WEBHOOKS]);
  });
});

describe('scopes', () => {
  test('inspectors and managers reach the settings of their region only; admins all; providers their own URNs', () => {
    expect(mayReachSetting(inspector, manchesterHome)).toBe(true);
    expect(mayReachSetting(inspector, londonHome)).toBe(false);
    expect(mayReachSetting(manager, londonHome)).toBe(false);
    expect(mayReachSetting(admin, londonHome)).toBe(true);
    expect(mayReachSetting(provider, manchesterHome)).toBe(true);
    expect(mayReachSetting(provider, londonHome)).toBe(false);
    expect(mayReachSetting(authority, manchesterHome)).toBe(false);
  });

  test('staff without a region claim reach no setting', () => {
    expect(mayReachSetting(as(Role.INSPECTOR), manchesterHome)).toBe(false);
    expect(listScope(as(Role.REGULATORY_INSPECTION_MANAGER))).toEqual({ kind: 'NONE' });
  });

  test('an inspector records only the inspections assigned to them, as lead or in the team', () => {
    expect(mayActOnInspection(inspector, inspectionAt(manchesterHome, 'alice'), 'RECORD')).toBe(true);
    expect(mayActOnInspection(inspector, inspectionAt(manchesterHome, 'bob', ['alice']), 'RECORD')).toBe(true);
    expect(mayActOnInspection(inspector, inspectionAt(manchesterHome, 'bob'), 'RECORD')).toBe(false);
    expect(mayActOnInspection(inspector, inspectionAt(manchesterHome, 'bob'), 'READ')).toBe(true);
    expect(mayActOnInspection(inspector, inspectionAt(londonHome, 'alice'), 'RECORD')).toBe(false);
  });

  test('a manager records and decides for any inspection of the region', () => {
    expect(mayActOnInspection(manager, inspectionAt(), 'RECORD')).toBe(true);
    expect(mayActOnInspection(manager, inspectionAt(), 'DECIDE')).toBe(true);
    expect(mayActOnInspection(manager, inspectionAt(londonHome), 'DECIDE')).toBe(false);
    expect(mayActOnInspection(inspector, inspectionAt(manchesterHome, 'alice'), 'DECIDE')).toBe(false);
  });

  test('a provider reads and responds for its own settings only; staff do not respond for it', () => {
    expect(mayActOnInspection(provider, inspectionAt(), 'READ')).toBe(true);
    expect(mayActOnInspection(provider, inspectionAt(), 'RESPOND')).toBe(true);
    expect(mayActOnInspection(provider, inspectionAt(londonHome), 'RESPOND')).toBe(false);
    expect(mayActOnInspection(provider, inspectionAt(), 'RECORD')).toBe(false);
    expect(mayActOnInspection(manager, inspectionAt(), 'RESPOND')).toBe(false);
  });

  test('admins and local authorities act on no inspection', () => {
    for (const action of ['READ', 'RECORD', 'DECIDE', 'RESPOND'] as const) {
      expect(mayActOnInspection(admin, inspectionAt(), action)).toBe(false);
      expect(mayActOnInspection(authority, inspectionAt(), action)).toBe(false);
    }
  });

  test('a region-scoped list is read for the caller’s region; another region is refused', () => {
    expect(regionForList(inspector, null)).toEqual({ region: NORTH_WEST });
    expect(regionForList(inspector, NORTH_WEST)).toEqual({ region: NORTH_WEST });
    expect(regionForList(inspector, LONDON)).toBeNull();
    expect(regionForList(admin, LONDON)).toEqual({ region: LONDON });
    expect(regionForList(admin, null)).toEqual({ region: null });
    expect(regionForList(provider, null)).toBeNull();
  });

  test('a local authority lists the notifications addressed to it, and no other authority’s', () => {
    expect(notificationListScope(authority, null)).toEqual({ addressedTo: 'E08000003' });
    expect(notificationListScope(authority, 'E08000003')).toEqual({ addressedTo: 'E08000003' });
    expect(notificationListScope(authority, 'E09000001')).toBeNull();
    expect(notificationListScope(as(Role.LOCAL_AUTHORITY), null)).toBeNull();
    expect(notificationListScope(manager, 'E09000001')).toEqual({ region: NORTH_WEST });
    expect(notificationListScope(provider, null)).toBeNull();
  });
});
