/**
 * The synthetic register: deterministic, realistic in its proportions, and valid under the same
 * domain rules the API applies; then written to (and cleared from) a real database.
 */
import 'reflect-metadata';
import { readLocalAuthorities, type LocalAuthorityRow } from '../../src/db/reference-data';
import { clearRegister, isRegisterEmpty, seedSyntheticRegister } from '../../src/db/seed';
import {
  SYNTHETIC_AS_OF,
  generateSyntheticRegister,
  type SyntheticProvider,
  type SyntheticRegister,
} from '../../src/db/synthetic-register';
import { Grade, validateFullJudgements } from '../../src/domain/judgements';
import { isLocalDate } from '../../src/domain/local-date';
import {
  ProviderStatus,
  RegisteredProviderKind,
  currentVacancy,
  validateRegistration,
  validateSettingDetails,
} from '../../src/domain/provider-register';
import { SettingType } from '../../src/domain/setting-types';
import { isValidUrn } from '../../src/domain/urn';
import { LocalAuthority } from '../../src/modules/reference/local-authority.entity';
import { ManagerAppointment } from '../../src/modules/providers/manager-appointment.entity';
import { Provider } from '../../src/modules/providers/provider.entity';
import { RegisteredProvider } from '../../src/modules/providers/registered-provider.entity';
import { Region } from '../../src/modules/reference/region.entity';
import { Inspection } from '../../src/modules/inspections/inspection.entity';
import { PublishedReport } from '../../src/modules/public/published-report.entity';
import { InspectionStatus } from '../../src/domain/inspection-lifecycle';
import { useMigratedDatabase } from '../support/unit-database';

const SEED = 20261123;
const NORTH_WEST = 'E12000002';

let las: LocalAuthorityRow[];
let register: SyntheticRegister;

beforeAll(() => {
  las = readLocalAuthorities();
  register = generateSyntheticRegister({ providers: 4000, seed: SEED, localAuthorities: las });
});

const settingsOf = (type: SettingType, providers: readonly SyntheticProvider[] = register.providers) =>
  providers.filter((p) => p.settingType === type);

