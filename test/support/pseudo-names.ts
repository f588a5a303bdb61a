/**
 * Generated names for the property tests of redaction: pronounceable pseudo-names ("Kalimo",
 * "Dorevy") that are none of the words the API writes itself, so that finding one in a public
 * answer can only mean that a name leaked.
 */
import fc from 'fast-check';
import { COMMON_SETTING_WORDS } from '../../src/domain/redaction';

/** Words the redaction itself writes in place of what it takes out. */
export const REDACTION_WORDS: readonly string[] = [
  'homes',
  'home',
  'child',
  'staff',
  'member',
  'family',
  'person',
  'postcode',
  'address',
  'children',
  'setting',
];

/**
 * A pseudo-name: random and pronounceable, not one of `ownWords` (lower case), not a common word of
 * a setting's name (those are redacted only as part of the whole name), and not `excluded` besides.
 */
export function pseudoName(ownWords: readonly string[], excluded: (word: string) => boolean = () => false) {
  return fc
    .stringMatching(/^[BCDFGHJKLMNPRSTVZ][aeiou][bcdfghjklmnprstvz][aeiou][bcdfghjklmnprstvz][aeiouy]?$/)
    .filter((w) => !ownWords.includes(w.toLowerCase()) && !COMMON_SETTING_WORDS.has(w.toLowerCase()) && !excluded(w));
}
