/**
 * The bulk exports over HTTP: providers.csv and reports.jsonl hold exactly what the public
 * queries answer (same fields, names and values), by region and local authority, never a
 * setting's name, address or postcode; malformed filters and bad tokens are refused as at
 * /graphql; and an export of more than one batch streams every setting once, in URN order.
 */
import { parse } from 'csv-parse/sync';
import { toGlobalId } from 'graphql-relay';
import { PublicProviderDocument, PublicReportDocument, PublicReportsDocument } from '../generated/graphql';
import { Role } from '../../src/domain/access';
import { seedSyntheticRegister } from '../../src/db/seed';
import { EXPORT_BATCH_SIZE, publicReports } from '../../src/modules/exports/exports.service';
import { Provider } from '../../src/modules/providers/provider.entity';
import { PublishedReport } from '../../src/modules/public/published-report.entity';
import { startTestApp, type TestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import { FULL_DAYS, publishedFullInspection, publishedInterim } from '../support/reports';

let api: TestApp;

const MANCHESTER = 'E08000003';
const BOLTON = 'E08000001';
const LEEDS = 'E08000035';
const NORTH_WEST = 'E12000002';
const YORKSHIRE = 'E12000003';

/** The providers.csv header: the contract documented in the README. */
const CSV_HEADER = [
  'urn',
  'settingType',
  'area.localAuthorityCode',
  'area.localAuthorityName',
  'area.regionCode',
  'area.regionName',
  'registeredProvider.name',
  'registeredProvider.address',
  'responsibleIndividual',
  'reportCount',
  'latestReport.id',
  'latestReport.inspectionType',
  'latestReport.inspectionStart',
  'latestReport.inspectionEnd',
  'latestReport.publishedOn',
  'latestReport.version',
  'latestReport.judgements.kind',
  'latestReport.judgements.overallExperiencesAndProgress',
  'latestReport.judgements.helpedAndProtected',
  'latestReport.judgements.leadersAndManagers',
  'latestReport.judgements.interimOutcome',
  'latestReport.judgements.seriousOrWidespreadConcerns',
  'latestReport.judgements.newOverallGrade',
];

/** The private details of the settings registered here: none may reach either export. */
const PRIVATE = [
  'Larch House',
  'Acacia',
  'M1 1AE',
  'm1 1ae',
  'Rowan Lodge',
  'Birch Close',
  'M14 5TP',
  'Heron View',
  'Chorley New Road',
  'BL1 4QR',
  'Aspen Court',
  'Otley Road',
  'LS6 2AB',
  'Samuel Okafor',
  'Helen Marsh',
  'Oak Road',
  'BL1 5AA',
];

interface Download {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** A GET of an export as a client would download it: the raw text, whatever the content type. */
async function download(path: string, token?: string): Promise<Download> {
  const call = api.request().get(path);
  if (token) call.set('authorization', token);
  const response = await call.buffer(true).parse((res, done) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => done(null, text));
  });
  return { status: response.status, headers: response.headers as Record<string, string>, text: response.body as string };
}

const csvRows = (text: string): string[][] => parse(text) as string[][];
const jsonLines = (text: string): Record<string, unknown>[] => {
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
};
const urnsOf = (text: string) =>
  csvRows(text)
    .slice(1)
    .map((row) => row[0]);

type Setting = { id: string; urn: string };
let larch: Setting;
let rowan: Setting;
let heron: Setting;
let aspen: Setting;

