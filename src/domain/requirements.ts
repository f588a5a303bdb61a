/**
 * Requirements, recommendations and compliance notices made at an inspection, and how they are
 * checked at a later visit.
 */
import { compareDates, isLocalDate, type LocalDate } from './local-date';
import { EvidenceSource, Finding } from './evidence';
import { ruleFor } from './judgements';
import { badInput, ruleViolation, type Violation } from './rule-violation';
import { hasText as text } from './text';
import { SettingType, byFamily, familyOf, isSccifFamily } from './setting-types';

export enum ItemStatus {
  OPEN = 'OPEN',
  MET = 'MET',
  NOT_MET = 'NOT_MET',
}

export enum ComplianceNoticeGround {
  PROMOTE_WELFARE_OR_RISK_OF_HARM = 'PROMOTE_WELFARE_OR_RISK_OF_HARM',
  FAILED_TO_MEET_A_REQUIREMENT = 'FAILED_TO_MEET_A_REQUIREMENT',
}

export interface LinkedEvidence {
  finding: Finding;
  source: EvidenceSource;
}

export interface RequirementDetails {
  settingType: SettingType;
  regulation: string;
  action: string;
  dueDate: LocalDate;
  impactStatement: string;
  evidence: readonly LinkedEvidence[];
  inspectionStart: LocalDate;
}

/**
 * A requirement names the regulation breached, what must be done and by when (CH-128), with the
 * impact on children, backed by the evidence of the weakness it addresses (CH-127, CHA-041). The
 * SCCIF asks for more than one source of evidence (RFC-031, ASA-029).
 */
export function validateRequirement(r: RequirementDetails): Violation[] {
  const violations: Violation[] = [];
  const basis = ruleFor('requirementBasis', r.settingType);
  if (!text(r.regulation)) violations.push(ruleViolation(['regulation'], basis, 'Name the regulation that was breached'));
  if (!text(r.action)) violations.push(ruleViolation(['action'], basis, 'Say what the registered person must do'));
  if (!isLocalDate(r.dueDate)) violations.push(badInput(['dueDate'], `"${r.dueDate}" is not a calendar date`));
  else if (compareDates(r.dueDate, r.inspectionStart) < 0)
    violations.push(badInput(['dueDate'], 'A requirement cannot be due before the inspection began'));

  const evidenceRule = ruleFor('requirementEvidence', r.settingType);
  if (!text(r.impactStatement)) {
    violations.push(
      ruleViolation(['impactStatement'], evidenceRule, 'State the actual or potential impact on the quality of care, safety or welfare'),
    );
  }
  if (r.evidence.length === 0) {
    violations.push(ruleViolation(['evidenceIds'], evidenceRule, 'Link the evidence of the breach'));
  } else if (r.evidence.some((e) => e.finding !== Finding.WEAKNESS)) {
    violations.push(
      ruleViolation(['evidenceIds'], 'CHA-041', 'A requirement addresses a weakness: link only evidence recorded as a weakness'),
    );
  }
  const sources = new Set(r.evidence.map((e) => e.source));
  if (isSccifFamily(familyOf(r.settingType)) && r.evidence.length > 0 && sources.size < 2) {
    violations.push(ruleViolation(['evidenceIds'], evidenceRule, 'Triangulate: the evidence must come from more than one source'));
  }
  return violations;
}

export interface RecommendationDetails {
  settingType: SettingType;
  reference: string;
  guidanceSummary: string | null;
  action: string;
  evidence: readonly LinkedEvidence[];
}

/**
 * A recommendation cites the Guide's page and paragraph or other statutory guidance (CH-136), the
 * national minimum standard (RFC-030), or the standard with a summary of it (ASA-028), and is linked
 * to the weakness it addresses (CHA-041).
 */
export function validateRecommendation(r: RecommendationDetails): Violation[] {
  const violations: Violation[] = [];
  const basis = ruleFor('recommendationBasis', r.settingType);
  if (!text(r.reference)) {
    const what = byFamily(r.settingType, {
      CHILDRENS_HOMES: "the Guide's page and paragraph, or the statutory guidance",
      RESIDENTIAL_FAMILY_CENTRES: 'the national minimum standard',
      ADOPTION_SUPPORT_AGENCIES: 'the national minimum standard',
    });
    violations.push(ruleViolation(['reference'], basis, `Cite ${what} the recommendation rests on`));
  }
  if (familyOf(r.settingType) === 'ADOPTION_SUPPORT_AGENCIES' && !text(r.guidanceSummary)) {
    violations.push(ruleViolation(['guidanceSummary'], 'ASA-028', 'Summarise the national minimum standard cited'));
  }
  if (!text(r.action)) violations.push(badInput(['action'], 'Say what the registered person should do'));
  if (r.evidence.length === 0) {
    violations.push(
      ruleViolation(['evidenceIds'], ruleFor('linkedEvidence', r.settingType), 'Link the evidence the recommendation rests on'),
    );
  } else if (r.evidence.some((e) => e.finding !== Finding.WEAKNESS)) {
    violations.push(
      ruleViolation(['evidenceIds'], 'CHA-041', 'A recommendation addresses a weakness: link only evidence recorded as a weakness'),
    );
  }
  return violations;
}

export interface ComplianceNoticeAction {
  regulation: string;
  action: string;
  completionDate: LocalDate;
}

/** A compliance notice has a ground (CH-139) and actions, each with its regulation and completion date (CH-140). */
export function validateComplianceNotice(servedOn: LocalDate, actions: readonly ComplianceNoticeAction[], today: LocalDate): Violation[] {
  const violations: Violation[] = [];
  if (!isLocalDate(servedOn)) violations.push(badInput(['servedOn'], `"${servedOn}" is not a calendar date`));
  else if (compareDates(servedOn, today) > 0) violations.push(badInput(['servedOn'], 'servedOn cannot be in the future'));
  if (actions.length === 0) violations.push(ruleViolation(['actions'], 'CHA-071', 'A compliance notice sets out at least one action'));
  actions.forEach((a, i) => {
    if (!text(a.regulation))
      violations.push(ruleViolation(['actions', String(i), 'regulation'], 'CH-140', 'Each action names its regulation'));
    if (!text(a.action)) violations.push(ruleViolation(['actions', String(i), 'action'], 'CH-140', 'Say what the provider must do'));
    if (!isLocalDate(a.completionDate)) violations.push(badInput(['actions', String(i), 'completionDate'], 'Not a calendar date'));
    else if (isLocalDate(servedOn) && compareDates(a.completionDate, servedOn) <= 0) {
      violations.push(
        ruleViolation(['actions', String(i), 'completionDate'], 'CH-140', 'The completion date comes after the notice is served'),
      );
    }
  });
  return violations;
}

/** Requirements and recommendations are checked at a later visit to the same setting. */
export function validateCheckAtVisit(
  settingType: SettingType,
  made: { providerId: string; inspectionId: string; start: LocalDate },
  visit: { providerId: string; inspectionId: string; start: LocalDate | null },
): Violation[] {
  const rule = ruleFor('checkedAtNextVisit', settingType);
  if (visit.providerId !== made.providerId) {
    return [ruleViolation(['inspectionId'], rule, 'It is checked at a visit to the same setting')];
  }
  if (visit.inspectionId === made.inspectionId || visit.start === null || compareDates(visit.start, made.start) <= 0) {
    return [ruleViolation(['inspectionId'], rule, 'It is checked at a later visit that has started, not the one that made it')];
  }
  return [];
}
