/**
 * The synthetic register: a deterministic, made-up data set of providers for demos and
 * benchmarks, spread over every local authority and setting type in realistic proportions
 * (shared/reference/provider-profile.md: children's homes are the large majority, a quarter of
 * them in the North West, about four places each). Nothing here describes a real setting.
 * Generation is pure (same seed, same data); writing it is in seed.ts.
 */
import { Faker, en_GB, en } from '@faker-js/faker';
import { isValid as isValidPostcode, toNormalised } from 'postcode';
import { addDays, type LocalDate } from '../domain/local-date';
import { Grade, validateFullJudgements, type FullJudgements } from '../domain/judgements';
import { ProviderStatus, RegisteredProviderKind, currentVacancy } from '../domain/provider-register';
import { isChildrensHome } from '../domain/setting-types';
import { addWorkingDays } from '../domain/working-days';
import { SettingType } from '../domain/setting-types';
import type { LocalAuthorityRow } from './reference-data';

/** Share of settings of each type (children's homes dominate; supported accommodation is out of scope). */
export const SETTING_TYPE_WEIGHTS: Record<SettingType, number> = {
  [SettingType.CHILDRENS_HOME]: 780,
  [SettingType.SECURE_CHILDRENS_HOME]: 3,
  [SettingType.INDEPENDENT_FOSTERING_AGENCY]: 60,
  [SettingType.BOARDING_SCHOOL]: 40,
  [SettingType.RESIDENTIAL_SPECIAL_SCHOOL]: 25,
  [SettingType.VOLUNTARY_ADOPTION_AGENCY]: 7,
  [SettingType.ADOPTION_SUPPORT_AGENCY]: 20,
  [SettingType.RESIDENTIAL_FAMILY_CENTRE]: 15,
  [SettingType.RESIDENTIAL_HOLIDAY_SCHEME_FOR_DISABLED_CHILDREN]: 5,
  [SettingType.RESIDENTIAL_FURTHER_EDUCATION_COLLEGE]: 10,
};

/** Share of children's homes by region, in per cent (North West about a quarter). */
export const CHILDRENS_HOME_REGION_WEIGHTS: Record<string, number> = {
  E12000001: 9, // North East
  E12000002: 26, // North West
  E12000003: 10, // Yorkshire and The Humber
  E12000004: 12, // East Midlands
  E12000005: 12, // West Midlands
  E12000006: 7, // East of England
  E12000007: 8, // London
  E12000008: 10, // South East
  E12000009: 6, // South West
};

const PLACES: Partial<Record<SettingType, [number, number]>> = {
  [SettingType.CHILDRENS_HOME]: [1, 7],
  [SettingType.SECURE_CHILDRENS_HOME]: [8, 38],
  [SettingType.BOARDING_SCHOOL]: [20, 400],
  [SettingType.RESIDENTIAL_SPECIAL_SCHOOL]: [8, 80],
  [SettingType.RESIDENTIAL_FAMILY_CENTRE]: [3, 12],
  [SettingType.RESIDENTIAL_HOLIDAY_SCHEME_FOR_DISABLED_CHILDREN]: [6, 24],
  [SettingType.RESIDENTIAL_FURTHER_EDUCATION_COLLEGE]: [10, 150],
};

export interface SyntheticAddress {
  line1: string;
  line2: string | null;
  town: string;
  postcode: string;
}

export interface SyntheticRegisteredProvider {
  key: number;
  kind: RegisteredProviderKind;
  name: string;
  address: SyntheticAddress;
}

export interface SyntheticAppointment {
  name: string;
  startDate: LocalDate;
  endDate: LocalDate | null;
}

export interface SyntheticInspection {
  onSiteStart: LocalDate;
  feedbackDate: LocalDate;
  publishedOn: LocalDate;
  leadInspector: string;
  overall: Grade;
  helpedAndProtected: Grade;
  leadersAndManagers: Grade;
}

export interface SyntheticProvider {
  urn: string;
  settingType: SettingType;
  name: string;
  address: SyntheticAddress;
  localAuthority: string;
  registeredProvider: number;
  responsibleIndividualName: string | null;
  places: number | null;
  registrationDate: LocalDate;
  status: ProviderStatus;
  statusDate: LocalDate;
  shortBreakService: boolean;
  providesEducation: boolean;
  singlePersonAgency: boolean;
  appointments: SyntheticAppointment[];
  /** The last full inspection, published (children's homes, family centres and adoption support agencies only). */
  lastInspection: SyntheticInspection | null;
}

export interface SyntheticRegister {
  registeredProviders: SyntheticRegisteredProvider[];
  providers: SyntheticProvider[];
}

export interface GenerateOptions {
  providers: number;
  seed: number;
  localAuthorities: readonly LocalAuthorityRow[];
  /** The register is drawn as it stood on this day: nothing is dated after it. */
  asOf?: LocalDate;
}

