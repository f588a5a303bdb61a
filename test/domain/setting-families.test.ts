import { InspectionType, byGuidance, guidanceOf } from '../../src/domain/inspection-types';
import {
  SETTING_TYPES,
  SettingType,
  byFamily,
  familyOf,
  isChildrensHome,
  isSccifFamily,
  type SettingFamily,
} from '../../src/domain/setting-types';

const { FULL_INSPECTION: FULL, INTERIM_INSPECTION: INTERIM, MONITORING_VISIT: MONITORING, ASSURANCE_VISIT: ASSURANCE } = InspectionType;

/** Written out from the guidance: whose rules each setting type is inspected under. */
const EXPECTED: Record<SettingType, SettingFamily> = {
  CHILDRENS_HOME: 'CHILDRENS_HOMES',
  SECURE_CHILDRENS_HOME: 'CHILDRENS_HOMES',
  RESIDENTIAL_FAMILY_CENTRE: 'RESIDENTIAL_FAMILY_CENTRES',
  ADOPTION_SUPPORT_AGENCY: 'ADOPTION_SUPPORT_AGENCIES',
  INDEPENDENT_FOSTERING_AGENCY: 'OTHER',
  BOARDING_SCHOOL: 'OTHER',
  RESIDENTIAL_SPECIAL_SCHOOL: 'OTHER',
  VOLUNTARY_ADOPTION_AGENCY: 'OTHER',
  RESIDENTIAL_HOLIDAY_SCHEME_FOR_DISABLED_CHILDREN: 'OTHER',
  RESIDENTIAL_FURTHER_EDUCATION_COLLEGE: 'OTHER',
};
const ALL_SETTING_TYPES = Object.values(SettingType);

/** The comments window rule, one per family: CH-028, RFC-088, ASA-054 (and CA-076 at assurance visits). */
const COMMENTS = { CHILDRENS_HOMES: 'CH-028', RESIDENTIAL_FAMILY_CENTRES: 'RFC-088', ADOPTION_SUPPORT_AGENCIES: 'ASA-054' } as const;

describe('familyOf', () => {
  test.each(ALL_SETTING_TYPES)('%s', (settingType) => {
    expect(familyOf(settingType)).toBe(EXPECTED[settingType]);
    expect(SETTING_TYPES[settingType].family).toBe(EXPECTED[settingType]);
    expect(isChildrensHome(settingType)).toBe(EXPECTED[settingType] === 'CHILDRENS_HOMES');
  });

  test('the SCCIF families are family centres and adoption support agencies', () => {
    expect(
      (['CHILDRENS_HOMES', 'RESIDENTIAL_FAMILY_CENTRES', 'ADOPTION_SUPPORT_AGENCIES', 'OTHER'] as const).filter(isSccifFamily),
    ).toEqual(['RESIDENTIAL_FAMILY_CENTRES', 'ADOPTION_SUPPORT_AGENCIES']);
    expect(isSccifFamily('ASSURANCE_VISITS')).toBe(false);
  });
});

describe('byFamily', () => {
  test.each(ALL_SETTING_TYPES)("CH-028 RFC-088 ASA-054 each family its own rule; the others the handbook's: %s", (settingType) => {
    const family = EXPECTED[settingType];
    expect(byFamily(settingType, COMMENTS)).toBe(family === 'OTHER' ? 'CH-028' : COMMENTS[family]);
  });

  test.each(ALL_SETTING_TYPES)('a value given for OTHER is used for the settings outside the three families: %s', (settingType) => {
    const family = EXPECTED[settingType];
    expect(byFamily(settingType, { ...COMMENTS, OTHER: null })).toBe(family === 'OTHER' ? null : COMMENTS[family]);
  });

  test('a table that leaves out one of the three families does not compile', () => {
    // @ts-expect-error ADOPTION_SUPPORT_AGENCIES is missing
    expect(byFamily(SettingType.CHILDRENS_HOME, { CHILDRENS_HOMES: 'CH-028', RESIDENTIAL_FAMILY_CENTRES: 'RFC-088' })).toBe('CH-028');
  });
});

describe('guidanceOf and byGuidance', () => {
  const TABLE = { ...COMMENTS, ASSURANCE_VISITS: 'CA-076' };

  test.each(ALL_SETTING_TYPES)('CA-076 an assurance visit follows its own guidance, whatever the setting: %s', (settingType) => {
    expect(guidanceOf(ASSURANCE, settingType)).toBe('ASSURANCE_VISITS');
    expect(byGuidance(ASSURANCE, settingType, TABLE)).toBe('CA-076');
  });

  test.each(ALL_SETTING_TYPES.flatMap((settingType) => [FULL, INTERIM, MONITORING].map((type) => [type, settingType] as const)))(
    "a %s of a %s follows its setting's family",
    (type, settingType) => {
      expect(guidanceOf(type, settingType)).toBe(EXPECTED[settingType]);
      expect(byGuidance(type, settingType, TABLE)).toBe(byFamily(settingType, COMMENTS));
    },
  );

  test('a table that leaves out assurance visits does not compile', () => {
    // @ts-expect-error ASSURANCE_VISITS is missing
    expect(byGuidance(FULL, SettingType.CHILDRENS_HOME, COMMENTS)).toBe('CH-028');
  });
});
