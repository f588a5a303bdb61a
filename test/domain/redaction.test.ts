import fc from 'fast-check';
import { PersonRole } from '../../src/domain/evidence';
import {
  COMMON_SETTING_WORDS,
  publicCode,
  publicNodeId,
  publicReferenceName,
  publicTemplate,
  publicWords,
  redact,
  redactor,
  UK_POSTCODE,
  type RedactionContext,
} from '../../src/domain/redaction';

/** Words the redacted text may legitimately contain: the neutral replacements and filler. */
const FILLER = [
  'the',
  'child',
  'said',
  'they',
  'felt',
  'safe',
  'staff',
  'were',
  'kind',
  'at',
  'and',
  'in',
  'on',
  'with',
  'records',
  'showed',
  'that',
];
const NEUTRAL_WORDS = new Set([
  'a',
  'child',
  'family',
  'member',
  'of',
  'staff',
  'person',
  'the',
  'home',
  'setting',
  'its',
  'address',
  'postcode',
  'young',
  'parent',
  'or',
  'carer',
  'colleague',
  'reader',
  'nearby',
  'street',
  'local',
  'area',
  'withheld',
  'an',
  'email',
  'phone',
  'number',
  'date',
  'on',
  'born',
  'nhs',
  'national',
  'insurance',
  ...FILLER,
]);

const namePart = fc
  .oneof(
    fc.stringMatching(/^[A-Z][a-z]{2,9}$/),
    fc.constantFrom('Łukasz', 'Żak', 'Chloé', 'Dupré', 'Émile', 'Öztürk', "O'Neill", 'Siobhán', 'Nguyễn', 'Zoë'),
  )
  .filter((part) => !NEUTRAL_WORDS.has(part.toLowerCase()));

const person = fc.record({
  name: fc.array(namePart, { minLength: 2, maxLength: 3 }).map((parts) => parts.join(' ')),
  role: fc.constantFrom(...Object.values(PersonRole)),
});

const postcode = fc
  .tuple(
    fc.stringMatching(/^[A-Z]{1,2}$/),
    fc.integer({ min: 1, max: 99 }),
    fc.option(fc.constantFrom('A', 'B', 'W'), { nil: '' }),
    fc.constantFrom(' ', '', '  '),
    fc.integer({ min: 0, max: 9 }),
    fc.stringMatching(/^[A-Z]{2}$/),
    fc.boolean(),
  )
  .map(([area, district, sub, space, sector, unit, lower]) => {
    const code = `${area}${district}${district < 10 ? sub : ''}${space}${sector}${unit}`;
    return lower ? code.toLowerCase() : code;
  });

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .map((p) => `${p[0].toUpperCase()}.`)
    .join('');

const scenario = fc.record({
  people: fc.array(person, { minLength: 1, maxLength: 4 }),
  // A setting's distinctive word; everyday words ("View" in "View House") are removed only with the whole name.
  settingName: fc
    .tuple(
      namePart.filter((part) => !COMMON_SETTING_WORDS.has(part.toLowerCase())),
      fc.constantFrom('House', 'Lodge', 'View', 'Cottage'),
    )
    .map(([a, b]) => `${a} ${b}`),
  addressLine: fc
    .tuple(fc.integer({ min: 1, max: 250 }), namePart, fc.constantFrom('Road', 'Street', 'Avenue'))
    .map(([n, a, b]) => `${n} ${a} ${b}`),
  postcodes: fc.array(postcode, { minLength: 1, maxLength: 3 }),
  filler: fc.array(fc.constantFrom(...FILLER), { minLength: 3, maxLength: 20 }),
  seed: fc.integer(),
});

function contextOf(s: { people: { name: string; role: PersonRole }[]; settingName: string; addressLine: string }): RedactionContext {
  return {
    people: s.people.map((p) => ({ ...p, initials: initialsOf(p.name) })),
    settingName: s.settingName,
    address: { line1: s.addressLine, town: 'Manchester', postcode: 'M1 1AE' },
    settingWord: 'the home',
    publicPlaceNames: ['Manchester', 'North West'],
  };
}