describe('generateSyntheticRegister', () => {
  test('is deterministic: the same seed gives the same register', () => {
    const again = generateSyntheticRegister({ providers: 4000, seed: SEED, localAuthorities: las });
    expect(again).toEqual(register);
    const small = () => generateSyntheticRegister({ providers: 300, seed: 7, localAuthorities: readLocalAuthorities() });
    expect(small()).toEqual(small());
  });

  test('a different seed gives different URNs', () => {
    const other = generateSyntheticRegister({ providers: 4000, seed: SEED + 1, localAuthorities: las });
    const urns = register.providers.map((p) => p.urn);
    const otherUrns = other.providers.map((p) => p.urn);
    expect(otherUrns).not.toEqual(urns);
    const shared = otherUrns.filter((urn) => new Set(urns).has(urn)).length;
    expect(shared).toBeLessThan(urns.length / 2);
  });

  test('makes exactly the number of settings asked for', () => {
    expect(register.providers).toHaveLength(4000);
    expect(generateSyntheticRegister({ providers: 1, seed: 1, localAuthorities: las }).providers).toHaveLength(1);
  });

  test('every local authority has at least one setting, and every setting is in a listed local authority', () => {
    const known = new Set(las.map((la) => la.ons_code));
    const used = new Set(register.providers.map((p) => p.localAuthority));
    expect([...known].filter((code) => !used.has(code))).toEqual([]);
    expect([...used].filter((code) => !known.has(code))).toEqual([]);
  });

  test('CH-155 CH-157 CHA-195 synthetic inspections are graded within the rules, about four in five good or outstanding', () => {
    const inspected = register.providers.filter((p) => p.lastInspection);
    expect(inspected.length).toBeGreaterThan(2000);
    for (const p of inspected) {
      const i = p.lastInspection!;
      const vacancyDays = currentVacancy(p.registrationDate, p.appointments, i.feedbackDate)?.days ?? null;
      expect(
        validateFullJudgements(
          p.settingType,
          { overallExperiencesAndProgress: i.overall, helpedAndProtected: i.helpedAndProtected, leadersAndManagers: i.leadersAndManagers },
          { vacancyDays, vacancyReason: 'Recruitment under way' },
        ),
      ).toEqual([]);
      expect(i.feedbackDate < SYNTHETIC_AS_OF && i.onSiteStart > p.registrationDate).toBe(true);
    }
    const goodOrBetter = inspected.filter(
      (p) => p.lastInspection!.overall === Grade.GOOD || p.lastInspection!.overall === Grade.OUTSTANDING,
    ).length;
    expect(goodOrBetter / inspected.length).toBeGreaterThan(0.7);
    expect(goodOrBetter / inspected.length).toBeLessThan(0.88);
  });

  test('every setting type appears', () => {
    const types = new Set(register.providers.map((p) => p.settingType));
    expect([...types].sort()).toEqual(Object.values(SettingType).sort());
  });

  test("children's homes are 70–85% of settings", () => {
    const share = settingsOf(SettingType.CHILDRENS_HOME).length / register.providers.length;
    expect(share).toBeGreaterThanOrEqual(0.7);
    expect(share).toBeLessThanOrEqual(0.85);
  });

  test("the North West holds 20–32% of children's homes", () => {
    const regionOf = new Map(las.map((la) => [la.ons_code, la.region_code]));
    const homes = settingsOf(SettingType.CHILDRENS_HOME);
    const share = homes.filter((p) => regionOf.get(p.localAuthority) === NORTH_WEST).length / homes.length;
    expect(share).toBeGreaterThanOrEqual(0.2);
    expect(share).toBeLessThanOrEqual(0.32);
  });

  test('URNs are unique and all valid', () => {
    const urns = register.providers.map((p) => p.urn);
    expect(new Set(urns).size).toBe(urns.length);
    expect(urns.filter((urn) => !isValidUrn(urn))).toEqual([]);
    // Legacy SC URNs for settings registered before 2020, seven digits after.
    for (const p of register.providers) {
      expect(p.urn.startsWith('SC')).toBe(p.registrationDate < '2020-01-01');
    }
  });

  test("every setting passes the domain rules with its registered provider's kind", () => {
    const kindOf = new Map(register.registeredProviders.map((rp) => [rp.key, rp.kind]));
    const failures: { urn: string; violations: unknown }[] = [];
    for (const p of register.providers) {
      const kind = kindOf.get(p.registeredProvider);
      expect(kind).toBeDefined();
      const violations = validateSettingDetails({
        settingType: p.settingType,
        name: p.name,
        address: p.address,
        places: p.places,
        registeredProviderKind: kind!,
        responsibleIndividualName: p.responsibleIndividualName,
        shortBreakService: p.shortBreakService,
        providesEducation: p.providesEducation,
        singlePersonAgency: p.singlePersonAgency,
      });
      if (violations.length > 0) failures.push({ urn: p.urn, violations });
    }
    expect(failures).toEqual([]);
  });

  test('every setting, with its first registered manager, would be accepted as a registration on the asOf date', () => {
    const kindOf = new Map(register.registeredProviders.map((rp) => [rp.key, rp.kind]));
    const failures: { urn: string; violations: unknown }[] = [];
    for (const p of register.providers) {
      const first = [...p.appointments].sort((a, b) => (a.startDate < b.startDate ? -1 : 1))[0];
      const violations = validateRegistration(
        {
          ...p,
          registeredProviderKind: kindOf.get(p.registeredProvider)!,
          registeredManager: first ? { name: first.name, startDate: first.startDate } : null,
        },
        SYNTHETIC_AS_OF,
      );
      if (violations.length > 0) failures.push({ urn: p.urn, violations });
    }
    expect(failures).toEqual([]);
  });

  test('registered providers: unique keys; organisations and individuals as the settings need', () => {
    const keys = register.registeredProviders.map((rp) => rp.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(keys.map((_, index) => index));
    const kinds = new Set(register.registeredProviders.map((rp) => rp.kind));
    expect(kinds).toEqual(new Set([RegisteredProviderKind.ORGANISATION, RegisteredProviderKind.INDIVIDUAL]));
    // An individual registered provider carries on exactly one setting.
    const individuals = register.registeredProviders.filter((rp) => rp.kind === RegisteredProviderKind.INDIVIDUAL);
    for (const rp of individuals) {
      expect(register.providers.filter((p) => p.registeredProvider === rp.key)).toHaveLength(1);
    }
  });

  test('manager appointments never overlap, never start before registration, and at most one is open', () => {
    const problems: string[] = [];
    for (const p of register.providers) {
      const appointments = [...p.appointments].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
      if (appointments.filter((a) => a.endDate === null).length > 1) problems.push(`${p.urn}: two managers in post`);
      for (const [index, a] of appointments.entries()) {
        if (!isLocalDate(a.startDate) || (a.endDate !== null && !isLocalDate(a.endDate))) problems.push(`${p.urn}: bad date`);
        if (a.startDate < p.registrationDate) problems.push(`${p.urn}: ${a.startDate} before registration ${p.registrationDate}`);
        if (a.endDate !== null && a.endDate <= a.startDate) problems.push(`${p.urn}: ends ${a.endDate} by its start ${a.startDate}`);
        if (a.startDate > SYNTHETIC_AS_OF || (a.endDate !== null && a.endDate > SYNTHETIC_AS_OF)) {
          problems.push(`${p.urn}: appointment dated after ${SYNTHETIC_AS_OF}`);
        }
        const next = appointments[index + 1];
        if (next && (a.endDate === null || a.endDate > next.startDate)) {
          problems.push(`${p.urn}: ${a.startDate}–${a.endDate} overlaps ${next.startDate}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The data set is not trivially empty: most settings have a manager in post.
    const inPost = register.providers.filter((p) => p.appointments.some((a) => a.endDate === null)).length;
    expect(inPost / register.providers.length).toBeGreaterThan(0.5);
  });

  test('a setting that has closed or been cancelled has no manager in post after it ended', () => {
    for (const p of register.providers) {
      if (p.status === ProviderStatus.CLOSED || p.status === ProviderStatus.CANCELLED) {
        for (const a of p.appointments) {
          expect(a.endDate).not.toBeNull();
          expect(a.endDate! <= p.statusDate).toBe(true);
        }
      }
    }
  });

  test('nothing is dated after the asOf date; status dates follow registration', () => {
    for (const p of register.providers) {
      expect(isLocalDate(p.registrationDate)).toBe(true);
      expect(p.registrationDate <= SYNTHETIC_AS_OF).toBe(true);
      expect(p.statusDate <= SYNTHETIC_AS_OF).toBe(true);
      expect(p.statusDate >= p.registrationDate).toBe(true);
      if (p.status === ProviderStatus.REGISTERED) expect(p.statusDate).toBe(p.registrationDate);
    }
    const earlier = generateSyntheticRegister({ providers: 500, seed: SEED, localAuthorities: las, asOf: '2015-06-30' });
    for (const p of earlier.providers) {
      expect(p.registrationDate <= '2015-06-30').toBe(true);
      expect(p.statusDate <= '2015-06-30').toBe(true);
      for (const a of p.appointments) {
        expect(a.startDate <= '2015-06-30').toBe(true);
        if (a.endDate !== null) expect(a.endDate <= '2015-06-30').toBe(true);
      }
    }
  });
});

describe('seedSyntheticRegister', () => {
  const database = useMigratedDatabase();

  test('an empty register is empty', async () => {
    expect(await isRegisterEmpty(database.orm.em.fork())).toBe(true);
  });

  test('writes exactly the settings, registered providers and appointments it reports', async () => {
    const counts = await seedSyntheticRegister(database.orm.em.fork(), { providers: 500, seed: SEED });
    const em = database.orm.em.fork();
    expect(counts.providers).toBe(500);
    expect(await em.count(Provider, {})).toBe(500);
    expect(await em.count(RegisteredProvider, {})).toBe(counts.registeredProviders);
    expect(await em.count(ManagerAppointment, {})).toBe(counts.appointments);
    expect(await isRegisterEmpty(em)).toBe(false);
    // Published inspections, with their redacted public reports: one current version each.
    expect(counts.publishedReports).toBeGreaterThan(250);
    expect(await em.count(PublishedReport, { current: true })).toBe(counts.publishedReports);
    expect(await em.count(Inspection, { status: InspectionStatus.PUBLISHED })).toBe(counts.publishedReports);
    const sample = await em.findOneOrFail(PublishedReport, { current: true }, { orderBy: { urn: 'asc' } });
    const setting = await em.findOneOrFail(Provider, { urn: sample.urn });
    expect(JSON.stringify(sample.content)).not.toContain(setting.name);
    expect(JSON.stringify(sample.content)).not.toContain(setting.address.postcode);

    // What was written is what the generator made for the same seed.
    const expected = generateSyntheticRegister({ providers: 500, seed: SEED, localAuthorities: las });
    const urns = (await em.find(Provider, {}, { fields: ['urn'] })).map((p) => p.urn).sort();
    expect(urns).toEqual(expected.providers.map((p) => p.urn).sort());
    expect(counts.appointments).toBe(expected.providers.reduce((n, p) => n + p.appointments.length, 0));
    // Only registered providers that carry on a setting are written, and none is left without one.
    const [orphans] = await em
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from registered_provider rp where not exists (select 1 from provider p where p.registered_provider_id = rp.id)`,
      );
    expect(orphans.n).toBe(0);
  });

  test('a seeded setting reads back as generated', async () => {
    const expected = generateSyntheticRegister({ providers: 500, seed: SEED, localAuthorities: las });
    const sample = expected.providers[42];
    const kindOf = new Map(expected.registeredProviders.map((rp) => [rp.key, rp]));
    const em = database.orm.em.fork();
    const provider = await em.findOneOrFail(Provider, { urn: sample.urn }, { populate: ['registeredProvider', 'managerAppointments'] });
    expect(provider).toMatchObject({
      settingType: sample.settingType,
      name: sample.name,
      places: sample.places,
      registrationDate: sample.registrationDate,
      status: sample.status,
      statusDate: sample.statusDate,
      responsibleIndividualName: sample.responsibleIndividualName,
    });
    expect(provider.localAuthority.unwrap().onsCode).toBe(sample.localAuthority);
    expect(provider.registeredProvider.getEntity()).toMatchObject({
      kind: kindOf.get(sample.registeredProvider)!.kind,
      name: kindOf.get(sample.registeredProvider)!.name,
    });
    const appointments = provider.managerAppointments
      .getItems()
      .map((a) => ({ name: a.name, startDate: a.startDate, endDate: a.endDate }))
      .sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
    expect(appointments).toEqual(sample.appointments);
  });

  test('clearRegister empties the register and keeps the reference data', async () => {
    const em = database.orm.em.fork();
    await clearRegister(em);
    const check = database.orm.em.fork();
    expect(await check.count(Provider, {})).toBe(0);
    expect(await check.count(RegisteredProvider, {})).toBe(0);
    expect(await check.count(ManagerAppointment, {})).toBe(0);
    expect(await isRegisterEmpty(check)).toBe(true);
    expect(await check.count(LocalAuthority, {})).toBe(154);
    expect(await check.count(Region, {})).toBe(9);
  });

  test('the register can be seeded again after clearing', async () => {
    const counts = await seedSyntheticRegister(database.orm.em.fork(), { providers: 200, seed: SEED + 1 });
    expect(counts.providers).toBe(200);
    expect(await database.orm.em.fork().count(Provider, {})).toBe(200);
    expect(await isRegisterEmpty(database.orm.em.fork())).toBe(false);
  });
});
