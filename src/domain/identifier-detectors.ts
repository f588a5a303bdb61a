/**
 * Detectors for identifiers of a person in inspectors' free text (published reports must never
 * hold one): email addresses, UK phone numbers, NHS numbers, National Insurance numbers and
 * dates of birth. Pure functions, no I/O.
 *
 * Hostile input: every regular expression here has bounded quantifiers or is unambiguous (each
 * character can be matched one way only), and email addresses are found by scanning out from
 * each "@" / "at" rather than by a regex over the whole address, so the work is linear in the
 * length of the text.
 *
 * Judgement calls, in the direction of protecting people (over-redaction is cheap, a leak is not):
 * - EMAIL: the plain word "at" is only an email separator when the domain has at least one spelt
 *   "dot" / "[dot]" and ends in a common top-level domain ("jamie at example dot com"), so that
 *   "available at www.gov.uk" or "we met at school" are left alone. "[at]", "(at)" and "@" (with or
 *   without spaces around it) are unambiguous and take any domain ending in letters.
 * - PHONE: a national number is 0, then a digit 1-9, then 8 or 9 more digits (10 or 11 in all),
 *   written in up to four groups separated by a space, hyphen or dot; the first group holds 3-6
 *   digits (or the whole number), with an optional +44 / 0044 (and "(0)") or a bracketed area code.
 * - NHS_NUMBER: 10 digits as 3-3-4 (space, hyphen or dot) or run together, valid modulus 11; any
 *   10 digits, however grouped, directly after "NHS number" / "NHS no" / "NHS No." / "NHS #".
 *   A valid NHS number that is also shaped like a phone number (e.g. 012 345 6789) is an NHS number.
 * - NATIONAL_INSURANCE_NUMBER (HMRC's rules, NIM39110): the first prefix letter is not D, F, I, Q,
 *   U or V; the second is not D, F, I, O, Q, U or V; BG, GB, KN, NK, NT, TN and ZZ are never
 *   issued; six digits; suffix A, B, C or D. So HMRC's specimen "QQ 12 34 56 C" is not detected on
 *   its own (QQ is never issued) but is after a keyword. After "National Insurance number", "NI
 *   number", "NI no" or "NINO" any two letters are taken and the suffix may be missing. Letters
 *   are matched in any case, except that a lower-case suffix set apart by a space after a capital
 *   prefix is read as the next word ("URN SC123456 a children's home"). Digits are grouped 2-2-2 or run together, and the
 *   separators written (space or hyphen) must all be the same, so a date such as "on 10-10-90 a" is not taken.
 * - DATE_OF_BIRTH: only right after a keyword; the span is the date alone. Day and month without
 *   a year ("12 March") are taken after every keyword, a year alone ("born in 2012") or a month and
 *   year ("born in March 2012") never. Numeric dates are day-month-year, but month-day-year is
 *   also accepted when only that reading is a date (e.g. 03/25/2012).
 */

export type IdentifierKind = 'EMAIL' | 'PHONE' | 'NHS_NUMBER' | 'NATIONAL_INSURANCE_NUMBER' | 'DATE_OF_BIRTH';

export interface Detection {
  start: number;
  end: number;
  kind: IdentifierKind;
}

/** Which kind is kept when two candidates have exactly the same span. */
const PRIORITY: Record<IdentifierKind, number> = { NHS_NUMBER: 0, NATIONAL_INSURANCE_NUMBER: 1, DATE_OF_BIRTH: 2, EMAIL: 3, PHONE: 4 };

/**
 * Every identifier found in the text: sorted by start, never overlapping (on overlap the longer
 * candidate is kept, then the earlier one). `end` is exclusive.
 */
export function detectIdentifiers(text: string): Detection[] {
  const candidates = [...emails(text), ...phones(text), ...nhsNumbers(text), ...niNumbers(text), ...datesOfBirth(text)];
  return withoutOverlaps(text.length, candidates);
}

