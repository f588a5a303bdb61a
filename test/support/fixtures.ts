import {
  ChangeRegisteredManagerDocument,
  RegisterProviderDocument,
  type RegisterProviderInput,
  type SettingType,
} from '../generated/graphql';
import type { TestApp } from './app';
import { expectNoUserErrors } from './payloads';

let nextUrn = 2_400_000;

/** A fresh 7-digit URN, unique within the test run's worker. */
export function uniqueUrn(): string {
  nextUrn += 1;
  return String(nextUrn + Number(process.env.JEST_WORKER_ID ?? 0) * 10_000);
}

const PLACES: Partial<Record<SettingType, number>> = {
  CHILDRENS_HOME: 4,
  SECURE_CHILDRENS_HOME: 12,
  RESIDENTIAL_FAMILY_CENTRE: 6,
};

/** A valid registration of a setting of the given type (a children's home by default). */
export function registrationInput(overrides: Partial<RegisterProviderInput> = {}): RegisterProviderInput {
  const settingType = overrides.settingType ?? 'CHILDRENS_HOME';
  return {
    urn: uniqueUrn(),
    settingType,
    name: 'Willow House',
    address: { line1: '12 Acacia Avenue', town: 'Manchester', postcode: 'm1 1ae' },
    localAuthority: 'E08000003', // Manchester
    registeredProvider: {
      kind: 'ORGANISATION',
      name: 'Northern Care Homes Ltd',
      address: { line1: '1 Deansgate', town: 'Manchester', postcode: 'M3 2BW' },
    },
    responsibleIndividual: { name: 'Rebecca Holt' },
    registeredManager: { name: 'Samuel Okafor', startDate: '2024-05-01' },
    places: PLACES[settingType] ?? null,
    registrationDate: '2024-05-01',
    ...overrides,
  };
}

/** Registers a setting as an admin would (the register is national); inspections of it then need staff of its region. */
export async function registerProvider(api: TestApp, overrides: Partial<RegisterProviderInput> = {}) {
  const { data } = await (await api.admin()).gql(RegisterProviderDocument, { input: registrationInput(overrides) });
  const payload = expectNoUserErrors('registerProvider', data!.registerProvider);
  if (!payload.provider) throw new Error('registerProvider returned no provider');
  return payload.provider;
}

// Settings other than the default children's home, as `registerProvider` overrides.

export const SECURE_HOME: Partial<RegisterProviderInput> = { settingType: 'SECURE_CHILDRENS_HOME', places: 12, name: 'Hollins Park' };
export const FAMILY_CENTRE: Partial<RegisterProviderInput> = {
  settingType: 'RESIDENTIAL_FAMILY_CENTRE',
  places: 6,
  name: 'Brook Family Centre',
};
export const AGENCY: Partial<RegisterProviderInput> = {
  settingType: 'ADOPTION_SUPPORT_AGENCY',
  places: null,
  name: 'Bridges Adoption Support',
};
/** An adoption support agency run by one person: an individual registered provider and no responsible individual. */
export const SINGLE_PERSON_AGENCY: Partial<RegisterProviderInput> = {
  ...AGENCY,
  registeredProvider: {
    kind: 'INDIVIDUAL',
    name: 'Helen Marsh',
    address: { line1: '3 Oak Road', town: 'Manchester', postcode: 'M14 5TP' },
  },
  responsibleIndividual: null,
  singlePersonAgency: true,
};

/** The registered manager leaves on `effectiveDate` and no one is appointed: the setting's manager post is vacant from then. */
export async function leaveManager(api: TestApp, providerId: string, effectiveDate: string): Promise<void> {
  const { data } = await api.gql(ChangeRegisteredManagerDocument, { input: { providerId, effectiveDate, newManager: null } });
  expectNoUserErrors('changeRegisteredManager', data!.changeRegisteredManager);
}
