/**
 * Public, redacted reports over HTTP: a full inspection, a monitoring visit and an assurance
 * visit published and read back by URN, local authority and region; drafts never visible;
 * amendments as versions; and, property-based, no name, setting name, address or postcode from
 * the records ever reaching any public query.
 */
import fc from 'fast-check';
import {
  AmendPublishedReportDocument,
  DraftReportDocument,
  PublicProviderDocument,
  PublicReportDocument,
  PublicReportsDocument,
  WriteReportTextDocument,
} from '../generated/graphql';
import { useTestApp } from '../support/app';
import { SECURE_HOME, registerProvider } from '../support/fixtures';
import { inspectionAtFeedback, recordEvidence } from '../support/inspections';
import {
  FULL_DAYS,
  asProviderOf,
  proposeGood,
  publish,
  publishedAssuranceVisit,
  publishedInterim,
  publishedMonitoringVisit,
  sendDraft,
  toQualityAssurance,
} from '../support/reports';
import { pseudoName, REDACTION_WORDS } from '../support/pseudo-names';
import { REGULATION_12, recordRequirement } from '../support/requirements';
import { proposeFull } from '../support/judgements';

const api = useTestApp();

// Settings outside the North West (the default caller's region) are inspected by managers of their own region.
const YORKSHIRE = 'E12000003'; // Leeds, E08000035
const LONDON = 'E12000007'; // Westminster, E09000033

