/**
 * A published report found to identify someone (CH-228): the amendment reason is redacted like
 * the report, the report keeps one public ID across amendments, and a manager can withdraw it. A
 * withdrawn report leaves every public query and export at once; the feed carries a withdrawal
 * event, sent by webhook to every endpoint that takes report events, and the feed's stored copies
 * of the report are erased (their events stay). A corrected version then follows under the same ID.
 */
import { Role } from '../../src/domain/access';
import { FeedEvent } from '../../src/modules/feeds/feed.entity';
import {
  AmendPublishedReportDocument,
  JudgementFeedDocument,
  PublicProviderDocument,
  PublicReportDocument,
  PublicReportsDocument,
  RegisterWebhookEndpointDocument,
  WithdrawPublishedReportDocument,
  WriteReportTextDocument,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import { inspectionAtFeedback, recordEvidence } from '../support/inspections';
import { FULL_DAYS, proposeGood, publish } from '../support/reports';
import { quickDeliveries, startRecordingReceiver, type RecordingReceiver } from '../support/webhooks';

const MANCHESTER = 'E08000003';
let api: TestApp;
let receiver: RecordingReceiver;
let deliveries: ReturnType<typeof quickDeliveries>;

beforeAll(async () => {
  api = await startTestApp();
  receiver = await startRecordingReceiver();
  deliveries = quickDeliveries(api);
  const manchester = api.as(await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'manchester-dcs', localAuthority: MANCHESTER }));
  // This endpoint asked for publications only: a withdrawal reaches it all the same.
  const { data } = await manchester.gql(RegisterWebhookEndpointDocument, {
    input: { url: `${receiver.url}/hook`, eventTypes: ['REPORT_PUBLISHED'] },
  });
  expect(data!.registerWebhookEndpoint.userErrors).toEqual([]);
});
afterAll(async () => {
  await receiver.stop();
  await api.close();
});

const drain = () => deliveries.drain();
const received = () => receiver.received;

/** A children's home with a child on record, its report published with the child's name in it (redacted on the way). */
async function publishedHome() {
  const home = await registerProvider(api, {
    name: 'Rowan Lodge',
    address: { line1: '3 Marlowe Crescent', town: 'Manchester', postcode: 'M20 6RT' },
    registrationDate: '2021-03-01',
  });
  const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-09-08' });
  await recordEvidence(api, inspection.id, {
    people: [{ name: 'Tamsin Wilde', role: 'CHILD' }],
    identificationJustification: 'To protect the child',
  });
  await proposeGood(api, inspection.id);
  await api.gql(WriteReportTextDocument, { input: { inspectionId: inspection.id, overall: 'T. W. has settled well at Rowan Lodge.' } });
  await publish(api, inspection.id, FULL_DAYS);
  return { home, inspection };
}

const publicReport = async (urn: string) => (await api.gql(PublicReportDocument, { urn }, { token: null })).data!.publicReport;
const feedOf = async () =>
  (await api.gql(JudgementFeedDocument, { localAuthority: MANCHESTER, first: 500 }, { token: null })).data!.judgementFeed.edges.map(
    (e) => e.node,
  );

describe('CH-228 amendments: redacted reasons and one stable report ID', () => {
  test('the amendment reason is redacted like the report; the ID stays; the history lists each version with its date and reason', async () => {
    const { home, inspection } = await publishedHome();
    const first = await publicReport(home.urn);
    expect(first!.sections[0].text).toBe('A child has settled well at the home.');
    const amended = await api.gql(AmendPublishedReportDocument, {
      input: {
        inspectionId: inspection.id,
        reason: "Corrected the spelling of Tamsin Wilde's name and the address 3 Marlowe Crescent, M20 6RT",
        amendedOn: '2026-10-01',
      },
    });
    expect(amended.data!.amendPublishedReport.userErrors).toEqual([]);
    const second = await publicReport(home.urn);
    expect(second).toMatchObject({
      id: first!.id,
      version: 2,
      amendmentReason: "Corrected the spelling of a child's name and the address",
    });
    expect(second!.versions).toEqual([
      { version: 1, publishedOn: '2026-09-23', amendmentReason: null },
      { version: 2, publishedOn: '2026-10-01', amendmentReason: "Corrected the spelling of a child's name and the address" },
    ]);
    const jsonl = (await api.request().get(`/exports/reports.jsonl?localAuthority=${MANCHESTER}`)).text;
    expect(jsonl).not.toMatch(/Tamsin|Wilde|Marlowe|M20/);
  });
});

