/**
 * The judgements an inspection ends in, and the rules that bind them: the four-point scale and
 * its limiting and graded areas for full inspections; the three-point interim scale; no grade at
 * assurance and monitoring visits except a new judgement after an inadequate one; the registered
 * manager vacancy; and changes after feedback.
 */
import { InspectionType } from './inspection-types';
import type { LocalDate } from './local-date';
import { badInput, ruleViolation, type Violation } from './rule-violation';
import { hasText as text } from './text';
import { SettingType, byFamily, familyOf, isSccifFamily, type FamilyTable } from './setting-types';

/** What kind of outcome an inspection records. */
export enum JudgementKind {
  FULL_INSPECTION = 'FULL_INSPECTION',
  INTERIM = 'INTERIM',
  NO_JUDGEMENT = 'NO_JUDGEMENT',
  ASSURANCE_VISIT = 'ASSURANCE_VISIT',
  MONITORING_VISIT = 'MONITORING_VISIT',
}

/**
 * The four-point grade an outcome gives the setting (CH-196): a full inspection's overall
 * judgement, or a monitoring visit's new judgement (CH-185); interim judgements, on their
 * three-point scale, and the other outcomes give none.
 */
export function overallGradeOf(record: {
  kind: JudgementKind;
  overallExperiencesAndProgress?: Grade | null;
  newOverallGrade?: Grade | null;
}): Grade | null {
  if (record.kind === JudgementKind.FULL_INSPECTION) return record.overallExperiencesAndProgress ?? null;
  if (record.kind === JudgementKind.MONITORING_VISIT) return record.newOverallGrade ?? null;
  return null;
}

/** Which judgement each type of inspection makes, and the rule that says so. */
const KINDS_OF_TYPE: Record<InspectionType, { kinds: readonly JudgementKind[]; ruleId: string }> = {
  [InspectionType.FULL_INSPECTION]: { kinds: [JudgementKind.FULL_INSPECTION], ruleId: 'CH-153' },
  [InspectionType.INTERIM_INSPECTION]: { kinds: [JudgementKind.INTERIM, JudgementKind.NO_JUDGEMENT], ruleId: 'CH-170' },
  [InspectionType.ASSURANCE_VISIT]: { kinds: [JudgementKind.ASSURANCE_VISIT], ruleId: 'CA-072' },
  [InspectionType.MONITORING_VISIT]: { kinds: [JudgementKind.MONITORING_VISIT], ruleId: 'CH-185' },
};

/** A judgement of a kind its inspection does not make is refused with the rule (CH-153, CH-170, CA-072, CH-185). */
export function validateJudgementKind(type: InspectionType, kind: JudgementKind): Violation[] {
  const expected = KINDS_OF_TYPE[type];
  if (expected.kinds.includes(kind)) return [];
  return [
    ruleViolation(['inspectionId'], expected.ruleId, `A ${type.toLowerCase().replace(/_/g, ' ')} does not make this kind of judgement`),
  ];
}

/** The four-point scale. The handbook writes "requires improvement"; the SCCIF "requires improvement to be good". */
export enum Grade {
  OUTSTANDING = 'OUTSTANDING',
  GOOD = 'GOOD',
  REQUIRES_IMPROVEMENT_TO_BE_GOOD = 'REQUIRES_IMPROVEMENT_TO_BE_GOOD',
  INADEQUATE = 'INADEQUATE',
}

const RANK: Record<Grade, number> = { OUTSTANDING: 4, GOOD: 3, REQUIRES_IMPROVEMENT_TO_BE_GOOD: 2, INADEQUATE: 1 };
export const isBetterThan = (a: Grade, b: Grade): boolean => RANK[a] > RANK[b];

export enum InterimOutcome {
  IMPROVED_EFFECTIVENESS = 'IMPROVED_EFFECTIVENESS',
  SUSTAINED_EFFECTIVENESS = 'SUSTAINED_EFFECTIVENESS',
  DECLINED_IN_EFFECTIVENESS = 'DECLINED_IN_EFFECTIVENESS',
}

/** 26 weeks, in days: a registered manager vacancy this long or longer (Annex N: "26 weeks or more"). */
export const VACANCY_THRESHOLD_DAYS = 26 * 7;

/**
 * How a long registered manager vacancy is read (Annex N ¶19; the rule catalogue's README lists
 * where the guidance disagrees). At a full inspection of a children's home it always makes leaders
 * and managers inadequate (CHA-195); for family centres and adoption support agencies it is a
 * prompt for a recorded reason (RFC-025, ASA-022). At an interim inspection of a children's home,
 * Annex N says the judgement "must be declined in effectiveness" (CHA-197: `LIMITING`, the
 * default); the handbook's ¶116 says only that a decline is likely (`PROMPT`: another outcome
 * with a recorded reason).
 */