beforeAll(async () => {
  api = await startTestApp();
  // Manchester: a home with two published reports (a full inspection, then an interim), its
  // registered provider's name needing CSV quoting; and a home with none.
  larch = await registerProvider(api, {
    name: 'Larch House',
    address: { line1: '12 Acacia Avenue', town: 'Manchester', postcode: 'M1 1AE' },
    registrationDate: '2021-03-01',
    registeredProvider: {
      kind: 'ORGANISATION',
      name: 'Smith, Jones & "Partners" Ltd',
      address: { line1: '1 Deansgate', town: 'Manchester', postcode: 'M3 2BW' },
    },
  });
  await publishedFullInspection(api, larch.id);
  await publishedInterim(api, larch.id, 'SUSTAINED_EFFECTIVENESS', 'Children at Larch House continue to do well.');
  rowan = await registerProvider(api, {
    name: 'Rowan Lodge',
    address: { line1: '7 Birch Close', town: 'Manchester', postcode: 'M14 5TP' },
  });
  // Bolton (North West too): run by an individual, so no registered provider is published.
  heron = await registerProvider(api, {
    name: 'Heron View',
    address: { line1: '40 Chorley New Road', town: 'Bolton', postcode: 'BL1 4QR' },
    localAuthority: BOLTON,
    responsibleIndividual: null,
    registeredProvider: { kind: 'INDIVIDUAL', name: 'Helen Marsh', address: { line1: '3 Oak Road', town: 'Bolton', postcode: 'BL1 5AA' } },
  });
  // Leeds (Yorkshire and The Humber): inspected by that region's manager.
  aspen = await registerProvider(api, {
    name: 'Aspen Court',
    address: { line1: '2 Otley Road', town: 'Leeds', postcode: 'LS6 2AB' },
    localAuthority: LEEDS,
    registrationDate: '2021-03-01',
  });
  const yorkshire = await api.managerOf(YORKSHIRE);
  await publishedFullInspection(yorkshire, aspen.id, { ...FULL_DAYS, published: '2026-09-24' });
}, 120_000);
afterAll(() => api.close());

/** The CSV row the GraphQL `publicProvider` answer gives: its scalar fields, report count and first report. */
async function expectedRow(urn: string): Promise<string[]> {
  const provider = (await api.gql(PublicProviderDocument, { urn }, { token: null })).data!.publicProvider!;
  const latest = provider.reports[0] ?? null;
  const text = (value: unknown) => (value == null ? '' : String(value));
  return CSV_HEADER.map((column) => {
    if (column === 'reportCount') return String(provider.reports.length);
    const [root, ...path] = column.startsWith('latestReport.') ? [latest, ...column.split('.').slice(1)] : [provider, ...column.split('.')];
    return text(path.reduce<unknown>((value, key) => (value == null ? null : (value as Record<string, unknown>)[key]), root));
  });
}

