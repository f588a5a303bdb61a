/**
 * Scopes over HTTP: which records each role reaches, beyond what its role may do at all (that is
 * the authorisation matrix). Inspectors and managers work in their region, inspectors on the
 * inspections assigned to them; providers see their own settings, drafts and say; local
 * authorities the notifications addressed to them; admins the register and no inspection content.
 * Every refusal is FORBIDDEN and changes nothing, not even the audit trail.
 */
import { Role } from '../../src/domain/access';
import {
  AuditTrailDocument,
  ProposeFullInspectionJudgementsDocument,
  ScheduleInspectionDocument,
  ScopedDraftReportDocument,
  ScopedEvidenceDocument,
  ScopedInspectionDocument,
  ScopedInspectionsDueDocument,
  ScopedNotificationTasksDocument,
  ScopedProviderDocument,
  ScopedProviderInspectionsDocument,
  ScopedProvidersDocument,
  ScopedReportDraftsDocument,
  StartInspectionDocument,
  SubmitFactualAccuracyCommentsDocument,
} from '../generated/graphql';
import { TEST_REGION, startTestApp, type TestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import { inspectionAtFeedback, schedule, scheduleInput, start, toFeedback } from '../support/inspections';
import { proposeGood, sendDraft, toQualityAssurance } from '../support/reports';
import { INADEQUATE, proposeFull } from '../support/judgements';

const LONDON = 'E12000007';
const WESTMINSTER = 'E09000033';
const MANCHESTER = 'E08000003';
const LEEDS = 'E08000035';

let api: TestApp;
let northWestHome: { id: string; urn: string };
let londonHome: { id: string; urn: string };
/** Scheduled by the North West manager, led by someone else than the inspector below. */
let northWestVisit: string;

beforeAll(async () => {
  api = await startTestApp();
  northWestHome = await registerProvider(api, { name: 'Willow House' });
  londonHome = await registerProvider(api, {
    name: 'Thames House',
    localAuthority: WESTMINSTER,
    address: { line1: '1 Horseferry Road', town: 'London', postcode: 'SW1P 2AA' },
  });
  northWestVisit = (await schedule(api, northWestHome.id, { scheduledStart: '2026-11-30' })).id;
}, 60_000);
afterAll(() => api.close());

const codeOf = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => errors?.[0]?.extensions?.code;
const inspector = (subject: string, region = TEST_REGION) => api.tokenFor(Role.INSPECTOR, { subject, region });

async function statusOf(inspectionId: string): Promise<string | undefined> {
  const { data } = await api.gql(ScopedInspectionDocument, { id: inspectionId });
  return data!.node?.__typename === 'Inspection' ? data!.node.status : undefined;
}

describe('inspectors and managers work in their region', () => {
  test('a manager of another region neither reads nor records a North West inspection, and nothing changes', async () => {
    const london = await api.managerOf(LONDON);
    expect(codeOf((await london.gql(ScopedInspectionDocument, { id: northWestVisit }, { allowErrors: true })).errors)).toBe('FORBIDDEN');
    const started = await london.gql(
      StartInspectionDocument,
      { input: { inspectionId: northWestVisit, onSiteStart: '2026-11-20' } },
      { allowErrors: true },
    );
    expect(codeOf(started.errors)).toBe('FORBIDDEN');
    expect(started.status).toBe(403);
    expect(await statusOf(northWestVisit)).toBe('SCHEDULED');
  });

  test("the register lists only the caller's region; asking for another region is refused", async () => {
    const london = await api.managerOf(LONDON);
    const listed = await london.gql(ScopedProvidersDocument, {});
    expect(listed.data!.providers.edges.map((e) => e.node.urn)).toEqual([londonHome.urn]);
    expect(listed.data!.providers.totalCount).toBe(1);
    expect(codeOf((await london.gql(ScopedProvidersDocument, { filter: { region: TEST_REGION } }, { allowErrors: true })).errors)).toBe(
      'FORBIDDEN',
    );
    expect(codeOf((await london.gql(ScopedProviderDocument, { urn: northWestHome.urn }, { allowErrors: true })).errors)).toBe('FORBIDDEN');
    expect(codeOf((await london.gql(ScopedInspectionsDueDocument, { region: TEST_REGION }, { allowErrors: true })).errors)).toBe(
      'FORBIDDEN',
    );
  });

  test('staff without a region in their token reach no setting', async () => {
    const nowhere = api.as(await api.tokenFor(Role.REGULATORY_INSPECTION_MANAGER, { subject: 'no-region' }));
    expect(codeOf((await nowhere.gql(ScopedProvidersDocument, {}, { allowErrors: true })).errors)).toBe('FORBIDDEN');
    expect(codeOf((await nowhere.gql(ScopedInspectionDocument, { id: northWestVisit }, { allowErrors: true })).errors)).toBe('FORBIDDEN');
  });
});

describe('an inspector schedules and records the inspections assigned to them', () => {
  test('they schedule only with themselves as lead or team inspector', async () => {
    const alice = api.as(await inspector('alice'));
    const forSomeoneElse = await alice.gql(
      ScheduleInspectionDocument,
      { input: scheduleInput(northWestHome.id, { scheduledStart: '2026-12-07' }) },
      { allowErrors: true },
    );
    expect(codeOf(forSomeoneElse.errors)).toBe('FORBIDDEN');
    const asLead = await alice.gql(ScheduleInspectionDocument, {
      input: scheduleInput(northWestHome.id, { scheduledStart: '2026-12-07', leadInspector: 'alice', teamInspectors: [] }),
    });
    expect(asLead.data!.scheduleInspection.userErrors).toEqual([]);
    const inTeam = await alice.gql(ScheduleInspectionDocument, {
      input: scheduleInput(northWestHome.id, { scheduledStart: '2026-12-14', teamInspectors: ['alice'] }),
    });
    expect(inTeam.data!.scheduleInspection.userErrors).toEqual([]);
  });

  test("they read the region's inspections but record only their own", async () => {
    const bob = api.as(await inspector('bob'));
    expect((await bob.gql(ScopedInspectionDocument, { id: northWestVisit })).data!.node).toEqual(
      expect.objectContaining({ id: northWestVisit, status: 'SCHEDULED' }),
    );
    const notTheirs = await bob.gql(
      StartInspectionDocument,
      { input: { inspectionId: northWestVisit, onSiteStart: '2026-11-20' } },
      { allowErrors: true },
    );
    expect(codeOf(notTheirs.errors)).toBe('FORBIDDEN');
    expect(await statusOf(northWestVisit)).toBe('SCHEDULED');
    const theirs = await schedule(bob, northWestHome.id, { scheduledStart: '2026-11-16', leadInspector: 'bob', teamInspectors: [] });
    await start(bob, theirs.id, '2026-11-16');
    expect(await statusOf(theirs.id)).toBe('ON_SITE');
  });

  test('an inspector of another region may not schedule here even as lead', async () => {
    const carol = api.as(await inspector('carol', LONDON));
    const refused = await carol.gql(
      ScheduleInspectionDocument,
      { input: scheduleInput(northWestHome.id, { scheduledStart: '2026-12-07', leadInspector: 'carol' }) },
      { allowErrors: true },
    );
    expect(codeOf(refused.errors)).toBe('FORBIDDEN');
  });

  test('CH-247 once the draft is with quality assurance, changing the judgements is for a manager', async () => {
    const dana = api.as(await inspector('dana'));
    const inspection = await inspectionAtFeedback(dana, northWestHome.id, {
      start: '2026-11-09',
      schedule: { leadInspector: 'dana', teamInspectors: [] },
    });
    await proposeGood(dana, inspection.id);
    await toQualityAssurance(dana, inspection.id, '2026-11-10');
    const change = {
      inspectionId: inspection.id,
      overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      helpedAndProtected: 'GOOD',
      leadersAndManagers: 'GOOD',
      changeReason: 'QA: the evidence on progress does not support good',
    } as const;
    const byInspector = await dana.gql(ProposeFullInspectionJudgementsDocument, { input: change }, { allowErrors: true });
    expect(codeOf(byInspector.errors)).toBe('FORBIDDEN');
    const byManager = await api.gql(ProposeFullInspectionJudgementsDocument, { input: change });
    expect(byManager.data!.proposeFullInspectionJudgements.userErrors).toEqual([]);
    expect(byManager.data!.proposeFullInspectionJudgements.inspection!.judgement).toEqual(
      expect.objectContaining({ overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD', version: 2 }),
    );
  });
});

describe('a provider reaches its own settings only', () => {
  test('its register entry, not another provider’s; never its inspections’ workings or evidence', async () => {
    const provider = await api.providerOf(northWestHome.urn);
    const listed = await provider.gql(ScopedProvidersDocument, {});
    expect(listed.data!.providers).toEqual({ totalCount: 1, edges: [{ node: { urn: northWestHome.urn } }] });
    expect((await provider.gql(ScopedProviderDocument, { urn: northWestHome.urn })).data!.provider).toEqual({ urn: northWestHome.urn });
    expect(codeOf((await provider.gql(ScopedProviderDocument, { urn: londonHome.urn }, { allowErrors: true })).errors)).toBe('FORBIDDEN');
    expect(codeOf((await provider.gql(ScopedProviderInspectionsDocument, { urn: northWestHome.urn }, { allowErrors: true })).errors)).toBe(
      'FORBIDDEN',
    );
    expect(codeOf((await provider.gql(ScopedEvidenceDocument, { id: northWestVisit }, { allowErrors: true })).errors)).toBe('FORBIDDEN');
    // Not even the start date of an inspection it has not been told of (CH-004).
    const visit = await provider.gql(ScopedInspectionDocument, { id: northWestVisit }, { allowErrors: true });
    expect(codeOf(visit.errors)).toBe('FORBIDDEN');
  });

  test('CH-166 its drafts: listed once sent, read, commented on; another provider is refused all three', async () => {
    const inspection = await inspectionAtFeedback(api, northWestHome.id, { start: '2026-11-02' });
    await proposeGood(api, inspection.id);
    await toQualityAssurance(api, inspection.id, '2026-11-03');
    const own = await api.providerOf(northWestHome.urn);
    expect(
      (await own.gql(ScopedReportDraftsDocument, { urn: northWestHome.urn })).data!.provider!.reportDrafts.map((d) => d.id),
    ).not.toContain(inspection.id);
    expect((await own.gql(ScopedDraftReportDocument, { inspectionId: inspection.id })).data!.draftReport).toBeNull();
    await sendDraft(api, inspection.id, '2026-11-04');

    const drafts = (await own.gql(ScopedReportDraftsDocument, { urn: northWestHome.urn })).data!.provider!.reportDrafts;
    expect(drafts).toEqual([expect.objectContaining({ id: inspection.id, status: 'DRAFT_SENT_TO_PROVIDER', draftSentOn: '2026-11-04' })]);
    const draft = (await own.gql(ScopedDraftReportDocument, { inspectionId: inspection.id })).data!.draftReport;
    expect(draft).toEqual(expect.objectContaining({ urn: northWestHome.urn, judgements: { overallExperiencesAndProgress: 'GOOD' } }));

    const other = await api.providerOf(londonHome.urn);
    expect(codeOf((await other.gql(ScopedDraftReportDocument, { inspectionId: inspection.id }, { allowErrors: true })).errors)).toBe(
      'FORBIDDEN',
    );
    const input = { inspectionId: inspection.id, receivedOn: '2026-11-05', comments: ['Our name is misspelt'] };
    expect(codeOf((await other.gql(SubmitFactualAccuracyCommentsDocument, { input }, { allowErrors: true })).errors)).toBe('FORBIDDEN');
    expect(codeOf((await api.gql(SubmitFactualAccuracyCommentsDocument, { input }, { allowErrors: true })).errors)).toBe('FORBIDDEN');
    expect(await statusOf(inspection.id)).toBe('DRAFT_SENT_TO_PROVIDER');

    const commented = await own.gql(SubmitFactualAccuracyCommentsDocument, { input });
    expect(commented.data!.submitFactualAccuracyComments.inspection!.factualAccuracyComments.map((c) => c.comment)).toEqual([
      'Our name is misspelt',
    ]);
  });
});

describe('a local authority reads the notifications addressed to it', () => {
  test('CHA-078 as placing authority: its own tasks only; another authority’s are refused; nothing else internal', async () => {
    const home = await registerProvider(api);
    await proposeFull(api, await toFeedback(api, home.id, { start: '2026-10-12', placingAuthorities: [LEEDS] }), INADEQUATE);
    const all = (await api.gql(ScopedNotificationTasksDocument, {})).data!.notificationTasks.edges.map((e) => e.node);
    expect(all.some((t) => t.localAuthority === LEEDS)).toBe(true);
    expect(all.some((t) => t.localAuthority === MANCHESTER)).toBe(true); // the host authority's, not Leeds' to see

    const leeds = api.as(await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'leeds-dcs', localAuthority: LEEDS }));
    const own = (await leeds.gql(ScopedNotificationTasksDocument, {})).data!.notificationTasks.edges.map((e) => e.node);
    expect(own.length).toBeGreaterThan(0);
    expect(own).toEqual(all.filter((t) => t.localAuthority === LEEDS));
    expect(codeOf((await leeds.gql(ScopedNotificationTasksDocument, { localAuthority: MANCHESTER }, { allowErrors: true })).errors)).toBe(
      'FORBIDDEN',
    );
    expect(codeOf((await leeds.gql(ScopedProvidersDocument, {}, { allowErrors: true })).errors)).toBe('FORBIDDEN');

    const unnamed = api.as(await api.tokenFor(Role.LOCAL_AUTHORITY, { subject: 'who-knows' }));
    expect(codeOf((await unnamed.gql(ScopedNotificationTasksDocument, {}, { allowErrors: true })).errors)).toBe('FORBIDDEN');
  });
});

describe('admins keep the register', () => {
  test('the whole register, every region; no inspection, and no inspections of a setting', async () => {
    const admin = await api.admin();
    const urns = (await admin.gql(ScopedProvidersDocument, {})).data!.providers.edges.map((e) => e.node.urn);
    expect(urns).toEqual(expect.arrayContaining([northWestHome.urn, londonHome.urn]));
    expect(codeOf((await admin.gql(ScopedInspectionDocument, { id: northWestVisit }, { allowErrors: true })).errors)).toBe('FORBIDDEN');
    expect(codeOf((await admin.gql(ScopedProviderInspectionsDocument, { urn: northWestHome.urn }, { allowErrors: true })).errors)).toBe(
      'FORBIDDEN',
    );
  });
});

test('a call turned away by a scope check leaves no line in the audit trail', async () => {
  const eve = api.as(await api.tokenFor(Role.REGULATORY_INSPECTION_MANAGER, { subject: 'eve', region: LONDON }));
  await eve.gql(StartInspectionDocument, { input: { inspectionId: northWestVisit, onSiteStart: '2026-11-20' } }, { allowErrors: true });
  await eve.gql(ScopedProviderDocument, { urn: northWestHome.urn }, { allowErrors: true });
  await eve.gql(ScopedProviderDocument, { urn: londonHome.urn });
  const { data } = await api.gql(AuditTrailDocument, { first: 100 });
  expect(
    data!.auditTrail.edges
      .map((e) => e.node)
      .filter((e) => e.subject === 'eve')
      .map((e) => e.operation),
  ).toEqual(['provider']);
});
