import fc from 'fast-check';
import { PersonRole } from '../../src/domain/evidence';
import { InspectionType } from '../../src/domain/inspection-types';
import { Grade, InterimOutcome, JudgementKind } from '../../src/domain/judgements';
import {
  buildPublicReport,
  judgementOutcome,
  publicArea,
  publicRegisteredProvider,
  settingRedactor,
  type ReportSource,
  type SettingSource,
} from '../../src/domain/public-report';
import { COMMON_SETTING_WORDS, publicTemplate } from '../../src/domain/redaction';
import { SettingType } from '../../src/domain/setting-types';

// -------------------------------------------------------------------------------------------------
// A children's home, Larch House in Didsbury, Manchester, with a child, a member of staff and a
// family member in its records. Every test starts from it and changes what it needs.

const MANCHESTER = { localAuthorityCode: 'E08000003', localAuthorityName: 'Manchester', regionCode: 'E12000002', regionName: 'North West' };
const HOME_ADDRESS = { line1: '14 Marlowe Crescent', line2: 'Didsbury', town: 'Manchester', postcode: 'M20 6RT' };

const CHILD = { name: 'Jamie Morgan', initials: 'J.M.', role: PersonRole.CHILD };
const STAFF = { name: 'Priya Shah', role: PersonRole.STAFF_MEMBER };
const PARENT = { name: 'Dolores Quigley', role: PersonRole.FAMILY_MEMBER };

function setting(overrides: Partial<SettingSource> = {}): SettingSource {
  return {
    urn: '1234567',
    settingType: SettingType.CHILDRENS_HOME,
    settingName: 'Larch House',
    address: HOME_ADDRESS,
    area: MANCHESTER,
    registeredProvider: {
      kind: 'ORGANISATION',
      name: 'Northern Care Homes Ltd',
      address: { line1: '1 Deansgate', town: 'Manchester', postcode: 'M3 2BW' },
    },
    responsibleIndividual: 'Rebecca Holt',
    people: [CHILD, STAFF, PARENT],
    ...overrides,
  };
}

function source(overrides: Partial<ReportSource> = {}): ReportSource {
  return {
    ...setting(),
    settingLabel: "Children's home",
    places: 4,
    inspectionType: InspectionType.FULL_INSPECTION,
    inspectionStart: '2026-10-06',
    inspectionEnd: '2026-10-07',
    judgements: {
      kind: JudgementKind.FULL_INSPECTION,
      overallExperiencesAndProgress: Grade.GOOD,
      helpedAndProtected: Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD,
      leadersAndManagers: Grade.GOOD,
      interimOutcome: null,
      seriousOrWidespreadConcerns: null,
      newOverallGrade: null,
      statement: null,
    },
    sections: [
      { heading: publicTemplate`Overall experiences and progress of children`, text: 'Children make good progress.' },
      { heading: publicTemplate`How well children are helped and protected`, text: 'Children are safe.' },
    ],
    childFriendlySummary: 'We enjoyed meeting you.',
    requirements: [{ regulation: 'Regulation 12', action: 'Record night-time checks.', dueDate: '2026-12-31' }],
    recommendations: [{ reference: "Guide to the children's homes regulations, page 41", action: 'Review the recording of checks.' }],
    lastInspection: null,
    history: [],
    enforcementSinceLastInspection: [],
    amendmentReason: null,
    ...overrides,
  };
}

/** The public report built from the fixture with these changes. */
const reportOf = (overrides: Partial<ReportSource> = {}) => buildPublicReport(source(overrides));

/** Report sections with these texts, headed "Findings" (then "More"). */
const sectionsOf = (...texts: string[]): ReportSource['sections'] =>
  texts.map((text, i) => ({ heading: i === 0 ? publicTemplate`Findings` : publicTemplate`More`, text }));

/** The changes that put `text` in every free-text field of the report. */
const inEveryTextField = (text: string): Partial<ReportSource> => ({
  judgements: { ...source().judgements, statement: text },
  sections: sectionsOf(text),
  childFriendlySummary: text,
  requirements: [{ regulation: text, action: text, dueDate: '2026-12-31' }],
  recommendations: [{ reference: text, action: text }],
  amendmentReason: text,
});