describe('providers.csv', () => {
  test('a local authority: the header, then one row per setting in URN order, each as publicProvider answers it', async () => {
    const csv = await download(`/exports/providers.csv?localAuthority=${MANCHESTER}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="providers-${MANCHESTER}.csv"`);
    const rows = csvRows(csv.text);
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual([larch.urn, rowan.urn].sort());
    for (const row of rows.slice(1)) expect(row).toEqual(await expectedRow(row[0]));

    const larchRow = Object.fromEntries(CSV_HEADER.map((h, i) => [h, rows.find((r) => r[0] === larch.urn)![i]]));
    expect(larchRow).toMatchObject({
      'area.localAuthorityName': 'Manchester',
      'area.regionCode': NORTH_WEST,
      'registeredProvider.name': 'Smith, Jones & "Partners" Ltd',
      'registeredProvider.address': '1 Deansgate, Manchester',
      reportCount: '2',
      'latestReport.inspectionType': 'INTERIM_INSPECTION',
      'latestReport.publishedOn': '2026-10-21',
      'latestReport.judgements.kind': 'INTERIM',
      'latestReport.judgements.interimOutcome': 'SUSTAINED_EFFECTIVENESS',
      'latestReport.judgements.overallExperiencesAndProgress': '',
    });
    const rowanRow = rows.find((r) => r[0] === rowan.urn)!;
    expect(rowanRow[CSV_HEADER.indexOf('reportCount')]).toBe('0');
    expect(rowanRow.slice(CSV_HEADER.indexOf('latestReport.id')).every((cell) => cell === '')).toBe(true);
  });

  test('a name with a comma and quotes is quoted as RFC 4180 says', async () => {
    const csv = await download(`/exports/providers.csv?localAuthority=${MANCHESTER}`);
    expect(csv.text).toContain(',"Smith, Jones & ""Partners"" Ltd",');
    expect(csv.text.split('\n')[0]).toBe(CSV_HEADER.join(','));
  });

  test('a region, and a region with a local authority (both must hold)', async () => {
    expect(urnsOf((await download(`/exports/providers.csv?region=${NORTH_WEST}`)).text)).toEqual([larch.urn, rowan.urn, heron.urn].sort());
    expect(urnsOf((await download(`/exports/providers.csv?region=${YORKSHIRE}`)).text)).toEqual([aspen.urn]);
    expect(urnsOf((await download(`/exports/providers.csv?region=${NORTH_WEST}&localAuthority=${BOLTON}`)).text)).toEqual([heron.urn]);
    const none = await download(`/exports/providers.csv?region=${YORKSHIRE}&localAuthority=${BOLTON}`);
    expect(none.status).toBe(200);
    expect(none.headers['content-disposition']).toBe(`attachment; filename="providers-${YORKSHIRE}-${BOLTON}.csv"`);
    expect(csvRows(none.text)).toEqual([CSV_HEADER]);
    expect(urnsOf((await download('/exports/providers.csv')).text)).toEqual([larch.urn, rowan.urn, heron.urn, aspen.urn].sort());
  });

  test('an individual registered provider is not published: its columns are empty', async () => {
    const rows = csvRows((await download(`/exports/providers.csv?localAuthority=${BOLTON}`)).text);
    const row = rows[1];
    expect(row[0]).toBe(heron.urn);
    expect([
      row[CSV_HEADER.indexOf('registeredProvider.name')],
      row[CSV_HEADER.indexOf('registeredProvider.address')],
      row[CSV_HEADER.indexOf('responsibleIndividual')],
    ]).toEqual(['', '', '']);
    expect(row).toEqual(await expectedRow(heron.urn));
  });
});

describe('reports.jsonl', () => {
  test('one line per current report, each exactly the publicReport / publicProvider answer', async () => {
    const jsonl = await download('/exports/reports.jsonl');
    expect(jsonl.status).toBe(200);
    expect(jsonl.headers['content-type']).toBe('application/x-ndjson');
    expect(jsonl.headers['content-disposition']).toBe('attachment; filename="reports.jsonl"');
    const lines = jsonl.text.split('\n').filter(Boolean);
    const reports = jsonLines(jsonl.text);
    expect(reports.map((r) => r.urn)).toEqual([larch.urn, larch.urn, aspen.urn].sort());

    for (const urn of [larch.urn, aspen.urn]) {
      const mine = reports.filter((r) => r.urn === urn);
      const latest = (await api.gql(PublicReportDocument, { urn }, { token: null })).data!.publicReport!;
      const provider = (await api.gql(PublicProviderDocument, { urn }, { token: null })).data!.publicProvider!;
      // The first of a setting's lines is what publicReport answers; all are publicProvider.reports, in order.
      expect(mine[0]).toStrictEqual(latest);
      expect(mine).toStrictEqual(provider.reports);
      // Same fields in the same order: the line is the GraphQL answer, byte for byte.
      expect(lines[reports.indexOf(mine[0])]).toBe(JSON.stringify(latest));
    }
    expect(reports.find((r) => r.urn === larch.urn)).toMatchObject({
      inspectionType: 'INTERIM_INSPECTION',
      version: 1,
      judgements: { kind: 'INTERIM' },
    });
  });

  test('by region and local authority, as publicReports filters', async () => {
    const byRegion = jsonLines((await download(`/exports/reports.jsonl?region=${YORKSHIRE}`)).text);
    const graphql = (
      await api.gql(PublicReportsDocument, { region: YORKSHIRE, first: 100 }, { token: null })
    ).data!.publicReports.edges.map((e) => e.node);
    expect(byRegion).toStrictEqual(graphql);
    expect(jsonLines((await download(`/exports/reports.jsonl?localAuthority=${MANCHESTER}`)).text).map((r) => r.urn)).toEqual([
      larch.urn,
      larch.urn,
    ]);
    expect(jsonLines((await download(`/exports/reports.jsonl?localAuthority=${BOLTON}`)).text)).toEqual([]);
    expect(jsonLines((await download(`/exports/reports.jsonl?region=${NORTH_WEST}&localAuthority=${LEEDS}`)).text)).toEqual([]);
  });

  test('batches resume within a setting: newest first, none skipped or repeated at any batch size', async () => {
    const all: unknown[] = [];
    for await (const report of publicReports(api.orm.em.fork(), {})) all.push(report);
    for (const size of [1, 2]) {
      const batched: unknown[] = [];
      for await (const report of publicReports(api.orm.em.fork(), {}, size)) batched.push(report);
      expect(batched).toEqual(all);
    }
    expect(all).toHaveLength(3);
  });
});

