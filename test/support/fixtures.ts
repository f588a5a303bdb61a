import { RegisterProviderDocument, type RegisterProviderInput, type SettingType } from '../generated/graphql';
import type { TestApp } from './app';

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
  const payload = data!.registerProvider;
  if (payload.userErrors.length > 0 || !payload.provider) {
    throw new Error(`registerProvider failed: ${JSON.stringify(payload.userErrors)}`);
  }
  return payload.provider;
}
