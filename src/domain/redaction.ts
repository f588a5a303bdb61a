/**
 * The redaction gate: the one place public text is made. A published report never holds the
 * setting's name or any part of its address, nor the name of anyone named in the setting's
 * records, nor anything that identifies a person on its own (handbook paras 162-164: CH-228,
 * CH-230; RFC-093). Names become words for the person's role, chosen by where the name stands
 * in the sentence, so the text still reads: "Dear Jamie" becomes "Dear young person", "J.M. told
 * us" becomes "A child told us", "her key worker, Priya Shah, said" becomes "her key worker said".
 *
 * Every function that returns a `PublicText` is here; nothing else may make one.
 */
import { PersonRole } from './evidence';
import { detectIdentifiers, type IdentifierKind } from './identifier-detectors';
import type { PublicText } from './public-text';

export type { PublicText } from './public-text';

/** The only cast to `PublicText` in the code: every caller below has redacted or checked the value. */
const gate = (value: string): PublicText => value as PublicText;

export interface NamedPerson {
  name: string;
  /** Initials as recorded (e.g. "J.M."); the other written forms are derived from the name. */
  initials?: string | null;
  role: PersonRole;
}

export interface SettingAddress {
  line1: string;
  line2?: string | null;
  town: string;
  postcode: string;
}

export interface RedactionContext {
  /** Everyone named in the setting's records: protected registers, managers, an individual provider. */
  people: readonly NamedPerson[];
  /** The setting's own name. */
  settingName: string;
  /** The setting's address: every part is redacted (house number, street, locality, town, postcode, outward code). */
  address: SettingAddress | null;
  /** What the setting is called in neutral words, e.g. "the home". */
  settingWord: string;
  /** Place names already public with the report (its local authority and region): a town of that name may stay. */
  publicPlaceNames?: readonly string[];
}

/** What a setting is called in a public report. */
export function settingWordFor(isChildrensHome: boolean): string {
  return isChildrensHome ? 'the home' : 'the setting';
}

// ---------------------------------------------------------------------------------------------
// What is found: spans of the text, each with what it is.

type AddressPart = 'LINE' | 'STREET' | 'LOCALITY' | 'TOWN' | 'POSTCODE' | 'OUTWARD_CODE';

type Finding =
  | { type: 'PERSON'; role: PersonRole }
  | { type: 'SETTING' }
  | { type: 'ADDRESS'; part: AddressPart }
  | { type: 'IDENTIFIER'; kind: IdentifierKind };

interface Span {
  start: number;
  end: number;
  finding: Finding;
}

interface Term {
  pattern: string;
  finding: Finding;
}

/**
 * Anything shaped like a UK postcode: outward code (area letters, district digit(s), optional
 * letter) and inward code (digit, two letters), with or without the space, in any case.
 */
export const UK_POSTCODE = /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}(?![\p{L}\p{N}])/giu;

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
/** A literal in a pattern; either apostrophe stands for both ("O'Neill", "O’Neill"). */
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
/** A literal phrase, any run of spaces (and an optional comma between words) standing for its spaces. */
const phrase = (value: string) =>
  value
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(escape)
    .join(',?\\s+');

/** Words in setting names and streets that carry no identity on their own ("House" in "Larch House"). */
export const COMMON_SETTING_WORDS: ReadonlySet<string> = new Set([
  'the',
  'and',
  'house',
  'home',
  'homes',
  'lodge',
  'view',
  'cottage',
  'court',
  'grange',
  'place',
  'villa',
  'gardens',
  'haven',
  'centre',
  'center',
  'school',
  'college',
  'agency',
  'fostering',
  'adoption',
  'support',
  'family',
  'services',
  'service',
  'care',
  'children',
  'childrens',
  "children's",
  'residential',
  'secure',
  'unit',
  'road',
  'street',
  'lane',
  'close',
  'avenue',
  'ltd',
  'limited',
  'short',
  'breaks',
  'break',
  'farm',
  'hall',
  'manor',
  'park',
  'house,',
  'drive',
  'way',
  'crescent',
  'terrace',
  'grove',
  'square',
  'mews',
  'rise',
  'hill',
  'walk',
  'row',
  'green',
  'flat',
  'apartment',
  'new',
  'old',
  'high',
  'low',
  'upper',
  'lower',
  'north',
  'south',
  'east',
  'west',
  'main',
  'church',
  'station',
  'mill',
  'top',
  'end',
  'little',
  'great',
  'bank',
]);

