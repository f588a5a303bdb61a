/**
 * Redaction of narratives for publication. A published report never holds the setting's name,
 * address or postcode, nor any name from the inspection's protected register (handbook paras
 * 162-164: CH-228, CH-230; RFC-093). Names are replaced by neutral words, so the sentence still
 * reads: "J.M. told us" becomes "a child told us".
 */
import { PersonRole } from './evidence';

export interface ProtectedName {
  name: string;
  initials: string;
  role: PersonRole;
}

export interface RedactionContext {
  /** The inspection's protected register. */
  people: readonly ProtectedName[];
  /** The setting's own name. */
  settingName: string;
  /** Address lines that locate the setting (not the town, which the local authority already gives). */
  addressLines: readonly string[];
  /** What the setting is called in neutral words, e.g. "the home". */
  settingWord: string;
}

const NEUTRAL: Record<PersonRole, string> = {
  [PersonRole.CHILD]: 'a child',
  [PersonRole.FAMILY_MEMBER]: 'a family member',
  [PersonRole.STAFF_MEMBER]: 'a member of staff',
  [PersonRole.OTHER]: 'a person',
};

/**
 * Anything shaped like a UK postcode: outward code (area letters, district digit(s), optional
 * letter) and inward code (digit, two letters), with or without the space, in any case.
 */
export const UK_POSTCODE = /(?<![\p{L}\p{N}])[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}(?![\p{L}\p{N}])/giu;

const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Rule {
  pattern: string;
  replacement: string;
}

/**
 * Initials written without dots ("JM") are only taken as initials in capitals: in lower case they
 * are everyday words ("on", "at").
 */
function initialsRules(context: RedactionContext): Rule[] {
  return context.people
    .map((person) => ({ pattern: escape(person.initials.replace(/\./g, '')), replacement: NEUTRAL[person.role] }))
    .filter((rule) => rule.pattern.length >= 2);
}

/** The words to remove, longest first, so "Jamie Morgan" goes before "Jamie". */
function rules(context: RedactionContext): Rule[] {
  const rules: Rule[] = [];
  const add = (text: string, replacement: string, minLength: number) => {
    const trimmed = text.trim().replace(/\s+/g, ' ');
    if (trimmed.length < minLength) return;
    rules.push({ pattern: escape(trimmed).replace(/ /g, '\\s+'), replacement });
  };
  for (const person of context.people) {
    const neutral = NEUTRAL[person.role];
    add(person.name, neutral, 2);
    for (const part of person.name.split(/[\s-]+/)) add(part, neutral, 2);
    add(person.initials, neutral, 3);
  }
  add(context.settingName, context.settingWord, 2);
  for (const part of context.settingName.split(/\s+/)) {
    // Single words of the setting's name that are not everyday words (e.g. "Larch" in "Larch House").
    if (part.length >= 3 && !COMMON_SETTING_WORDS.has(part.toLowerCase())) add(part, context.settingWord, 3);
  }
  for (const line of context.addressLines) add(line, 'its address', 2);
  return rules.sort((a, b) => b.pattern.length - a.pattern.length);
}

/** Words in setting names that carry no identity on their own ("House" in "Larch House"). */
export const COMMON_SETTING_WORDS: ReadonlySet<string> = new Set([
  'the', 'and', 'house', 'home', 'homes', 'lodge', 'view', 'cottage', 'court', 'grange', 'place', 'villa', 'gardens', 'haven',
  'centre', 'center', 'school', 'college', 'agency', 'fostering', 'adoption', 'support', 'family', 'services', 'service',
  'care', 'children', 'childrens', "children's", 'residential', 'secure', 'unit', 'road', 'street', 'lane', 'close', 'avenue',
  'ltd', 'limited', 'short', 'breaks', 'break', 'farm', 'hall', 'manor', 'park', 'house,',
]);

/**
 * The narrative with every protected name, the setting's name and address, and any postcode
 * replaced. Names are replaced in one pass (longest first), so a replacement is never itself
 * rewritten by a later rule.
 */
export function redact(text: string, context: RedactionContext): string {
  return redactor(context)(text);
}

/**
 * `redact` for one context and many texts (a report's sections, a provider's name and address):
 * the patterns are built once, not once a text.
 */
export function redactor(context: RedactionContext): (text: string) => string {
  const initials = initialsRules(context).map((rule) => ({ pattern: new RegExp(`${WORD_START}${rule.pattern}${WORD_END}`, 'gu'), replacement: rule.replacement }));
  const all = rules(context);
  const matchers = all.map((rule) => ({ ...rule, exact: new RegExp(`^${rule.pattern}$`, 'iu') }));
  const anyName = all.length ? new RegExp(`${WORD_START}(?:${all.map((r) => r.pattern).join('|')})${WORD_END}`, 'giu') : null;
  return (text) => {
    let withoutPostcodes = text.replace(UK_POSTCODE, 'a postcode');
    for (const rule of initials) withoutPostcodes = withoutPostcodes.replace(rule.pattern, rule.replacement);
    if (!anyName) return withoutPostcodes;
    return withoutPostcodes.replace(anyName, (found) => matchers.find((m) => m.exact.test(found))?.replacement ?? 'a person');
  };
}

/** What a setting is called in a public report. */
export function settingWordFor(isChildrensHome: boolean): string {
  return isChildrensHome ? 'the home' : 'the setting';
}