describe('CH-228 withdrawing a published report', () => {
  test('it leaves every public query and export; the feed tells receivers to delete it and keeps no copy; a corrected version follows under the same ID', async () => {
    const { home, inspection } = await publishedHome();
    const before = await publicReport(home.urn);
    await drain();
    expect(received().some((r) => r.type === 'REPORT_PUBLISHED' && r.body.includes(home.urn))).toBe(true);

    const withdrawn = await api.gql(WithdrawPublishedReportDocument, {
      input: { inspectionId: inspection.id, reason: 'It named a child', withdrawnOn: '2026-10-02' },
    });
    expect(withdrawn.data!.withdrawPublishedReport.userErrors).toEqual([]);

    // Gone from every public query and export.
    expect(await publicReport(home.urn)).toBeNull();
    expect((await api.gql(PublicProviderDocument, { urn: home.urn }, { token: null })).data!.publicProvider!.reports).toEqual([]);
    const listed = (await api.gql(PublicReportsDocument, { localAuthority: MANCHESTER, first: 100 }, { token: null })).data!.publicReports
      .edges;
    expect(listed.map((e) => e.node.urn)).not.toContain(home.urn);
    expect((await api.request().get(`/exports/reports.jsonl?localAuthority=${MANCHESTER}`)).text).not.toContain(home.urn);
    const csvRow = (await api.request().get(`/exports/providers.csv?localAuthority=${MANCHESTER}`)).text
      .split('\n')
      .find((line) => line.startsWith(home.urn));
    expect(csvRow).toContain(`${home.urn},CHILDRENS_HOME`);
    expect(csvRow).not.toContain(before!.id);

    // The feed: a withdrawal event, and the earlier events about the report carry it instead of the report.
    const events = (await feedOf()).filter((e) => e.urn === home.urn);
    const withdrawal = { reportId: before!.id, versions: [1], withdrawnOn: '2026-10-02' };
    expect(events.map((e) => [e.type, e.report, e.withdrawal])).toEqual([
      ['PROVIDER_REGISTERED', null, null],
      ['REPORT_PUBLISHED', null, withdrawal],
      ['JUDGEMENT_PUBLISHED', null, withdrawal],
      ['REPORT_WITHDRAWN', null, withdrawal],
    ]);
    const stored = await api.orm.em.fork().find(FeedEvent, { urn: home.urn });
    expect(
      stored.filter((e) => e.type !== 'PROVIDER_REGISTERED').every((e) => Object.keys(e.payload).sort().join() === 'area,withdrawal'),
    ).toBe(true);
    expect(JSON.stringify(stored.map((e) => e.payload))).not.toMatch(/settled|sections|judgements/);

    // The webhook sends the withdrawal, though the endpoint asked for publications only.
    await drain();
    const sent = received().find((r) => r.type === 'REPORT_WITHDRAWN' && r.body.includes(home.urn));
    expect(JSON.parse(sent!.body)).toMatchObject({ type: 'REPORT_WITHDRAWN', urn: home.urn, report: null, withdrawal });

    // Withdrawing again: nothing is public to withdraw.
    const again = await api.gql(WithdrawPublishedReportDocument, {
      input: { inspectionId: inspection.id, reason: 'Again', withdrawnOn: '2026-10-02' },
    });
    expect(again.data!.withdrawPublishedReport.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);

    // A corrected version: the same ID, the next version number, and a history without the withdrawn versions.
    await api.gql(WriteReportTextDocument, { input: { inspectionId: inspection.id, overall: 'Children have settled well.' } });
    const corrected = await api.gql(AmendPublishedReportDocument, {
      input: { inspectionId: inspection.id, reason: 'Republished without identifying details', amendedOn: '2026-10-05' },
    });
    expect(corrected.data!.amendPublishedReport.userErrors).toEqual([]);
    const after = await publicReport(home.urn);
    expect(after).toMatchObject({ id: before!.id, version: 2 });
    expect(after!.sections[0].text).toBe('Children have settled well.');
    expect(after!.versions).toEqual([
      { version: 2, publishedOn: '2026-10-05', amendmentReason: 'Republished without identifying details' },
    ]);
  });

  test('refused: no reason, a day before publication or in the future, an unpublished report, and callers other than managers', async () => {
    const { inspection } = await publishedHome();
    const bad = await api.gql(WithdrawPublishedReportDocument, {
      input: { inspectionId: inspection.id, reason: ' ', withdrawnOn: '2026-09-01' },
    });
    expect(bad.data!.withdrawPublishedReport.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['input', 'reason'], 'BAD_USER_INPUT'],
      [['input', 'withdrawnOn'], 'BAD_USER_INPUT'],
    ]);
    const future = await api.gql(WithdrawPublishedReportDocument, {
      input: { inspectionId: inspection.id, reason: 'x', withdrawnOn: '2027-01-01' },
    });
    expect(future.data!.withdrawPublishedReport.userErrors.map((e) => e.field)).toEqual([['input', 'withdrawnOn']]);
    const unpublished = await registerProvider(api, { registrationDate: '2021-03-01' });
    const fresh = await inspectionAtFeedback(api, unpublished.id, { start: '2026-09-08' });
    const notYet = await api.gql(WithdrawPublishedReportDocument, {
      input: { inspectionId: fresh.id, reason: 'x', withdrawnOn: '2026-10-02' },
    });
    expect(notYet.data!.withdrawPublishedReport.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
    const inspector = api.as(await api.tokenFor(Role.INSPECTOR, { region: 'E12000002' }));
    const refused = await inspector.gql(
      WithdrawPublishedReportDocument,
      { input: { inspectionId: inspection.id, reason: 'x', withdrawnOn: '2026-10-02' } },
      { allowErrors: true },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('the feed lets a report be erased and nothing else: any other change to a stored event is refused', async () => {
    const { home } = await publishedHome();
    const connection = api.orm.em.fork().getConnection();
    const [event] = await connection.execute<{ id: string }[]>(
      `select id from feed_event where urn = '${home.urn}' and type = 'REPORT_PUBLISHED'`,
    );
    const attempts = [
      // Content changed rather than erased.
      `update feed_event set payload = jsonb_set(payload, '{report,sections}', '[]') where id = '${event.id}'`,
      // Erased, but the area changed too.
      `update feed_event set payload = jsonb_build_object('area', '{}'::jsonb, 'withdrawal', '{"reportId":"x"}'::jsonb) where id = '${event.id}'`,
      // Erased, but the event moved.
      `update feed_event set payload = jsonb_build_object('area', payload->'area', 'withdrawal', '{"reportId":"x"}'::jsonb), occurred_on = '2020-01-01' where id = '${event.id}'`,
    ];
    for (const sql of attempts) await expect(connection.execute(sql)).rejects.toThrow(/the feed is append-only/);
  });
});