/** Street suffixes and how they are abbreviated, so "Acacia Ave" is found as well as "Acacia Avenue". */
const STREET_SUFFIXES: Record<string, string[]> = {
  road: ['rd'],
  street: ['st'],
  avenue: ['ave', 'av'],
  lane: ['ln'],
  crescent: ['cres', 'cresc'],
  close: ['cl'],
  drive: ['dr'],
  court: ['ct'],
  place: ['pl'],
  gardens: ['gdns'],
  terrace: ['terr', 'ter'],
  grove: ['gr', 'gro'],
  square: ['sq'],
  park: ['pk'],
};

/** Name particles that are words in their own right, not redacted alone when the name writes them in lower case. */
const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'du',
  'del',
  'van',
  'von',
  'der',
  'den',
  'le',
  'la',
  'el',
  'al',
  'bin',
  'bint',
  'ben',
  'mac',
  'st',
]);

const letters = (part: string) => [...part].find((c) => /\p{L}/u.test(c))?.toUpperCase() ?? '';

/**
 * Every written form of a person's name the text may use: the whole name, each part, and their
 * initials dotted, spaced or run together ("J.M.", "J. M.", "JM", "J M"), with a first initial
 * and a surname ("J. Morgan") or a first name and an initial ("Jamie M."). Initials are taken
 * only in capitals: in lower case they are everyday words ("on", "at", "a.m.").
 */
function personTerms(person: NamedPerson): { anyCase: Term[]; capitals: Term[] } {
  const finding: Finding = { type: 'PERSON', role: person.role };
  const anyCase: Term[] = [];
  const capitals: Term[] = [];
  const words = person.name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { anyCase, capitals };
  anyCase.push({ pattern: phrase(person.name).replace(/-/g, '[-\\s]?'), finding });
  for (const w of words) if (/[-‐]/.test(w)) anyCase.push({ pattern: escape(w).replace(/[-‐]/g, '[-‐\\s]?'), finding }); // "Anne-Marie"
  const parts = words.flatMap((w) => w.split(/[-‐]/)).filter((p) => p.replace(/\P{L}/gu, '').length >= 2);
  // A particle written in lower case ("de" in "Maria de Souza") is not a name on its own; "Le" or "Mac" written as a name is.
  for (const part of parts) if (!(PARTICLES.has(part) && part === part.toLowerCase())) anyCase.push({ pattern: escape(part), finding });

  const sequences = new Set<string>();
  const byWord = words.map(letters).join('');
  const byPart = words
    .flatMap((w) => w.split(/[-‐]/))
    .map(letters)
    .join('');
  for (const seq of [
    byWord,
    byPart,
    byWord.length > 2 ? byWord[0] + byWord.at(-1) : '',
    person.initials?.replace(/[^\p{L}]/gu, '').toUpperCase() ?? '',
  ]) {
    if (seq.length >= 2) sequences.add(seq);
  }
  for (const seq of sequences) {
    const chars = [...seq].map(escape);
    capitals.push({ pattern: `${chars.join('\\.\\s?')}\\.?`, finding }); // J.M. / J. M. / J.M
    capitals.push({ pattern: chars.join(''), finding }); // JM
    capitals.push({ pattern: chars.join(' '), finding }); // J M
  }
  if (words.length >= 2) {
    const first = words[0];
    const last = words.at(-1)!;
    capitals.push({ pattern: `${escape(letters(first))}\\.?\\s?${phrase(last)}`, finding }); // J. Morgan
    capitals.push({ pattern: `${phrase(first)}\\s${escape(letters(last))}\\.?`, finding }); // Jamie M.
  }
  return { anyCase, capitals };
}