function withoutOverlaps(length: number, candidates: Detection[]): Detection[] {
  const order = candidates
    .slice()
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || PRIORITY[a.kind] - PRIORITY[b.kind]);
  const taken = new Uint8Array(length);
  const kept: Detection[] = [];
  for (const candidate of order) {
    let free = true;
    for (let i = candidate.start; i < candidate.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, candidate.start, candidate.end);
    kept.push({ start: candidate.start, end: candidate.end, kind: candidate.kind });
  }
  return kept.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Characters

const NON_ASCII_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** A letter or digit in any script; '' (past either end of the text) is not. */
function isLetterOrDigit(ch: string): boolean {
  if (ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return NON_ASCII_LETTER_OR_DIGIT.test(ch);
}

const LOCAL_PART_SYMBOLS = ".!#$%&'*+=?^_~-";
const isLocalPartChar = (ch: string) => ch !== '' && (isLetterOrDigit(ch) || LOCAL_PART_SYMBOLS.includes(ch));

// ---------------------------------------------------------------------------------------------
// EMAIL

const bracketed = (word: string) => String.raw`[ \t]{0,3}[[({<][ \t]{0,3}${word}[ \t]{0,3}[\])}>][ \t]{0,3}`;
const spoken = (word: string) => String.raw`[ \t]{1,3}${word}[ \t]{1,3}`;

/** "@" (group 3), " [at] " (group 1) or the word " at " (group 2). */
const AT_SEPARATOR = new RegExp(`(${bracketed('at')})|(${spoken('at')})|([ \\t]{0,3}@[ \\t]{0,3})`, 'gi');
const SPELT_DOT_AFTER = new RegExp(`${bracketed('dot')}|${spoken('dot')}`, 'iy');
const SPELT_DOT_BEFORE = new RegExp(`(?:${bracketed('dot')}|${spoken('dot')})$`, 'i');

/** Top-level domains an address with a spoken "at" must end in. */
const COMMON_TOP_LEVEL_DOMAINS = new Set(
  'com org net uk gov edu info io co ac nhs sch ie eu biz me us scot wales cymru london ai app dev email online ca au nz de fr es'.split(
    ' ',
  ),
);
const TOP_LEVEL_DOMAIN = /^\p{L}{2,63}$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
/** Bounds the number of spelt-out "dot"s followed, so one address cannot chain through the text. */
const MAX_SPELT_DOTS = 16;

function emails(text: string): Detection[] {
  const found: Detection[] = [];
  AT_SEPARATOR.lastIndex = 0;
  for (let m = AT_SEPARATOR.exec(text); m; m = AT_SEPARATOR.exec(text)) {
    const isBareAt = m[3] === '@';
    const start = localPartStart(text, m.index, !isBareAt);
    if (start === null) continue;
    const end = domainEnd(text, m.index + m[0].length, m[2] !== undefined);
    if (end !== null) found.push({ start, end, kind: 'EMAIL' });
  }
  return found;
}

/** Start of the local part ending at `end`, or null; an obfuscated address may spell its dots ("jamie dot morgan at ..."). */
function localPartStart(text: string, end: number, followSpeltDots: boolean): number | null {
  let start = scanLocalPart(text, end);
  if (start === null || !followSpeltDots) return start;
  for (let steps = 0; steps < MAX_SPELT_DOTS; steps++) {
    const dot = SPELT_DOT_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
    if (!dot) break;
    const earlier = scanLocalPart(text, start - dot[0].length);
    if (earlier === null) break;
    start = earlier;
  }
  return start;
}

function scanLocalPart(text: string, end: number): number | null {
  let start = end;
  while (start > 0 && isLocalPartChar(text.charAt(start - 1))) start--;
  while (start < end && !isLetterOrDigit(text.charAt(start))) start++; // a leading quote or dot is punctuation
  return start < end ? start : null;
}

/**
 * End of the longest acceptable domain starting at `from`, or null. Labels are separated by "." or
 * by a spelt-out "dot"; there must be at least two, the last made of letters.
 */
function domainEnd(text: string, from: number, spokenAt: boolean): number | null {
  let best: number | null = null;
  let labels = 0;
  let spelt = false;
  let pos = from;
  for (let speltDots = 0; speltDots <= MAX_SPELT_DOTS; speltDots++) {
    for (;;) {
      let end = pos;
      while (end < text.length && (isLetterOrDigit(text.charAt(end)) || text.charAt(end) === '-')) end++;
      const label = text.slice(pos, end);
      if (!DOMAIN_LABEL.test(label)) return best;
      labels++;
      const topLevel = spokenAt ? spelt && COMMON_TOP_LEVEL_DOMAINS.has(label.toLowerCase()) : TOP_LEVEL_DOMAIN.test(label);
      if (labels >= 2 && topLevel) best = end;
      pos = end;
      if (text.charAt(end) !== '.' || !isLetterOrDigit(text.charAt(end + 1))) break;
      pos = end + 1;
    }
    SPELT_DOT_AFTER.lastIndex = pos;
    const dot = SPELT_DOT_AFTER.exec(text);
    if (!dot || !isLetterOrDigit(text.charAt(pos + dot[0].length))) return best;
    pos += dot[0].length;
    spelt = true;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// PHONE

/**
 * A run of digit groups that may be a UK phone number: +44 / 0044 (optionally with "(0)"), or a
 * bracketed area code, or a number starting with 0. Which leading groups form the number is
 * decided in code, so "0161 496 0000 12 children" gives the number alone.
 */
const PHONE_RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}+])(?:(?<intl>(?:\+|00)44[ .-]?(?<trunk>\(0\)[ .-]?)?)|\((?<area>0\d{2,5})\)[ .-]?|(?=0))` +
    String.raw`(?<groups>\d{1,11}(?:[ .-]\d{1,8}){0,3})(?![\p{L}\p{N}])`,
  'gu',
);
const UK_NATIONAL_NUMBER = /^0[1-9]\d{8,9}$/;

function phones(text: string): Detection[] {
  const found: Detection[] = [];
  PHONE_RUN.lastIndex = 0;
  for (let m = PHONE_RUN.exec(text); m; m = PHONE_RUN.exec(text)) {
    const { intl, trunk, area, groups } = m.groups as Record<string, string | undefined>;
    const run = groups ?? '';
    const parts = run.split(/[ .-]/);
    const groupsStart = m.index + m[0].length - run.length;
    let end: number | null = null;
    for (let k = parts.length; k >= 1 && end === null; k--) {
      const used = parts.slice(0, k);
      if (isUkPhone(used, intl !== undefined, trunk !== undefined, area)) end = groupsStart + used.join(' ').length;
    }
    if (end !== null) found.push({ start: m.index, end, kind: 'PHONE' });
    PHONE_RUN.lastIndex = end ?? m.index + 1;
  }
  return found;
}

function isUkPhone(parts: string[], intl: boolean, trunk: boolean, area: string | undefined): boolean {
  const [first, ...rest] = parts;
  if (rest.some((part) => part.length < 2)) return false;
  const digits = parts.join('');
  let national: string;
  if (area !== undefined) {
    if (first.length < 2) return false;
    national = area + digits;
  } else if (intl) {
    if (trunk && first.startsWith('0')) return false;
    const significant = first.replace(/^0/, '');
    if (rest.length > 0 && (significant.length < 1 || significant.length > 5)) return false;
    national = first.startsWith('0') ? digits : `0${digits}`;
  } else {
    if (rest.length > 0 && (first.length < 3 || first.length > 6)) return false;
    national = digits;
  }
  return UK_NATIONAL_NUMBER.test(national);
}

// ---------------------------------------------------------------------------------------------
// NHS_NUMBER

const NHS_SHAPE = /(?<![\p{L}\p{N}])\d{3}[ .-]?\d{3}[ .-]?\d{4}(?![\p{L}\p{N}])/gu;
/** What may stand between a keyword and the identifier: a colon or dash, an opening bracket, "is". */
const KEYWORD_FILLER = String.raw`\s{0,3}(?:[:\-–]\s{0,3})?(?:\(\s{0,2})?(?:is\s{1,3})?`;
const NHS_KEYWORD = new RegExp(String.raw`(?<![\p{L}\p{N}])NHS[ \t]{0,3}(?:number|num\.?|no\.?|#)(?!\p{L})${KEYWORD_FILLER}`, 'giu');
const NHS_KEYED_DIGITS = /\d(?:[ .-]?\d){9}(?![\p{L}\p{N}])/uy;

/** Modulus 11: weights 10..2 on the first nine digits; 11 - (sum mod 11) is the check digit, 11 meaning 0 and 10 invalid. */
function hasValidNhsCheckDigit(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

function nhsNumbers(text: string): Detection[] {
  const found: Detection[] = [];
  NHS_SHAPE.lastIndex = 0;
  for (let m = NHS_SHAPE.exec(text); m; m = NHS_SHAPE.exec(text)) {
    if (hasValidNhsCheckDigit(m[0].replace(/\D/g, ''))) found.push({ start: m.index, end: m.index + m[0].length, kind: 'NHS_NUMBER' });
    else NHS_SHAPE.lastIndex = m.index + 1;
  }
  NHS_KEYWORD.lastIndex = 0;
  for (let m = NHS_KEYWORD.exec(text); m; m = NHS_KEYWORD.exec(text)) {
    const start = m.index + m[0].length;
    NHS_KEYED_DIGITS.lastIndex = start;
    const digits = NHS_KEYED_DIGITS.exec(text);
    if (digits) found.push({ start, end: start + digits[0].length, kind: 'NHS_NUMBER' });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// NATIONAL_INSURANCE_NUMBER

const NI_NEVER_ISSUED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
/**
 * Prefix (group 1), six digits grouped 2-2-2 (one separator, group 3) or run together, suffix (group 5). Separators (groups 2, 3,
 * 4) are checked in code: the ones present must all be the same, so "on 10-10-90 a" (a date) is not taken.
 */
const NI_NUMBER = /(?<![\p{L}\p{N}])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])([ -]?)\d\d([ -]?)\d\d\3\d\d([ -]?)([A-D])(?![\p{L}\p{N}])/giu;
const NI_KEYWORD = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:national[ \t]{1,3}insurance(?:[ \t]{1,3}(?:number|no\.?))?|NI[ \t]{1,3}(?:number|no\.?)|NINO)(?!\p{L})` +
    KEYWORD_FILLER,
  'giu',
);
const NI_KEYED_NUMBER = /([A-Z]{2})([ -]?)\d\d([ -]?)\d\d\3\d\d(?:([ -]?)([A-D]))?(?![\p{L}\p{N}])/iuy;

/** A lower-case letter set apart after a capital prefix is the next word, not the suffix. */
const suffixIsNextWord = (prefix: string, separator: string, suffix: string) =>
  separator !== '' && prefix === prefix.toUpperCase() && suffix !== suffix.toUpperCase();

/** The separators written (space or hyphen) are all the same one. */
const sameSeparators = (...separators: (string | undefined)[]) => new Set(separators.filter((s) => s !== undefined && s !== '')).size <= 1;

function niNumbers(text: string): Detection[] {
  const found: Detection[] = [];
  NI_NUMBER.lastIndex = 0;
  for (let m = NI_NUMBER.exec(text); m; m = NI_NUMBER.exec(text)) {
    const [whole, prefix, afterPrefix, betweenDigits, beforeSuffix, suffix] = m;
    const issued = !NI_NEVER_ISSUED.has(prefix.toUpperCase());
    if (issued && sameSeparators(afterPrefix, betweenDigits, beforeSuffix) && !suffixIsNextWord(prefix, beforeSuffix, suffix)) {
      found.push({ start: m.index, end: m.index + whole.length, kind: 'NATIONAL_INSURANCE_NUMBER' });
    } else {
      NI_NUMBER.lastIndex = m.index + 1;
    }
  }
  NI_KEYWORD.lastIndex = 0;
  for (let m = NI_KEYWORD.exec(text); m; m = NI_KEYWORD.exec(text)) {
    const start = m.index + m[0].length;
    NI_KEYED_NUMBER.lastIndex = start;
    const number = NI_KEYED_NUMBER.exec(text);
    if (!number) continue;
    // After a keyword the number is not in doubt: mixed separators are taken too.
    const [whole, prefix, , , beforeSuffix, suffix] = number;
    const end =
      suffix !== undefined && suffixIsNextWord(prefix, beforeSuffix, suffix)
        ? start + whole.length - beforeSuffix.length - 1
        : start + whole.length;
    found.push({ start, end, kind: 'NATIONAL_INSURANCE_NUMBER' });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// DATE_OF_BIRTH

const DOB_KEYWORD =
  /(?<![\p{L}\p{N}])(?:date[ \t]{1,3}of[ \t]{1,3}birth|birth[ \t]?date|dob|d\.[ \t]?o\.[ \t]?b\.?|born|birthday)(?!\p{L})/giu;
/** Between keyword and date: colon or dash, "(", "is" / "was" / "on" / "the", a weekday. */
const DOB_FILLER =
  /\s{0,3}(?:[:\-–]\s{0,3})?(?:\(\s{0,2})?(?:(?:is|was|on|the)\s{1,3}){0,3}(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s{1,3})?(?:the\s{1,3})?/iuy;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)` +
  String.raw`(?:\.(?=\s{1,3}\d))?`;
const ORDINAL = '(?:st|nd|rd|th)?';
const DATE_END = String.raw`(?![\p{L}\p{N}])`;

interface DateForm {
  pattern: RegExp;
  /** Whether the match is a calendar date (day 1-31, month 1-12). */
  isDate: (m: RegExpExecArray) => boolean;
}

const isDay = (value: string) => Number(value) >= 1 && Number(value) <= 31;
const isMonth = (value: string) => Number(value) >= 1 && Number(value) <= 12;
const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

const DATE_FORMS: DateForm[] = [
  // 2012-03-12
  { pattern: new RegExp(String.raw`(\d{4})([/.-])(\d{1,2})\2(\d{1,2})${DATE_END}`, 'uy'), isDate: (m) => isMonth(m[3]) && isDay(m[4]) },
  // 12/03/2012, 12-03-2012, 12.03.2012, 12/3/12 (and 03/25/2012, only readable month first)
  {
    pattern: new RegExp(String.raw`(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${DATE_END}`, 'uy'),
    isDate: (m) => (isDay(m[1]) && isMonth(m[3])) || (isMonth(m[1]) && isDay(m[3])),
  },
  // 12 March 2012, 12th March 2012, 12th of March, 12 Mar. 2012, 12-Mar-2012, 12 March
  {
    pattern: new RegExp(String.raw`(\d{1,2})${ORDINAL}(?:\s{1,3}of)?[\s-]{1,3}${MONTH}(?:,?[\s-]{1,3}(\d{4}))?${DATE_END}`, 'iuy'),
    isDate: (m) => isDay(m[1]) && monthNumber(m[2]) > 0,
  },
  // March 12, 2012, March 12th 2012, Mar 12
  {
    pattern: new RegExp(String.raw`${MONTH}\s{1,3}(\d{1,2})${ORDINAL}(?:,?\s{1,3}(\d{4}))?${DATE_END}`, 'iuy'),
    isDate: (m) => isDay(m[2]) && monthNumber(m[1]) > 0,
  },
];

function datesOfBirth(text: string): Detection[] {
  const found: Detection[] = [];
  DOB_KEYWORD.lastIndex = 0;
  for (let m = DOB_KEYWORD.exec(text); m; m = DOB_KEYWORD.exec(text)) {
    DOB_FILLER.lastIndex = m.index + m[0].length;
    const filler = DOB_FILLER.exec(text);
    const start = m.index + m[0].length + (filler ? filler[0].length : 0);
    let end = start;
    for (const form of DATE_FORMS) {
      form.pattern.lastIndex = start;
      const date = form.pattern.exec(text);
      if (date && form.isDate(date)) end = Math.max(end, start + date[0].length);
    }
    if (end > start) found.push({ start, end, kind: 'DATE_OF_BIRTH' });
  }
  return found;
}