/** Every written form of the secrets of Larch House the redactor must remove, in one text. */
const EVERYTHING_PRIVATE =
  'J.M. told us that Jamie Morgan likes Larch House, 14 Marlowe Crescent, Didsbury, M20 6RT. ' +
  'Her key worker, Priya Shah, said PRIYA SHAH and J. Morgan walk to Marlowe Crescent; Jamie M. and Shah agreed. ' +
  "Jamie's mother, Dolores Quigley, said Quigley visits Larch often.";

/** Whole words and phrases that must never be published about Larch House (CH-228). */
const SECRETS = [
  'Jamie',
  'Morgan',
  'J.M.',
  'J. Morgan',
  'Priya',
  'Shah',
  'Dolores',
  'Quigley',
  'Larch',
  'Marlowe',
  'Didsbury',
  'M20 6RT',
  'M20',
  '14 Marlowe Crescent',
];

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
const containsWord = (text: string, word: string) =>
  new RegExp(`${WORD_START}${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${WORD_END}`, 'iu').test(text);
/** The secrets found anywhere in the report (every string of it, at any depth). */
const leaked = (report: unknown, secrets: readonly string[] = SECRETS) =>
  secrets.filter((secret) => containsWord(JSON.stringify(report), secret));

// -------------------------------------------------------------------------------------------------