function settingTerms(context: RedactionContext): Term[] {
  const terms: Term[] = [];
  const setting: Finding = { type: 'SETTING' };
  if (context.settingName.trim().length >= 2) terms.push({ pattern: phrase(context.settingName), finding: setting });
  for (const part of context.settingName.split(/\s+/)) {
    // Single words of the setting's name that are not everyday words (e.g. "Larch" in "Larch House").
    if (part.length >= 3 && !COMMON_SETTING_WORDS.has(part.toLowerCase())) terms.push({ pattern: escape(part), finding: setting });
  }
  const address = context.address;
  if (!address) return terms;
  const add = (text: string | null | undefined, part: AddressPart) => {
    if (text && text.trim().length >= 2) terms.push({ pattern: phrase(text), finding: { type: 'ADDRESS', part } });
  };
  add(address.line1, 'LINE');
  add(address.line2, 'LOCALITY');
  for (const line of [address.line1, address.line2 ?? '']) {
    for (const piece of line
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      // "Flat 2, 12a Acacia Avenue": the house number with its street, the street alone, and the street's own words.
      const street = piece.replace(/^(?:(?:flat|apartment|unit)\s+\w+\s+)?\d+[a-z]?(?:\s*-\s*\d+[a-z]?)?\s+/i, '');
      add(piece, street === piece ? 'STREET' : 'LINE');
      add(street, 'STREET');
      const words = street.split(/\s+/);
      const suffix = words.at(-1)?.toLowerCase() ?? '';
      for (const short of STREET_SUFFIXES[suffix] ?? []) add(`${words.slice(0, -1).join(' ')} ${short}`, 'STREET');
      for (const word of words) {
        if (word.length >= 3 && !COMMON_SETTING_WORDS.has(word.toLowerCase()) && /^\p{L}/u.test(word)) add(word, 'STREET');
      }
    }
  }
  const publicPlaces = (context.publicPlaceNames ?? []).map((n) => n.toLowerCase());
  const town = address.town.trim();
  if (town && !publicPlaces.some((place) => new RegExp(`${WORD_START}${escape(town.toLowerCase())}${WORD_END}`, 'u').test(place)))
    add(town, 'TOWN');
  const postcode = address.postcode.replace(/\s+/g, '').toUpperCase();
  if (postcode.length >= 5) {
    const outward = postcode.slice(0, -3);
    terms.push({ pattern: `${escape(outward)}\\s*${escape(postcode.slice(-3))}`, finding: { type: 'ADDRESS', part: 'POSTCODE' } });
    terms.push({ pattern: escape(outward), finding: { type: 'ADDRESS', part: 'OUTWARD_CODE' } });
  }
  return terms;
}

/** One regular expression for many terms, longest first, telling which term matched. */
function matcher(terms: Term[], flags: string): { regex: RegExp; findings: Finding[] } | null {
  const unique = new Map<string, Finding>();
  for (const term of [...terms].sort((a, b) => b.pattern.length - a.pattern.length))
    if (!unique.has(term.pattern)) unique.set(term.pattern, term.finding);
  if (unique.size === 0) return null;
  const patterns = [...unique.keys()];
  return {
    regex: new RegExp(`${WORD_START}(?:${patterns.map((p, i) => `(?<t${i}>${p})`).join('|')})${WORD_END}`, flags),
    findings: [...unique.values()],
  };
}

function spansOf(text: string, found: { regex: RegExp; findings: Finding[] } | null): Span[] {
  if (!found) return [];
  const spans: Span[] = [];
  const regex = found.regex;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    const index = Object.entries(match.groups ?? {}).find(([, value]) => value !== undefined)?.[0];
    if (index) spans.push({ start: match.index, end: match.index + match[0].length, finding: found.findings[Number(index.slice(1))] });
    // Overlapping finds too, from the next character: in "Łukasz Ł.A." the form "Łukasz Ł." ends
    // inside the initials "Ł.A.", which a search resuming after the first find would never see,
    // leaving ".A." in the text. resolve() covers both.
    regex.lastIndex = match.index + (text.codePointAt(match.index)! > 0xffff ? 2 : 1);
  }
  return spans;
}

