import fc from 'fast-check';
import { detectIdentifiers, type Detection, type IdentifierKind } from '../../src/domain/identifier-detectors';

/** What was found, as [the text found, its kind], so failures read plainly. */
const found = (text: string) => detectIdentifiers(text).map((d): [string, IdentifierKind] => [text.slice(d.start, d.end), d.kind]);

/** The text holds exactly one identifier: `identifier`, of this kind. */
const expectOnly = (text: string, identifier: string, kind: IdentifierKind) => expect(found(text)).toEqual([[identifier, kind]]);

/** The check digit for nine NHS digits, or null when the number cannot be completed (remainder 10). */
function nhsCheckDigit(nine: readonly number[]): number | null {
  const sum = nine.reduce((total, digit, i) => total + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/** Words of letters only: never "at" or "dot", which spell out an email address. */
const fillerWord = fc.stringMatching(/^[A-Za-z]{1,10}$/).filter((word) => !/^(?:at|dot)$/i.test(word));
const filler = fc.array(fillerWord, { maxLength: 6 }).map((words) => words.join(' '));

/** `identifier` with filler words either side, and where it starts. */
const embedded = (identifier: fc.Arbitrary<string>) =>
  fc.tuple(filler, identifier, filler).map(([before, id, after]) => {
    const start = before === '' ? 0 : before.length + 1;
    const text = [before, id, after].filter((part) => part !== '').join(' ');
    return { text, id, start };
  });

describe('email addresses', () => {
  test('an ordinary address is found whole, without the full stop after it', () => {
    expectOnly('Contact jamie.morgan@example.co.uk.', 'jamie.morgan@example.co.uk', 'EMAIL');
  });

  test('plus signs, capitals and a spaced @ are addresses too', () => {
    expectOnly('send to a+b@x.org please', 'a+b@x.org', 'EMAIL');
    expectOnly('JAMIE.MORGAN@EXAMPLE.COM', 'JAMIE.MORGAN@EXAMPLE.COM', 'EMAIL');
    expectOnly('(jamie @ example.org)', 'jamie @ example.org', 'EMAIL');
  });

  test('an address spelt out with "at" and "dot" is found whole', () => {
    expectOnly('write to jamie at example dot com today', 'jamie at example dot com', 'EMAIL');
    expectOnly('JAMIE AT EXAMPLE DOT CO DOT UK', 'JAMIE AT EXAMPLE DOT CO DOT UK', 'EMAIL');
    expectOnly('jamie dot morgan at example dot com', 'jamie dot morgan at example dot com', 'EMAIL');
  });

  test('an address with bracketed "[at]" and "[dot]" is found whole', () => {
    expectOnly('jamie [at] example [dot] com', 'jamie [at] example [dot] com', 'EMAIL');
    expectOnly('jamie(at)example(dot)com', 'jamie(at)example(dot)com', 'EMAIL');
    expectOnly('jamie [at] example.com', 'jamie [at] example.com', 'EMAIL');
  });

  test('the everyday word "at" is not an address', () => {
    expect(found('The children were at school and staff at home.')).toEqual([]);
    expect(found('Guidance is available at www.gov.uk and at ofsted.gov.uk.')).toEqual([]);
    expect(found('She pointed at the dot on the map.')).toEqual([]);
  });

  test('a handle, a bare domain or an @ with nothing round it is not an address', () => {
    expect(found('Follow @ofstednews for updates')).toEqual([]);
    expect(found('jamie@localhost')).toEqual([]);
    expect(found('x @ y')).toEqual([]);
  });
});

describe('phone numbers', () => {
  test.each([
    '07700 900123',
    '07700900123',
    '07700 900 123',
    '+44 7700 900123',
    '+447700900123',
    '+44 (0)7700 900123',
    '0044 7700 900123',
    '+44 20 7946 0000',
    '0161 496 0000',
    '(0161) 496 0000',
    '020 7946 0000',
    '(020) 7946 0000',
    '0113-496-0000',
    '01632 960 001',
    '01632 960001',
    '0800 123 4567',
    '0800 123 456',
  ])('%s is a phone number', (phone) => {
    expectOnly(`Call ${phone} after six.`, phone, 'PHONE');
  });

  test('the number stops before a count that follows it', () => {
    expectOnly('Ring 0161 496 0000 12 children live here', '0161 496 0000', 'PHONE');
  });

  test('two numbers side by side are two phone numbers', () => {
    expect(found('07700 900123 07700 900124')).toEqual([
      ['07700 900123', 'PHONE'],
      ['07700 900124', 'PHONE'],
    ]);
  });

  test.each([
    ['a year', 'In 2026 the home improved.'],
    ['a date with slashes', 'Visited on 12/03/2026.'],
    ['an ISO date', 'Visited on 2026-03-12.'],
    ['an amount of money', 'It cost £1,200,000 to rebuild.'],
    ['a regulation number', 'Regulation 12 was not met.'],
    ['a time', 'The visit began at 10:30.'],
    ['a count', '12 children and 4 places.'],
    ['a URN', 'URN SC123456 is registered.'],
    ['a seven-digit number', 'Reference 1234567 was used.'],
    ['a number too short to dial', 'Ring 0161 496.'],
    ['a number too long to dial', 'Ring 016149600001234.'],
  ])('%s is not a phone number', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('NHS numbers', () => {
  test.each(['943 476 5919', '943-476-5919', '9434765919'])('%s, with a valid check digit, is an NHS number', (nhs) => {
    expectOnly(`The record shows ${nhs} for the child.`, nhs, 'NHS_NUMBER');
  });

  test('a 3-3-4 number with a wrong check digit and no keyword is nothing', () => {
    expect(found('The record shows 943 476 5918.')).toEqual([]);
    expect(found('9434765918')).toEqual([]);
  });

  test('nine digits whose check digit would be 10 never make an NHS number without a keyword', () => {
    const nine = findNineDigits((digits) => nhsCheckDigit(digits) === null);
    for (let last = 0; last <= 9; last++) {
      expect(found(`ref ${nine.join('')}${last} end`).filter(([, kind]) => kind === 'NHS_NUMBER')).toEqual([]);
    }
  });

  test('after "NHS number" any ten digits are an NHS number, whatever the check digit', () => {
    expectOnly('NHS number: 943 476 5918', '943 476 5918', 'NHS_NUMBER');
    expectOnly('NHS no 1234567890 was recorded', '1234567890', 'NHS_NUMBER');
    expectOnly('his NHS No. 123-456-7890', '123-456-7890', 'NHS_NUMBER');
    expectOnly('NHS No.: 1234 567 890', '1234 567 890', 'NHS_NUMBER');
  });

  test('a 3-3-4 number starting with 0 with a wrong check digit is a phone number', () => {
    expectOnly('Ring 012 345 6788', '012 345 6788', 'PHONE');
  });

  test('a 3-3-4 number starting with 0 with a valid check digit is an NHS number, not a phone number', () => {
    expectOnly('Ring 012 345 6789', '012 345 6789', 'NHS_NUMBER');
  });

  test('an NHS number inside a longer run of digits is not taken', () => {
    expect(found('Account 19434765919')).toEqual([]);
  });
});

/** Nine digits meeting `test`, found by walking the numbers from 000000000 up. */
function findNineDigits(test: (digits: number[]) => boolean): number[] {
  for (let n = 0; n < 1_000_000_000; n++) {
    const digits = String(n).padStart(9, '0').split('').map(Number);
    if (test(digits)) return digits;
  }
  throw new Error('none found');
}

describe('National Insurance numbers', () => {
  test.each(['AB 12 34 56 C', 'AB123456C', 'ab 123456 c', 'JG 10 37 59 A', 'ce-12-34-56-d', 'AB 123456 D'])(
    '%s is a National Insurance number',
    (nino) => {
      expectOnly(`Her number is ${nino}.`, nino, 'NATIONAL_INSURANCE_NUMBER');
    },
  );

  test("HMRC's specimen prefix QQ is never issued, so is only taken after a keyword", () => {
    expect(found('QQ 12 34 56 C')).toEqual([]);
    expect(found('QQ123456C')).toEqual([]);
    expect(found('qq 123456 c')).toEqual([]);
    expectOnly('National Insurance number QQ 12 34 56 C', 'QQ 12 34 56 C', 'NATIONAL_INSURANCE_NUMBER');
    expectOnly('NI number: QQ123456C', 'QQ123456C', 'NATIONAL_INSURANCE_NUMBER');
    expectOnly('NINO qq 123456 c', 'qq 123456 c', 'NATIONAL_INSURANCE_NUMBER');
  });

  test.each(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'])('the never-issued prefix %s is only taken after a keyword', (prefix) => {
    expect(found(`${prefix} 12 34 56 A`)).toEqual([]);
    expectOnly(`NI number ${prefix} 12 34 56 A`, `${prefix} 12 34 56 A`, 'NATIONAL_INSURANCE_NUMBER');
  });

  test.each(['DA', 'FA', 'IA', 'QA', 'UA', 'VA', 'AD', 'AF', 'AI', 'AO', 'AQ', 'AU', 'AV'])(
    'the prefix %s breaks the letter rules',
    (prefix) => {
      expect(found(`${prefix} 12 34 56 A`)).toEqual([]);
    },
  );

  test('the suffix must be A, B, C or D', () => {
    expect(found('AB 12 34 56 E')).toEqual([]);
    expect(found('AB123456Z')).toEqual([]);
  });

  test('without a keyword the suffix is needed; after one it may be missing', () => {
    expect(found('AB 12 34 56 was noted')).toEqual([]);
    expectOnly('NINO: AB 12 34 56 was noted', 'AB 12 34 56', 'NATIONAL_INSURANCE_NUMBER');
    expectOnly('national insurance number TN123456', 'TN123456', 'NATIONAL_INSURANCE_NUMBER');
  });

  test('a date with mixed separators after the word "on" is not a National Insurance number', () => {
    expect(found('We met on 10-10-90 a little after noon.')).toEqual([]);
    expect(found('AB 12-34-56 C')).toEqual([]);
    expectOnly('NI number AB 12-34-56 C', 'AB 12-34-56 C', 'NATIONAL_INSURANCE_NUMBER');
  });

  test('after a keyword a lower-case word after a capital number is not taken as its suffix', () => {
    expectOnly('NINO AB 12 34 56 a while ago', 'AB 12 34 56', 'NATIONAL_INSURANCE_NUMBER');
  });

  test('a URN followed by the word "a" is not a National Insurance number', () => {
    expect(found('URN SC123456 a children’s home')).toEqual([]);
    expect(found('URN SC123456')).toEqual([]);
  });
});

describe('dates of birth', () => {
  test.each([
    ['date of birth 12/03/2012', '12/03/2012'],
    ['Date of birth: 12-03-2012', '12-03-2012'],
    ['DOB 12.03.2012', '12.03.2012'],
    ['D.O.B. 12/3/12', '12/3/12'],
    ['d.o.b: 2012-03-12', '2012-03-12'],
    ['born 12 March 2012', '12 March 2012'],
    ['born on 12th March 2012', '12th March 2012'],
    ['born on the 12th of March 2012', '12th of March 2012'],
    ['Born: March 12, 2012', 'March 12, 2012'],
    ['DOB (12 Mar 2012)', '12 Mar 2012'],
    ['birthday 12 March', '12 March'],
    ['birthday is 12 March', '12 March'],
    ['birthday on March 12', 'March 12'],
    ['born on Monday 12 March 2012', '12 March 2012'],
  ])('"%s" gives the date alone', (text, date) => {
    expectOnly(`The child's ${text}, as recorded.`, date, 'DATE_OF_BIRTH');
  });

  test('the keyword stays, so a caller can write "date of birth withheld"', () => {
    const text = 'Date of birth: 12/03/2012.';
    const [detection] = detectIdentifiers(text);
    expect(`${text.slice(0, detection.start)}withheld${text.slice(detection.end)}`).toBe('Date of birth: withheld.');
  });

  test('a year alone is an age band, not a date of birth', () => {
    expect(found('The child was born in 2012.')).toEqual([]);
    expect(found('born 2012')).toEqual([]);
  });

  test('a date with no keyword before it is never a date of birth', () => {
    expect(found('The inspection took place on 12 March 2026 and 13/03/2026.')).toEqual([]);
    expect(found('Date of birth withheld. Visit on 12 March 2026.')).toEqual([]);
  });

  test('"born" inside another word is not a keyword', () => {
    expect(found('The unborn 12 March 2012 stubborn 12/03/2012')).toEqual([]);
  });

  test('an impossible date is not a date', () => {
    expect(found('DOB 32/13/2012')).toEqual([]);
    expect(found('born 40 March 2012')).toEqual([]);
  });
});

describe('several identifiers together', () => {
  test('each is found, in order of position', () => {
    const text = 'Jamie (DOB 12/03/2012, NHS number 943 476 5919, NI AB123456C... NINO AB123456C) on 07700 900123 or jamie@example.com.';
    expect(found(text)).toEqual([
      ['12/03/2012', 'DATE_OF_BIRTH'],
      ['943 476 5919', 'NHS_NUMBER'],
      ['AB123456C', 'NATIONAL_INSURANCE_NUMBER'],
      ['AB123456C', 'NATIONAL_INSURANCE_NUMBER'],
      ['07700 900123', 'PHONE'],
      ['jamie@example.com', 'EMAIL'],
    ]);
  });

  test('on overlap the longer identifier is kept', () => {
    // A phone number written as the local part of an address: the address wins.
    expectOnly('07700900123@example.com', '07700900123@example.com', 'EMAIL');
    // +44 makes a phone number of ten digits that would otherwise be an NHS number.
    expectOnly('+44 943 476 5919', '+44 943 476 5919', 'PHONE');
  });

  test('empty text has nothing in it', () => {
    expect(detectIdentifiers('')).toEqual([]);
  });
});

describe('properties', () => {
  const digit = fc.integer({ min: 0, max: 9 });

  const validNhsNumber = fc
    .tuple(fc.array(digit, { minLength: 9, maxLength: 9 }), fc.constantFrom('plain', 'spaces', 'hyphens'))
    .filter(([nine]) => nhsCheckDigit(nine) !== null)
    .map(([nine, style]) => {
      const all = `${nine.join('')}${nhsCheckDigit(nine)}`;
      if (style === 'plain') return all;
      const separator = style === 'spaces' ? ' ' : '-';
      return [all.slice(0, 3), all.slice(3, 6), all.slice(6)].join(separator);
    });

  const validNino = fc
    .tuple(
      fc.constantFrom(...'ABCEGHJKLMNOPRSTWXYZ'),
      fc.constantFrom(...'ABCEGHJKLMNPRSTWXYZ'),
      fc.array(digit, { minLength: 6, maxLength: 6 }),
      fc.constantFrom(...'ABCD'),
      fc.constantFrom('2-2-2', '6', 'compact'),
      fc.boolean(),
    )
    .filter(([first, second]) => !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(first + second))
    .map(([first, second, digits, suffix, style, lower]) => {
      const d = digits.join('');
      const nino =
        style === '2-2-2'
          ? `${first}${second} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${suffix}`
          : style === '6'
            ? `${first}${second} ${d} ${suffix}`
            : `${first}${second}${d}${suffix}`;
      return lower ? nino.toLowerCase() : nino;
    });

  const mobile = fc
    .tuple(fc.array(digit, { minLength: 9, maxLength: 9 }), fc.constantFrom('plain', '5-6', '5-3-3', '+44', '+44 (0)'))
    .map(([nine, style]) => {
      const n = `7${nine.join('')}`; // 10 digits after the trunk 0
      if (style === 'plain') return `0${n}`;
      if (style === '5-6') return `0${n.slice(0, 4)} ${n.slice(4)}`;
      if (style === '5-3-3') return `0${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
      return `${style} ${n.slice(0, 4)} ${n.slice(4)}`;
    });

  const MONTH_NAMES = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  const dateOfBirth = fc
    .tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1990, max: 2025 }),
      fc.integer({ min: 0, max: 6 }),
    )
    .map(([day, month, year, style]) => {
      const dd = String(day).padStart(2, '0');
      const mm = String(month).padStart(2, '0');
      const name = MONTH_NAMES[month - 1];
      return [
        `${dd}/${mm}/${year}`,
        `${day}-${month}-${String(year).slice(2)}`,
        `${year}-${mm}-${dd}`,
        `${day} ${name} ${year}`,
        `${day}th ${name.slice(0, 3)} ${year}`,
        `${name} ${day}, ${year}`,
        `${day} ${name}`,
      ][style];
    });
  const dobKeyword = fc.constantFrom(
    'date of birth',
    'Date of birth:',
    'DOB',
    'D.O.B.',
    'd.o.b',
    'born',
    'born on',
    'birthday',
    'birthday is',
    'birthday on',
  );

  test('a valid NHS number among filler words is found with its exact span', () => {
    fc.assert(
      fc.property(embedded(validNhsNumber), ({ text, id, start }) => {
        expect(detectIdentifiers(text)).toEqual([{ start, end: start + id.length, kind: 'NHS_NUMBER' }]);
      }),
    );
  });

  test('a valid National Insurance number among filler words is found with its exact span', () => {
    fc.assert(
      fc.property(embedded(validNino), ({ text, id, start }) => {
        expect(detectIdentifiers(text)).toEqual([{ start, end: start + id.length, kind: 'NATIONAL_INSURANCE_NUMBER' }]);
      }),
    );
  });

  test('a UK mobile number among filler words is found with its exact span', () => {
    fc.assert(
      fc.property(embedded(mobile), ({ text, id, start }) => {
        expect(detectIdentifiers(text)).toEqual([{ start, end: start + id.length, kind: 'PHONE' }]);
      }),
    );
  });

  test('a date after a date-of-birth keyword is found, and the span is the date alone', () => {
    fc.assert(
      fc.property(filler, dobKeyword, dateOfBirth, filler, (before, keyword, date, after) => {
        const lead = `${before} ${keyword} `.trimStart();
        const text = `${lead}${date}${after === '' ? '' : ` ${after}`}`;
        expect(detectIdentifiers(text)).toEqual([{ start: lead.length, end: lead.length + date.length, kind: 'DATE_OF_BIRTH' }]);
      }),
    );
  });

  test('the same dates with no keyword before them are never found', () => {
    fc.assert(
      fc.property(filler, dateOfBirth, filler, (before, date, after) => {
        fc.pre(!/\b(?:born|birthday|dob|birth)$/i.test(before));
        expect(detectIdentifiers(`${before} on ${date} ${after}`)).toEqual([]);
      }),
    );
  });

  test('filler words made only of letters are never detected', () => {
    fc.assert(
      fc.property(fc.array(fillerWord, { maxLength: 30 }), fc.constantFrom(' ', '\n', ', ', '. '), (words, separator) => {
        expect(detectIdentifiers(words.join(separator))).toEqual([]);
      }),
    );
  });

  const piece = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: fc.constantFrom(...'0123456789 .-@+()/:'), maxLength: 20 }),
    fc.constantFrom('NHS number ', 'NINO ', 'born ', 'DOB: ', ' at ', ' dot ', '[at]', '@', '+44 ', '(0)', 'AB', 'March ', '.com', 'x'),
    validNhsNumber,
    validNino,
    mobile,
  );
  const arbitraryText = fc.array(piece, { maxLength: 20 }).map((pieces) => pieces.join(''));

  test('detections are in bounds, sorted by start and never overlap, whatever the text', () => {
    const kinds: IdentifierKind[] = ['EMAIL', 'PHONE', 'NHS_NUMBER', 'NATIONAL_INSURANCE_NUMBER', 'DATE_OF_BIRTH'];
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const detections: Detection[] = detectIdentifiers(text);
        for (const [i, d] of detections.entries()) {
          expect(kinds).toContain(d.kind);
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeGreaterThan(d.start);
          expect(d.end).toBeLessThanOrEqual(text.length);
          if (i > 0) expect(d.start).toBeGreaterThanOrEqual(detections[i - 1].end);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('detection is deterministic', () => {
    fc.assert(fc.property(arbitraryText, (text) => expect(detectIdentifiers(text)).toEqual(detectIdentifiers(text))));
  });
});

describe('hostile input', () => {
  const LENGTH = 200_000;

  /** A repeatable pseudo-random sequence, so a slow case can be replayed. */
  function randomText(alphabet: string, seed: number): string {
    let state = seed;
    let text = '';
    for (let i = 0; i < LENGTH; i++) {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      text += alphabet[state % alphabet.length];
    }
    return text;
  }
  const repeated = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

  test.each([
    ['random digits, spaces, dots and @', randomText('0123456789 .@', 1)],
    ['random digits, spaces, hyphens, plus and brackets', randomText('0123456789 -+()', 2)],
    ['one long run of digits', repeated('0')],
    ['zeros and spaces', repeated('0 ')],
    ['digits and dots', repeated('1.')],
    ['@ and dots', repeated('@.')],
    ['letters then @', repeated('a@')],
    ['a long local part and a long domain', `${'a'.repeat(LENGTH / 2 - 1)}@${repeated('b.').slice(0, LENGTH / 2)}`],
    ['spelt-out at and dot', repeated('x at y dot ')],
    ['bracketed at and dot', repeated('x [at] y [dot] ')],
    ['keywords with nothing after them', repeated('NHS number NINO born DOB ')],
    ['international prefixes', repeated('+44 (0)')],
    ['spaces', repeated(' ')],
    ['phone numbers back to back', repeated('0161 496 0000 ')],
    ['addresses back to back', repeated('a@b.co ')],
    ['a domain of hyphens', `x@${'-'.repeat(LENGTH - 2)}`],
    ['keywords followed by digits', repeated('NHS number 12 DOB 1/1/ born 1 March NINO AB1 ')],
  ])('%s (200,000 characters) is scanned in well under a second', (_what, text) => {
    expect(text.length).toBe(LENGTH);
    const started = performance.now();
    detectIdentifiers(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
