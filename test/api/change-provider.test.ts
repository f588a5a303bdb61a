import {
  ChangeRegisteredManagerDocument,
  CloseProviderDocument,
  ProviderByUrnDocument,
  ProviderVacanciesDocument,
  UpdateProviderDocument,
} from '../generated/graphql';
import { useTestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';

const api = useTestApp();

async function changeManager(providerId: string, effectiveDate: string, newManager: { name: string } | null) {
  const { data } = await api.gql(ChangeRegisteredManagerDocument, { input: { providerId, effectiveDate, newManager } });
  return data!.changeRegisteredManager;
}

describe('updateProvider', () => {
  test('changes the given details and leaves the rest as they were', async () => {
    const provider = await registerProvider(api);
    // Moving the setting to Leeds takes it out of the North West: an admin keeps the national register.
    const admin = await api.admin();
    const { data } = await admin.gql(UpdateProviderDocument, {
      input: { providerId: provider.id, name: 'Willow Lodge', places: 5, localAuthority: 'E08000035' },
    });
    expect(data!.updateProvider.userErrors).toEqual([]);
    expect(data!.updateProvider.provider).toMatchObject({
      name: 'Willow Lodge',
      places: 5,
      localAuthority: { name: 'Leeds' },
      region: { name: 'Yorkshire and The Humber' },
      address: provider.address,
      responsibleIndividual: provider.responsibleIndividual,
    });
    const reread = await admin.gql(ProviderByUrnDocument, { urn: provider.urn });
    expect(reread.data?.provider).toMatchObject({ name: 'Willow Lodge', places: 5, localAuthority: { name: 'Leeds' } });
  });

  test("CHA-181 removing the responsible individual of an organisation's home is refused", async () => {
    const provider = await registerProvider(api);
    const { data } = await api.gql(UpdateProviderDocument, { input: { providerId: provider.id, responsibleIndividual: null } });
    expect(data!.updateProvider.userErrors).toEqual([
      expect.objectContaining({ code: 'RULE_VIOLATION', ruleId: 'CHA-181', field: ['input', 'responsibleIndividual'] }),
    ]);
    const reread = await api.gql(ProviderByUrnDocument, { urn: provider.urn });
    expect(reread.data?.provider?.responsibleIndividual).toEqual({ name: 'Rebecca Holt' });
  });

  test('the address postcode is validated and normalised', async () => {
    const provider = await registerProvider(api);
    const bad = await api.gql(UpdateProviderDocument, {
      input: { providerId: provider.id, address: { line1: '2 New Road', town: 'Salford', postcode: 'XX' } },
    });
    expect(bad.data!.updateProvider.userErrors[0]).toMatchObject({ field: ['input', 'address', 'postcode'] });
    const good = await api.gql(UpdateProviderDocument, {
      input: { providerId: provider.id, address: { line1: '2 New Road', town: 'Salford', postcode: 'm50 2eq' } },
    });
    expect(good.data!.updateProvider.provider?.address).toEqual({ line1: '2 New Road', line2: null, town: 'Salford', postcode: 'M50 2EQ' });
  });

  test('an unknown setting is NOT_FOUND', async () => {
    const { data } = await api.gql(UpdateProviderDocument, { input: { providerId: 'UHJvdmlkZXI6bm9uZQ==', name: 'X' } });
    expect(data!.updateProvider.userErrors).toEqual([expect.objectContaining({ field: ['input', 'providerId'], code: 'NOT_FOUND' })]);
  });
});

describe("changing the register is scoped to the caller's region", () => {
  function expectForbidden(
    response: { data: unknown; errors?: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] },
    field: string,
  ) {
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      expect.objectContaining({ path: [field], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
  }

  test('a regulatory inspection manager moves a setting to another local authority of their own region', async () => {
    const provider = await registerProvider(api);
    const { data } = await api.gql(UpdateProviderDocument, { input: { providerId: provider.id, localAuthority: 'E08000012' } }); // Liverpool
    expect(data!.updateProvider.userErrors).toEqual([]);
    expect(data!.updateProvider.provider).toMatchObject({ localAuthority: { name: 'Liverpool' }, region: { code: 'E12000002' } });
  });

  test('a regulatory inspection manager cannot move a setting to a local authority of another region: FORBIDDEN, nothing changed', async () => {
    const provider = await registerProvider(api);
    const moved = await api.gql(
      UpdateProviderDocument,
      { input: { providerId: provider.id, name: 'Willow Lodge', localAuthority: 'E08000035' } }, // Leeds, Yorkshire and The Humber
      { allowErrors: true },
    );
    expectForbidden(moved, 'updateProvider');
    const reread = await api.gql(ProviderByUrnDocument, { urn: provider.urn });
    expect(reread.data?.provider).toMatchObject({
      name: 'Willow House',
      localAuthority: { onsCode: 'E08000003' },
      region: { code: 'E12000002' },
    });
  });

  test('a regulatory inspection manager of another region cannot update, close or change the manager of a setting: FORBIDDEN, nothing changed', async () => {
    const provider = await registerProvider(api); // Manchester, North West
    const london = await api.managerOf('E12000007');
    expectForbidden(
      await london.gql(UpdateProviderDocument, { input: { providerId: provider.id, name: 'Renamed' } }, { allowErrors: true }),
      'updateProvider',
    );
    expectForbidden(
      await london.gql(
        ChangeRegisteredManagerDocument,
        { input: { providerId: provider.id, effectiveDate: '2025-09-01', newManager: { name: 'Priya Shah' } } },
        { allowErrors: true },
      ),
      'changeRegisteredManager',
    );
    expectForbidden(
      await london.gql(
        CloseProviderDocument,
        { input: { providerId: provider.id, outcome: 'CANCELLED', effectiveDate: '2026-11-01' } },
        { allowErrors: true },
      ),
      'closeProvider',
    );
    const reread = await api.gql(ProviderByUrnDocument, { urn: provider.urn });
    expect(reread.data?.provider).toMatchObject({
      name: 'Willow House',
      status: 'REGISTERED',
      registeredManager: { name: 'Samuel Okafor', endDate: null },
      registeredManagerHistory: [{ name: 'Samuel Okafor', startDate: '2024-05-01', endDate: null }],
    });
  });

  test('an admin changes and closes settings in any region', async () => {
    const admin = await api.admin();
    const provider = await registerProvider(api, { localAuthority: 'E09000033' }); // Westminster, London
    const renamed = await admin.gql(UpdateProviderDocument, {
      input: { providerId: provider.id, name: 'Willow Lodge', localAuthority: 'E08000003' },
    });
    expect(renamed.data!.updateProvider.userErrors).toEqual([]);
    expect(renamed.data!.updateProvider.provider).toMatchObject({ name: 'Willow Lodge', region: { code: 'E12000002' } });
    const manager = await admin.gql(ChangeRegisteredManagerDocument, {
      input: { providerId: provider.id, effectiveDate: '2025-09-01', newManager: { name: 'Priya Shah' } },
    });
    expect(manager.data!.changeRegisteredManager.userErrors).toEqual([]);
    const closed = await admin.gql(CloseProviderDocument, {
      input: { providerId: provider.id, outcome: 'CLOSED', effectiveDate: '2026-10-31' },
    });
    expect(closed.data!.closeProvider.userErrors).toEqual([]);
    expect(closed.data!.closeProvider.provider).toMatchObject({ status: 'CLOSED', statusDate: '2026-10-31' });
  });
});

describe('changeRegisteredManager', () => {
  test('a new manager replaces the one in post on the effective date; the history keeps both', async () => {
    const provider = await registerProvider(api);
    const payload = await changeManager(provider.id, '2025-09-01', { name: 'Priya Shah' });
    expect(payload.userErrors).toEqual([]);
    expect(payload.provider?.registeredManager).toEqual({ name: 'Priya Shah', startDate: '2025-09-01', endDate: null });
    expect(payload.provider?.registeredManagerHistory).toEqual([
      { name: 'Samuel Okafor', startDate: '2024-05-01', endDate: '2025-09-01' },
      { name: 'Priya Shah', startDate: '2025-09-01', endDate: null },
    ]);
    expect(payload.provider?.managerVacancies).toEqual([]);
  });

  test('CHA-195 a manager leaving opens a vacancy counted in weeks from the register', async () => {
    const provider = await registerProvider(api);
    await changeManager(provider.id, '2026-05-25', null);
    const { data } = await api.gql(ProviderVacanciesDocument, { urn: provider.urn });
    // 2026-05-25 to 2026-11-23 (the test clock's today) is 182 days: 26 weeks.
    expect(data?.provider?.currentManagerVacancy).toEqual({ startDate: '2026-05-25', endDate: null, days: 182, weeks: 26 });
    const earlier = await api.gql(ProviderVacanciesDocument, { urn: provider.urn, asOf: '2026-06-01' });
    expect(earlier.data?.provider?.currentManagerVacancy).toMatchObject({ days: 7, weeks: 1 });
  });

  test('a vacancy filled later is a closed period', async () => {
    const provider = await registerProvider(api);
    await changeManager(provider.id, '2025-01-06', null);
    const filled = await changeManager(provider.id, '2025-03-03', { name: 'Tom Reed' });
    expect(filled.provider?.managerVacancies).toEqual([{ startDate: '2025-01-06', endDate: '2025-03-03', days: 56, weeks: 8 }]);
    expect(filled.provider?.currentManagerVacancy).toBeNull();
  });

  test('a change cannot take effect on or before the latest recorded change', async () => {
    const provider = await registerProvider(api);
    await changeManager(provider.id, '2025-09-01', { name: 'Priya Shah' });
    const payload = await changeManager(provider.id, '2025-08-01', { name: 'Back Dated' });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'effectiveDate'], code: 'BAD_USER_INPUT' })]);
  });

  test('a change cannot be dated in the future', async () => {
    const provider = await registerProvider(api);
    const payload = await changeManager(provider.id, '2026-12-01', { name: 'Future Person' });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'effectiveDate'] })]);
  });

  test('nobody can leave a post that is already vacant', async () => {
    const provider = await registerProvider(api, { registeredManager: null });
    const payload = await changeManager(provider.id, '2025-01-01', null);
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'newManager'], code: 'CONFLICT' })]);
  });

  test('concurrent changes are serialised: at most one manager is ever in post', async () => {
    const provider = await registerProvider(api);
    const results = await Promise.all([
      changeManager(provider.id, '2025-10-01', { name: 'First Person' }),
      changeManager(provider.id, '2025-10-02', { name: 'Second Person' }),
    ]);
    expect(results.every((r) => r.userErrors.length === 0 || r.userErrors[0].code === 'BAD_USER_INPUT')).toBe(true);
    const { data } = await api.gql(ProviderByUrnDocument, { urn: provider.urn });
    expect(data?.provider?.registeredManagerHistory.filter((a) => a.endDate === null)).toHaveLength(1);
  });
});

