/**
 * Property (CH-228, CH-230, RFC-093): reports, amendments, requirements, recommendations and
 * summaries written with names, addresses and initials in varied forms are published and
 * amended through the services, and then every public output is walked: the public GraphQL
 * queries, the judgement feed, both exports and the webhook bodies. Nothing that identifies a
 * person or locates the setting appears in any of them. A new public output belongs here.
 */
import fc from 'fast-check';
import { Role } from '../../src/domain/access';
import {
  AmendPublishedReportDocument,
  JudgementFeedDocument,
  PublicProviderDocument,
  PublicReportDocument,
  PublicReportsDocument,
  RegisterWebhookEndpointDocument,
} from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import { inspectionAtFeedback, recordEvidence } from '../support/inspections';
import { FULL_DAYS, proposeGood, publish, writeText } from '../support/reports';
import { quickDeliveries, startRecordingReceiver, type RecordingReceiver } from '../support/webhooks';
import { pseudoName, REDACTION_WORDS } from '../support/pseudo-names';
import { REGULATION_12, recordRecommendation, recordRequirement } from '../support/requirements';
import { expectNoUserErrors } from '../support/payloads';

const LEEDS = 'E08000035';
const YORKSHIRE = 'E12000003';
let api: TestApp;
let yorkshire: TestApp;
let receiver: RecordingReceiver;
let deliveries: ReturnType<typeof quickDeliveries>;

beforeAll(async () => {
  api = await startTestApp();
  yorkshire = await api.managerOf(YORKSHIRE);
  receiver = await startRecordingReceiver();
  deliveries = quickDeliveries(api);
  const leeds = api.as(await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'leeds-dcs', localAuthority: LEEDS }));
  const { data } = await leeds.gql(RegisterWebhookEndpointDocument, {
    input: {
      url: `${receiver.url}/hook`,
      eventTypes: ['REPORT_PUBLISHED', 'JUDGEMENT_PUBLISHED', 'REPORT_AMENDED', 'PROVIDER_REGISTERED', 'REPORT_WITHDRAWN'],
    },
  });
  expect(data!.registerWebhookEndpoint.userErrors).toEqual([]);
});
afterAll(async () => {
  await receiver.stop();
  await api.close();
});

const download = async (path: string) => (await api.request().get(path)).text;

// Pseudo-names ("Kalimo", "Dorevy"): random, pronounceable, and none of the words the API writes itself.
const OWN_WORDS = [
  ...REDACTION_WORDS,
  'local',
  'area',
  'nearby',
  'street',
  'young',
  'carer',
  'parent',
  'colleague',
  'reader',
  'withheld',
  'leeds',
];
// Nor the words of this test's own report texts ("we liked", "lives at"): a child named "Liked" is
// redacted in its own report, but an earlier run's report in the same area says "we liked" as it should.
let templateWords: Set<string> | undefined;
function isTemplateWord(w: string): boolean {
  if (!templateWords) {
    const q: [string, string] = ['Qqqqq', 'Qqqqq'];
    const placeholder = {
      child: q,
      staff: q,
      parent: q,
      manager: q,
      setting: 'Qqqqq',
      street: 'Qqqqq',
      suffix: 'Road',
      number: 1,
      locality: 'Qqqqq',
      town: 'Qqqqq',
      outward: ['LS', 1],
      inward: [1, 'AA'],
      phone: '07700 900000',
      organisationAtHome: false,
      forms: [0, 0, 0, 0, 0, 0, 0, 0],
    } as Scenario;
    templateWords = new Set(Object.values(texts(placeholder)).flatMap((text) => text.toLowerCase().match(/\p{L}+/gu) ?? []));
  }
  return templateWords.has(w.toLowerCase());
}
const word = pseudoName(OWN_WORDS, isTemplateWord);
const name = fc.tuple(word, word);

