import { ProviderByUrnDocument, RegisterProviderDocument } from '../generated/graphql';
import { useTestApp, type TestApp } from '../support/app';
import { registerProvider, registrationInput, uniqueUrn } from '../support/fixtures';

const api = useTestApp();

/** Registers as the default caller, the North West's regulatory inspection manager, unless another is given. */
async function register(overrides: Parameters<typeof registrationInput>[0], caller: TestApp = api) {
  const { data } = await caller.gql(RegisterProviderDocument, { input: registrationInput(overrides) });
  return data!.registerProvider;
}

describe('registerProvider', () => {
  test("registers a children's home with its local authority, derived region, provider and manager", async () => {
    const urn = uniqueUrn();
    const payload = await register({ urn });
    expect(payload.userErrors).toEqual([]);
    const provider = payload.provider!;
    expect(provider).toMatchObject({
      urn,
      settingType: 'CHILDRENS_HOME',
      name: 'Willow House',
      address: { line1: '12 Acacia Avenue', line2: null, town: 'Manchester', postcode: 'M1 1AE' },
      localAuthority: { onsCode: 'E08000003', name: 'Manchester' },
      region: { code: 'E12000002', name: 'North West' },
      registeredProvider: { kind: 'ORGANISATION', name: 'Northern Care Homes Ltd' },
      responsibleIndividual: { name: 'Rebecca Holt' },
      registeredManager: { name: 'Samuel Okafor', startDate: '2024-05-01', endDate: null },
      managerVacancies: [],
      currentManagerVacancy: null,
      places: 4,
      registrationDate: '2024-05-01',
      status: 'REGISTERED',
      statusDate: '2024-05-01',
      shortBreakService: false,
      providesEducation: false,
      singlePersonAgency: false,
    });
  });

  test('the region is derived from the local authority, never typed in', async () => {
    const provider = await registerProvider(api, { localAuthority: 'E09000033' }); // Westminster
    expect(provider.region).toMatchObject({ code: 'E12000007', name: 'London' });
  });

  test.each(['SC12345', 'sc123456', '123456', '12345678', 'SC1234567', 'AB123456', ' 1234567', ''])(
    'rejects the URN %j with BAD_USER_INPUT naming the field',
    async (urn) => {
      const payload = await register({ urn });
      expect(payload.provider).toBeNull();
      expect(payload.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'urn'], code: 'BAD_USER_INPUT', message: expect.stringContaining('URN') }),
      ]);
    },
  );

  test('accepts the legacy SC form of URN', async () => {
    const payload = await register({ urn: 'SC765432' });
    expect(payload.userErrors).toEqual([]);
    expect(payload.provider?.urn).toBe('SC765432');
  });

  test('a URN already on the register is a CONFLICT', async () => {
    const urn = uniqueUrn();
    await registerProvider(api, { urn });
    const payload = await register({ urn });
    expect(payload.provider).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'urn'], code: 'CONFLICT' })]);
  });

  test('two concurrent registrations of one URN: one succeeds, the other is a CONFLICT', async () => {
    const urn = uniqueUrn();
    const results = await Promise.all([register({ urn }), register({ urn })]);
    const succeeded = results.filter((r) => r.provider);
    expect(succeeded).toHaveLength(1);
    expect(results.find((r) => !r.provider)?.userErrors[0]).toMatchObject({ code: 'CONFLICT', field: ['input', 'urn'] });
  });

  test("CHA-181 an organisation running a children's home must name a responsible individual", async () => {
    const payload = await register({ responsibleIndividual: null });
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'responsibleIndividual'], code: 'RULE_VIOLATION', ruleId: 'CHA-181' }),
    ]);
  });

  test('ASA-125 an adoption support agency run by an organisation must have a responsible individual', async () => {
    const payload = await register({ settingType: 'ADOPTION_SUPPORT_AGENCY', places: null, responsibleIndividual: null });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'RULE_VIOLATION', ruleId: 'ASA-125' })]);
  });

  test('an individual registered provider needs no separate responsible individual', async () => {
    const payload = await register({
      responsibleIndividual: null,
      registeredProvider: { kind: 'INDIVIDUAL', name: 'Janet Price', address: { line1: '3 Mill Lane', town: 'Bury', postcode: 'BL9 0AA' } },
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.provider?.responsibleIndividual).toBeNull();
    expect(payload.provider?.registeredProvider.kind).toBe('INDIVIDUAL');
  });

  test('ASA-043 a single-person adoption support agency is run by an individual', async () => {
    const asOrganisation = await register({ settingType: 'ADOPTION_SUPPORT_AGENCY', places: null, singlePersonAgency: true });
    expect(asOrganisation.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'singlePersonAgency'], code: 'RULE_VIOLATION', ruleId: 'ASA-043' }),
    ]);
    // Leeds is in Yorkshire and The Humber: registered by that region's regulatory inspection manager.
    const asIndividual = await register(
      {
        settingType: 'ADOPTION_SUPPORT_AGENCY',
        places: null,
        singlePersonAgency: true,
        responsibleIndividual: null,
        registeredProvider: { kind: 'INDIVIDUAL', name: 'Alan Moss', address: { line1: '9 High St', town: 'Leeds', postcode: 'LS1 1AA' } },
        localAuthority: 'E08000035',
      },
      await api.managerOf('E12000003'),
    );
    expect(asIndividual.userErrors).toEqual([]);
    expect(asIndividual.provider).toMatchObject({ singlePersonAgency: true, places: null, settingType: 'ADOPTION_SUPPORT_AGENCY' });
  });

  test("places are required for a children's home and refused for an agency", async () => {
    expect((await register({ places: null })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'places'], code: 'BAD_USER_INPUT' }),
    ]);
    expect((await register({ settingType: 'INDEPENDENT_FOSTERING_AGENCY', places: 3 })).userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'places'], code: 'BAD_USER_INPUT' }),
    ]);
  });

  test('a negative number of places is refused by the NonNegativeInt scalar', async () => {
    const { errors } = await api.gql(RegisterProviderDocument, { input: registrationInput({ places: -1 }) }, { allowErrors: true });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('an unknown local authority is NOT_FOUND on its field', async () => {
    const payload = await register({ localAuthority: 'E99999999' });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'localAuthority'], code: 'NOT_FOUND' })]);
  });

  test('a postcode that is not a UK postcode is refused', async () => {
    const payload = await register({ address: { line1: '1 Road', town: 'Leeds', postcode: 'NOT A CODE' } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'address', 'postcode'], code: 'BAD_USER_INPUT' })]);
  });

  test('a registration dated in the future is refused (today comes from the clock)', async () => {
    const payload = await register({ registrationDate: '2026-11-24', registeredManager: null });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'registrationDate'], code: 'BAD_USER_INPUT' })]);
  });

  test('a registered manager cannot start before the registration', async () => {
    const payload = await register({ registeredManager: { name: 'Early Bird', startDate: '2024-04-30' } });
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'registeredManager', 'startDate'], code: 'BAD_USER_INPUT' }),
    ]);
  });

  test('with no registered manager, the post is vacant from the registration date', async () => {
    const provider = await registerProvider(api, { registeredManager: null, registrationDate: '2026-05-01' });
    expect(provider.registeredManager).toBeNull();
    expect(provider.currentManagerVacancy).toEqual({ startDate: '2026-05-01', days: 206, weeks: 29 });
  });

  test('a second setting can be registered to an existing registered provider by its ID', async () => {
    const first = await registerProvider(api);
    const second = await registerProvider(api, { registeredProvider: { id: first.registeredProvider.id } });
    expect(second.registeredProvider.id).toBe(first.registeredProvider.id);
  });

  test('giving both an existing registered provider ID and new details is refused', async () => {
    const first = await registerProvider(api);
    const payload = await register({ registeredProvider: { id: first.registeredProvider.id, name: 'Other Ltd' } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'registeredProvider'], code: 'BAD_USER_INPUT' })]);
  });

  test('an unknown registered provider ID is NOT_FOUND', async () => {
    const payload = await register({ registeredProvider: { id: 'UmVnaXN0ZXJlZFByb3ZpZGVyOm5vcGU=' } });
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'registeredProvider', 'id'], code: 'NOT_FOUND' })]);
  });

  test('every problem with an input is reported at once', async () => {
    const urn = 'bad';
    const payload = await register({ urn, places: null, responsibleIndividual: null, name: '' });
    expect(payload.userErrors.map((e) => e.field.join('.')).sort()).toEqual(
      ['input.name', 'input.places', 'input.responsibleIndividual', 'input.urn'].sort(),
    );
  });
});

