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

export interface SettingTypeProfile {
  label: string;
  /** Does the setting accommodate people, so that a number of registered places means something? */
  residential: boolean;
  /** Must a number of places be registered (a condition of registration for these settings)? */
  placesRequired: boolean;
  /** Rule requiring an organisation's setting to have a responsible individual, per setting type. */
  responsibleIndividualRule: string;
}

export const SETTING_TYPES: Record<SettingType, SettingTypeProfile> = {
  [SettingType.CHILDRENS_HOME]: {
    label: "Children's home",
    residential: true,
    placesRequired: true,
    responsibleIndividualRule: 'CHA-181',
  },
  [SettingType.SECURE_CHILDRENS_HOME]: {
    label: "Secure children's home",
    residential: true,
    placesRequired: true,
    responsibleIndividualRule: 'CHA-181',
  },
  [SettingType.INDEPENDENT_FOSTERING_AGENCY]: {
    label: 'Independent fostering agency',
    residential: false,
    placesRequired: false,
    responsibleIndividualRule: 'CHA-181',
  },
  [SettingType.BOARDING_SCHOOL]: {
    label: 'Boarding school',
    residential: true,
    placesRequired: false,
    responsibleIndividualRule: 'CHA-181',
  },
  [SettingType.RESIDENTIAL_SPECIAL_SCHOOL]: {
    label: 'Residential special school',
    residential: true,
    placesRequired: false,
    responsibleIndividualRule: 'CHA-181',
  },
  [SettingType.VOLUNTARY_ADOPTION_AGENCY]: {
    label: 'Voluntary adoption agency',
    residential: false,
    placesRequired: false,
    responsibleIndividualRule: 'CHA-181',
  },
  [SettingType.ADOPTION_SUPPORT_AGENCY]: {
    label: 'Adoption support agency',
    residential: false,
    placesRequired: false,
    responsibleIndividualRule: 'ASA-125',
  },
  [SettingType.RESIDENTIAL_FAMILY_CENTRE]: {
    label: 'Residential family centre',
    residential: true,
    placesRequired: true,
    responsibleIndividualRule: 'RFC-108',
  },
  [SettingType.RESIDENTIAL_HOLIDAY_SCHEME_FOR_DISABLED_CHILDREN]: {
    label: 'Residential holiday scheme for disabled children',
    residential: true,
    placesRequired: false,
    responsibleIndividualRule: 'CHA-181',
  },
  [SettingType.RESIDENTIAL_FURTHER_EDUCATION_COLLEGE]: {
    label: 'Residential provision in a further education college',
    residential: true,
    placesRequired: false,
    responsibleIndividualRule: 'CHA-181',
  },
};

export const isChildrensHome = (type: SettingType): boolean =>
  type === SettingType.CHILDRENS_HOME || type === SettingType.SECURE_CHILDRENS_HOME;
