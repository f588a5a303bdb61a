import {
  CloseProviderDocument,
  InspectionsDueDocument,
  ProposeFullInspectionJudgementsDocument,
  ProviderDueDocument,
  ProviderGradeDocument,
  ProvidersWithGradeDocument,
  ProvidersWithDueDocument,
  type InspectionsDueQuery,
  type InspectionsDueQueryVariables,
} from '../generated/graphql';
import { useTestApp } from '../support/app';
import { registerProvider } from '../support/fixtures';
import { inspectionAtFeedback } from '../support/inspections';
import { ALL_CONDITIONS, INADEQUATE, proposeFull, proposeInterim, recordMonitoring } from '../support/judgements';
import { proposeGood } from '../support/reports';
import { serveNotice } from '../support/requirements';

const api = useTestApp();

async function dueOf(urn: string) {
  const { data } = await api.gql(ProviderDueDocument, { urn });
  return data!.provider!.inspectionsDue;
}

describe('what comes next for each setting', () => {
  test("CH-005 a children's home with nothing this inspection year is due a full and an interim inspection by 31 March", async () => {
    const home = await registerProvider(api);
    expect(await dueOf(home.urn)).toEqual([
      {
        kind: 'FULL_INSPECTION',
        earliest: '2026-04-01',
        latest: '2027-03-31',
        ruleId: 'CH-005',
        reason: 'No full inspection yet in the inspection year ending 2027-03-31',
      },
      {
        kind: 'INTERIM_INSPECTION',
        earliest: '2026-04-01',
        latest: '2027-03-31',
        ruleId: 'CH-005',
        reason: 'No interim inspection yet in the inspection year ending 2027-03-31',
      },
    ]);
  });

  test('CH-179 after an inadequate full inspection, some inspection activity within six to eight weeks', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-10-14', end: '2026-10-15' });
    await proposeFull(api, inspection.id, INADEQUATE);
    const due = await dueOf(home.urn);
    expect(due.map((d) => [d.kind, d.earliest, d.latest, d.ruleId])).toEqual([
      ['INSPECTION_ACTIVITY', '2026-11-26', '2026-12-10', 'CH-179'],
      ['INTERIM_INSPECTION', '2026-04-01', '2027-03-31', 'CH-005'],
    ]);
  });

  test('CH-198 a compliance notice is followed up the day after its completion date, at the latest 5 working days after', async () => {
    const home = await registerProvider(api);
    const inspection = await inspectionAtFeedback(api, home.id, { start: '2026-11-02' });
    await proposeGood(api, inspection.id);
    await serveNotice(api, inspection.id, {
      servedOn: '2026-11-03',
      actions: [{ regulation: 'Regulation 12', action: 'Review risk assessments', completionDate: '2026-12-23' }],
    });
    const followUp = (await dueOf(home.urn)).find((d) => d.kind === 'COMPLIANCE_FOLLOW_UP');
    // 24 Dec (1), 29 Dec (2), 30 Dec (3), 31 Dec (4), 4 Jan 2027 (5): Christmas, the Boxing Day substitute and New Year skipped.
    expect(followUp).toMatchObject({ earliest: '2026-12-24', latest: '2027-01-04', ruleId: 'CH-198' });
  });

  test('ASA-040 a new adoption support agency is first inspected 7 to 12 months after registration; RFC-042 a new family centre within 12 months', async () => {
    const agency = await registerProvider(api, {
      settingType: 'ADOPTION_SUPPORT_AGENCY',
      places: null,
      registrationDate: '2026-07-31',
      registeredManager: null,
    });
    expect(await dueOf(agency.urn)).toEqual([
      {
        kind: 'FULL_INSPECTION',
        earliest: '2027-02-28',
        latest: '2027-07-31',
        ruleId: 'ASA-040',
        reason: 'First inspection of a new agency, 7 to 12 months after registration',
      },
    ]);
    const centre = await registerProvider(api, {
      settingType: 'RESIDENTIAL_FAMILY_CENTRE',
      places: 6,
      registrationDate: '2026-02-02',
      registeredManager: null,
    });
    expect((await dueOf(centre.urn)).map((d) => [d.latest, d.ruleId])).toEqual([['2027-02-02', 'RFC-042']]);
  });

  test('RFC-040 RFC-041 a family centre judged requires improvement: reinspected within 12 to 18 months, inside its 3-year cycle', async () => {
    const centre = await registerProvider(api, { settingType: 'RESIDENTIAL_FAMILY_CENTRE', places: 6, registrationDate: '2020-01-06' });
    const inspection = await inspectionAtFeedback(api, centre.id, {
      start: '2026-06-08',
      end: '2026-06-10',
      schedule: { linesOfEnquiry: [] },
    });
    await api.gql(ProposeFullInspectionJudgementsDocument, {
      input: {
        inspectionId: inspection.id,
        overallExperiencesAndProgress: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
        helpedAndProtected: 'GOOD',
        leadersAndManagers: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
      },
    });
    expect((await dueOf(centre.urn)).map((d) => [d.earliest, d.latest, d.ruleId])).toEqual([
      ['2027-06-10', '2027-12-10', 'RFC-041'],
      ['2027-04-01', '2030-03-31', 'RFC-040'],
    ]);
  });
});

