import {
  ProviderStatus,
  RegisteredProviderKind,
  currentVacancy,
  managerVacancies,
  validateOpen,
  validateClosure,
  validateManagerChange,
  validateRegistration,
  validateSettingDetails,
  type ManagerAppointmentPeriod,
  type RegisterState,
  type RegistrationDetails,
} from '../../src/domain/provider-register';
import type { Violation } from '../../src/domain/rule-violation';
import { SETTING_TYPES, SettingType } from '../../src/domain/setting-types';

const TODAY = '2026-06-15';
const REGISTERED_ON = '2024-05-01';

/** Places a valid registration of each setting type carries (null where a type has none). */
const DEFAULT_PLACES: Partial<Record<SettingType, number>> = {
  [SettingType.CHILDRENS_HOME]: 4,
  [SettingType.SECURE_CHILDRENS_HOME]: 12,
  [SettingType.RESIDENTIAL_FAMILY_CENTRE]: 6,
};

/** A valid registration of a children's home run by an organisation; override one thing per test. */
function registration(overrides: Partial<RegistrationDetails> = {}): RegistrationDetails {
  const settingType = overrides.settingType ?? SettingType.CHILDRENS_HOME;
  return {
    urn: 'SC123456',
    settingType,
    name: 'Willow House',
    address: { line1: '12 Acacia Avenue', line2: null, town: 'Manchester', postcode: 'M1 1AE' },
    places: DEFAULT_PLACES[settingType] ?? null,
    registeredProviderKind: RegisteredProviderKind.ORGANISATION,
    responsibleIndividualName: 'Rebecca Holt',
    shortBreakService: false,
    providesEducation: false,
    singlePersonAgency: false,
    registrationDate: REGISTERED_ON,
    registeredManager: { name: 'Samuel Okafor', startDate: REGISTERED_ON },
    ...overrides,
  };
}

/** Only the parts of violations a test cares about, so failures print readably. */
const summary = (violations: Violation[]) => violations.map(({ field, code, ruleId }) => ({ field, code, ruleId }));

const ALL_SETTING_TYPES = Object.values(SettingType);

describe('validateRegistration', () => {
  test("a valid children's home registration has no violations", () => {
    expect(validateRegistration(registration(), TODAY)).toEqual([]);
  });

  test.each(ALL_SETTING_TYPES)('a valid registration of a %s has no violations', (settingType) => {
    expect(validateRegistration(registration({ settingType }), TODAY)).toEqual([]);
  });

  test('a registration without a registered manager is valid', () => {
    expect(validateRegistration(registration({ registeredManager: null }), TODAY)).toEqual([]);
  });

  test('the legacy SC and 7-digit URN forms are both accepted', () => {
    expect(validateRegistration(registration({ urn: 'SC123456' }), TODAY)).toEqual([]);
    expect(validateRegistration(registration({ urn: '2512345' }), TODAY)).toEqual([]);
  });

  test.each(['sc123456', 'SC12345', '12345678', 'SC 123456', ''])('CH-230 the URN %j is BAD_USER_INPUT on field [urn]', (urn) => {
    const violations = validateRegistration(registration({ urn }), TODAY);
    expect(violations).toEqual([{ field: ['urn'], code: 'BAD_USER_INPUT', message: expect.stringContaining('not a valid URN') }]);
    expect(violations[0].ruleId).toBeUndefined();
  });

  test('a registration date in the future is rejected', () => {
    const violations = validateRegistration(registration({ registrationDate: '2026-06-16', registeredManager: null }), TODAY);
    expect(violations).toEqual([
      { field: ['registrationDate'], code: 'BAD_USER_INPUT', message: 'registrationDate cannot be in the future' },
    ]);
  });

  test('a registration dated today is accepted', () => {
    const details = registration({ registrationDate: TODAY, registeredManager: { name: 'Samuel Okafor', startDate: TODAY } });
    expect(validateRegistration(details, TODAY)).toEqual([]);
  });

  test.each(['2026-02-29', '2026-13-01', '01/05/2024', 'yesterday'])(
    'a registration date %j that is not a calendar date is rejected',
    (registrationDate) => {
      const violations = validateRegistration(registration({ registrationDate }), TODAY);
      expect(violations).toEqual([
        { field: ['registrationDate'], code: 'BAD_USER_INPUT', message: expect.stringContaining('not a calendar date') },
      ]);
    },
  );

  test('the rules on the setting details are applied too', () => {
    const violations = validateRegistration(registration({ name: '', places: null }), TODAY);
    expect(summary(violations)).toEqual([
      { field: ['name'], code: 'BAD_USER_INPUT', ruleId: undefined },
      { field: ['places'], code: 'BAD_USER_INPUT', ruleId: undefined },
    ]);
  });

  describe('registered manager', () => {
    test('a manager starting after the registration date is accepted', () => {
      const details = registration({ registeredManager: { name: 'Samuel Okafor', startDate: '2024-06-01' } });
      expect(validateRegistration(details, TODAY)).toEqual([]);
    });

    test('a manager cannot start before the registration date', () => {
      const details = registration({ registeredManager: { name: 'Samuel Okafor', startDate: '2024-04-30' } });
      expect(validateRegistration(details, TODAY)).toEqual([
        {
          field: ['registeredManager', 'startDate'],
          code: 'BAD_USER_INPUT',
          message: 'A registered manager cannot start before the setting is registered',
        },
      ]);
    });

    test("a manager's start date in the future is rejected", () => {
      const details = registration({ registeredManager: { name: 'Samuel Okafor', startDate: '2026-06-16' } });
      expect(summary(validateRegistration(details, TODAY))).toEqual([
        { field: ['registeredManager', 'startDate'], code: 'BAD_USER_INPUT', ruleId: undefined },
      ]);
    });

    test("a manager's start date that is not a calendar date is rejected once", () => {
      const details = registration({ registeredManager: { name: 'Samuel Okafor', startDate: '2025-02-30' } });
      expect(validateRegistration(details, TODAY)).toEqual([
        { field: ['registeredManager', 'startDate'], code: 'BAD_USER_INPUT', message: expect.stringContaining('not a calendar date') },
      ]);
    });

    test.each(['', '   '])("a manager's name %j is rejected as empty", (name) => {
      const details = registration({ registeredManager: { name, startDate: REGISTERED_ON } });
      expect(validateRegistration(details, TODAY)).toEqual([
        { field: ['registeredManager', 'name'], code: 'BAD_USER_INPUT', message: 'name must not be empty' },
      ]);
    });

    test("a manager's name over 200 characters is rejected", () => {
      const details = registration({ registeredManager: { name: 'a'.repeat(201), startDate: REGISTERED_ON } });
      expect(summary(validateRegistration(details, TODAY))).toEqual([
        { field: ['registeredManager', 'name'], code: 'BAD_USER_INPUT', ruleId: undefined },
      ]);
    });
  });
});

