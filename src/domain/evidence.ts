/**
 * Evidence recorded during an inspection, and the protected register of the people it names.
 * Evidence is never public; names live only in the register, which redaction reads later.
 */
import { evaluationCriteria, criteriaRuleId, type JudgementArea } from './evaluation-criteria';
import { ruleFor } from './judgements';
import { badInput, ruleViolation, type Violation } from './rule-violation';
import type { SettingType } from './setting-types';

export enum EvidenceSource {
  CHILDREN = 'CHILDREN',
  PARENTS_AND_CARERS = 'PARENTS_AND_CARERS',
  STAFF = 'STAFF',
  MANAGERS = 'MANAGERS',
  OTHER_PROFESSIONALS = 'OTHER_PROFESSIONALS',
  OBSERVATION = 'OBSERVATION',
  RECORDS_AND_DOCUMENTS = 'RECORDS_AND_DOCUMENTS',
  QUESTIONNAIRES = 'QUESTIONNAIRES',
}

/** Sources that are conversations with people: the record needs the time and the person's role. */
export const INTERVIEW_SOURCES: ReadonlySet<EvidenceSource> = new Set([
  EvidenceSource.CHILDREN,
  EvidenceSource.PARENTS_AND_CARERS,
  EvidenceSource.STAFF,
  EvidenceSource.MANAGERS,
  EvidenceSource.OTHER_PROFESSIONALS,
]);

export enum Finding {
  STRENGTH = 'STRENGTH',
  WEAKNESS = 'WEAKNESS',
}

export enum PersonRole {
  CHILD = 'CHILD',
  FAMILY_MEMBER = 'FAMILY_MEMBER',
  STAFF_MEMBER = 'STAFF_MEMBER',
  OTHER = 'OTHER',
}

/** "Samuel Okafor" -> "S.O."; evidence names people by initials only (CH-142). */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${part[0].toUpperCase()}.`)
    .join('');
}

// Word boundaries for any alphabet: \b only knows ASCII letters, and names are not all ASCII.
const WORD_START = '(?<![\\p{L}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{N}])';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The names from `names` that appear in `text`: a full name in any case, or a surname (of three
 * letters or more) written with its capital. Used to keep names out of evidence narratives.
 */
export function namesMentioned(text: string, names: readonly string[]): string[] {
  return names.filter((name) => {
    const full = name.trim();
    if (!full) return false;
    if (new RegExp(`${WORD_START}${escapeRegExp(full)}${WORD_END}`, 'iu').test(text)) return true;
    const parts = full.split(/\s+/);
    const surname = parts[parts.length - 1];
    return parts.length > 1 && surname.length >= 3 && new RegExp(`${WORD_START}${escapeRegExp(surname)}${WORD_END}`, 'u').test(text);
  });
}

export interface EvidenceDetails {
  settingType: SettingType;
  source: EvidenceSource;
  judgementArea: JudgementArea;
  evaluationCriterion: string | null;
  finding: Finding;
  narrative: string;
  interviewTime: string | null;
  intervieweeRole: string | null;
  /** Names of the people this evidence is about (from the register or added with it). */
  peopleNamed: readonly string[];
  identificationJustification: string | null;
  /** Every name in the inspection's protected register, including those added with this evidence. */
  registeredNames: readonly string[];
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_NARRATIVE = 20_000;

export function validateEvidence(e: EvidenceDetails): Violation[] {
  const violations: Violation[] = [];
  if (!e.narrative.trim()) violations.push(badInput(['narrative'], 'narrative must not be empty'));
  if (e.narrative.length > MAX_NARRATIVE) violations.push(badInput(['narrative'], `narrative must be at most ${MAX_NARRATIVE} characters`));

  const criteria = evaluationCriteria(e.settingType, e.judgementArea);
  if (criteria.length > 0) {
    if (!e.evaluationCriterion) {
      violations.push(
        ruleViolation(
          ['evaluationCriterion'],
          criteriaRuleId(e.settingType),
          'Say which evaluation criterion of this judgement area the evidence bears on',
        ),
      );
    } else if (!criteria.some((c) => c.code === e.evaluationCriterion)) {
      violations.push(
        badInput(
          ['evaluationCriterion'],
          `"${e.evaluationCriterion}" is not an evaluation criterion of this judgement area for this setting type`,
        ),
      );
    }
  } else if (e.evaluationCriterion) {
    violations.push(
      badInput(['evaluationCriterion'], 'This setting type has no evaluation criteria in the guidance held here: leave it out'),
    );
  }

  if (INTERVIEW_SOURCES.has(e.source)) {
    const rule = ruleFor('interviews', e.settingType);
    if (!e.interviewTime) violations.push(ruleViolation(['interviewTime'], rule, 'Record the time of the interview'));
    else if (!TIME.test(e.interviewTime)) violations.push(badInput(['interviewTime'], 'interviewTime is a time of day, HH:MM'));
    if (!e.intervieweeRole?.trim()) {
      violations.push(ruleViolation(['intervieweeRole'], rule, "Record the interviewee's role or relationship, not their name"));
    }
  }

  const identification = ruleFor('identification', e.settingType);
  const leaked = namesMentioned(`${e.narrative} ${e.intervieweeRole ?? ''}`, e.registeredNames);
  if (leaked.length > 0) {
    violations.push(
      ruleViolation(
        ['narrative'],
        identification,
        `Evidence must not name people: use initials instead of ${leaked.length === 1 ? 'a name' : 'names'} from the protected register`,
      ),
    );
  }
  if (e.peopleNamed.length > 0 && !e.identificationJustification?.trim()) {
    violations.push(
      ruleViolation(
        ['identificationJustification'],
        identification,
        'Evidence identifies people only where that protects a child or supports further action: record which',
      ),
    );
  }
  return violations;
}