describe('registerProvider: who may register where', () => {
  test("a regulatory inspection manager registers a setting in their own region's local authority", async () => {
    const payload = await register({ localAuthority: 'E08000012' }); // Liverpool, North West
    expect(payload.userErrors).toEqual([]);
    expect(payload.provider).toMatchObject({ localAuthority: { onsCode: 'E08000012' }, region: { code: 'E12000002' } });
  });

  test("a regulatory inspection manager cannot register a setting in another region's local authority: FORBIDDEN, nothing written", async () => {
    const urn = uniqueUrn();
    const { data, errors } = await api.gql(
      RegisterProviderDocument,
      { input: registrationInput({ urn, localAuthority: 'E09000033' }) }, // Westminster, London
      { allowErrors: true },
    );
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ path: ['registerProvider'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
    const admin = await api.admin();
    expect((await admin.gql(ProviderByUrnDocument, { urn })).data?.provider).toBeNull();
    // the URN is still free: London's regulatory inspection manager may register it
    const london = await register({ urn, localAuthority: 'E09000033' }, await api.managerOf('E12000007'));
    expect(london.userErrors).toEqual([]);
    expect(london.provider).toMatchObject({ urn, region: { code: 'E12000007' } });
  });

  test('an admin registers settings in any region (the register is national)', async () => {
    const admin = await api.admin();
    for (const [localAuthority, region] of [
      ['E08000003', 'E12000002'],
      ['E09000033', 'E12000007'],
      ['E08000025', 'E12000005'],
    ]) {
      const payload = await register({ localAuthority }, admin);
      expect(payload.userErrors).toEqual([]);
      expect(payload.provider?.region.code).toBe(region);
    }
  });
});

describe('provider(urn:)', () => {
  test("a regulatory inspection manager looking up a setting of another region is FORBIDDEN; its own region's manager and an admin may", async () => {
    const westminster = await registerProvider(api, { localAuthority: 'E09000033' });
    const { data, errors } = await api.gql(ProviderByUrnDocument, { urn: westminster.urn }, { allowErrors: true });
    expect(data?.provider ?? null).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ path: ['provider'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    const london = await api.managerOf('E12000007');
    expect((await london.gql(ProviderByUrnDocument, { urn: westminster.urn })).data?.provider?.urn).toBe(westminster.urn);
    const admin = await api.admin();
    expect((await admin.gql(ProviderByUrnDocument, { urn: westminster.urn })).data?.provider?.urn).toBe(westminster.urn);
  });

  test('returns null for a well-formed URN that is not registered', async () => {
    const { data } = await api.gql(ProviderByUrnDocument, { urn: '2999999' });
    expect(data?.provider).toBeNull();
  });

  test('a malformed URN argument is a BAD_USER_INPUT error naming the argument', async () => {
    const { data, errors } = await api.gql(ProviderByUrnDocument, { urn: 'SC12' }, { allowErrors: true });
    expect(data?.provider).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'urn' }, message: expect.stringContaining('URN') }),
    ]);
  });
});
