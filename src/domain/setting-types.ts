/**
 * The setting types that Ofsted registers and inspects under the social care common inspection
 * framework (SCCIF), and what the register needs to know about each.
 */
export enum SettingType {
  CHILDRENS_HOME = 'CHILDRENS_HOME',
  SECURE_CHILDRENS_HOME = 'SECURE_CHILDRENS_HOME',
  INDEPENDENT_FOSTERING_AGENCY = 'INDEPENDENT_FOSTERING_AGENCY',
  BOARDING_SCHOOL = 'BOARDING_SCHOOL',
  RESIDENTIAL_SPECIAL_SCHOOL = 'RESIDENTIAL_SPECIAL_SCHOOL',
  VOLUNTARY_ADOPTION_AGENCY = 'VOLUNTARY_ADOPTION_AGENCY',
  ADOPTION_SUPPORT_AGENCY = 'ADOPTION_SUPPORT_AGENCY',
  RESIDENTIAL_FAMILY_CENTRE = 'RESIDENTIAL_FAMILY_CENTRE',
  RESIDENTIAL_HOLIDAY_SCHEME_FOR_DISABLED_CHILDREN = 'RESIDENTIAL_HOLIDAY_SCHEME_FOR_DISABLED_CHILDREN',
  RESIDENTIAL_FURTHER_EDUCATION_COLLEGE = 'RESIDENTIAL_FURTHER_EDUCATION_COLLEGE',
}

/**
 * The families of settings that have guidance of their own here, each with its own rule IDs: the
 * children's homes handbook (CH, CHA) for children's homes and secure children's homes; the SCCIF
 * for residential family centres (RFC) and for adoption support agencies (ASA). Every other setting
 * type is OTHER: where a rule is still checked for it, the handbook's applies.
 */
export type SettingFamily = 'CHILDRENS_HOMES' | SccifFamily | 'OTHER';
/** The two families inspected under the SCCIF's own guidance for them rather than the handbook. */
export type SccifFamily = 'RESIDENTIAL_FAMILY_CENTRES' | 'ADOPTION_SUPPORT_AGENCIES';

export interface SettingTypeProfile {
  label: string;
  /** Whose guidance, and so whose rule IDs, the setting is inspected under. */
  family: SettingFamily;
  /** Does the setting accommodate people, so that a number of registered places means something? */
  residential: boolean;
  /** Must a number of places be registered (a condition of registration for these settings)? */
  placesRequired: boolean;
}

export const SETTING_TYPES: Record<SettingType, SettingTypeProfile> = {
  [SettingType.CHILDRENS_HOME]: {
    label: "Children's home",
    family: 'CHILDRENS_HOMES',
    residential: true,
    placesRequired: true,
  },
  [SettingType.SECURE_CHILDRENS_HOME]: {
    label: "Secure children's home",
    family: 'CHILDRENS_HOMES',
    residential: true,
    placesRequired: true,
  },
  [SettingType.INDEPENDENT_FOSTERING_AGENCY]: {
    label: 'Independent fostering agency',
    family: 'OTHER',
    residential: false,
    placesRequired: false,
  },
  [SettingType.BOARDING_SCHOOL]: {
    label: 'Boarding school',
    family: 'OTHER',
    residential: true,
    placesRequired: false,
  },
  [SettingType.RESIDENTIAL_SPECIAL_SCHOOL]: {
    label: 'Residential special school',
    family: 'OTHER',
    residential: true,
    placesRequired: false,
  },
  [SettingType.VOLUNTARY_ADOPTION_AGENCY]: {
    label: 'Voluntary adoption agency',
    family: 'OTHER',
    residential: false,
    placesRequired: false,
  },
  [SettingType.ADOPTION_SUPPORT_AGENCY]: {
    label: 'Adoption support agency',
    family: 'ADOPTION_SUPPORT_AGENCIES',
    residential: false,
    placesRequired: false,
  },
  [SettingType.RESIDENTIAL_FAMILY_CENTRE]: {
    label: 'Residential family centre',
    family: 'RESIDENTIAL_FAMILY_CENTRES',
    residential: true,
    placesRequired: true,
  },
  [SettingType.RESIDENTIAL_HOLIDAY_SCHEME_FOR_DISABLED_CHILDREN]: {
    label: 'Residential holiday scheme for disabled children',
    family: 'OTHER',
    residential: true,
    placesRequired: false,
  },
  [SettingType.RESIDENTIAL_FURTHER_EDUCATION_COLLEGE]: {
    label: 'Residential provision in a further education college',
    family: 'OTHER',
    residential: true,
    placesRequired: false,
  },
};

export const familyOf = (type: SettingType): SettingFamily => SETTING_TYPES[type].family;

/**
 * One value per family, for `byFamily`: leaving out one of the three families with guidance of
 * their own is a compile error; OTHER, when left out, takes the children's homes handbook's value.
 */
export type FamilyTable<T> = { readonly [F in Exclude<SettingFamily, 'OTHER'>]: T } & { readonly OTHER?: T };

/** The value for a setting type's family, e.g. the rule ID that carries the same rule in each family's guidance. */
export function byFamily<T>(type: SettingType, table: FamilyTable<T>): T {
  const family = familyOf(type);
  if (family !== 'OTHER') return table[family];
  return table.OTHER !== undefined ? table.OTHER : table.CHILDRENS_HOMES;
}

export const isChildrensHome = (type: SettingType): boolean => familyOf(type) === 'CHILDRENS_HOMES';

/** Family centres and adoption support agencies (a `SettingFamily` or a `Guidance`): inspected under the SCCIF's guidance for them, not the handbook. */
export const isSccifFamily = (family: string): family is SccifFamily =>
  family === 'RESIDENTIAL_FAMILY_CENTRES' || family === 'ADOPTION_SUPPORT_AGENCIES';
