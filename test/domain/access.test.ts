import { MANAGER_ROOT_FIELDS, Role, decideAccess, type Principal } from '../../src/domain/access';

const as = (role: Role): Principal => ({ subject: 's', role, region: null });

describe('deny by default', () => {
  test('public root fields are open to anyone', () => {
    expect(decideAccess(null, ['publicReport', 'publicReports', 'publicProvider', '__typename', '__schema'])).toBe('ALLOW');
    expect(decideAccess(null, [])).toBe('ALLOW');
  });

  test('any other root field needs a token, and a staff role', () => {
    expect(decideAccess(null, ['publicReport', 'providers'])).toBe('UNAUTHENTICATED');
    expect(decideAccess(as(Role.PROVIDER), ['providers'])).toBe('FORBIDDEN');
    expect(decideAccess(as(Role.LOCAL_AUTHORITY), ['registerProvider'])).toBe('FORBIDDEN');
    for (const role of [Role.INSPECTOR, Role.REGULATORY_INSPECTION_MANAGER, Role.ADMIN]) expect(decideAccess(as(role), ['providers'])).toBe('ALLOW');
  });

  test('quality assurance sign-off, publication, case reviews and enforcement are for managers only', () => {
    for (const field of MANAGER_ROOT_FIELDS) {
      expect(decideAccess(as(Role.REGULATORY_INSPECTION_MANAGER), [field])).toBe('ALLOW');
      expect(decideAccess(as(Role.INSPECTOR), [field])).toBe('FORBIDDEN');
      expect(decideAccess(as(Role.ADMIN), [field])).toBe('FORBIDDEN');
      expect(decideAccess(as(Role.INSPECTOR), ['providers', field])).toBe('FORBIDDEN');
    }
    expect(decideAccess(as(Role.INSPECTOR), ['submitDraftForQualityAssurance'])).toBe('ALLOW');
  });
});
