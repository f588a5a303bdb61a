import { Role } from '../../src/domain/access';
import { ChangeRegisteredManagerDocument } from '../generated/graphql';
import { TEST_REGION, postGraphQL, startTestApp, type TestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';

let api: TestApp;
let provider: Awaited<ReturnType<typeof registerProvider>>;
beforeAll(async () => {
  api = await startTestApp();
  provider = await registerProvider(api);
  // Break the database under the running API: the appointments table disappears.
  await api.orm.em.fork().getConnection().execute('drop table manager_appointment cascade');
});
afterAll(() => api.close());

test('a database fault reaches the client as a masked internal error with a request ID: no SQL, no stack', async () => {
  // an inspector of the North West, the setting's region (a token without a region reaches no setting)
  const inspector = await api.tokenFor(Role.INSPECTOR, { region: TEST_REGION });
  const response = await postGraphQL(api, { query: `{ provider(urn: "${provider.urn}") { urn registeredManager { name } } }` }, inspector);
  expect(response.body.data.provider).toEqual({ urn: provider.urn, registeredManager: null });
  expect(response.body.errors).toEqual([
    {
      message: 'Internal server error',
      locations: expect.any(Array),
      path: ['provider', 'registeredManager'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: response.headers['x-request-id'] },
    },
  ]);
  expect(JSON.stringify(response.body)).not.toMatch(/manager_appointment|select|relation|stack|at /i);
});

test('the same fault in a mutation is masked too', async () => {
  const { data, errors } = await api.gql(
    ChangeRegisteredManagerDocument,
    { input: { providerId: provider.id, effectiveDate: '2026-01-05', newManager: { name: 'New Person' } } },
    { allowErrors: true },
  );
  expect(data).toBeNull();
  expect(errors).toEqual([
    {
      message: 'Internal server error',
      locations: expect.any(Array),
      path: ['changeRegisteredManager'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
    },
  ]);
});