describe('closeProvider', () => {
  test("closing ends the registration and the manager's appointment on the date", async () => {
    const provider = await registerProvider(api);
    const { data } = await api.gql(CloseProviderDocument, {
      input: { providerId: provider.id, outcome: 'CLOSED', effectiveDate: '2026-10-31' },
    });
    expect(data!.closeProvider.userErrors).toEqual([]);
    expect(data!.closeProvider.provider).toMatchObject({
      status: 'CLOSED',
      statusDate: '2026-10-31',
      registeredManager: null,
      registeredManagerHistory: [{ name: 'Samuel Okafor', startDate: '2024-05-01', endDate: '2026-10-31' }],
      managerVacancies: [],
      currentManagerVacancy: null,
    });
  });

  test('a cancelled registration cannot be closed again, updated or given a manager', async () => {
    const provider = await registerProvider(api);
    await api.gql(CloseProviderDocument, { input: { providerId: provider.id, outcome: 'CANCELLED', effectiveDate: '2026-11-01' } });
    const again = await api.gql(CloseProviderDocument, {
      input: { providerId: provider.id, outcome: 'CLOSED', effectiveDate: '2026-11-02' },
    });
    expect(again.data!.closeProvider.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const update = await api.gql(UpdateProviderDocument, { input: { providerId: provider.id, name: 'Renamed' } });
    expect(update.data!.updateProvider.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    expect((await changeManager(provider.id, '2026-11-10', { name: 'Too Late' })).userErrors).toEqual([
      expect.objectContaining({ code: 'CONFLICT' }),
    ]);
  });

  test('a registration cannot end before it began', async () => {
    const provider = await registerProvider(api);
    const { data } = await api.gql(CloseProviderDocument, {
      input: { providerId: provider.id, outcome: 'CLOSED', effectiveDate: '2024-04-01' },
    });
    expect(data!.closeProvider.userErrors).toEqual([expect.objectContaining({ field: ['input', 'effectiveDate'] })]);
  });
});