export interface ManagerVacancyPolicy {
  /** A vacancy of this many days or more is long (26 weeks by default). */
  readonly thresholdDays: number;
  readonly interimReading: 'LIMITING' | 'PROMPT';
}

export const DEFAULT_MANAGER_VACANCY_POLICY: ManagerVacancyPolicy = { thresholdDays: VACANCY_THRESHOLD_DAYS, interimReading: 'LIMITING' };

/** The rule IDs that carry the same rule for each family of settings (the handbook's for the others). */
const RULES = {
  limiting: { CHILDRENS_HOMES: 'CH-155', RESIDENTIAL_FAMILY_CENTRES: 'RFC-003', ADOPTION_SUPPORT_AGENCIES: 'ASA-004' },
  leadersCap: { CHILDRENS_HOMES: 'CH-157', RESIDENTIAL_FAMILY_CENTRES: 'RFC-004', ADOPTION_SUPPORT_AGENCIES: 'ASA-005' },
  /** A registered manager vacancy of 26 weeks or more: inadequate for homes; for the SCCIF families, the reason for another judgement. */
  longVacancy: { CHILDRENS_HOMES: 'CHA-195', RESIDENTIAL_FAMILY_CENTRES: 'RFC-025', ADOPTION_SUPPORT_AGENCIES: 'ASA-022' },
  changeReason: { CHILDRENS_HOMES: 'CH-246', RESIDENTIAL_FAMILY_CENTRES: 'RFC-086', ADOPTION_SUPPORT_AGENCIES: 'ASA-100' },
  newJudgementReason: { CHILDRENS_HOMES: 'CH-218', RESIDENTIAL_FAMILY_CENTRES: 'RFC-105', ADOPTION_SUPPORT_AGENCIES: 'ASA-122' },
  requirementBasis: { CHILDRENS_HOMES: 'CH-128', RESIDENTIAL_FAMILY_CENTRES: 'RFC-032', ADOPTION_SUPPORT_AGENCIES: 'ASA-030' },
  requirementEvidence: { CHILDRENS_HOMES: 'CH-127', RESIDENTIAL_FAMILY_CENTRES: 'RFC-031', ADOPTION_SUPPORT_AGENCIES: 'ASA-029' },
  recommendationBasis: { CHILDRENS_HOMES: 'CH-136', RESIDENTIAL_FAMILY_CENTRES: 'RFC-030', ADOPTION_SUPPORT_AGENCIES: 'ASA-028' },
  checkedAtNextVisit: { CHILDRENS_HOMES: 'CH-137', RESIDENTIAL_FAMILY_CENTRES: 'RFC-037', ADOPTION_SUPPORT_AGENCIES: 'ASA-035' },
  interviews: { CHILDRENS_HOMES: 'CH-145', RESIDENTIAL_FAMILY_CENTRES: 'RFC-064', ADOPTION_SUPPORT_AGENCIES: 'ASA-077' },
  identification: { CHILDRENS_HOMES: 'CH-142', RESIDENTIAL_FAMILY_CENTRES: 'RFC-062', ADOPTION_SUPPORT_AGENCIES: 'ASA-076' },
  linkedEvidence: { CHILDRENS_HOMES: 'CH-146', RESIDENTIAL_FAMILY_CENTRES: 'RFC-065', ADOPTION_SUPPORT_AGENCIES: 'ASA-078' },
} as const satisfies Record<string, FamilyTable<string>>;

export function ruleFor(rule: keyof typeof RULES, settingType: SettingType): string {
  return byFamily<string>(settingType, RULES[rule]);
}

// ---------------------------------------------------------------------------------------------
// Full inspections

export interface FullJudgements {
  overallExperiencesAndProgress: Grade;
  helpedAndProtected: Grade;
  leadersAndManagers: Grade;
}

export interface VacancyContext {
  /** Days the registered manager post has been vacant on the day judgements are given; null if filled. */
  vacancyDays: number | null;
  /** Why the outcome the vacancy points to was not given (settings where that is a prompt, not a rule). */
  vacancyReason?: string | null;
}