/** The non-overlapping spans, earliest first and, where two start together, the longer. */
function resolve(spans: Span[]): Span[] {
  const sorted = spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    const last = kept.at(-1);
    if (last && span.start < last.end) {
      if (span.end > last.end) last.end = span.end; // overlapping finds: cover both
      continue;
    }
    kept.push({ ...span });
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// What replaces it: words chosen by where the span stands.

const NEUTRAL: Record<PersonRole, string> = {
  [PersonRole.CHILD]: 'a child',
  [PersonRole.FAMILY_MEMBER]: 'a family member',
  [PersonRole.STAFF_MEMBER]: 'a member of staff',
  [PersonRole.OTHER]: 'a person',
};

/** How a letter addresses the person: "Dear young person". */
const ADDRESSED: Record<PersonRole, string> = {
  [PersonRole.CHILD]: 'young person',
  [PersonRole.FAMILY_MEMBER]: 'parent or carer',
  [PersonRole.STAFF_MEMBER]: 'colleague',
  [PersonRole.OTHER]: 'reader',
};

const IDENTIFIER_WORDS: Record<IdentifierKind, string> = {
  EMAIL: 'an email address',
  PHONE: 'a phone number',
  NHS_NUMBER: 'an NHS number',
  NATIONAL_INSURANCE_NUMBER: 'a National Insurance number',
  DATE_OF_BIRTH: 'withheld',
};

const GREETING = /(?:^|[^\p{L}])(?:dear|hello|hi|hey|to|thank you|thanks|well done|goodbye|bye)\s*$/iu;
/** A word for a person's role or relation just before the name: the name adds nothing ("her key worker, Priya,"). */
const ROLE_NOUN =
  /(?:^|[^\p{L}])(?:key\s?worker|(?:registered |deputy |home |team |service )?manager|deputy|social worker|support worker|youth worker|worker|carer|foster carer|mother|father|mum|mam|dad|brother|sister|son|daughter|parent|grandmother|grandfather|grandparent|nan|nana|gran|granny|grandad|grandpa|aunt|auntie|uncle|cousin|stepmother|stepfather|guardian|teacher|tutor|nurse|therapist|psychologist|advocate|officer|friend|boyfriend|girlfriend|partner|inspector|colleague|leader|practitioner|director|chair|individual|resident|independent person|visitor)(,)?\s+$/iu;
const DETERMINER = /(?:^|[^\p{L}])(?:the|a|an|this|that|our|their|its|his|her|your|my)\s+$/iu;
const LOCATIVE = /(?<!\p{L})(at|on|in|along|off|near|by|opposite|around|from|to|into|towards|outside)\s+$/iu;
const SENTENCE_START = /(?:^|[.!?]["'”’)]?\s+|\n\s*|^["'“‘(]\s*|[.!?]\s+["'“‘(])$/u;
const POSSESSIVE = /^['’]s?(?![\p{L}\p{N}])/u;

const capitalise = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
const withoutArticle = (words: string) => words.replace(/^(?:the|a|an)\s+/i, '');

function addressWords(parts: Set<AddressPart>, settingWord: string): string {
  if (parts.has('LINE')) return `${settingWord}'s address`;
  if (parts.has('STREET')) return 'a nearby street';
  if (parts.has('TOWN') || parts.has('LOCALITY')) return 'the local area';
  return 'a postcode';
}

/** Removes control and invisible format characters (zero-width spaces, soft hyphens) that could split a name past the gate. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{Cs}]/gu, '')
    .replace(/[^\P{Cc}\n\t]/gu, ' ');
}

/** The redactor of one setting's public text: its patterns are built once, for many texts. */
export interface Redactor {
  /** Free text (narratives, summaries, requirements, amendment reasons), redacted. */
  text(value: string): PublicText;
  /** `text`, keeping null. */
  optional(value: string | null | undefined): PublicText | null;
  /**
   * A name published by rule (the responsible individual, para 163; an organisation's name):
   * kept, but not where it would give the setting's name or address, or an identifier away.
   */
  publishedName(value: string): PublicText;
  /**
   * An organisation's address (para 163): its parts joined, leaving out the postcode and any
   * part that would locate the setting (an organisation run from the home itself); null when
   * nothing is left.
   */
  organisationAddress(address: SettingAddress): PublicText | null;
}

export function redactor(context: RedactionContext): Redactor {
  const people = context.people.map(personTerms);
  const setting = settingTerms(context);
  const anyCase = matcher([...setting, ...people.flatMap((p) => p.anyCase)], 'giu');
  const capitals = matcher(
    people.flatMap((p) => p.capitals),
    'gu',
  );
  const settingOnly = matcher(setting, 'giu');

  const findAll = (text: string, withPeople: boolean): Span[] => {
    const spans = [...spansOf(text, withPeople ? anyCase : settingOnly), ...(withPeople ? spansOf(text, capitals) : [])];
    for (const match of text.matchAll(UK_POSTCODE))
      spans.push({ start: match.index!, end: match.index! + match[0].length, finding: { type: 'ADDRESS', part: 'POSTCODE' } });
    for (const found of detectIdentifiers(text))
      spans.push({ start: found.start, end: found.end, finding: { type: 'IDENTIFIER', kind: found.kind } });
    return resolve(spans);
  };

  const render = (raw: string, withPeople = true): string => {
    const text = normalise(raw);
    const spans = findAll(text, withPeople);
    let out = '';
    let cursor = 0;
    for (let i = 0; i < spans.length; i++) {
      let span = spans[i];
      out += text.slice(cursor, span.start);
      cursor = span.end;
      const possessive = text.slice(cursor).match(POSSESSIVE);
      const finding = span.finding;

      if (finding.type === 'ADDRESS') {
        // An address written out ("12 Acacia Avenue, Manchester M1 1AE") is one group.
        const parts = new Set<AddressPart>([finding.part]);
        while (i + 1 < spans.length && spans[i + 1].finding.type === 'ADDRESS' && /^[\s,]*$/.test(text.slice(cursor, spans[i + 1].start))) {
          span = spans[++i];
          parts.add((span.finding as { part: AddressPart }).part);
          cursor = span.end;
        }
        const after = text.slice(cursor);
        const locative = out.match(LOCATIVE);
        if (/,\s*$/.test(out) && /^\s*(?:[,.;:!?)]|$)/.test(after)) {
          // Beside what it locates (", 12 Acacia Avenue,"): left out with its commas.
          out = out.replace(/\s*,\s*$/, '');
          if (/^\s*,/.test(after)) cursor += after.indexOf(',') + 1;
        } else if (/\(\s*$/.test(out) && /^\s*\)/.test(after)) {
          out = out.replace(/\s*\(\s*$/, '');
          cursor += after.indexOf(')') + 1;
        } else if (/(?<!\p{L})address(?:es)?\s*:?\s*$/iu.test(out)) {
          out = out.replace(/\s*:?\s*$/, ''); // "the address 12 Acacia Avenue": the address
        } else if (DETERMINER.test(out)) {
          out += 'local'; // "the Didsbury shops": the local shops
        } else if (locative && locative[1].toLowerCase() === 'at' && parts.has('LINE')) {
          // "lives at 12 Acacia Avenue": at the home; "the home at 12 Acacia Avenue": the home
          const before = out.slice(0, locative.index).trimEnd();
          out = before.toLowerCase().endsWith(withoutArticle(context.settingWord).toLowerCase()) ? before : out + context.settingWord;
        } else if (locative && /^(?:on|in|along|off|near|by|opposite|around|outside)$/i.test(locative[1])) {
          out = out.slice(0, locative.index).replace(/\s+$/, ''); // "the home on Marlowe Crescent": the home
        } else {
          const words = addressWords(parts, context.settingWord);
          out += SENTENCE_START.test(out) ? capitalise(words) : words;
        }
        continue;
      }

      if (finding.type === 'IDENTIFIER') {
        // "born on 12 March 2012": born on a date withheld; "DOB: 12/03/2012": DOB: withheld.
        if (finding.kind === 'DATE_OF_BIRTH' && /born(?:\s+on)?\s+$/i.test(out))
          out = `${out.replace(/born(?:\s+on)?\s+$/i, 'born on')} a date `;
        out += SENTENCE_START.test(out) ? capitalise(IDENTIFIER_WORDS[finding.kind]) : IDENTIFIER_WORDS[finding.kind];
        continue;
      }

      if (finding.type === 'PERSON') {
        const role = ROLE_NOUN.exec(out);
        if (GREETING.test(out)) {
          out += ADDRESSED[finding.role];
        } else if (role) {
          // "her key worker, Priya Shah, said": the role says who; the name goes, with its commas.
          out = out.replace(/,?\s+$/, '');
          if (role[1] && /^\s*,/.test(text.slice(cursor))) cursor += text.slice(cursor).indexOf(',') + 1;
          if (possessive) {
            out += "'s";
            cursor += possessive[0].length;
          }
          continue;
        } else {
          const words = NEUTRAL[finding.role];
          out += SENTENCE_START.test(out) ? capitalise(words) : words;
        }
      } else {
        // The setting: "the home", or "home" after a determiner ("their Larch House": their home).
        const words = DETERMINER.test(out) ? withoutArticle(context.settingWord) : context.settingWord;
        out += SENTENCE_START.test(out) ? capitalise(words) : words;
      }
      if (possessive) {
        out += "'s";
        cursor += possessive[0].length;
      }
    }
    out += text.slice(cursor);
    return out
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/[ \t]+([,.;:!?)])/g, '$1')
      .replace(/,(\s*,)+/g, ',')
      .replace(/^[ \t]*,[ \t]*/gm, '');
  };

  return {
    text: (value) => gate(render(value)),
    optional: (value) => (value == null ? null : gate(render(value))),
    publishedName: (value) => gate(render(value, false)),
    organisationAddress(address) {
      const parts = [address.line1, address.line2, address.town]
        .map((part) => normalise(part ?? '').trim())
        .filter((part) => part && findAll(part, false).length === 0);
      return parts.length ? gate(parts.join(', ')) : null;
    },
  };
}

/** `redactor(context).text(text)`, for one text. */
export function redact(text: string, context: RedactionContext): PublicText {
  return redactor(context).text(text);
}

// ---------------------------------------------------------------------------------------------
// Public text that is not free text: checked, never redacted, and refused if it could be anything else.

const CODES = {
  /** A setting's unique reference number. */
  URN: /^(?:SC\d{6}|\d{7})$/,
  /** An ONS area code (local authority or region). */
  ONS_CODE: /^E\d{8}$/,
  /** An enum value: capitals and underscores. */
  TOKEN: /^[A-Z][A-Z0-9_]{0,63}$/,
  /** A UUID. */
  UUID: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
} as const;

/** An identifier or code, checked against its exact shape: it can carry no text. Throws otherwise (a fault, not input). */
export function publicCode(value: string, kind: keyof typeof CODES): PublicText {
  if (!CODES[kind].test(value)) throw new Error(`Not a ${kind}: refused as public text`);
  return gate(value);
}

/** A Relay global ID of a public type: its type name and a UUID, base64, as graphql-relay makes them. */
export function publicGlobalId(type: `Public${string}`, uuid: string): PublicText {
  publicCode(uuid, 'UUID');
  if (!/^Public[A-Za-z]+$/.test(type)) throw new Error('Not a public type name');
  return gate(Buffer.from(`${type}:${uuid}`, 'utf8').toString('base64'));
}

/** A Relay global ID of any type (a draft report carries its inspection's): base64 of a type name and a UUID, nothing else. */
export function publicNodeId(id: string): PublicText {
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  const [type, key] = decoded.split(':');
  if (!/^[A-Za-z]+$/.test(type ?? '') || Buffer.from(decoded, 'utf8').toString('base64') !== id)
    throw new Error('Not a global ID: refused as public text');
  publicCode(key ?? '', 'UUID');
  return gate(id);
}

/** An enum value as words: "REQUIRES_IMPROVEMENT_TO_BE_GOOD" -> "requires improvement to be good". */
export function publicWords(token: string): PublicText {
  return gate(publicCode(token, 'TOKEN').toLowerCase().replace(/_/g, ' '));
}

/**
 * A name from the reference data (a local authority or region): letters, spaces and the
 * punctuation such names use, and nothing the detectors find.
 */
export function publicReferenceName(name: string): PublicText {
  if (!/^\p{L}[\p{L} ,.'’&()-]{0,99}$/u.test(name) || detectIdentifiers(name).length > 0)
    throw new Error('Not a reference name: refused as public text');
  return gate(name);
}

/**
 * Text written in the code itself, with public text and numbers put in:
 * publicTemplate`Registered for ${places} places, in ${area}.` Only a template literal can call it.
 */
export function publicTemplate(strings: TemplateStringsArray, ...values: (PublicText | number)[]): PublicText {
  if (!Object.isFrozen(strings) || !Array.isArray(strings.raw)) throw new Error('publicTemplate takes a template literal');
  for (const value of values) if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Not a finite number');
  return gate(strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), ''));
}