describe('the current grade (CH-196)', () => {
  test("CH-196 the latest full inspection sets it; an interim does not replace it; a monitoring visit's new judgement does", async () => {
    const home = await registerProvider(api);
    const grade = async () => (await api.gql(ProviderGradeDocument, { urn: home.urn })).data!.provider!.currentGrade;
    expect(await grade()).toBeNull();
    const full = await inspectionAtFeedback(api, home.id, { start: '2026-08-03' });
    await proposeFull(api, full.id, INADEQUATE);
    expect(await grade()).toBe('INADEQUATE');
    const interim = await inspectionAtFeedback(api, home.id, { type: 'INTERIM_INSPECTION', start: '2026-09-07' });
    await proposeInterim(api, interim.id, { outcome: 'IMPROVED_EFFECTIVENESS' });
    expect(await grade()).toBe('INADEQUATE');
    const visit = await inspectionAtFeedback(api, home.id, { type: 'MONITORING_VISIT', start: '2026-10-05' });
    const outcome = await recordMonitoring(api, visit.id, {
      progressSummary: 'The concerns were discrete and are resolved',
      newOverallGrade: 'GOOD',
      rationale: 'All requirements met; the home is safe',
      conditions: ALL_CONDITIONS,
    });
    expect(outcome.userErrors).toEqual([]);
    expect(await grade()).toBe('GOOD');
  });

  test('listing 2 or 20 settings with their current grade runs the same number of statements', async () => {
    const few = await api.statements(() => api.gql(ProvidersWithGradeDocument, { first: 2 }));
    const many = await api.statements(() => api.gql(ProvidersWithGradeDocument, { first: 20 }));
    expect(many.length).toBe(few.length);
  });
});

describe('inspectionsDue(before, region, localAuthority)', () => {
  test('lists open settings with something due before the date, soonest first, in the area asked for', async () => {
    // Leeds is in Yorkshire and The Humber: its regulatory inspection manager keeps and plans it.
    const yorkshire = await api.managerOf('E12000003');
    const leeds = await registerProvider(api, { localAuthority: 'E08000035' });
    const closed = await registerProvider(api, { localAuthority: 'E08000035' });
    await yorkshire.gql(CloseProviderDocument, { input: { providerId: closed.id, outcome: 'CLOSED', effectiveDate: '2026-11-01' } });
    const { data } = await yorkshire.gql(InspectionsDueDocument, { before: '2027-04-01', localAuthority: 'E08000035' });
    expect(data!.inspectionsDue.edges.map((e) => e.node.provider.urn)).toEqual([leeds.urn]);
    const region = await yorkshire.gql(InspectionsDueDocument, { before: '2027-04-01', region: 'E12000003', first: 100 });
    expect(region.data!.inspectionsDue.edges.map((e) => e.node.provider.urn)).toContain(leeds.urn);
    const early = await yorkshire.gql(InspectionsDueDocument, { before: '2026-12-01', localAuthority: 'E08000035' });
    expect(early.data!.inspectionsDue.edges).toEqual([]);
    const bad = await yorkshire.gql(InspectionsDueDocument, { before: '2027-04-01', region: 'Yorkshire' }, { allowErrors: true });
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'region' });
  });

  test('pages forwards through what is due, one setting at a time, without repeats or gaps', async () => {
    // Hartlepool is in the North East: paged by the North East's regulatory inspection manager.
    const northEast = await api.managerOf('E12000001');
    const urns = [];
    for (let i = 0; i < 3; i++) urns.push((await registerProvider(api, { localAuthority: 'E06000001' })).urn);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Awaited<ReturnType<typeof api.gql<InspectionsDueQuery, InspectionsDueQueryVariables>>> = await northEast.gql(
        InspectionsDueDocument,
        {
          before: '2027-04-01',
          localAuthority: 'E06000001',
          first: 1,
          after,
        },
      );
      seen.push(...page.data!.inspectionsDue.edges.map((e) => e.node.provider.urn));
      if (!page.data!.inspectionsDue.pageInfo.hasNextPage) break;
      after = page.data!.inspectionsDue.pageInfo.endCursor ?? null;
    }
    expect([...seen].sort()).toEqual([...urns].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('listing 2 or 20 settings with what is due next runs the same number of statements', async () => {
    const few = await api.statements(() => api.gql(ProvidersWithDueDocument, { first: 2 }));
    const many = await api.statements(() => api.gql(ProvidersWithDueDocument, { first: 20 }));
    expect(many.length).toBe(few.length);
  });
});