describe('validateSettingDetails', () => {
  test("a valid children's home has no violations", () => {
    expect(validateSettingDetails(registration())).toEqual([]);
  });

  describe('name and address', () => {
    test.each(['', '   ', '\t\n'])('an empty name %j is rejected', (name) => {
      expect(validateSettingDetails(registration({ name }))).toEqual([
        { field: ['name'], code: 'BAD_USER_INPUT', message: 'name must not be empty' },
      ]);
    });

    test('a name of exactly 200 characters is accepted', () => {
      expect(validateSettingDetails(registration({ name: 'n'.repeat(200) }))).toEqual([]);
    });

    test('a name over 200 characters is rejected', () => {
      expect(validateSettingDetails(registration({ name: 'n'.repeat(201) }))).toEqual([
        { field: ['name'], code: 'BAD_USER_INPUT', message: 'name must be at most 200 characters' },
      ]);
    });

    test.each([
      ['line1', { line1: 'x'.repeat(201) }],
      ['line2', { line2: 'x'.repeat(201) }],
      ['town', { town: 'x'.repeat(201) }],
    ])('address %s over 200 characters is rejected', (part, change) => {
      const address = { ...registration().address, ...change };
      expect(summary(validateSettingDetails(registration({ address })))).toEqual([
        { field: ['address', part], code: 'BAD_USER_INPUT', ruleId: undefined },
      ]);
    });

    test('address line1 and town are required; line2 is optional', () => {
      const address = { line1: ' ', line2: '', town: '', postcode: 'M1 1AE' };
      expect(summary(validateSettingDetails(registration({ address })))).toEqual([
        { field: ['address', 'line1'], code: 'BAD_USER_INPUT', ruleId: undefined },
        { field: ['address', 'town'], code: 'BAD_USER_INPUT', ruleId: undefined },
      ]);
    });

    test("a responsible individual's name over 200 characters is rejected", () => {
      expect(summary(validateSettingDetails(registration({ responsibleIndividualName: 'r'.repeat(201) })))).toEqual([
        { field: ['responsibleIndividual', 'name'], code: 'BAD_USER_INPUT', ruleId: undefined },
      ]);
    });

    test.each(['M1 1AE', 'sw1a2aa', 'SW1A 2AA', 'EC1A 1BB'])('the postcode %j is accepted', (postcode) => {
      const address = { ...registration().address, postcode };
      expect(validateSettingDetails(registration({ address }))).toEqual([]);
    });

    test.each(['NOT A CODE', '', 'M1', '12345'])('the postcode %j is rejected', (postcode) => {
      const address = { ...registration().address, postcode };
      expect(validateSettingDetails(registration({ address }))).toEqual([
        { field: ['address', 'postcode'], code: 'BAD_USER_INPUT', message: `"${postcode}" is not a UK postcode` },
      ]);
    });
  });

  describe('places', () => {
    test.each([SettingType.CHILDRENS_HOME, SettingType.SECURE_CHILDRENS_HOME, SettingType.RESIDENTIAL_FAMILY_CENTRE])(
      'a %s must be registered for a number of places',
      (settingType) => {
        expect(validateSettingDetails(registration({ settingType, places: null }))).toEqual([
          {
            field: ['places'],
            code: 'BAD_USER_INPUT',
            message: `A ${SETTING_TYPES[settingType].label.toLowerCase()} is registered for a number of places`,
          },
        ]);
      },
    );

    test.each([SettingType.INDEPENDENT_FOSTERING_AGENCY, SettingType.VOLUNTARY_ADOPTION_AGENCY, SettingType.ADOPTION_SUPPORT_AGENCY])(
      'a %s has no registered places',
      (settingType) => {
        expect(validateSettingDetails(registration({ settingType, places: null }))).toEqual([]);
        expect(summary(validateSettingDetails(registration({ settingType, places: 3 })))).toEqual([
          { field: ['places'], code: 'BAD_USER_INPUT', ruleId: undefined },
        ]);
      },
    );

    test.each([SettingType.BOARDING_SCHOOL, SettingType.RESIDENTIAL_SPECIAL_SCHOOL])('places are optional for a %s', (settingType) => {
      expect(validateSettingDetails(registration({ settingType, places: null }))).toEqual([]);
      expect(validateSettingDetails(registration({ settingType, places: 40 }))).toEqual([]);
    });

    test('zero places is a whole number and accepted', () => {
      expect(validateSettingDetails(registration({ places: 0 }))).toEqual([]);
    });

    test.each([-1, 2.5, -0.5, Number.NaN])('%p places is rejected', (places) => {
      expect(validateSettingDetails(registration({ places }))).toEqual([
        { field: ['places'], code: 'BAD_USER_INPUT', message: 'places must be a whole number, zero or more' },
      ]);
    });
  });

  describe('responsible individual', () => {
    test("CHA-181 an organisation's children's home must name a responsible individual", () => {
      const violations = validateSettingDetails(registration({ responsibleIndividualName: null }));
      expect(violations).toEqual([
        { field: ['responsibleIndividual'], code: 'RULE_VIOLATION', ruleId: 'CHA-181', message: expect.stringContaining('(CHA-181)') },
      ]);
    });

    test("CHA-181 an organisation's secure children's home must name a responsible individual", () => {
      const details = registration({ settingType: SettingType.SECURE_CHILDRENS_HOME, responsibleIndividualName: null });
      expect(summary(validateSettingDetails(details))).toEqual([
        { field: ['responsibleIndividual'], code: 'RULE_VIOLATION', ruleId: 'CHA-181' },
      ]);
    });

    test("CHA-181 a blank responsible individual's name counts as none", () => {
      expect(summary(validateSettingDetails(registration({ responsibleIndividualName: '   ' })))).toEqual([
        { field: ['responsibleIndividual'], code: 'RULE_VIOLATION', ruleId: 'CHA-181' },
      ]);
    });

    test('ASA-125 an adoption support agency run by an organisation must name a responsible individual', () => {
      const details = registration({ settingType: SettingType.ADOPTION_SUPPORT_AGENCY, responsibleIndividualName: null });
      expect(summary(validateSettingDetails(details))).toEqual([
        { field: ['responsibleIndividual'], code: 'RULE_VIOLATION', ruleId: 'ASA-125' },
      ]);
    });

    test('RFC-108 a residential family centre run by an organisation must name a responsible individual', () => {
      const details = registration({ settingType: SettingType.RESIDENTIAL_FAMILY_CENTRE, responsibleIndividualName: null });
      expect(summary(validateSettingDetails(details))).toEqual([
        { field: ['responsibleIndividual'], code: 'RULE_VIOLATION', ruleId: 'RFC-108' },
      ]);
    });

    test.each([SettingType.CHILDRENS_HOME, SettingType.ADOPTION_SUPPORT_AGENCY, SettingType.RESIDENTIAL_FAMILY_CENTRE])(
      'CHA-181 / ASA-125 / RFC-108 do not apply to an individual provider: a %s without a responsible individual is valid',
      (settingType) => {
        const details = registration({
          settingType,
          registeredProviderKind: RegisteredProviderKind.INDIVIDUAL,
          responsibleIndividualName: null,
        });
        expect(validateSettingDetails(details)).toEqual([]);
      },
    );
  });

  describe('setting-type flags', () => {
    test("a children's home can be a short-break service", () => {
      expect(validateSettingDetails(registration({ shortBreakService: true }))).toEqual([]);
    });

    test.each(ALL_SETTING_TYPES.filter((type) => type !== SettingType.CHILDRENS_HOME && type !== SettingType.SECURE_CHILDRENS_HOME))(
      'a %s cannot be a short-break service',
      (settingType) => {
        expect(validateSettingDetails(registration({ settingType, shortBreakService: true }))).toEqual([
          {
            field: ['shortBreakService'],
            code: 'BAD_USER_INPUT',
            message: "Only a children's home or secure children's home is registered as a short-break service",
          },
        ]);
      },
    );

    // The catalogue (children-homes-annexes.md, EC-46) names "a home that is both short-breaks and
    // secure" and says the type flags are independent (multiple allowed).
    test("EC-46 a secure children's home can also be a short-break service", () => {
      const details = registration({ settingType: SettingType.SECURE_CHILDRENS_HOME, shortBreakService: true });
      expect(validateSettingDetails(details)).toEqual([]);
    });

    test.each([SettingType.CHILDRENS_HOME, SettingType.SECURE_CHILDRENS_HOME])(
      'a %s can record that it provides education',
      (settingType) => {
        expect(validateSettingDetails(registration({ settingType, providesEducation: true }))).toEqual([]);
      },
    );

    test.each(ALL_SETTING_TYPES.filter((type) => type !== SettingType.CHILDRENS_HOME && type !== SettingType.SECURE_CHILDRENS_HOME))(
      'a %s cannot record that it provides education',
      (settingType) => {
        expect(summary(validateSettingDetails(registration({ settingType, providesEducation: true })))).toEqual([
          { field: ['providesEducation'], code: 'BAD_USER_INPUT', ruleId: undefined },
        ]);
      },
    );

    test('ASA-043 an adoption support agency run by an individual can be a single-person agency', () => {
      const details = registration({
        settingType: SettingType.ADOPTION_SUPPORT_AGENCY,
        registeredProviderKind: RegisteredProviderKind.INDIVIDUAL,
        responsibleIndividualName: null,
        singlePersonAgency: true,
      });
      expect(validateSettingDetails(details)).toEqual([]);
    });

    test('ASA-043 a single-person adoption support agency cannot be run by an organisation', () => {
      const details = registration({ settingType: SettingType.ADOPTION_SUPPORT_AGENCY, singlePersonAgency: true });
      expect(validateSettingDetails(details)).toEqual([
        { field: ['singlePersonAgency'], code: 'RULE_VIOLATION', ruleId: 'ASA-043', message: expect.stringContaining('(ASA-043)') },
      ]);
    });

    test.each(ALL_SETTING_TYPES.filter((type) => type !== SettingType.ADOPTION_SUPPORT_AGENCY))(
      'a %s cannot be a single-person agency',
      (settingType) => {
        const details = registration({
          settingType,
          registeredProviderKind: RegisteredProviderKind.INDIVIDUAL,
          responsibleIndividualName: null,
          singlePersonAgency: true,
        });
        expect(validateSettingDetails(details)).toEqual([
          {
            field: ['singlePersonAgency'],
            code: 'BAD_USER_INPUT',
            message: 'Only an adoption support agency can be a single-person agency',
          },
        ]);
      },
    );
  });

  test('reports every problem at once, in field order', () => {
    const details = registration({
      settingType: SettingType.INDEPENDENT_FOSTERING_AGENCY,
      name: '',
      places: -2,
      responsibleIndividualName: null,
      shortBreakService: true,
      providesEducation: true,
      singlePersonAgency: true,
    });
    expect(summary(validateSettingDetails(details))).toEqual([
      { field: ['name'], code: 'BAD_USER_INPUT', ruleId: undefined },
      { field: ['places'], code: 'BAD_USER_INPUT', ruleId: undefined }, // an agency has no places
      { field: ['places'], code: 'BAD_USER_INPUT', ruleId: undefined }, // and not a negative number
      { field: ['responsibleIndividual'], code: 'RULE_VIOLATION', ruleId: 'CHA-181' },
      { field: ['shortBreakService'], code: 'BAD_USER_INPUT', ruleId: undefined },
      { field: ['providesEducation'], code: 'BAD_USER_INPUT', ruleId: undefined },
      { field: ['singlePersonAgency'], code: 'BAD_USER_INPUT', ruleId: undefined },
    ]);
  });
});