export function validateFullJudgements(
  settingType: SettingType,
  j: FullJudgements,
  vacancy: VacancyContext,
  policy: ManagerVacancyPolicy = DEFAULT_MANAGER_VACANCY_POLICY,
): Violation[] {
  const violations: Violation[] = [];
  // How well children are helped and protected is the limiting judgement.
  if (j.helpedAndProtected === Grade.INADEQUATE && j.overallExperiencesAndProgress !== Grade.INADEQUATE) {
    violations.push(
      ruleViolation(
        ['overallExperiencesAndProgress'],
        ruleFor('limiting', settingType),
        'When how well children are helped and protected is inadequate, overall experiences and progress must be inadequate',
      ),
    );
  }
  // The effectiveness of leaders and managers is graded: inadequate caps the overall judgement.
  if (j.leadersAndManagers === Grade.INADEQUATE && isBetterThan(j.overallExperiencesAndProgress, Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD)) {
    violations.push(
      ruleViolation(
        ['overallExperiencesAndProgress'],
        ruleFor('leadersCap', settingType),
        'When the effectiveness of leaders and managers is inadequate, overall experiences and progress can be no better than requires improvement to be good',
      ),
    );
  }
  const longVacancy = vacancy.vacancyDays !== null && vacancy.vacancyDays >= policy.thresholdDays;
  const threshold = `${Math.floor(policy.thresholdDays / 7)} weeks`;
  if (longVacancy && j.leadersAndManagers !== Grade.INADEQUATE) {
    const weeks = Math.floor(vacancy.vacancyDays! / 7);
    const f = familyOf(settingType);
    if (f === 'CHILDRENS_HOMES') {
      violations.push(
        ruleViolation(
          ['leadersAndManagers'],
          ruleFor('longVacancy', settingType),
          `The registered manager post has been vacant for ${weeks} weeks: a vacancy of ${threshold} or more means leaders and managers are inadequate`,
        ),
      );
    } else if (isSccifFamily(f) && !text(vacancy.vacancyReason)) {
      violations.push(
        ruleViolation(
          ['vacancyReason'],
          ruleFor('longVacancy', settingType),
          `No manager has been appointed for ${weeks} weeks, which usually leads to inadequate for leaders and managers: record why another judgement was made`,
        ),
      );
    }
  }
  return violations;
}

// ---------------------------------------------------------------------------------------------
// Interim inspections

export function validateInterimJudgement(
  outcome: InterimOutcome,
  context: { previousInspectionId: string | null; vacancyDays: number | null; reasonNotDeclined?: string | null },
  policy: ManagerVacancyPolicy = DEFAULT_MANAGER_VACANCY_POLICY,
): Violation[] {
  const violations: Violation[] = [];
  if (!context.previousInspectionId) {
    violations.push(
      ruleViolation(
        ['outcome'],
        'CH-170',
        'An interim judgement is relative to the previous inspection, and this setting has no earlier judged full or interim inspection',
      ),
    );
  }
  const longVacancy = context.vacancyDays !== null && context.vacancyDays >= policy.thresholdDays;
  if (longVacancy && outcome !== InterimOutcome.DECLINED_IN_EFFECTIVENESS) {
    const vacant = `The registered manager post has been vacant for ${Math.floor(context.vacancyDays! / 7)} weeks`;
    if (policy.interimReading === 'LIMITING') {
      violations.push(
        ruleViolation(
          ['outcome'],
          'CHA-197',
          `${vacant}: with no registered manager for ${Math.floor(policy.thresholdDays / 7)} weeks or more the judgement must be declined in effectiveness`,
        ),
      );
    } else if (!text(context.reasonNotDeclined)) {
      violations.push(
        ruleViolation(
          ['reasonNotDeclined'],
          'CHA-197',
          `${vacant}: declined in effectiveness is the expected outcome, so record why another was given`,
        ),
      );
    }
  }
  return violations;
}

/** Annex G: a home with no children placed gets an interim inspection with no judgement. */
export enum NoJudgementReason {
  NO_CHILDREN_SINCE_REGISTRATION = 'NO_CHILDREN_SINCE_REGISTRATION',
  CLOSED_NOT_TAKING_PLACEMENTS = 'CLOSED_NOT_TAKING_PLACEMENTS',
}

export interface NoJudgementDetails {
  reason: NoJudgementReason;
  registrationDate: LocalDate;
  /** CLOSED_NOT_TAKING_PLACEMENTS: how long the home has been closed, e.g. "six months". */
  closedFor?: string | null;
  /** CLOSED_NOT_TAKING_PLACEMENTS: how long it will not be operational from the date of inspection. */
  notOperationalFor?: string | null;
  /** NO_CHILDREN_SINCE_REGISTRATION: the inspector's own text, appended to the statement. */
  inspectorText?: string | null;
}

export function validateNoJudgement(details: NoJudgementDetails, context: { earlierInspections: number }): Violation[] {
  if (details.reason === NoJudgementReason.NO_CHILDREN_SINCE_REGISTRATION) {
    return context.earlierInspections > 0
      ? [
          ruleViolation(
            ['reason'],
            'CHA-116',
            'The no-judgement interim for a home with no children since registration is for its first inspection after registration only',
          ),
        ]
      : [];
  }
  const violations: Violation[] = [];
  if (!text(details.closedFor)) violations.push(ruleViolation(['closedFor'], 'CHA-124', 'Say how long the home has been closed'));
  if (!text(details.notOperationalFor)) {
    violations.push(
      ruleViolation(['notOperationalFor'], 'CHA-124', 'Say how long the home will not be operational from the date of inspection'),
    );
  }
  return violations;
}