describe('buildPublicReport: every free text goes through the redaction gate (CH-228, CH-230)', () => {
  test('CH-228 the secrets of the fixture are really in the raw text, and none of them is in the report built from it', () => {
    expect(leaked({ text: EVERYTHING_PRIVATE })).toEqual(SECRETS);
    const report = reportOf(inEveryTextField(EVERYTHING_PRIVATE));
    expect(leaked(report)).toEqual([]);
  });

  // Each field alone, so that a field copied without the redactor fails its own case.
  test.each<[string, (text: string) => Partial<ReportSource>, (report: ReturnType<typeof buildPublicReport>) => unknown]>([
    ['a section', (text) => ({ sections: sectionsOf(text) }), (r) => r.sections[0].text],
    ['the child-friendly summary', (text) => ({ childFriendlySummary: text }), (r) => r.childFriendlySummary],
    ['the judgement statement', (text) => ({ judgements: { ...source().judgements, statement: text } }), (r) => r.judgements.statement],
    [
      "a requirement's regulation",
      (text) => ({ requirements: [{ regulation: text, action: 'Act.', dueDate: '2026-12-31' }] }),
      (r) => r.requirements[0].regulation,
    ],
    [
      "a requirement's action",
      (text) => ({ requirements: [{ regulation: 'Regulation 12', action: text, dueDate: '2026-12-31' }] }),
      (r) => r.requirements[0].action,
    ],
    [
      "a recommendation's reference",
      (text) => ({ recommendations: [{ reference: text, action: 'Act.' }] }),
      (r) => r.recommendations[0].reference,
    ],
    [
      "a recommendation's action",
      (text) => ({ recommendations: [{ reference: 'NMS 5.3', action: text }] }),
      (r) => r.recommendations[0].action,
    ],
    ['the amendment reason', (text) => ({ amendmentReason: text }), (r) => r.amendmentReason],
  ])('CH-228 %s is redacted: names become words for the role, the setting "the home", its address goes', (_, put, take) => {
    const text =
      'J.M. told us Larch House, 14 Marlowe Crescent, M20 6RT, is calm. Her key worker, Priya Shah, said Dolores Quigley visits.';
    const out = take(reportOf(put(text)));
    expect(out).toBe('A child told us the home is calm. Her key worker said a family member visits.');
    expect(out).toBe(settingRedactor(setting()).text(text));
  });

  test('CH-228 names are replaced by where they stand: greetings, roles, possessives, capitals and initials', () => {
    const report = reportOf({
      childFriendlySummary: 'Dear Jamie, thank you for showing us round Larch House.',
      sections: sectionsOf(
        "Jamie's mother, Dolores Quigley, visits weekly; Quigley said she is happy.",
        'PRIYA SHAH and J M met Dolores Q. and J. Morgan.',
      ),
    });
    expect(report.childFriendlySummary).toBe('Dear young person, thank you for showing us round the home.');
    expect(report.sections.map((s) => s.text)).toEqual([
      "A child's mother visits weekly; a family member said she is happy.",
      'A member of staff and a child met a family member and a child.',
    ]);
  });

  test('CH-228 the address goes in every written form; the town stays where it is the local authority the report names', () => {
    const report = reportOf({
      sections: sectionsOf(
        'The home on Marlowe Crescent is close to the Didsbury shops.',
        'Staff at Larch House, 14 Marlowe Crescent, Didsbury, M20 6RT, record checks in Manchester.',
      ),
    });
    expect(report.sections.map((s) => s.text)).toEqual([
      'The home is close to the local shops.',
      'Staff at the home record checks in Manchester.',
    ]);
  });

  test('CH-228 a town that the report does not already name is removed too', () => {
    const report = reportOf({
      address: { ...HOME_ADDRESS, line2: null, town: 'Cheadle Hulme' },
      sections: sectionsOf('Children visit Cheadle Hulme on Saturdays.'),
    });
    expect(report.sections[0].text).toBe('Children visit the local area on Saturdays.');
  });

  test('CH-228 identifiers are removed whoever they belong to: phone numbers, e-mail addresses, dates of birth, NHS numbers', () => {
    const report = reportOf({
      sections: sectionsOf('Call 0161 496 0000 or write to office@example.org; one child was born on 12 March 2012.'),
    });
    expect(report.sections[0].text).toBe('Call a phone number or write to an email address; one child was born on a date withheld.');
    const nhs = reportOf({ childFriendlySummary: 'Your NHS number is 943 476 5919.' });
    expect(nhs.childFriendlySummary).not.toContain('943 476 5919');
    expect(nhs.childFriendlySummary).toContain('an NHS number');
  });

  test('RFC-093 a residential family centre is "the setting", not "the home"', () => {
    const report = reportOf({
      settingType: SettingType.RESIDENTIAL_FAMILY_CENTRE,
      settingLabel: 'Residential family centre',
      places: 6,
      sections: sectionsOf('Larch House is calm. Parents at Larch House feel safe.'),
    });
    expect(report.sections[0].text).toBe('The setting is calm. Parents at the setting feel safe.');
    expect(reportOf({ sections: sectionsOf('Larch House is calm.') }).sections[0].text).toBe('The home is calm.');
  });

  /** A home whose registered provider is an individual, Helen Marsh, named in the findings. */
  const helenVisitsTheHome = (people: SettingSource['people']) =>
    reportOf({
      registeredProvider: {
        kind: 'INDIVIDUAL',
        name: 'Helen Marsh',
        address: { line1: '3 Oak Road', town: 'Salford', postcode: 'M5 4WT' },
      },
      people,
      sections: sectionsOf('Helen Marsh visits the home each week.'),
    });

  test('CH-228 an individual registered provider, listed with the people as the publication service lists them, is not named in the text', () => {
    const report = helenVisitsTheHome([CHILD, { name: 'Helen Marsh', role: PersonRole.OTHER }]);
    expect(report.registeredProvider).toBeNull();
    expect(report.sections[0].text).toBe('A person visits the home each week.');
    expect(leaked(report, ['Helen', 'Marsh', 'Oak Road', 'M5 4WT'])).toEqual([]);
  });

  test('CH-228 an individual registered provider is not named in the text even when the caller did not list them with the people', () => {
    const report = helenVisitsTheHome([CHILD]);
    expect(report.sections[0].text).toBe('A person visits the home each week.');
    expect(leaked(report, ['Helen', 'Marsh'])).toEqual([]);
  });

  test('CH-228 plain text with nothing private in it comes out as it went in', () => {
    const report = reportOf();
    expect(report.sections.map((s) => s.text)).toEqual(['Children make good progress.', 'Children are safe.']);
    expect(report.childFriendlySummary).toBe('We enjoyed meeting you.');
    expect(report.requirements).toEqual([{ regulation: 'Regulation 12', action: 'Record night-time checks.', dueDate: '2026-12-31' }]);
    expect(report.recommendations).toEqual([
      { reference: "Guide to the children's homes regulations, page 41", action: 'Review the recording of checks.' },
    ]);
  });

  test('CH-228 property: random people, setting names and addresses put in every text field never come out', () => {
    // Pseudo-names ("Kalimo", "Dorev") that are none of the words the report writes itself.
    const ownWords = ['local', 'homes', 'child', 'staff', 'young', 'carer'];
    const namePart = fc
      .stringMatching(/^[BCDFGHJKLMNPRSTVZ][aeiou][bcdfghjklmnprstvz][aeiou][bcdfghjklmnprstvz]$/)
      .filter((w) => !ownWords.includes(w.toLowerCase()) && !containsWord(JSON.stringify(reportOf()), w));
    const scenario = fc.record({
      people: fc.array(fc.record({ first: namePart, last: namePart, role: fc.constantFrom(...Object.values(PersonRole)) }), {
        minLength: 1,
        maxLength: 3,
      }),
      settingWord: namePart.filter((w) => !COMMON_SETTING_WORDS.has(w.toLowerCase())),
      street: namePart.filter((w) => !COMMON_SETTING_WORDS.has(w.toLowerCase())),
      number: fc.integer({ min: 1, max: 250 }),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const people = s.people.map((p) => ({ name: `${p.first} ${p.last}`, role: p.role }));
        const settingName = `${s.settingWord} House`;
        const line1 = `${s.number} ${s.street} Road`;
        const text = [
          ...people.map((p) => `${p.name} said ${p.name.split(' ')[1]} and ${p.name.split(' ')[0]} were kind`),
          `at ${settingName}, ${line1}, M20 6RT`,
          `${s.settingWord} is near ${s.street} Road`,
        ].join('. ');
        const report = reportOf({
          people,
          settingName,
          address: { line1, town: 'Manchester', postcode: 'M20 6RT' },
          ...inEveryTextField(text),
        });
        const secrets = [...s.people.flatMap((p) => [p.first, p.last]), s.settingWord, s.street, 'M20 6RT', 'M20'];
        expect(leaked(report, secrets)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('buildPublicReport: what else is published, and nothing more', () => {
  test("CH-228 the report is an allow-list: no field for the setting's name, address, people, label or places", () => {
    expect(Object.keys(reportOf()).sort()).toEqual([
      'aboutTheService',
      'amendmentReason',
      'area',
      'childFriendlySummary',
      'enforcementSinceLastInspection',
      'history',
      'inspectionEnd',
      'inspectionStart',
      'inspectionType',
      'judgements',
      'lastInspection',
      'recommendations',
      'registeredProvider',
      'requirements',
      'responsibleIndividual',
      'sections',
      'settingType',
      'urn',
    ]);
  });

  test('the URN, setting type, inspection type and dates are published as they are; headings and order are kept', () => {
    const report = reportOf({
      urn: 'SC123456',
      inspectionType: InspectionType.INTERIM_INSPECTION,
      inspectionStart: '2026-10-06',
      inspectionEnd: '2026-10-08',
    });
    expect(report).toMatchObject({
      urn: 'SC123456',
      settingType: SettingType.CHILDRENS_HOME,
      inspectionType: InspectionType.INTERIM_INSPECTION,
      inspectionStart: '2026-10-06',
      inspectionEnd: '2026-10-08',
    });
    expect(report.sections.map((s) => s.heading)).toEqual([
      'Overall experiences and progress of children',
      'How well children are helped and protected',
    ]);
  });

  test('CH-230 a URN that is not a URN is refused, not published', () => {
    expect(() => reportOf({ urn: 'M20 6RT' })).toThrow(/Not a URN/);
    expect(() => reportOf({ urn: '123456' })).toThrow(/Not a URN/);
  });

  test('the judgements are published as recorded, the kind as a token and the statement redacted', () => {
    const full = reportOf();
    // As recorded in the fixture: GOOD, REQUIRES_IMPROVEMENT_TO_BE_GOOD, GOOD and nulls.
    expect(full.judgements).toEqual({ ...source().judgements, kind: 'FULL_INSPECTION' });
    const interim = reportOf({
      judgements: {
        ...source().judgements,
        kind: JudgementKind.INTERIM,
        ...{ overallExperiencesAndProgress: null, helpedAndProtected: null, leadersAndManagers: null },
        interimOutcome: InterimOutcome.DECLINED_IN_EFFECTIVENESS,
        statement: 'Larch House has declined since Priya Shah left.',
      },
    });
    expect(interim.judgements).toMatchObject({
      kind: 'INTERIM',
      interimOutcome: InterimOutcome.DECLINED_IN_EFFECTIVENESS,
      overallExperiencesAndProgress: null,
      statement: 'The home has declined since a member of staff left.',
    });
    const visit = reportOf({
      judgements: {
        ...source().judgements,
        kind: JudgementKind.ASSURANCE_VISIT,
        overallExperiencesAndProgress: null,
        seriousOrWidespreadConcerns: true,
      },
    });
    expect(visit.judgements).toMatchObject({
      kind: 'ASSURANCE_VISIT',
      seriousOrWidespreadConcerns: true,
      overallExperiencesAndProgress: null,
    });
    const monitoring = reportOf({
      judgements: { ...source().judgements, kind: JudgementKind.MONITORING_VISIT, newOverallGrade: Grade.GOOD },
    });
    expect(monitoring.judgements).toMatchObject({ kind: 'MONITORING_VISIT', newOverallGrade: Grade.GOOD });
  });

  test('CH-228 a judgement kind that is not a token is refused, not published', () => {
    expect(() => reportOf({ judgements: { ...source().judgements, kind: 'Larch House' } })).toThrow(/Not a TOKEN/);
  });

  test('CHA-040 the last inspection and the history show each outcome in words, and none where there was none', () => {
    const report = reportOf({
      lastInspection: { type: InspectionType.INTERIM_INSPECTION, end: '2026-03-04', outcome: 'DECLINED_IN_EFFECTIVENESS' },
      history: [
        { type: InspectionType.INTERIM_INSPECTION, end: '2026-03-04', outcome: 'DECLINED_IN_EFFECTIVENESS' },
        { type: InspectionType.FULL_INSPECTION, end: '2025-06-10', outcome: 'REQUIRES_IMPROVEMENT_TO_BE_GOOD' },
        { type: InspectionType.FULL_INSPECTION, end: '2024-05-21', outcome: null },
      ],
    });
    expect(report.lastInspection).toEqual({
      type: InspectionType.INTERIM_INSPECTION,
      end: '2026-03-04',
      outcome: 'declined in effectiveness',
    });
    expect(report.history).toEqual([
      { type: InspectionType.INTERIM_INSPECTION, end: '2026-03-04', outcome: 'declined in effectiveness' },
      { type: InspectionType.FULL_INSPECTION, end: '2025-06-10', outcome: 'requires improvement to be good' },
      { type: InspectionType.FULL_INSPECTION, end: '2024-05-21', outcome: null },
    ]);
    expect(reportOf().lastInspection).toBeNull();
  });

  test('CHA-040 an outcome that is not a token is refused, not published', () => {
    expect(() =>
      reportOf({ history: [{ type: InspectionType.FULL_INSPECTION, end: '2025-06-10', outcome: 'Good, said Priya Shah' }] }),
    ).toThrow(/Not a TOKEN/);
  });

  test("enforcement since the last inspection is published in the code's own words, with its date", () => {
    const report = reportOf({
      enforcementSinceLastInspection: [
        { action: 'COMPLIANCE_NOTICE', date: '2026-04-01' },
        { action: 'COMPLIANCE_NOTICE', date: '2026-07-15' },
      ],
    });
    expect(report.enforcementSinceLastInspection).toEqual([
      { action: 'Compliance notice served', date: '2026-04-01' },
      { action: 'Compliance notice served', date: '2026-07-15' },
    ]);
  });

  test('about the service: the kind of setting, its places and its area, never its name', () => {
    expect(reportOf().aboutTheService).toBe("A children's home registered for 4 places, in Manchester (North West).");
    expect(reportOf({ places: 1 }).aboutTheService).toBe("A children's home registered for 1 place, in Manchester (North West).");
    expect(
      reportOf({ settingType: SettingType.ADOPTION_SUPPORT_AGENCY, settingLabel: 'Adoption support agency', places: null }).aboutTheService,
    ).toBe('An adoption support agency, in Manchester (North West).');
    expect(reportOf({ settingLabel: 'Larch House' }).aboutTheService).not.toContain('Larch');
  });

  test('the amendment reason is redacted; a first version has none', () => {
    expect(reportOf({ amendmentReason: 'Corrected the number of places at Larch House' }).amendmentReason).toBe(
      'Corrected the number of places at the home',
    );
    expect(reportOf().amendmentReason).toBeNull();
  });
});

describe('the registered provider and responsible individual as published (para 163)', () => {
  test('an organisation is published by name, with its address but not its postcode', () => {
    expect(publicRegisteredProvider(setting())).toEqual({ name: 'Northern Care Homes Ltd', address: '1 Deansgate, Manchester' });
    expect(reportOf().registeredProvider).toEqual({ name: 'Northern Care Homes Ltd', address: '1 Deansgate, Manchester' });
  });

  test('an individual registered provider is withheld: neither name nor address', () => {
    const individual = setting({
      registeredProvider: {
        kind: 'INDIVIDUAL',
        name: 'Helen Marsh',
        address: { line1: '3 Oak Road', town: 'Salford', postcode: 'M5 4WT' },
      },
    });
    expect(publicRegisteredProvider(individual)).toBeNull();
    expect(reportOf(individual).registeredProvider).toBeNull();
  });

  test('CH-228 an organisation run from the setting itself: the parts of its address that locate the setting are left out', () => {
    const fromTheHome = setting({ registeredProvider: { kind: 'ORGANISATION', name: 'Larch House Ltd', address: HOME_ADDRESS } });
    // Only the town is left: it is the local authority the report names anyway.
    expect(publicRegisteredProvider(fromTheHome)).toEqual({ name: 'The home Ltd', address: 'Manchester' });
    const inTheSameStreet = setting({
      address: { ...HOME_ADDRESS, town: 'Cheadle Hulme' },
      registeredProvider: {
        kind: 'ORGANISATION',
        name: 'Crescent Care Ltd',
        address: { line1: '2 Marlowe Crescent', town: 'Cheadle Hulme', postcode: 'SK8 7AA' },
      },
    });
    expect(publicRegisteredProvider(inTheSameStreet)).toEqual({ name: 'Crescent Care Ltd', address: null });
    const partly = setting({
      registeredProvider: {
        kind: 'ORGANISATION',
        name: 'Oak Care Ltd',
        address: { line1: '2 Oak Road', line2: 'Didsbury', town: 'Salford', postcode: 'M5 4WT' },
      },
    });
    expect(publicRegisteredProvider(partly)).toEqual({ name: 'Oak Care Ltd', address: '2 Oak Road, Salford' });
  });

  test("a person's name in the organisation's name is published by rule; the setting's postcode in it is not", () => {
    expect(
      publicRegisteredProvider(setting({ registeredProvider: { ...setting().registeredProvider, name: 'Priya Shah Care Ltd' } }))?.name,
    ).toBe('Priya Shah Care Ltd');
    const withPostcode = publicRegisteredProvider(
      setting({ registeredProvider: { ...setting().registeredProvider, name: 'M20 6RT Care Ltd' } }),
    )?.name;
    expect(withPostcode).not.toContain('M20');
    expect(withPostcode).toMatch(/Care Ltd$/);
  });

  test('the responsible individual is named (para 163), but not where the name gives the setting away; none is null', () => {
    expect(reportOf().responsibleIndividual).toBe('Rebecca Holt');
    expect(reportOf({ responsibleIndividual: 'Priya Shah' }).responsibleIndividual).toBe('Priya Shah');
    expect(reportOf({ responsibleIndividual: 'Rebecca Holt of Larch House' }).responsibleIndividual).toBe('Rebecca Holt of the home');
    expect(reportOf({ responsibleIndividual: null }).responsibleIndividual).toBeNull();
  });

  test('the redactor passed in is the one used: a caller building several parts redacts them alike', () => {
    const clean = settingRedactor(setting({ settingName: 'Northern Care' }));
    expect(publicRegisteredProvider(setting(), clean)?.name).toBe('The home Homes Ltd');
    expect(publicRegisteredProvider(setting())?.name).toBe('Northern Care Homes Ltd');
  });
});

describe('settingRedactor: the redactor of one setting (CH-228)', () => {
  test('it knows the setting\'s people, name and address, and says "the home" for a children\'s home and "the setting" otherwise', () => {
    const text = 'J.M. and Priya Shah walked from Larch House to Marlowe Crescent.';
    expect(settingRedactor(setting()).text(text)).toBe('A child and a member of staff walked from the home to a nearby street.');
    expect(settingRedactor(setting({ settingType: SettingType.SECURE_CHILDRENS_HOME })).text('Larch House is calm.')).toBe(
      'The home is calm.',
    );
    expect(settingRedactor(setting({ settingType: SettingType.ADOPTION_SUPPORT_AGENCY })).text('Larch House is calm.')).toBe(
      'The setting is calm.',
    );
  });

  test('someone not in its records is not redacted by name: it redacts what the source lists', () => {
    expect(settingRedactor(setting({ people: [] })).text('Jamie Morgan is settled.')).toBe('Jamie Morgan is settled.');
    expect(settingRedactor(setting()).text('Jamie Morgan is settled.')).toBe('A child is settled.');
  });

  test('the region and local authority the report names are public place names: a town of that name stays', () => {
    const inLeeds = setting({
      address: { ...HOME_ADDRESS, line2: null, town: 'Leeds' },
      area: {
        localAuthorityCode: 'E08000035',
        localAuthorityName: 'Leeds',
        regionCode: 'E12000003',
        regionName: 'Yorkshire and The Humber',
      },
    });
    expect(settingRedactor(inLeeds).text('Children visit Leeds on Saturdays.')).toBe('Children visit Leeds on Saturdays.');
    expect(
      settingRedactor(setting({ address: { ...HOME_ADDRESS, line2: null, town: 'Leeds' } })).text('Children visit Leeds on Saturdays.'),
    ).toBe('Children visit the local area on Saturdays.');
  });
});

describe('publicArea: a local authority and its region as the public views name them (CH-230)', () => {
  test('codes and names from the reference data are published as they are', () => {
    expect(publicArea(MANCHESTER)).toEqual({
      localAuthorityCode: 'E08000003',
      localAuthorityName: 'Manchester',
      regionCode: 'E12000002',
      regionName: 'North West',
    });
    expect(
      publicArea({
        localAuthorityCode: 'E06000014',
        localAuthorityName: 'York',
        regionCode: 'E12000003',
        regionName: 'Yorkshire and The Humber',
      }).regionName,
    ).toBe('Yorkshire and The Humber');
    expect(reportOf().area).toEqual(publicArea(MANCHESTER));
  });

  test('CH-228 CH-230 anything that is not an ONS code or a reference name is refused, not published', () => {
    expect(() => publicArea({ ...MANCHESTER, localAuthorityCode: 'M20 6RT' })).toThrow(/Not a ONS_CODE/);
    expect(() => publicArea({ ...MANCHESTER, regionCode: 'North West' })).toThrow(/Not a ONS_CODE/);
    expect(() => publicArea({ ...MANCHESTER, localAuthorityName: '14 Marlowe Crescent' })).toThrow(/Not a reference name/);
    expect(() => publicArea({ ...MANCHESTER, regionName: 'call 0161 496 0000' })).toThrow(/Not a reference name/);
  });
});

describe("judgementOutcome: what a report's recent inspection history shows of an earlier inspection", () => {
  test('CHA-040 a full inspection shows its overall experiences and progress grade', () => {
    expect(judgementOutcome({ kind: JudgementKind.FULL_INSPECTION, overallExperiencesAndProgress: 'GOOD' })).toBe('GOOD');
  });

  test('CHA-040 an interim inspection shows its outcome', () => {
    expect(judgementOutcome({ kind: JudgementKind.INTERIM, interimOutcome: 'DECLINED_IN_EFFECTIVENESS' })).toBe(
      'DECLINED_IN_EFFECTIVENESS',
    );
  });

  test('a monitoring visit shows its new overall grade, or none', () => {
    expect(judgementOutcome({ kind: JudgementKind.MONITORING_VISIT, newOverallGrade: 'REQUIRES_IMPROVEMENT' })).toBe(
      'REQUIRES_IMPROVEMENT',
    );
    expect(judgementOutcome({ kind: JudgementKind.MONITORING_VISIT })).toBeNull();
  });

  test('an assurance visit shows whether serious or widespread concerns were found; no judgement says so; no record is null', () => {
    expect(judgementOutcome({ kind: JudgementKind.ASSURANCE_VISIT, seriousOrWidespreadConcerns: true })).toBe(
      'SERIOUS_OR_WIDESPREAD_CONCERNS',
    );
    expect(judgementOutcome({ kind: JudgementKind.ASSURANCE_VISIT, seriousOrWidespreadConcerns: false })).toBe(
      'NO_SERIOUS_OR_WIDESPREAD_CONCERNS',
    );
    expect(judgementOutcome({ kind: JudgementKind.NO_JUDGEMENT })).toBe('NO_JUDGEMENT');
    expect(judgementOutcome(undefined)).toBeNull();
  });
});