describe('managerVacancies', () => {
  const appointment = (startDate: string, endDate: string | null = null): ManagerAppointmentPeriod => ({ startDate, endDate });

  test('with no appointments the post is vacant from the registration date, measured to asOf', () => {
    expect(managerVacancies(REGISTERED_ON, [], '2024-06-01')).toEqual([{ startDate: REGISTERED_ON, endDate: null, days: 31 }]);
  });

  test('a manager in post since registration means no vacancy', () => {
    expect(managerVacancies(REGISTERED_ON, [appointment(REGISTERED_ON)], TODAY)).toEqual([]);
  });

  test('continuous appointments (one ends the day the next starts) leave no vacancy', () => {
    const appointments = [appointment(REGISTERED_ON, '2025-01-01'), appointment('2025-01-01', '2025-09-01'), appointment('2025-09-01')];
    expect(managerVacancies(REGISTERED_ON, appointments, TODAY)).toEqual([]);
  });

  test('a first manager starting after registration leaves a closed vacancy from the registration date', () => {
    expect(managerVacancies(REGISTERED_ON, [appointment('2024-06-15')], TODAY)).toEqual([
      { startDate: REGISTERED_ON, endDate: '2024-06-15', days: 45 },
    ]);
  });

  test('a gap between appointments is a closed vacancy of exactly the days between them', () => {
    const appointments = [appointment(REGISTERED_ON, '2025-01-06'), appointment('2025-03-03')];
    expect(managerVacancies(REGISTERED_ON, appointments, TODAY)).toEqual([{ startDate: '2025-01-06', endDate: '2025-03-03', days: 56 }]);
  });

  test('several gaps are listed oldest first, whatever order the appointments come in', () => {
    const appointments = [appointment('2025-12-01'), appointment(REGISTERED_ON, '2024-12-31'), appointment('2025-02-01', '2025-11-01')];
    expect(managerVacancies(REGISTERED_ON, appointments, TODAY)).toEqual([
      { startDate: '2024-12-31', endDate: '2025-02-01', days: 32 },
      { startDate: '2025-11-01', endDate: '2025-12-01', days: 30 },
    ]);
  });

  test('overlapping appointments leave no vacancy', () => {
    const appointments = [appointment(REGISTERED_ON, '2025-02-01'), appointment('2025-01-01')];
    expect(managerVacancies(REGISTERED_ON, appointments, TODAY)).toEqual([]);
  });

  test('an appointment inside a longer one does not shorten the cover', () => {
    const appointments = [appointment(REGISTERED_ON, '2025-03-01'), appointment('2024-09-01', '2024-12-01'), appointment('2025-04-01')];
    expect(managerVacancies(REGISTERED_ON, appointments, TODAY)).toEqual([{ startDate: '2025-03-01', endDate: '2025-04-01', days: 31 }]);
  });

  test('a manager who left with none appointed since leaves an open vacancy measured to asOf', () => {
    expect(managerVacancies(REGISTERED_ON, [appointment(REGISTERED_ON, '2026-01-01')], TODAY)).toEqual([
      { startDate: '2026-01-01', endDate: null, days: 165 },
    ]);
  });

  test('closedOn caps an open vacancy at the closure date', () => {
    expect(managerVacancies(REGISTERED_ON, [appointment(REGISTERED_ON, '2026-01-01')], TODAY, '2026-03-01')).toEqual([
      { startDate: '2026-01-01', endDate: null, days: 59 },
    ]);
  });

  test('a closure after asOf does not extend the vacancy beyond asOf', () => {
    expect(managerVacancies(REGISTERED_ON, [appointment(REGISTERED_ON, '2026-01-01')], '2026-02-01', '2026-03-01')).toEqual([
      { startDate: '2026-01-01', endDate: null, days: 31 },
    ]);
  });

  test('appointments starting after asOf are ignored', () => {
    const appointments = [appointment(REGISTERED_ON, '2026-01-01'), appointment('2026-07-01')];
    expect(managerVacancies(REGISTERED_ON, appointments, TODAY)).toEqual([{ startDate: '2026-01-01', endDate: null, days: 165 }]);
  });

  test('appointments starting after the closure date are ignored', () => {
    const appointments = [appointment(REGISTERED_ON, '2026-01-01'), appointment('2026-04-01')];
    expect(managerVacancies(REGISTERED_ON, appointments, TODAY, '2026-03-01')).toEqual([
      { startDate: '2026-01-01', endDate: null, days: 59 },
    ]);
  });

  test('measured on an earlier date, a vacancy filled later is still open', () => {
    const appointments = [appointment(REGISTERED_ON, '2025-01-06'), appointment('2025-03-03')];
    expect(managerVacancies(REGISTERED_ON, appointments, '2025-02-01')).toEqual([{ startDate: '2025-01-06', endDate: null, days: 26 }]);
  });

  test('a manager starting on asOf closes the vacancy that day', () => {
    const appointments = [appointment(REGISTERED_ON, '2026-01-01'), appointment(TODAY)];
    expect(managerVacancies(REGISTERED_ON, appointments, TODAY)).toEqual([{ startDate: '2026-01-01', endDate: TODAY, days: 165 }]);
  });

  test('CHA-195 a vacancy measured on the day it reaches exactly 182 days is 26 weeks', () => {
    const appointments = [appointment(REGISTERED_ON, '2026-01-01')];
    const [dayBefore] = managerVacancies(REGISTERED_ON, appointments, '2026-07-01');
    const [onTheDay] = managerVacancies(REGISTERED_ON, appointments, '2026-07-02');
    expect(dayBefore).toEqual({ startDate: '2026-01-01', endDate: null, days: 181 });
    expect(onTheDay).toEqual({ startDate: '2026-01-01', endDate: null, days: 182 });
    expect(onTheDay.days).toBeGreaterThanOrEqual(26 * 7);
    expect(dayBefore.days).toBeLessThan(26 * 7);
  });

  test('CHA-195 the 26-week count runs across the clock change and a leap day without drift', () => {
    // 2023-09-01 + 182 days = 2024-03-01 (the span includes 29 February 2024 and the October clock change).
    const [vacancy] = managerVacancies('2023-09-01', [], '2024-03-01');
    expect(vacancy).toEqual({ startDate: '2023-09-01', endDate: null, days: 182 });
  });
});