describe("a children's home: full inspection published and found by URN, local authority and region", () => {
  test('CH-228 CH-230 the report holds the judgements, text and requirements, and never the name, address, postcode or people', async () => {
    const home = await registerProvider(api, {
      name: 'Larch House',
      address: { line1: '12 Acacia Avenue', town: 'Manchester', postcode: 'M1 1AE' },
      registrationDate: '2021-03-01',
      registeredManager: { name: 'Grace Adeyemi', startDate: '2021-03-01' },
    });
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-09-08', end: '2026-09-09' });
    const weakness = await recordEvidence(api, inspection.id, {
      narrative: 'J.M. went missing twice without a return home interview.',
      people: [{ name: 'Jamie Morgan', role: 'CHILD' }],
      identificationJustification: 'To protect the child',
    });
    await proposeFull(api, inspection.id, {
      overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      helpedAndProtected: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
    });
    await recordRequirement(api, inspection.id, [weakness.id], {
      ...REGULATION_12,
      action: 'Make sure Jamie Morgan and every child has a return home interview at Larch House',
    });
    const text = await api.gql(WriteReportTextDocument, {
      input: {
        inspectionId: inspection.id,
        overall: 'Children at Larch House, 12 Acacia Avenue, M1 1AE, enjoy activities. Jamie told us: "I like it here".',
        helpedAndProtected: 'J.M. went missing twice. Staff at larch house did not ask for return interviews.',
        leadersAndManagers: 'The manager leads well.',
        childFriendlySummary: 'Dear Jamie, we visited Larch House in m11ae and liked meeting you.',
      },
    });
    expect(text.data!.writeReportText.userErrors).toEqual([]);
    await publish(api, inspection.id, FULL_DAYS);

    const { data } = await api.gql(PublicReportDocument, { urn: home.urn });
    const report = data!.publicReport!;
    expect(report).toMatchObject({
      urn: home.urn,
      settingType: 'CHILDRENS_HOME',
      area: { localAuthorityCode: 'E08000003', localAuthorityName: 'Manchester', regionCode: 'E12000002', regionName: 'North West' },
      registeredProvider: { name: 'Northern Care Homes Ltd' },
      responsibleIndividual: 'Rebecca Holt',
      inspectionType: 'FULL_INSPECTION',
      inspectionStart: '2026-09-08',
      inspectionEnd: '2026-09-09',
      publishedOn: '2026-09-23',
      version: 1,
      judgements: { kind: 'FULL_INSPECTION', overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', leadersAndManagers: 'GOOD' },
      requirements: [
        {
          regulation: 'Regulation 12',
          action: 'Make sure a child and every child has a return home interview at the home',
          dueDate: '2026-10-30',
        },
      ],
      lastInspection: null,
      aboutTheService: "A children's home registered for 4 places, in Manchester (North West).",
    });
    expect(report.sections.map((s) => s.text)).toEqual([
      'Children at the home enjoy activities. A child told us: "I like it here".',
      'A child went missing twice. Staff at the home did not ask for return interviews.',
      'The manager leads well.',
    ]);
    expect(report.childFriendlySummary).toBe('Dear young person, we visited the home and liked meeting you.');
    const all = JSON.stringify(report);
    for (const secret of ['Larch', 'Acacia', 'M1 1AE', 'Jamie', 'Morgan', 'J.M.', 'Grace Adeyemi']) expect(all).not.toContain(secret);

    const byLa = await api.gql(PublicReportsDocument, { localAuthority: 'E08000003', first: 50 });
    expect(byLa.data!.publicReports.edges.map((e) => e.node.urn)).toContain(home.urn);
    const byRegion = await api.gql(PublicReportsDocument, { region: 'E12000002', settingType: 'CHILDRENS_HOME', first: 50 });
    expect(byRegion.data!.publicReports.edges.map((e) => e.node.urn)).toContain(home.urn);
    const elsewhere = await api.gql(PublicReportsDocument, { region: 'E12000007', first: 50 });
    expect(elsewhere.data!.publicReports.edges.map((e) => e.node.urn)).not.toContain(home.urn);

    const provider = await api.gql(PublicProviderDocument, { urn: home.urn });
    expect(provider.data!.publicProvider).toMatchObject({
      urn: home.urn,
      settingType: 'CHILDRENS_HOME',
      responsibleIndividual: 'Rebecca Holt',
    });
    expect(JSON.stringify(provider.data)).not.toMatch(/Larch|Acacia|M1 1AE|Jamie/);

    // The next inspection's report shows this one as the last inspection, in its history.
    await publishedInterim(api, home.id, 'IMPROVED_EFFECTIVENESS', 'Return home interviews now happen for every child.');
    const latest = await api.gql(PublicReportDocument, { urn: home.urn });
    expect(latest.data!.publicReport).toMatchObject({
      inspectionType: 'INTERIM_INSPECTION',
      judgements: { kind: 'INTERIM', interimOutcome: 'IMPROVED_EFFECTIVENESS' },
      lastInspection: { type: 'FULL_INSPECTION', end: '2026-09-09', outcome: 'requires improvement to be good' },
      history: [{ type: 'FULL_INSPECTION', end: '2026-09-09', outcome: 'requires improvement to be good' }],
    });
  });
});

describe('monitoring and assurance visits are published in their own shape', () => {
  test('CH-181 a monitoring visit report: no grade unless a new judgement, found by local authority', async () => {
    const home = await registerProvider(api, { localAuthority: 'E08000035', registrationDate: '2021-03-01' });
    const yorkshire = await api.managerOf(YORKSHIRE);
    await publishedMonitoringVisit(yorkshire, home.id, {
      progressSummary: 'Requirements met',
      summary: 'The home has met the requirements of the compliance notice.',
    });
    const { data } = await api.gql(PublicReportsDocument, { localAuthority: 'E08000035', first: 10 });
    const report = data!.publicReports.edges.find((e) => e.node.urn === home.urn)!.node;
    expect(report).toMatchObject({
      inspectionType: 'MONITORING_VISIT',
      judgements: { kind: 'MONITORING_VISIT', overallExperiencesAndProgress: null, newOverallGrade: null },
      sections: [{ heading: 'Findings', text: 'The home has met the requirements of the compliance notice.' }],
    });
  });

  test('CA-072 CA-073 an assurance visit report: whether serious or widespread concerns were found, with a child-friendly summary', async () => {
    const secure = await registerProvider(api, { ...SECURE_HOME, localAuthority: 'E09000033', registrationDate: '2019-04-01' });
    const london = await api.managerOf(LONDON);
    await publishedAssuranceVisit(london, secure.id, {
      summary: 'Children are well cared for.',
      childFriendlySummary: 'We found you are safe.',
    });
    const { data } = await api.gql(PublicReportsDocument, { region: 'E12000007', settingType: 'SECURE_CHILDRENS_HOME', first: 10 });
    expect(data!.publicReports.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        urn: secure.urn,
        inspectionType: 'ASSURANCE_VISIT',
        judgements: expect.objectContaining({
          kind: 'ASSURANCE_VISIT',
          seriousOrWidespreadConcerns: false,
          overallExperiencesAndProgress: null,
        }),
        childFriendlySummary: 'We found you are safe.',
      }),
    ]);
    const byUrn = await api.gql(PublicReportDocument, { urn: secure.urn });
    expect(byUrn.data!.publicReport!.inspectionType).toBe('ASSURANCE_VISIT');
  });
});