const scenario = fc.record({
  child: name,
  staff: name,
  parent: name,
  manager: name,
  setting: word,
  street: word,
  suffix: fc.constantFrom('Road', 'Crescent', 'Avenue', 'Close', 'Lane'),
  number: fc.integer({ min: 1, max: 240 }),
  locality: word,
  town: word,
  outward: fc.tuple(fc.constantFrom('LS', 'BD', 'HX', 'WF'), fc.integer({ min: 1, max: 29 })),
  inward: fc.tuple(fc.integer({ min: 0, max: 9 }), fc.stringMatching(/^[ABDEFGHJLNPQRSTUWXYZ]{2}$/)),
  phone: fc.integer({ min: 100_000, max: 999_999 }).map((n) => `07700 900${String(n).slice(0, 3)}`),
  organisationAtHome: fc.boolean(),
  /** Which written form each mention takes. */
  forms: fc.array(fc.nat(9), { minLength: 8, maxLength: 8 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
type Name = [string, string];

/** A name as a report might write it: whole, by part, in capitals, by initials in their written forms, or possessive. */
function written([first, last]: Name, form: number): string {
  return [
    `${first} ${last}`,
    first,
    last,
    `${first} ${last}`.toUpperCase(),
    `${first[0]}.${last[0]}.`,
    `${first[0]}. ${last[0]}.`,
    `${first[0]}${last[0]}`,
    `${first[0]}. ${last}`,
    `${first} ${last[0]}.`,
    `${first}'s`,
  ][form];
}

function texts(s: Scenario) {
  const postcode = `${s.outward[0]}${s.outward[1]} ${s.inward[0]}${s.inward[1]}`;
  const line1 = `${s.number} ${s.street} ${s.suffix}`;
  const f = s.forms;
  return {
    postcode,
    line1,
    overall: `${written(s.child, f[0])} lives at ${s.setting} House, ${line1}, ${s.locality}, ${postcode.toLowerCase()}. ${written(s.staff, f[1])} says ${written(s.child, f[2])} is settled.`,
    helpedAndProtected: `Staff at ${s.setting} keep ${written(s.child, f[3])} safe; the home on ${s.street} ${s.suffix} is near ${postcode.replace(' ', '')}.`,
    leadersAndManagers: `${written(s.manager, f[4])}, the registered manager, leads well. Call ${s.phone} or write to ${s.manager[0].toLowerCase()}@example.org.`,
    childFriendlySummary: `Dear ${s.child[0]}, we liked ${s.setting} House and your trips into ${s.town} and the ${s.outward[0]}${s.outward[1]} area.`,
    requirement: `Make sure ${written(s.child, f[5])} has a return home interview, and that ${written(s.parent, f[6])} is told.`,
    recommendation: `${written(s.staff, f[7])} should record night checks at ${line1}.`,
    amendment: `Corrected the spelling of ${s.child.join(' ')}'s name and the address ${line1}, ${postcode}.`,
  };
}

/** Everything that could identify: names, their parts and initials, the setting's name and every part of its address, and the identifiers. */
function secrets(s: Scenario, t: ReturnType<typeof texts>): { anyCase: string[]; capitals: string[] } {
  const people = [s.child, s.staff, s.parent, s.manager];
  return {
    anyCase: [
      ...people.flat(),
      s.setting,
      s.street,
      s.locality,
      s.town,
      t.postcode,
      t.postcode.replace(' ', ''),
      `${s.outward[0]}${s.outward[1]}`,
      s.phone,
      `${s.manager[0].toLowerCase()}@example.org`,
    ],
    capitals: people.flatMap(([first, last]) => [`${first[0]}.${last[0]}.`, `${first[0]}. ${last[0]}.`, `${first[0]}${last[0]}`]),
  };
}

const bounded = (secret: string, flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, flags);
/** Opaque IDs (base64, UUIDs) are left out of the search: their letters are not words. */
const withoutIds = (text: string) => text.replace(/[A-Za-z0-9+/]{24,}={0,2}|[0-9a-f]{8}-[0-9a-f-]{27}/g, ' ');

describe('property: nothing identifying reaches any public output', () => {
  test('CH-228 CH-230 RFC-093 GraphQL, the feed, the exports and the webhook bodies hold no name, initials, setting name, address part or identifier', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const t = texts(s);
        const home = await registerProvider(api, {
          name: `${s.setting} House`,
          address: { line1: t.line1, line2: s.locality, town: s.town, postcode: t.postcode },
          localAuthority: LEEDS,
          registrationDate: '2021-03-01',
          registeredManager: { name: s.manager.join(' '), startDate: '2021-03-01' },
          registeredProvider: {
            kind: 'ORGANISATION',
            name: 'Northern Care Homes Ltd',
            address: s.organisationAtHome
              ? { line1: t.line1, line2: s.locality, town: s.town, postcode: t.postcode }
              : { line1: '1 Wellington Street', town: 'Leeds', postcode: 'LS1 4DL' },
          },
        });
        const inspection = await inspectionAtFeedback(yorkshire, home.id, { start: '2026-09-08' });
        const evidence = await recordEvidence(yorkshire, inspection.id, {
          people: [
            { name: s.child.join(' '), role: 'CHILD' },
            { name: s.staff.join(' '), role: 'STAFF_MEMBER' },
            { name: s.parent.join(' '), role: 'FAMILY_MEMBER' },
          ],
          identificationJustification: 'To protect the child',
        });
        await proposeGood(yorkshire, inspection.id);
        expectNoUserErrors(
          await recordRequirement(yorkshire, inspection.id, [evidence.id], {
            ...REGULATION_12,
            action: t.requirement,
          }),
        );
        expectNoUserErrors(
          await recordRecommendation(yorkshire, inspection.id, [evidence.id], {
            reference: 'Guide page 12, paragraph 3.4',
            action: t.recommendation,
          }),
        );
        await writeText(yorkshire, inspection.id, {
          overall: t.overall,
          helpedAndProtected: t.helpedAndProtected,
          leadersAndManagers: t.leadersAndManagers,
          childFriendlySummary: t.childFriendlySummary,
        });
        await publish(yorkshire, inspection.id, FULL_DAYS);
        const amended = await yorkshire.gql(AmendPublishedReportDocument, {
          input: { inspectionId: inspection.id, reason: t.amendment, amendedOn: '2026-09-30' },
        });
        expect(amended.data!.amendPublishedReport.userErrors).toEqual([]);
        await deliveries.drain();

        const outputs: [string, string][] = [
          ['publicReport', JSON.stringify((await api.gql(PublicReportDocument, { urn: home.urn }, { token: null })).data)],
          ['publicProvider', JSON.stringify((await api.gql(PublicProviderDocument, { urn: home.urn }, { token: null })).data)],
          [
            'publicReports',
            JSON.stringify((await api.gql(PublicReportsDocument, { localAuthority: LEEDS, first: 100 }, { token: null })).data),
          ],
          [
            'judgementFeed',
            JSON.stringify((await api.gql(JudgementFeedDocument, { localAuthority: LEEDS, first: 500 }, { token: null })).data),
          ],
          ['reports.jsonl', await download(`/exports/reports.jsonl?localAuthority=${LEEDS}`)],
          ['providers.csv', await download(`/exports/providers.csv?localAuthority=${LEEDS}`)],
          ['webhook bodies', receiver.received.map((r) => r.body).join('\n')],
        ];
        // The outputs hold this setting's report (a failure to publish would make the property vacuous).
        for (const [where, out] of outputs.slice(0, 4)) expect([where, out.includes(home.urn)]).toEqual([where, true]);
        expect(receiver.received.some(({ body: b }) => b.includes(home.urn) && b.includes('REPORT_AMENDED'))).toBe(true);

        const { anyCase, capitals } = secrets(s, t);
        for (const [where, out] of outputs) {
          const searched = withoutIds(out);
          for (const secret of anyCase) expect([where, secret, bounded(secret, 'iu').test(searched)]).toEqual([where, secret, false]);
          for (const secret of capitals) expect([where, secret, bounded(secret, 'u').test(searched)]).toEqual([where, secret, false]);
        }
      }),
      { numRuns: 8 },
    );
  }, 240_000);
});
