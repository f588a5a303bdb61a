/**
 * When things go wrong: the case reviews a judgement opens, what a case review must record, and
 * the notification tasks to the directors of children's services (and the Department for
 * Education for secure children's homes), each with its deadline in working days.
 */
import { InspectionType, byGuidance } from './inspection-types';
import { Grade, InterimOutcome, VACANCY_THRESHOLD_DAYS } from './judgements';
import { compareDates, type LocalDate } from './local-date';
import { badInput, ruleViolation, type Violation } from './rule-violation';
import { SettingType, byFamily, familyOf, isChildrensHome, isSccifFamily } from './setting-types';
import { addWorkingDays } from './working-days';

export enum CaseReviewTrigger {
  INADEQUATE_OVERALL = 'INADEQUATE_OVERALL',
  INTERIM_DECLINE_WITH_SERIOUS_CONCERNS = 'INTERIM_DECLINE_WITH_SERIOUS_CONCERNS',
  SERIOUS_OR_WIDESPREAD_CONCERNS = 'SERIOUS_OR_WIDESPREAD_CONCERNS',
  LONG_MANAGER_VACANCY = 'LONG_MANAGER_VACANCY',
}

export enum EnforcementOption {
  NO_ENFORCEMENT_ACTION = 'NO_ENFORCEMENT_ACTION',
  MONITORING_VISITS = 'MONITORING_VISITS',
  BRING_INSPECTION_FORWARD = 'BRING_INSPECTION_FORWARD',
  COMPLIANCE_NOTICE = 'COMPLIANCE_NOTICE',
  IMPOSE_CONDITIONS = 'IMPOSE_CONDITIONS',
  RESTRICTION_OF_ACCOMMODATION = 'RESTRICTION_OF_ACCOMMODATION',
  SUSPENSION = 'SUSPENSION',
  NOTICE_OF_PROPOSAL_TO_CANCEL = 'NOTICE_OF_PROPOSAL_TO_CANCEL',
  PROSECUTION = 'PROSECUTION',
}

export enum NotificationRecipient {
  PLACING_AUTHORITY_DCS = 'PLACING_AUTHORITY_DCS',
  HOST_AUTHORITY_DCS = 'HOST_AUTHORITY_DCS',
  DEPARTMENT_FOR_EDUCATION = 'DEPARTMENT_FOR_EDUCATION',
}

export interface OutcomeFacts {
  type: InspectionType;
  settingType: SettingType;
  /** The end of the inspection (feedback day). */
  endOfInspection: LocalDate;
  overall: Grade | null;
  interimOutcome: InterimOutcome | null;
  declineSuggestsSeriousConcerns: boolean;
  seriousOrWidespreadConcerns: boolean | null;
  managerVacancyDays: number | null;
}

export interface CaseReviewOpening {
  trigger: CaseReviewTrigger;
  ruleId: string;
  urgent: boolean;
  dueBy: LocalDate;
}

/**
 * The case reviews an outcome opens. Deadlines: 5 working days after the end of the inspection
 * where the guidance says so (RFC-079, ASA-107, CA-082), and for the children's homes' urgent
 * review, which the handbook leaves undated, the same 5 days; a manager vacancy of 26 weeks or
 * more convenes one at once (CHA-194): due on the day it is found.
 */
export function caseReviewsOpenedBy(facts: OutcomeFacts): CaseReviewOpening[] {
  const within5 = addWorkingDays(facts.endOfInspection, 5);
  const openings: CaseReviewOpening[] = [];
  if (facts.overall === Grade.INADEQUATE && facts.type === InspectionType.FULL_INSPECTION) {
    const ruleId = byFamily(facts.settingType, {
      CHILDRENS_HOMES: 'CH-175',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-079',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-107',
    });
    openings.push({ trigger: CaseReviewTrigger.INADEQUATE_OVERALL, ruleId, urgent: true, dueBy: within5 });
  }
  if (facts.interimOutcome === InterimOutcome.DECLINED_IN_EFFECTIVENESS && facts.declineSuggestsSeriousConcerns) {
    openings.push({ trigger: CaseReviewTrigger.INTERIM_DECLINE_WITH_SERIOUS_CONCERNS, ruleId: 'CHA-064', urgent: true, dueBy: within5 });
  }
  if (facts.seriousOrWidespreadConcerns === true) {
    openings.push({ trigger: CaseReviewTrigger.SERIOUS_OR_WIDESPREAD_CONCERNS, ruleId: 'CA-082', urgent: true, dueBy: within5 });
  }
  if (isChildrensHome(facts.settingType) && facts.managerVacancyDays !== null && facts.managerVacancyDays >= VACANCY_THRESHOLD_DAYS) {
    openings.push({ trigger: CaseReviewTrigger.LONG_MANAGER_VACANCY, ruleId: 'CHA-194', urgent: true, dueBy: facts.endOfInspection });
  }
  return openings;
}

export interface NotificationDue {
  recipient: NotificationRecipient;
  /** ONS code of the local authority; null for the Department for Education. */
  localAuthority: string | null;
  ruleId: string;
  dueBy: LocalDate;
}

/**
 * Who must be told, and by when: the directors of children's services of the placing authorities
 * and of the host authority by the end of the next working day (CHA-078; CA-084 at assurance
 * visits); the Department for Education for secure children's homes (CA-085 after assurance visits,
 * CHA-073 after inspections; no deadline given: the same next working day). Family centres and adoption support agencies tell the authorities
 * after the case review (RFC-082, ASA-111): by the next working day after its due date.
 */