describe("inspectionsDue is scoped to the caller's region", () => {
  let manchester: { urn: string };
  let westminster: { urn: string };
  beforeAll(async () => {
    manchester = await registerProvider(api); // Manchester, North West
    westminster = await registerProvider(api, { localAuthority: 'E09000033' }); // Westminster, London
  });

  test("without a region, a North West regulatory inspection manager sees only the North West's settings", async () => {
    const { data } = await api.gql(InspectionsDueDocument, { before: '2027-04-01', first: 100 });
    const urns = data!.inspectionsDue.edges.map((e) => e.node.provider.urn);
    expect(urns).toContain(manchester.urn);
    expect(urns).not.toContain(westminster.urn);
    const named = await api.gql(InspectionsDueDocument, { before: '2027-04-01', region: 'E12000002', first: 100 });
    expect(named.data!.inspectionsDue.edges.map((e) => e.node.provider.urn)).toEqual(urns);
  });

  test("asking for London's settings as a North West regulatory inspection manager is FORBIDDEN", async () => {
    const { data, errors } = await api.gql(InspectionsDueDocument, { before: '2027-04-01', region: 'E12000007' }, { allowErrors: true });
    expect(data).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({ path: ['inspectionsDue'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
  });

  test('a local authority of another region matches nothing for a North West regulatory inspection manager', async () => {
    const { data } = await api.gql(InspectionsDueDocument, { before: '2027-04-01', localAuthority: 'E09000033' });
    expect(data!.inspectionsDue.edges).toEqual([]);
    expect(data!.inspectionsDue.pageInfo.hasNextPage).toBe(false);
  });

  test("London's regulatory inspection manager sees the Westminster setting and none of the North West's", async () => {
    const london = await api.managerOf('E12000007');
    const { data } = await london.gql(InspectionsDueDocument, { before: '2027-04-01', localAuthority: 'E09000033' });
    expect(data!.inspectionsDue.edges.map((e) => e.node.provider.urn)).toContain(westminster.urn);
    const all = await london.gql(InspectionsDueDocument, { before: '2027-04-01', first: 100 });
    expect(all.data!.inspectionsDue.edges.map((e) => e.node.provider.urn)).not.toContain(manchester.urn);
  });

  test("a setting of another region's due inspections cannot be looked up: FORBIDDEN", async () => {
    const { errors } = await api.gql(ProviderDueDocument, { urn: westminster.urn }, { allowErrors: true });
    expect(errors).toEqual([expect.objectContaining({ path: ['provider'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  test('an admin keeps the register but sees no inspection content: what is due is FORBIDDEN', async () => {
    const admin = await api.admin();
    const list = await admin.gql(InspectionsDueDocument, { before: '2027-04-01' }, { allowErrors: true });
    expect(list.data ?? null).toBeNull(); // refused whole, before anything runs
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const one = await admin.gql(ProviderDueDocument, { urn: manchester.urn }, { allowErrors: true });
    expect(one.errors).toEqual([
      expect.objectContaining({ path: ['provider', 'inspectionsDue'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
  });
});