describe('never a setting name, address or postcode', () => {
  test('CH-228 CH-230 neither export holds any private detail of the settings', async () => {
    for (const path of [
      '/exports/providers.csv',
      '/exports/reports.jsonl',
      `/exports/providers.csv?region=${NORTH_WEST}`,
      `/exports/reports.jsonl?localAuthority=${MANCHESTER}`,
    ]) {
      const { text } = await download(path);
      for (const secret of PRIVATE) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });
});

describe('refusals', () => {
  test.each(['/exports/providers.csv', '/exports/reports.jsonl'])(
    '%s: malformed or unknown area codes are refused with 400 naming the parameter, as GraphQL does',
    async (path) => {
      const graphqlMessage = async (variables: { region?: string; localAuthority?: string }) =>
        (await api.gql(PublicReportsDocument, { ...variables, first: 1 }, { token: null, allowErrors: true })).errors![0].message;
      const cases: [string, string, string | null][] = [
        ['region=E99999999', 'region', await graphqlMessage({ region: 'E99999999' })],
        ['region=north-west', 'region', await graphqlMessage({ region: 'north-west' })],
        [`localAuthority=${NORTH_WEST}`, 'localAuthority', await graphqlMessage({ localAuthority: NORTH_WEST })],
        ['localAuthority=Manchester', 'localAuthority', await graphqlMessage({ localAuthority: 'Manchester' })],
        [`region=${NORTH_WEST}&localAuthority=`, 'localAuthority', null],
        [`region=${NORTH_WEST}&region=${YORKSHIRE}`, 'region', null],
        ['postcode=M1%201AE', 'postcode', null],
        ['name=Larch', 'name', null],
      ];
      for (const [query, parameter, message] of cases) {
        const response = await download(`${path}?${query}`);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        const body = JSON.parse(response.text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
        expect(body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', argumentName: parameter } }]);
        if (message) expect(body.errors[0].message).toBe(message);
      }
    },
  );

  test.each(['/exports/providers.csv', '/exports/reports.jsonl'])(
    '%s: no token is needed, a valid one is accepted, a bad one is 401 as at /graphql',
    async (path) => {
      expect((await download(path)).status).toBe(200);
      const la = await api.tokenFor(Role.LOCAL_AUTHORITY, { localAuthority: MANCHESTER });
      expect((await download(path, `Bearer ${la}`)).status).toBe(200);
      for (const header of ['Bearer not-a-token', `Basic ${la}`, `Bearer ${la}x`]) {
        const graphql = await api
          .request()
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('authorization', header)
          .send({ query: '{ publicReport(urn: "1234567") { urn } }' });
        const response = await download(path, header);
        expect(response.status).toBe(graphql.status);
        expect(response.status).toBe(401);
        const body = graphql.body as { errors: { message: string }[] };
        expect(JSON.parse(response.text)).toEqual({
          errors: [{ message: body.errors[0].message, extensions: { code: 'UNAUTHENTICATED' } }],
        });
      }
    },
  );
});

describe('spreadsheets', () => {
  test('a cell that would start a formula is exported as text, never run by the spreadsheet that opens it', async () => {
    const SALFORD = 'E08000006';
    await registerProvider(api, {
      localAuthority: SALFORD,
      registeredProvider: {
        kind: 'ORGANISATION',
        name: '=HYPERLINK("https://evil.example","Click")',
        address: { line1: '+44 Street', town: 'Salford', postcode: 'M5 4WT' },
      },
    });
    const csv = await download(`/exports/providers.csv?localAuthority=${SALFORD}`);
    const row = csvRows(csv.text)[1];
    expect(row[CSV_HEADER.indexOf('registeredProvider.name')]).toBe(`'=HYPERLINK("https://evil.example","Click")`);
    expect(row[CSV_HEADER.indexOf('registeredProvider.address')]).toMatch(/^'\+44 Street/);
  });
});

describe('internal faults', () => {
  test.each(['/exports/providers.csv', '/exports/reports.jsonl'])(
    '%s: a database failure before the first row is a masked 500 with the request ID',
    async (path) => {
      const find = jest
        .spyOn(Object.getPrototypeOf(api.orm.em) as { find: () => Promise<unknown> }, 'find')
        .mockRejectedValueOnce(new Error('relation "secret_table" does not exist'));
      try {
        const response = await download(path);
        expect(response.status).toBe(500);
        expect(response.text).not.toContain('secret_table');
        expect(JSON.parse(response.text)).toEqual({
          errors: [
            {
              message: 'Internal server error',
              extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: response.headers['x-request-id'] },
            },
          ],
        });
      } finally {
        find.mockRestore();
      }
      expect((await download(path)).status).toBe(200);
    },
  );
});

describe('more than one batch', () => {
  test('1,200 more settings: both exports stream completely, every URN once and in order', async () => {
    await seedSyntheticRegister(api.orm.em.fork(), { providers: 1_200, seed: 7 });
    const em = api.orm.em.fork();
    const providers = (await em.find(Provider, {}, { orderBy: { urn: 'asc' }, fields: ['urn'] })).map((p) => p.urn);
    const reports = (
      await em.find(
        PublishedReport,
        { current: true },
        { orderBy: [{ urn: 'asc' }, { publishedOn: 'desc' }, { id: 'desc' }], fields: ['publicId'] },
      )
    ).map((r) => r.publicId);
    expect(providers.length).toBeGreaterThan(2 * EXPORT_BATCH_SIZE);
    expect(reports.length).toBeGreaterThan(EXPORT_BATCH_SIZE);

    let csv!: Download;
    const statements = await api.statements(async () => {
      csv = await download('/exports/providers.csv');
    });
    expect(csv.status).toBe(200);
    // Streamed, not buffered: no length known in advance.
    expect(csv.headers['transfer-encoding']).toBe('chunked');
    expect(csv.headers['content-length']).toBeUndefined();
    const urns = urnsOf(csv.text);
    expect(urns).toEqual(providers);
    expect(new Set(urns).size).toBe(urns.length);
    // Read in keyset batches of EXPORT_BATCH_SIZE by URN, never all at once.
    const batches = statements
      .filter((s) => s.includes('from "provider" as "p0"') && s.includes('order by "p0"."urn" asc limit'))
      .map((s) => Number(/(\d+) results?\]/.exec(s)?.[1]));
    expect(batches).toEqual([EXPORT_BATCH_SIZE, EXPORT_BATCH_SIZE, providers.length - 2 * EXPORT_BATCH_SIZE]);

    const jsonl = await download('/exports/reports.jsonl');
    expect(jsonl.headers['transfer-encoding']).toBe('chunked');
    const lines = jsonLines(jsonl.text);
    expect(lines.map((r) => r.id)).toEqual(reports.map((id) => toGlobalId('PublicReport', id)));
    expect(new Set(lines.map((r) => r.id)).size).toBe(lines.length);
  }, 120_000);
});
