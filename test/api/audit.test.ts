/** The audit trail: every mutation and internal read of a signed-in caller, append-only. */
import { Role } from '../../src/domain/access';
import {
  AuditedFeedDocument,
  AuditTrailDocument,
  ProvidersDocument,
  PublicReportsDocument,
  RegisterProviderDocument,
} from '../generated/graphql';
import { useTestApp } from '../support/app';
import { registrationInput } from '../support/fixtures';

const api = useTestApp();

async function trail() {
  const { data } = await api.gql(AuditTrailDocument, { first: 100 });
  return data!.auditTrail.edges.map((e) => e.node);
}

test('a mutation is recorded with who, role, operation, targets, request ID and outcome', async () => {
  const token = await api.tokenFor(Role.ADMIN, { subject: 'alice' });
  const input = registrationInput();
  await api.gql(RegisterProviderDocument, { input }, { token });
  const refused = registrationInput({ urn: 'bad' });
  await api.gql(RegisterProviderDocument, { input: refused }, { token });
  const entries = (await trail()).filter((e) => e.subject === 'alice');
  expect(entries.slice(0, 2)).toEqual([
    expect.objectContaining({ role: 'ADMIN', operation: 'registerProvider', kind: 'MUTATION', targets: ['bad'], outcome: 'USER_ERRORS' }),
    expect.objectContaining({
      role: 'ADMIN',
      operation: 'registerProvider',
      kind: 'MUTATION',
      targets: [input.urn],
      outcome: 'OK',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    }),
  ]);
});

test('internal reads are recorded; public queries and denied calls are not', async () => {
  const token = await api.tokenFor(Role.INSPECTOR, { subject: 'bob', region: 'E12000002' });
  await api.gql(ProvidersDocument, { first: 1 }, { token });
  await api.gql(PublicReportsDocument, { first: 1 }, { token });
  await api.gql(PublicReportsDocument, { first: 1 }, { token: null });
  await api.gql(RegisterProviderDocument, { input: registrationInput() }, { token: null, allowErrors: true });
  await api.gql(
    ProvidersDocument,
    { first: 1 },
    { token: await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'carol' }), allowErrors: true },
  );
  const entries = await trail();
  expect(entries.filter((e) => e.subject === 'bob').map((e) => [e.operation, e.kind])).toEqual([['providers', 'QUERY']]);
  expect(entries.filter((e) => e.subject === 'carol')).toEqual([]);
});

test('a local authority reading its own notifications in the feed is recorded; reading public events is not', async () => {
  const token = await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'dana-dcs', localAuthority: 'E08000035' });
  await api.gql(AuditedFeedDocument, { localAuthority: 'E08000003' }, { token });
  await api.gql(AuditedFeedDocument, {}, { token });
  await api.gql(AuditedFeedDocument, { localAuthority: 'E08000035' }, { token });
  const entries = (await trail()).filter((e) => e.subject === 'dana-dcs');
  expect(entries.map((e) => [e.operation, e.kind, e.role])).toEqual([['judgementFeed', 'QUERY', 'LOCAL_AUTHORITY']]);
});

test('only admins and managers read the trail, newest first, a page at a time', async () => {
  const inspector = await api.gql(AuditTrailDocument, { first: 5 }, { token: await api.tokenFor(Role.INSPECTOR), allowErrors: true });
  expect(inspector.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const admin = await api.tokenFor(Role.ADMIN);
  const first = await api.gql(AuditTrailDocument, { first: 2 }, { token: admin });
  const next = await api.gql(AuditTrailDocument, { first: 2, after: first.data!.auditTrail.pageInfo.endCursor }, { token: admin });
  const times = [...first.data!.auditTrail.edges, ...next.data!.auditTrail.edges].map((e) => e.node.at);
  expect([...times].sort().reverse()).toEqual(times);
  expect(new Set([...first.data!.auditTrail.edges, ...next.data!.auditTrail.edges].map((e) => e.node.id)).size).toBe(4);
});

test('the trail is append-only: the database refuses to change, delete or truncate it', async () => {
  const connection = api.orm.em.fork().getConnection();
  await expect(connection.execute(`update audit_entry set outcome = 'OK'`)).rejects.toThrow(/append-only/);
  await expect(connection.execute('delete from audit_entry')).rejects.toThrow(/append-only/);
  await expect(connection.execute('truncate audit_entry')).rejects.toThrow(/append-only/);
});