export function notificationsDue(
  facts: OutcomeFacts,
  openings: readonly CaseReviewOpening[],
  authorities: { host: string; placing: readonly string[] },
): NotificationDue[] {
  const concerning = openings.filter(
    (o) => o.trigger === CaseReviewTrigger.INADEQUATE_OVERALL || o.trigger === CaseReviewTrigger.SERIOUS_OR_WIDESPREAD_CONCERNS,
  );
  if (concerning.length === 0) return [];
  const assurance = facts.type === InspectionType.ASSURANCE_VISIT;
  const family = familyOf(facts.settingType);
  const sccif = isSccifFamily(family);
  const ruleId = byGuidance(facts.type, facts.settingType, {
    CHILDRENS_HOMES: 'CHA-078',
    RESIDENTIAL_FAMILY_CENTRES: 'RFC-082',
    ADOPTION_SUPPORT_AGENCIES: 'ASA-111',
    ASSURANCE_VISITS: 'CA-084',
  });
  const dueBy = sccif ? addWorkingDays(concerning[0].dueBy, 1) : addWorkingDays(facts.endOfInspection, 1);
  // The family centres' guidance names no host-authority notice, so there the host is told only as a placing authority.
  const hostTold = family !== 'RESIDENTIAL_FAMILY_CENTRES';
  const placing = [...new Set(authorities.placing)].filter((code) => !hostTold || code !== authorities.host);
  const due: NotificationDue[] = [
    ...placing.map((code) => ({ recipient: NotificationRecipient.PLACING_AUTHORITY_DCS, localAuthority: code, ruleId, dueBy })),
    ...(hostTold ? [{ recipient: NotificationRecipient.HOST_AUTHORITY_DCS, localAuthority: authorities.host, ruleId, dueBy }] : []),
  ];
  if (facts.settingType === SettingType.SECURE_CHILDRENS_HOME) {
    due.push({
      recipient: NotificationRecipient.DEPARTMENT_FOR_EDUCATION,
      localAuthority: null,
      ruleId: assurance ? 'CA-085' : 'CHA-073',
      dueBy: addWorkingDays(facts.endOfInspection, 1),
    });
  }
  return due;
}

/** A case review held after its due date, or not held and past it (CH-175, RFC-079, ASA-107: held within their days). */
export function caseReviewLate(dueBy: LocalDate, heldOn: LocalDate | null, today: LocalDate): boolean {
  const status = notificationStatus(dueBy, heldOn, today);
  return status.overdue || status.onTime === false;
}

/** A task done on or before its due date is on time; one not done is overdue once the date has passed. */
export function notificationStatus(
  dueBy: LocalDate,
  doneOn: LocalDate | null,
  today: LocalDate,
): { onTime: boolean | null; overdue: boolean } {
  if (doneOn !== null) return { onTime: compareDates(doneOn, dueBy) <= 0, overdue: false };
  return { onTime: null, overdue: compareDates(today, dueBy) > 0 };
}

export interface OptionConsidered {
  option: EnforcementOption;
  rejectedBecause: string | null;
}

/**
 * A case review records the options considered, the one chosen and why the others were rejected.
 * For children's homes it considers every enforcement option (CH-177).
 */
export function validateCaseReviewDecision(
  settingType: SettingType,
  decision: {
    optionsConsidered: readonly OptionConsidered[];
    chosen: EnforcementOption;
    decisionReason: string;
    decidedBy: string;
    heldOn: LocalDate;
  },
  context: { openedOn: LocalDate; today: LocalDate },
): Violation[] {
  const violations: Violation[] = [];
  const considered = decision.optionsConsidered.map((o) => o.option);
  if (new Set(considered).size !== considered.length) violations.push(badInput(['optionsConsidered'], 'List each option once'));
  if (!considered.includes(decision.chosen)) {
    violations.push(ruleViolation(['chosenOption'], 'CH-177', 'The option chosen must be one of the options considered'));
  }
  decision.optionsConsidered.forEach((o, i) => {
    if (o.option !== decision.chosen && !o.rejectedBecause?.trim()) {
      violations.push(
        ruleViolation(
          ['optionsConsidered', String(i), 'rejectedBecause'],
          'CH-177',
          `Say why ${o.option.toLowerCase().replace(/_/g, ' ')} was rejected`,
        ),
      );
    }
  });
  if (isChildrensHome(settingType)) {
    const missing = Object.values(EnforcementOption).filter((o) => !considered.includes(o));
    if (missing.length > 0) {
      violations.push(
        ruleViolation(
          ['optionsConsidered'],
          'CH-177',
          `The case review considers every enforcement option; not considered: ${missing.join(', ')}`,
        ),
      );
    }
  }
  if (!decision.decisionReason.trim()) violations.push(badInput(['decisionReason'], 'Say why this option was chosen'));
  if (!decision.decidedBy.trim()) violations.push(badInput(['decidedBy'], 'Name who decided'));
  if (compareDates(decision.heldOn, context.openedOn) < 0)
    violations.push(badInput(['heldOn'], 'A case review is held after it was opened'));
  if (compareDates(decision.heldOn, context.today) > 0) violations.push(badInput(['heldOn'], 'heldOn cannot be in the future'));
  return violations;
}