/** A narrative that mixes filler with every secret, in varying case and order. */
function narrativeOf(s: {
  people: { name: string }[];
  settingName: string;
  addressLine: string;
  postcodes: string[];
  filler: string[];
  seed: number;
}): string {
  const secrets = [
    ...s.people.flatMap((p) => [p.name, p.name.split(' ')[0], p.name.split(' ').slice(-1)[0], initialsOf(p.name), p.name.toUpperCase()]),
    s.settingName,
    s.settingName.split(' ')[0],
    s.addressLine,
    ...s.postcodes,
  ];
  const words = [...s.filler];
  secrets.forEach((secret, i) => words.splice((Math.abs(s.seed) + i * 7) % (words.length + 1), 0, i % 3 === 0 ? `${secret},` : secret));
  return words.join(' ');
}

const LETTERS = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
const containsWord = (text: string, word: string) =>
  new RegExp(`${LETTERS}${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${END}`, 'iu').test(text);

describe('redaction of published narratives (CH-228, CH-230, RFC-093)', () => {
  test('CH-228 no name from the protected register, no part of one, nor their initials, survives', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const out = redact(narrativeOf(s), contextOf(s));
        for (const p of s.people) {
          expect(containsWord(out, p.name)).toBe(false);
          for (const part of p.name.split(' ')) expect(containsWord(out, part)).toBe(false);
          expect(containsWord(out, initialsOf(p.name))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("CH-228 the setting's name and address never survive", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const out = redact(narrativeOf(s), contextOf(s));
        expect(containsWord(out, s.settingName)).toBe(false);
        expect(containsWord(out, s.settingName.split(' ')[0])).toBe(false);
        expect(containsWord(out, s.addressLine)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('CH-230 nothing shaped like a UK postcode survives, in any case or spacing', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const out = redact(narrativeOf(s), contextOf(s));
        for (const code of s.postcodes) expect(out.toLowerCase()).not.toContain(code.toLowerCase());
        expect(out.match(UK_POSTCODE)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  test('redaction is idempotent and leaves text without secrets as it was', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const context = contextOf(s);
        const once = redact(narrativeOf(s), context);
        expect(redact(once, context)).toBe(once);
        const plain = s.filler.join(' ');
        expect(redact(plain, context)).toBe(plain);
      }),
      { numRuns: 200 },
    );
  });

  test('names become neutral words for their role, so the sentence still reads', () => {
    const context: RedactionContext = {
      people: [
        { name: 'Jamie Morgan', initials: 'J.M.', role: PersonRole.CHILD },
        { name: 'Priya Shah', initials: 'P.S.', role: PersonRole.STAFF_MEMBER },
        { name: 'Anne Morgan', initials: 'A.M.', role: PersonRole.FAMILY_MEMBER },
      ],
      settingName: 'Larch House',
      address: { line1: '12 Acacia Avenue', town: 'Manchester', postcode: 'M1 1AE' },
      settingWord: 'the home',
    };
    expect(redact('J.M. told us Priya Shah helps; Anne visits Larch House at 12 Acacia Avenue, M1 1AE.', context)).toBe(
      'A child told us a member of staff helps; a family member visits the home.',
    );
  });
});

/** The setting of the examples below: a children's home in Manchester with a child, a member of staff and a parent on record. */
const HOME: RedactionContext = {
  people: [
    { name: 'Jamie Morgan', initials: 'J.M.', role: PersonRole.CHILD },
    { name: 'Tom Wilson', initials: 'T.W.', role: PersonRole.CHILD },
    { name: 'Priya Shah', initials: 'P.S.', role: PersonRole.STAFF_MEMBER },
    { name: 'Anne-Marie Morgan', role: PersonRole.FAMILY_MEMBER },
    { name: "Siobhán O'Neill", role: PersonRole.STAFF_MEMBER },
  ],
  settingName: 'Larch House',
  address: { line1: '14 Marlowe Crescent', line2: 'Didsbury', town: 'Manchester', postcode: 'M20 6RT' },
  settingWord: 'the home',
  publicPlaceNames: ['Manchester', 'North West'],
};
const clean = redactor(HOME);

describe('CH-228 every written form of a name on record is redacted', () => {
  test.each([
    ['J.M. settled well.', 'A child settled well.'],
    ['J. M. settled well.', 'A child settled well.'],
    ['JM settled well.', 'A child settled well.'],
    ['J M settled well.', 'A child settled well.'],
    ['J. Morgan settled well.', 'A child settled well.'],
    ['Jamie M. settled well.', 'A child settled well.'],
    ['JAMIE MORGAN settled well.', 'A child settled well.'],
    ['jamie settled well.', 'A child settled well.'],
    ['Ja\u200Bmie settled well.', 'A child settled well.'],
    ['T. W., thank you for talking to us.', 'A child, thank you for talking to us.'],
    ['Anne-Marie visits weekly; Anne Marie Morgan agreed.', 'A family member visits weekly; a family member agreed.'],
    ['Siobhán O’Neill leads the shift.', 'A member of staff leads the shift.'],
    ["Jamie's room is bright.", "A child's room is bright."],
    ['Staff said Tom and Jamie get on.', 'Staff said a child and a child get on.'],
  ])('%s', (text, expected) => {
    expect(clean.text(text)).toBe(expected);
  });

  test("a written form that ends inside another name's initials takes both: no letter of the initials is left", () => {
    const overlapping = redactor({
      ...HOME,
      people: [
        { name: 'Łukasz Nowak', initials: 'Ł.N.', role: PersonRole.CHILD },
        { name: 'Nina Adams', initials: 'N.A.', role: PersonRole.CHILD },
      ],
    });
    // "Łukasz N." (a first name and an initial) ends inside "N.A." (the other child's initials).
    expect(overlapping.text('Łukasz N.A. arrived.')).toBe('A child arrived.');
    expect(overlapping.text(overlapping.text('Łukasz N.A. arrived.'))).toBe('A child arrived.');
  });

  test('initials are taken only in capitals: "a.m." and "on" stay', () => {
    expect(clean.text('At 10 a.m. staff went on a walk.')).toBe('At 10 a.m. staff went on a walk.');
  });
});

describe('CH-228 replacements read as English, by where the name stands', () => {
  test.each([
    ['Dear Jamie, we enjoyed meeting you.', 'Dear young person, we enjoyed meeting you.'],
    ['Hello Priya, thank you.', 'Hello colleague, thank you.'],
    ["Jamie's key worker Priya helps with homework.", "A child's key worker helps with homework."],
    ['Their key worker, Priya Shah, said they are settled.', 'Their key worker said they are settled.'],
    ['His mother, Anne-Marie Morgan, visits.', 'His mother visits.'],
    ["The key worker Priya's plan is good.", "The key worker's plan is good."],
    ['Children said Larch House feels like home.', 'Children said the home feels like home.'],
    ['The Larch House team is stable.', 'The home team is stable.'],
    ["Larch House's garden is well kept.", "The home's garden is well kept."],
  ])('%s', (text, expected) => {
    expect(clean.text(text)).toBe(expected);
  });
});

describe("CH-230 every part of the setting's address is redacted", () => {
  test.each([
    ['Leaders improved the home on Marlowe Crescent.', 'Leaders improved the home.'],
    ['Children at Larch House, 14 Marlowe Crescent, Didsbury, M20 6RT, enjoy activities.', 'Children at the home enjoy activities.'],
    ['Children (14 Marlowe Crescent) enjoy activities.', 'Children enjoy activities.'],
    ['Jamie lives at 14 Marlowe Crescent.', 'A child lives at the home.'],
    ['They walk along Marlowe Cres to school.', 'They walk to school.'],
    ['Children enjoy trips into Didsbury.', 'Children enjoy trips into the local area.'],
    ['Children use the Didsbury shops.', 'Children use the local shops.'],
    ['Children know the M20 area well.', 'Children know the local area well.'],
    ['Corrected the address 14 Marlowe Crescent, M20 6RT.', 'Corrected the address.'],
    ['Children enjoy trips into Manchester.', 'Children enjoy trips into Manchester.'],
    ['14 Marlowe Crescent is a large house.', "The home's address is a large house."],
  ])('%s', (text, expected) => {
    expect(clean.text(text)).toBe(expected);
  });
});

describe('CH-228 CH-230 generic detectors: anything that identifies a person on its own', () => {
  test.each([
    ['Contact the manager on 07700 900123.', 'Contact the manager on a phone number.'],
    ['Email jamie.morgan@example.co.uk for details.', 'Email an email address for details.'],
    ['NHS number 943 476 5919 was on the file.', 'NHS number an NHS number was on the file.'],
    ['AB 12 34 56 C was written on the form.', 'A National Insurance number was written on the form.'],
    ['The file gave the date of birth: 12/03/2012.', 'The file gave the date of birth: withheld.'],
    ['A child, born on 12 March 2012, arrived.', 'A child, born on a date withheld, arrived.'],
    ['Any postcode, such as SW1A 1AA, goes.', 'Any postcode, such as a postcode, goes.'],
  ])('%s', (text, expected) => {
    expect(clean.text(text)).toBe(expected);
  });
});

describe('para 163 what is published by rule: the organisation and the responsible individual', () => {
  test("an organisation's address is shown without its postcode, and without a placeholder", () => {
    expect(clean.organisationAddress({ line1: '1 Deansgate', town: 'Manchester', postcode: 'M3 1AZ' })).toBe('1 Deansgate, Manchester');
  });

  test('an organisation run from the home itself shows no part of the address that locates it', () => {
    expect(clean.organisationAddress({ line1: '14 Marlowe Crescent', line2: 'Didsbury', town: 'Manchester', postcode: 'M20 6RT' })).toBe(
      'Manchester',
    );
    expect(
      redactor({ ...HOME, publicPlaceNames: [] }).organisationAddress({
        line1: '14 Marlowe Crescent',
        town: 'Manchester',
        postcode: 'M20 6RT',
      }),
    ).toBeNull();
  });

  test('a published name is kept, even when the person is also named in the records', () => {
    expect(clean.publishedName('Priya Shah')).toBe('Priya Shah');
    expect(clean.publishedName('Larch House Ltd')).toBe('The home Ltd');
  });
});

describe('public text that is not free text is checked, and refused when it could be anything else', () => {
  test('codes and identifiers take their exact shape only', () => {
    expect(publicCode('SC123456', 'URN')).toBe('SC123456');
    expect(() => publicCode('Jamie Morgan', 'URN')).toThrow(/refused/);
    expect(() => publicCode('E08000003 ', 'ONS_CODE')).toThrow(/refused/);
    expect(publicWords('REQUIRES_IMPROVEMENT_TO_BE_GOOD')).toBe('requires improvement to be good');
    expect(() => publicWords('Jamie')).toThrow(/refused/);
    const id = Buffer.from('Inspection:0b7c4e0e-3d0a-4f6e-9a53-7a2b5f0c1d2e').toString('base64');
    expect(publicNodeId(id)).toBe(id);
    expect(() => publicNodeId(Buffer.from('Inspection:Jamie Morgan').toString('base64'))).toThrow(/refused/);
  });

  test('reference names are names, and nothing the detectors find', () => {
    expect(publicReferenceName('Bristol, City of')).toBe('Bristol, City of');
    expect(() => publicReferenceName('call 07700 900123')).toThrow(/refused/);
  });

  test('templates take only template literals', () => {
    expect(publicTemplate`Registered for ${4} places`).toBe('Registered for 4 places');
    const forged = Object.assign(['Jamie Morgan'], { raw: ['Jamie Morgan'] });
    expect(() => publicTemplate(forged)).toThrow(/template literal/);
  });
});