describe('only published reports are visible', () => {
  test('a report before publication is not found; an amendment adds a version and keeps the history', async () => {
    const home = await registerProvider(api, { registrationDate: '2021-03-01' });
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-09-08' });
    await proposeGood(api, inspection.id);
    await api.gql(WriteReportTextDocument, { input: { inspectionId: inspection.id, overall: 'Children make good progress.' } });
    expect((await api.gql(PublicReportDocument, { urn: home.urn })).data!.publicReport).toBeNull();
    expect((await api.gql(PublicProviderDocument, { urn: home.urn })).data!.publicProvider!.reports).toEqual([]);
    await publish(api, inspection.id, FULL_DAYS);
    expect((await api.gql(PublicReportDocument, { urn: home.urn })).data!.publicReport!.version).toBe(1);

    await api.gql(WriteReportTextDocument, {
      input: { inspectionId: inspection.id, overall: 'Children make good progress in their education.' },
    });
    const amended = await api.gql(AmendPublishedReportDocument, {
      input: { inspectionId: inspection.id, reason: 'Typographical correction', amendedOn: '2026-10-01' },
    });
    expect(amended.data!.amendPublishedReport.userErrors).toEqual([]);
    const current = (await api.gql(PublicReportDocument, { urn: home.urn })).data!.publicReport!;
    expect(current).toMatchObject({ version: 2, amendmentReason: 'Typographical correction', publishedOn: '2026-10-01' });
    expect(current.sections[0].text).toBe('Children make good progress in their education.');
    const provider = (await api.gql(PublicProviderDocument, { urn: home.urn })).data!.publicProvider!;
    expect(provider.reports.map((r) => r.version)).toEqual([2]);
  });

  test('CH-166 the provider sees its draft once it is sent, not before', async () => {
    const home = await registerProvider(api, { registrationDate: '2021-03-01' });
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-09-08' });
    await proposeGood(api, inspection.id);
    await api.gql(WriteReportTextDocument, {
      input: { inspectionId: inspection.id, overall: 'Children at Willow House make good progress.' },
    });
    await toQualityAssurance(api, inspection.id, '2026-09-09');
    const provider = await asProviderOf(api, inspection.id);
    expect((await provider.gql(DraftReportDocument, { inspectionId: inspection.id })).data!.draftReport).toBeNull();
    await sendDraft(api, inspection.id, '2026-09-10');
    const draft = (await provider.gql(DraftReportDocument, { inspectionId: inspection.id })).data!.draftReport!;
    expect(draft).toMatchObject({
      urn: home.urn,
      version: 0,
      publishedOn: '2026-09-10',
      judgements: { overallExperiencesAndProgress: 'GOOD' },
    });
    expect(draft.sections[0].text).toBe('Children at the home make good progress.');
    expect((await api.gql(PublicReportDocument, { urn: home.urn })).data!.publicReport).toBeNull();
  });

  test('CH-230 an organisation run from the home itself: its address is not published where it would locate the home', async () => {
    const home = await registerProvider(api, {
      name: 'Birchwood',
      address: { line1: '7 Quarry Lane', town: 'Leeds', postcode: 'LS6 2QT' },
      localAuthority: 'E08000035',
      registeredProvider: {
        kind: 'ORGANISATION',
        name: 'Birchwood Care Ltd',
        address: { line1: '7 Quarry Lane', town: 'Leeds', postcode: 'LS6 2QT' },
      },
    });
    const { data } = await api.gql(PublicProviderDocument, { urn: home.urn });
    expect(data!.publicProvider!.registeredProvider).toEqual({ name: 'The home Care Ltd', address: 'Leeds' });
    expect(JSON.stringify(data)).not.toMatch(/Quarry|LS6|Birchwood/);
  });

  test('a malformed URN or area is a BAD_USER_INPUT error naming the argument', async () => {
    const badUrn = await api.gql(PublicReportDocument, { urn: 'Larch House' }, { allowErrors: true });
    expect(badUrn.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'urn' });
    const badArea = await api.gql(PublicReportsDocument, { localAuthority: 'M1 1AE' }, { allowErrors: true });
    expect(badArea.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'localAuthority' });
  });
});

