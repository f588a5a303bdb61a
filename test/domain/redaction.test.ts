import fc from 'fast-check';
import { PersonRole } from '../../src/domain/evidence';
import { COMMON_SETTING_WORDS, redact, UK_POSTCODE, type RedactionContext } from '../../src/domain/redaction';

/** Words the redacted text may legitimately contain: the neutral replacements and filler. */
const FILLER = ['the', 'child', 'said', 'they', 'felt', 'safe', 'staff', 'were', 'kind', 'at', 'and', 'in', 'on', 'with', 'records', 'showed', 'that'];
const NEUTRAL_WORDS = new Set(['a', 'child', 'family', 'member', 'of', 'staff', 'person', 'the', 'home', 'setting', 'its', 'address', 'postcode', ...FILLER]);

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
    .tuple(namePart.filter((part) => !COMMON_SETTING_WORDS.has(part.toLowerCase())), fc.constantFrom('House', 'Lodge', 'View', 'Cottage'))
    .map(([a, b]) => `${a} ${b}`),
  addressLine: fc.tuple(fc.integer({ min: 1, max: 250 }), namePart, fc.constantFrom('Road', 'Street', 'Avenue')).map(([n, a, b]) => `${n} ${a} ${b}`),
  postcodes: fc.array(postcode, { minLength: 1, maxLength: 3 }),
  filler: fc.array(fc.constantFrom(...FILLER), { minLength: 3, maxLength: 20 }),
  seed: fc.integer(),
});

function contextOf(s: { people: { name: string; role: PersonRole }[]; settingName: string; addressLine: string }): RedactionContext {
  return {
    people: s.people.map((p) => ({ ...p, initials: initialsOf(p.name) })),
    settingName: s.settingName,
    addressLines: [s.addressLine],
    settingWord: 'the home',
  };
}

/** A narrative that mixes filler with every secret, in varying case and order. */
function narrativeOf(s: { people: { name: string }[]; settingName: string; addressLine: string; postcodes: string[]; filler: string[]; seed: number }): string {
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
      addressLines: ['12 Acacia Avenue'],
      settingWord: 'the home',
    };
    expect(redact('J.M. told us Priya Shah helps; Anne visits Larch House at 12 Acacia Avenue, M1 1AE.', context)).toBe(
      'a child told us a member of staff helps; a family member visits the home at its address, a postcode.',
    );
  });
});