describe('currentVacancy', () => {
  test('is the open vacancy on asOf', () => {
    const appointments = [
      { startDate: REGISTERED_ON, endDate: '2025-01-06' },
      { startDate: '2025-03-03', endDate: '2026-01-01' },
    ];
    expect(currentVacancy(REGISTERED_ON, appointments, TODAY)).toEqual({ startDate: '2026-01-01', endDate: null, days: 165 });
  });

  test('is null when a manager is in post, even after earlier gaps', () => {
    const appointments = [
      { startDate: REGISTERED_ON, endDate: '2025-01-06' },
      { startDate: '2025-03-03', endDate: null },
    ];
    expect(currentVacancy(REGISTERED_ON, appointments, TODAY)).toBeNull();
  });

  test('with no manager ever appointed, runs from the registration date', () => {
    expect(currentVacancy('2026-05-01', [], TODAY)).toEqual({ startDate: '2026-05-01', endDate: null, days: 45 });
  });

  test('is capped at the closure date', () => {
    expect(currentVacancy('2026-05-01', [], TODAY, '2026-05-08')).toEqual({ startDate: '2026-05-01', endDate: null, days: 7 });
  });
});

describe('validateManagerChange', () => {
  const withManager: RegisterState = {
    status: ProviderStatus.REGISTERED,
    registrationDate: REGISTERED_ON,
    appointments: [{ startDate: REGISTERED_ON, endDate: null }],
  };
  const vacant: RegisterState = {
    status: ProviderStatus.REGISTERED,
    registrationDate: REGISTERED_ON,
    appointments: [{ startDate: REGISTERED_ON, endDate: '2025-01-06' }],
  };

  test('a new manager replacing the one in post is valid', () => {
    expect(validateManagerChange(withManager, { effectiveDate: '2025-09-01', newManagerName: 'Priya Shah' }, TODAY)).toEqual([]);
  });

  test('the manager in post leaving with no replacement is valid', () => {
    expect(validateManagerChange(withManager, { effectiveDate: '2025-09-01', newManagerName: null }, TODAY)).toEqual([]);
  });

  test('filling a vacant post is valid', () => {
    expect(validateManagerChange(vacant, { effectiveDate: '2025-03-03', newManagerName: 'Tom Reed' }, TODAY)).toEqual([]);
  });

  test('a first manager for a setting registered without one is valid, even on the registration date', () => {
    const state: RegisterState = { status: ProviderStatus.REGISTERED, registrationDate: REGISTERED_ON, appointments: [] };
    expect(validateManagerChange(state, { effectiveDate: REGISTERED_ON, newManagerName: 'Tom Reed' }, TODAY)).toEqual([]);
  });

  test('a suspended registration can still change manager', () => {
    const state = { ...withManager, status: ProviderStatus.SUSPENDED };
    expect(validateManagerChange(state, { effectiveDate: '2025-09-01', newManagerName: 'Priya Shah' }, TODAY)).toEqual([]);
  });

  test('a change taking effect today is valid', () => {
    expect(validateManagerChange(withManager, { effectiveDate: TODAY, newManagerName: 'Priya Shah' }, TODAY)).toEqual([]);
  });

  test.each([ProviderStatus.CLOSED, ProviderStatus.CANCELLED])('a %s registration is a CONFLICT', (status) => {
    const violations = validateManagerChange(
      { ...withManager, status },
      { effectiveDate: '2025-09-01', newManagerName: 'Priya Shah' },
      TODAY,
    );
    expect(violations).toEqual([
      { field: ['providerId'], code: 'CONFLICT', message: `The setting's registration is ${status.toLowerCase()}` },
    ]);
  });

  test('an effective date in the future is rejected', () => {
    expect(validateManagerChange(withManager, { effectiveDate: '2026-06-16', newManagerName: 'Priya Shah' }, TODAY)).toEqual([
      { field: ['effectiveDate'], code: 'BAD_USER_INPUT', message: 'effectiveDate cannot be in the future' },
    ]);
  });

  test('an effective date that is not a calendar date is rejected', () => {
    expect(summary(validateManagerChange(withManager, { effectiveDate: '2025-02-30', newManagerName: 'Priya Shah' }, TODAY))).toEqual([
      { field: ['effectiveDate'], code: 'BAD_USER_INPUT', ruleId: undefined },
    ]);
  });

  test('an effective date before the registration is rejected', () => {
    const state: RegisterState = { status: ProviderStatus.REGISTERED, registrationDate: REGISTERED_ON, appointments: [] };
    expect(validateManagerChange(state, { effectiveDate: '2024-04-30', newManagerName: 'Tom Reed' }, TODAY)).toEqual([
      {
        field: ['effectiveDate'],
        code: 'BAD_USER_INPUT',
        message: 'A change of manager cannot take effect before the setting was registered',
      },
    ]);
  });

  test('a change dated before the latest recorded change is rejected', () => {
    const state: RegisterState = {
      ...withManager,
      appointments: [
        { startDate: REGISTERED_ON, endDate: '2025-09-01' },
        { startDate: '2025-09-01', endDate: null },
      ],
    };
    expect(validateManagerChange(state, { effectiveDate: '2025-08-01', newManagerName: 'Back Dated' }, TODAY)).toEqual([
      {
        field: ['effectiveDate'],
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('already records a change of manager on 2025-09-01'),
      },
    ]);
  });

  test('a change on the same day as the latest recorded change is rejected', () => {
    expect(summary(validateManagerChange(withManager, { effectiveDate: REGISTERED_ON, newManagerName: 'Same Day' }, TODAY))).toEqual([
      { field: ['effectiveDate'], code: 'BAD_USER_INPUT', ruleId: undefined },
    ]);
  });

  test("a manager's leaving date counts as a recorded change", () => {
    expect(summary(validateManagerChange(vacant, { effectiveDate: '2025-01-06', newManagerName: 'Tom Reed' }, TODAY))).toEqual([
      { field: ['effectiveDate'], code: 'BAD_USER_INPUT', ruleId: undefined },
    ]);
    expect(validateManagerChange(vacant, { effectiveDate: '2025-01-07', newManagerName: 'Tom Reed' }, TODAY)).toEqual([]);
  });

  test('nobody can leave when no manager is in post: CONFLICT', () => {
    expect(validateManagerChange(vacant, { effectiveDate: '2025-09-01', newManagerName: null }, TODAY)).toEqual([
      { field: ['newManager'], code: 'CONFLICT', message: 'No registered manager is in post, so none can leave' },
    ]);
  });

  test('nobody can leave a setting that never had a manager: CONFLICT', () => {
    const state: RegisterState = { status: ProviderStatus.REGISTERED, registrationDate: REGISTERED_ON, appointments: [] };
    expect(summary(validateManagerChange(state, { effectiveDate: '2025-09-01', newManagerName: null }, TODAY))).toEqual([
      { field: ['newManager'], code: 'CONFLICT', ruleId: undefined },
    ]);
  });

  test.each(['', '  '])("an empty new manager's name %j is rejected", (newManagerName) => {
    expect(validateManagerChange(withManager, { effectiveDate: '2025-09-01', newManagerName }, TODAY)).toEqual([
      { field: ['newManager', 'name'], code: 'BAD_USER_INPUT', message: 'name must not be empty' },
    ]);
  });

  test("a new manager's name over 200 characters is rejected", () => {
    expect(summary(validateManagerChange(withManager, { effectiveDate: '2025-09-01', newManagerName: 'm'.repeat(201) }, TODAY))).toEqual([
      { field: ['newManager', 'name'], code: 'BAD_USER_INPUT', ruleId: undefined },
    ]);
  });
});