describe('property: nothing private reaches any public query', () => {
  const NEUTRAL = [...REDACTION_WORDS, 'safe', 'settled', 'lives', 'says', 'keeps', 'near', 'hello', 'liked'];
  // Everyday words ("View", "Park") are redacted only as part of a setting's whole name, so they are not used as its distinctive word.
  // Pseudo-names ("Kalimo", "Dorevy"): random, pronounceable, and not words of the report's own vocabulary.
  const word = pseudoName(NEUTRAL);
  const outward = fc.tuple(fc.constantFrom('M', 'LS', 'B', 'SW', 'NE', 'CB'), fc.integer({ min: 1, max: 20 }));
  let run = 0;

  test('CH-228 CH-230 generated names, setting names, addresses and postcodes never appear in publicReport, publicProvider or publicReports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          child: fc.tuple(word, word),
          staff: fc.tuple(word, word),
          setting: word,
          street: word,
          outward,
          inward: fc.tuple(fc.integer({ min: 0, max: 9 }), fc.stringMatching(/^[A-Z]{2}$/)),
        }),
        async (g) => {
          run += 1;
          const postcode = `${g.outward[0]}${g.outward[1]} ${g.inward[0]}${g.inward[1]}`;
          const settingName = `${g.setting} House`;
          const street = `${run} ${g.street} Road`;
          const child = g.child.join(' ');
          const staff = g.staff.join(' ');
          const home = await registerProvider(api, {
            name: settingName,
            address: { line1: street, town: 'Leeds', postcode },
            localAuthority: 'E08000035',
            registrationDate: '2021-03-01',
          });
          const yorkshire = await api.managerOf(YORKSHIRE);
          const inspection = await inspectionAtFeedback(yorkshire, home.id, { start: '2026-09-08' });
          await recordEvidence(yorkshire, inspection.id, {
            people: [
              { name: child, role: 'CHILD' },
              { name: staff, role: 'STAFF_MEMBER' },
            ],
            identificationJustification: 'To protect the child',
          });
          await proposeGood(yorkshire, inspection.id);
          await yorkshire.gql(WriteReportTextDocument, {
            input: {
              inspectionId: inspection.id,
              overall: `${child} (${g.child[0]}) lives at ${settingName}, ${street}, ${postcode.toLowerCase()}. ${staff} says ${g.child[1]} is settled.`,
              helpedAndProtected: `${g.staff[0]} keeps ${g.child[0]} safe at ${g.setting} near ${postcode.replace(' ', '')}.`,
              childFriendlySummary: `Hello ${g.child[0]}! We liked ${settingName}.`,
            },
          });
          await publish(yorkshire, inspection.id, FULL_DAYS);
          const outputs = [
            (await api.gql(PublicReportDocument, { urn: home.urn })).data,
            (await api.gql(PublicProviderDocument, { urn: home.urn })).data,
            (await api.gql(PublicReportsDocument, { localAuthority: 'E08000035', first: 100 })).data,
          ].map((d) => JSON.stringify(d));
          const secrets = [...g.child, ...g.staff, g.setting, g.street, street, postcode, postcode.replace(' ', '')];
          for (const out of outputs) {
            for (const secret of secrets) {
              expect(new RegExp(`(?<![\\p{L}\\p{N}])${secret}(?![\\p{L}\\p{N}])`, 'iu').test(out)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
