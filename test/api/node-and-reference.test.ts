import { LocalAuthoritiesDocument, NodeDocument, RegionsDocument } from '../generated/graphql';
import { useTestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';

const api = useTestApp();

describe('regions and localAuthorities', () => {
  test('CH-230 the nine English regions, each with its local authorities', async () => {
    const { data } = await api.gql(RegionsDocument);
    expect(data!.regions.map((r) => r.code)).toEqual([
      'E12000001',
      'E12000002',
      'E12000003',
      'E12000004',
      'E12000005',
      'E12000006',
      'E12000007',
      'E12000008',
      'E12000009',
    ]);
    expect(data!.regions.find((r) => r.code === 'E12000007')?.localAuthorities).toHaveLength(33); // London boroughs
    expect(data!.regions.reduce((n, r) => n + r.localAuthorities.length, 0)).toBe(154);
  });

  test('every local authority of the reference list, with its codes and region', async () => {
    const { data } = await api.gql(LocalAuthoritiesDocument, {});
    expect(data!.localAuthorities).toHaveLength(154);
    expect(data!.localAuthorities.find((la) => la.onsCode === 'E08000003')).toEqual({
      id: expect.any(String),
      onsCode: 'E08000003',
      dfeCode: '352',
      ofstedUrn: expect.any(String),
      name: 'Manchester',
      authorityType: 'Metropolitan District',
      region: { code: 'E12000002', name: 'North West' },
    });
  });

  test('local authorities of one region', async () => {
    const { data } = await api.gql(LocalAuthoritiesDocument, { region: 'E12000001' });
    expect(data!.localAuthorities).toHaveLength(12);
    expect(new Set(data!.localAuthorities.map((la) => la.region.code))).toEqual(new Set(['E12000001']));
  });

  test('an unknown region code is a BAD_USER_INPUT error', async () => {
    const { errors } = await api.gql(LocalAuthoritiesDocument, { region: 'E12000010' }, { allowErrors: true });
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'region' });
  });
});

describe('node(id:)', () => {
  test('fetches a setting, its registered provider, a local authority and a region by global ID', async () => {
    const provider = await registerProvider(api);
    const cases = [
      [provider.id, { __typename: 'Provider', urn: provider.urn }],
      [provider.registeredProvider.id, { __typename: 'RegisteredProvider', name: 'Northern Care Homes Ltd', kind: 'ORGANISATION' }],
      [provider.localAuthority.id, { __typename: 'LocalAuthority', onsCode: 'E08000003', name: 'Manchester' }],
      [provider.region.id, { __typename: 'Region', code: 'E12000002', name: 'North West' }],
    ] as const;
    for (const [id, expected] of cases) {
      const { data } = await api.gql(NodeDocument, { id });
      expect(data?.node).toEqual({ id, ...expected });
    }
  });

  test.each([
    '',
    'nonsense',
    'UHJvdmlkZXI6bm90LWEtdXVpZA==',
    'VW5rbm93bjox',
    'UHJvdmlkZXI6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw',
  ])('an ID that is not one of ours, or of nothing, gives null: %j', async (id) => {
    const { data } = await api.gql(NodeDocument, { id });
    expect(data?.node).toBeNull();
  });

  test('IDs are opaque: a provider ID is not its URN nor its database key in clear', async () => {
    const provider = await registerProvider(api);
    expect(provider.id).not.toContain(provider.urn);
    expect(provider.id).not.toMatch(/^[0-9a-f-]{36}$/);
  });
});