function longDate(date: LocalDate): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The statement Annex G prescribes for the interim report (CHA-117, CHA-124), filled in. */
export function noJudgementStatement(details: NoJudgementDetails): string {
  if (details.reason === NoJudgementReason.NO_CHILDREN_SINCE_REGISTRATION) {
    const extra = text(details.inspectorText) ? ` ${details.inspectorText!.trim()}` : '';
    return (
      `The home has not provided accommodation to children and young people since its registration on ${longDate(details.registrationDate)}. ` +
      "This inspection focuses on whether the children's home meets its statutory requirements in order to maintain its registration and is ready to accept placements." +
      extra
    );
  }
  return (
    `The home has been closed for ${details.closedFor!.trim()}. The registered provider has indicated that the home will not be operational for ` +
    `${details.notOperationalFor!.trim()} from the date of inspection. Should the home decide to accept placements they are required to inform ` +
    'Ofsted of their intention before they do so.'
  );
}

// ---------------------------------------------------------------------------------------------
// Assurance and monitoring visits

export function validateAssuranceOutcome(seriousOrWidespreadConcerns: boolean, concerns: string | null | undefined): Violation[] {
  if (seriousOrWidespreadConcerns && !text(concerns)) {
    return [ruleViolation(['concerns'], 'CA-073', 'Describe the serious or widespread concerns the visit found')];
  }
  if (!seriousOrWidespreadConcerns && text(concerns)) {
    return [badInput(['concerns'], 'Concerns are described only when serious or widespread concerns were found')];
  }
  return [];
}

/** What must hold before a monitoring visit to a children's home may give a new judgement (handbook para 124 and 126). */
export interface NewJudgementConditions {
  situationMadeSafe: boolean;
  leadersActingAppropriately: boolean;
  rimAgreesConcernsDiscrete: boolean;
  wouldOtherwiseHaveHigherJudgement: boolean;
  goodTrackRecordNoLeadershipOrProtectionConcerns: boolean;
  canBeRectifiedQuickly: boolean;
}

export interface MonitoringJudgementContext {
  settingType: SettingType;
  /** The setting's current four-point grade (CH-196), or null if it has none. */
  currentGrade: Grade | null;
  /** Requirements made at earlier inspections of the setting that are not yet recorded as met. */
  openRequirements: number;
}

export function validateMonitoringNewJudgement(
  newGrade: Grade,
  conditions: NewJudgementConditions | null | undefined,
  rationale: string | null | undefined,
  context: MonitoringJudgementContext,
): Violation[] {
  if (context.currentGrade !== Grade.INADEQUATE) {
    return [ruleViolation(['newOverallGrade'], 'CH-185', 'A monitoring visit gives a new judgement only after an inadequate one')];
  }
  if (newGrade === Grade.INADEQUATE) {
    return [
      badInput(['newOverallGrade'], 'A new judgement is an improved one: leave it out when the inadequate judgement remains (CH-186)'),
    ];
  }
  const violations: Violation[] = [];
  if (!text(rationale)) {
    violations.push(
      ruleViolation(['rationale'], ruleFor('newJudgementReason', context.settingType), 'Explain why a new judgement was made'),
    );
  }
  if (familyOf(context.settingType) === 'CHILDRENS_HOMES') {
    if (context.openRequirements > 0) {
      violations.push(
        ruleViolation(
          ['newOverallGrade'],
          'CH-184',
          `All requirements must be met in full before a new judgement; ${context.openRequirements} are not recorded as met`,
        ),
      );
    }
    const missing = conditions
      ? (Object.entries(conditions) as [keyof NewJudgementConditions, boolean][]).filter(([, held]) => !held).map(([name]) => name)
      : ['all of them'];
    if (missing.length > 0) {
      violations.push(
        ruleViolation(
          ['conditions'],
          'CH-187',
          `Every condition for a new judgement must hold and be recorded; not met: ${missing.join(', ')}`,
        ),
      );
    }
  }
  return violations;
}

// ---------------------------------------------------------------------------------------------
// Changes after feedback

export function validateJudgementChange(
  settingType: SettingType,
  state: { alreadyProposed: boolean; draftReportSent: boolean },
  changeReason: string | null | undefined,
): Violation[] {
  if (state.draftReportSent) {
    return [ruleViolation(['inspectionId'], 'CH-247', 'The draft report has gone to the provider: judgements can no longer change')];
  }
  if (state.alreadyProposed && !text(changeReason)) {
    return [
      ruleViolation(
        ['changeReason'],
        ruleFor('changeReason', settingType),
        'Judgements were proposed at feedback: a change needs the reason recorded',
      ),
    ];
  }
  return [];
}