describe('validateOpen', () => {
  test.each([ProviderStatus.REGISTERED, ProviderStatus.SUSPENDED])('a %s setting is open: it can be inspected and changed', (status) => {
    expect(validateOpen(status)).toEqual([]);
  });

  test.each([ProviderStatus.CLOSED, ProviderStatus.CANCELLED])('a %s setting is not: CONFLICT, naming its status', (status) => {
    expect(validateOpen(status)).toEqual([
      { field: ['providerId'], code: 'CONFLICT', message: `The setting's registration is ${status.toLowerCase()}` },
    ]);
  });
});

describe('validateClosure', () => {
  const open = { status: ProviderStatus.REGISTERED, registrationDate: REGISTERED_ON };

  test('closing an open registration on a past date is valid', () => {
    expect(validateClosure(open, '2026-03-31', TODAY)).toEqual([]);
  });

  test('closing today, or on the registration date, is valid', () => {
    expect(validateClosure(open, TODAY, TODAY)).toEqual([]);
    expect(validateClosure(open, REGISTERED_ON, TODAY)).toEqual([]);
  });

  test('a suspended registration can be closed', () => {
    expect(validateClosure({ ...open, status: ProviderStatus.SUSPENDED }, '2026-03-31', TODAY)).toEqual([]);
  });

  test.each([ProviderStatus.CLOSED, ProviderStatus.CANCELLED])('an already %s registration is a CONFLICT', (status) => {
    expect(validateClosure({ ...open, status }, '2026-03-31', TODAY)).toEqual([
      { field: ['providerId'], code: 'CONFLICT', message: `The setting's registration is already ${status.toLowerCase()}` },
    ]);
  });

  test('a closure before the registration date is rejected', () => {
    expect(validateClosure(open, '2024-04-30', TODAY)).toEqual([
      { field: ['effectiveDate'], code: 'BAD_USER_INPUT', message: 'A registration cannot end before it began' },
    ]);
  });

  test('a closure dated in the future is rejected', () => {
    expect(validateClosure(open, '2026-06-16', TODAY)).toEqual([
      { field: ['effectiveDate'], code: 'BAD_USER_INPUT', message: 'effectiveDate cannot be in the future' },
    ]);
  });

  test('a closure date that is not a calendar date is rejected', () => {
    expect(summary(validateClosure(open, '2026-02-29', TODAY))).toEqual([
      { field: ['effectiveDate'], code: 'BAD_USER_INPUT', ruleId: undefined },
    ]);
  });
});

describe('vacancies on the day they begin', () => {
  test('CHA-195 a post left today is vacant today, with 0 days so far', () => {
    const appointments = [{ startDate: '2025-01-01', endDate: '2026-06-15' }];
    expect(currentVacancy(REGISTERED_ON, appointments, '2026-06-15')).toEqual({ startDate: '2026-06-15', endDate: null, days: 0 });
  });

  test('a setting registered today with no manager is vacant today', () => {
    expect(currentVacancy('2026-06-15', [], '2026-06-15')).toEqual({ startDate: '2026-06-15', endDate: null, days: 0 });
  });

  test('a registration that ended is not vacant on the day it ended', () => {
    const appointments = [{ startDate: REGISTERED_ON, endDate: '2026-06-01' }];
    expect(managerVacancies(REGISTERED_ON, appointments, TODAY, '2026-06-01')).toEqual([]);
  });
});