export const SYNTHETIC_AS_OF: LocalDate = '2026-10-31';

const HOME_NAMES = ['House', 'Lodge', 'View', 'Cottage', 'Court', 'Grange', 'Place', 'Villa', 'Gardens', 'Haven'];
const AGENCY_NAMES = ['Fostering', 'Family Placement', 'Adoption Support', 'Adoption', 'Family Centre', 'Short Breaks'];

export function generateSyntheticRegister(options: GenerateOptions): SyntheticRegister {
  const faker = new Faker({ locale: [en_GB, en], seed: options.seed });
  const asOf = options.asOf ?? SYNTHETIC_AS_OF;
  const las = options.localAuthorities;
  const byRegion = new Map<string, LocalAuthorityRow[]>();
  for (const la of las) byRegion.set(la.region_code, [...(byRegion.get(la.region_code) ?? []), la]);

  const date = (from: LocalDate, to: LocalDate): LocalDate =>
    faker.date
      .between({ from: `${from}T00:00:00Z`, to: `${to}T00:00:00Z` })
      .toISOString()
      .slice(0, 10);
  const postcode = (): string => {
    for (;;) {
      const candidate = faker.location.zipCode();
      if (isValidPostcode(candidate)) return toNormalised(candidate)!;
    }
  };
  const address = (town: string): SyntheticAddress => ({
    line1: faker.location.streetAddress(),
    line2: faker.datatype.boolean(0.2) ? faker.location.secondaryAddress() : null,
    town,
    postcode: postcode(),
  });

  // Registered providers: a few large organisations run many settings, many run one or two.
  const registeredProviders: SyntheticRegisteredProvider[] = [];
  const organisationCount = Math.max(1, Math.round(options.providers / 6));
  for (let key = 0; key < organisationCount; key++) {
    registeredProviders.push({
      key,
      kind: RegisteredProviderKind.ORGANISATION,
      name: `${faker.company.name()} ${faker.helpers.arrayElement(['Ltd', 'Limited', 'Care Ltd', 'Group', 'Trust', 'CIC'])}`,
      address: address(faker.location.city()),
    });
  }
  const pickOrganisation = (): number =>
    // Skewed towards low keys: the largest groups hold a large share of settings.
    Math.min(organisationCount - 1, Math.floor(organisationCount * Math.pow(faker.number.float({ min: 0, max: 1 }), 2.2)));

  const usedUrns = new Set<string>();
  const urnFor = (registrationDate: LocalDate): string => {
    for (;;) {
      // Settings registered before 2020 keep the legacy SC form; later ones have 7 digits.
      const urn =
        registrationDate < '2020-01-01'
          ? `SC${faker.string.numeric({ length: 6, allowLeadingZeros: true })}`
          : `2${faker.string.numeric({ length: 6, allowLeadingZeros: true })}`;
      if (!usedUrns.has(urn)) {
        usedUrns.add(urn);
        return urn;
      }
    }
  };

  const typeWeights = Object.entries(SETTING_TYPE_WEIGHTS).map(([value, weight]) => ({ value: value as SettingType, weight }));
  const regionWeights = Object.entries(CHILDRENS_HOME_REGION_WEIGHTS).map(([value, weight]) => ({ value, weight }));

  const providers: SyntheticProvider[] = [];
  for (let i = 0; i < options.providers; i++) {
    const settingType = faker.helpers.weightedArrayElement(typeWeights);
    // The first settings go round every local authority once, so each has at least one.
    const la =
      i < las.length
        ? las[i]
        : settingType === SettingType.CHILDRENS_HOME
          ? faker.helpers.arrayElement(byRegion.get(faker.helpers.weightedArrayElement(regionWeights)) ?? las)
          : faker.helpers.arrayElement(las);

    const isAgency =
      settingType === SettingType.INDEPENDENT_FOSTERING_AGENCY ||
      settingType === SettingType.VOLUNTARY_ADOPTION_AGENCY ||
      settingType === SettingType.ADOPTION_SUPPORT_AGENCY;
    const individual =
      settingType === SettingType.CHILDRENS_HOME || settingType === SettingType.ADOPTION_SUPPORT_AGENCY
        ? faker.datatype.boolean(0.12)
        : false;
    let registeredProvider: number;
    if (individual) {
      registeredProvider = registeredProviders.length;
      registeredProviders.push({
        key: registeredProvider,
        kind: RegisteredProviderKind.INDIVIDUAL,
        name: faker.person.fullName(),
        address: address(faker.location.city()),
      });
    } else {
      registeredProvider = pickOrganisation();
    }

    const registrationDate = date('1998-04-01', addDays(asOf, -30));
    const range = PLACES[settingType];
    const places = range ? faker.number.int({ min: range[0], max: range[1] }) : null;
    const surname = faker.person.lastName();
    const name = isAgency
      ? `${surname} ${faker.helpers.arrayElement(AGENCY_NAMES)}`
      : `${faker.helpers.arrayElement([surname, faker.location.street()])} ${faker.helpers.arrayElement(HOME_NAMES)}`;

    const statusRoll = faker.number.float({ min: 0, max: 1 });
    const status =
      statusRoll < 0.93
        ? ProviderStatus.REGISTERED
        : statusRoll < 0.95
          ? ProviderStatus.SUSPENDED
          : statusRoll < 0.99
            ? ProviderStatus.CLOSED
            : ProviderStatus.CANCELLED;
    const statusDate = status === ProviderStatus.REGISTERED ? registrationDate : date(addDays(registrationDate, 30), asOf);
    const horizon = status === ProviderStatus.CLOSED || status === ProviderStatus.CANCELLED ? statusDate : asOf;

    // Registered managers: a first one from registration, then changes; sometimes a gap, and
    // about one setting in twelve with the post vacant now.
    const appointments: SyntheticAppointment[] = [];
    let start = registrationDate;
    while (start < horizon) {
      const tenureDays = faker.number.int({ min: 120, max: 2_500 });
      const end = addDays(start, tenureDays);
      if (end >= horizon) {
        if (faker.datatype.boolean(0.92) || horizon !== asOf) {
          appointments.push({ name: faker.person.fullName(), startDate: start, endDate: horizon === asOf ? null : horizon });
        } else {
          const leaving = date(addDays(start, 1), horizon);
          appointments.push({ name: faker.person.fullName(), startDate: start, endDate: leaving });
        }
        break;
      }
      appointments.push({ name: faker.person.fullName(), startDate: start, endDate: end });
      start = faker.datatype.boolean(0.3) ? addDays(end, faker.number.int({ min: 7, max: 250 })) : end;
    }

    const finalAppointments = appointments.filter((a) => a.endDate === null || a.endDate > a.startDate);
    // A published full inspection in the year before the as-of date, graded in realistic
    // proportions (about four in five good or outstanding) and consistent with the rules.
    let lastInspection: SyntheticInspection | null = null;
    const inspected =
      isChildrensHome(settingType) ||
      settingType === SettingType.RESIDENTIAL_FAMILY_CENTRE ||
      settingType === SettingType.ADOPTION_SUPPORT_AGENCY;
    if (
      inspected &&
      (status === ProviderStatus.REGISTERED || status === ProviderStatus.SUSPENDED) &&
      registrationDate < addDays(asOf, -400)
    ) {
      const onSiteStart = date(addDays(asOf, -330), addDays(asOf, -60));
      const feedbackDate = addWorkingDays(onSiteStart, 1);
      const overall = faker.helpers.weightedArrayElement([
        { value: Grade.OUTSTANDING, weight: 15 },
        { value: Grade.GOOD, weight: 65 },
        { value: Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD, weight: 15 },
        { value: Grade.INADEQUATE, weight: 5 },
      ]);
      const judgements: FullJudgements = {
        overallExperiencesAndProgress: overall,
        helpedAndProtected: overall,
        leadersAndManagers: overall === Grade.INADEQUATE ? Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD : overall,
      };
      const vacancyDays = currentVacancy(registrationDate, finalAppointments, feedbackDate)?.days ?? null;
      if (validateFullJudgements(settingType, judgements, { vacancyDays, vacancyReason: 'Recruitment under way' }).length > 0) {
        judgements.leadersAndManagers = Grade.INADEQUATE;
        if (overall === Grade.OUTSTANDING || overall === Grade.GOOD)
          judgements.overallExperiencesAndProgress = Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD;
      }
      lastInspection = {
        onSiteStart,
        feedbackDate,
        publishedOn: addWorkingDays(feedbackDate, 20),
        leadInspector: faker.person.fullName(),
        overall: judgements.overallExperiencesAndProgress,
        helpedAndProtected: judgements.helpedAndProtected,
        leadersAndManagers: judgements.leadersAndManagers,
      };
    }

    providers.push({
      urn: urnFor(registrationDate),
      settingType,
      name,
      address: address(la.name.replace(/, City of$/, '')),
      localAuthority: la.ons_code,
      registeredProvider,
      responsibleIndividualName: individual ? null : faker.person.fullName(),
      places,
      registrationDate,
      status,
      statusDate,
      shortBreakService: settingType === SettingType.CHILDRENS_HOME && faker.datatype.boolean(0.08),
      providesEducation:
        (settingType === SettingType.CHILDRENS_HOME && faker.datatype.boolean(0.1)) || settingType === SettingType.SECURE_CHILDRENS_HOME,
      singlePersonAgency: settingType === SettingType.ADOPTION_SUPPORT_AGENCY && individual && faker.datatype.boolean(0.5),
      appointments: finalAppointments,
      lastInspection,
    });
  }
  return { registeredProviders, providers };
}
