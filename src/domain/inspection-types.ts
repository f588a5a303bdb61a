/**
 * Inspection and visit types, which settings each applies to, and the notice each gets.
 */
import { withArticle } from './provider-register';
import { ruleViolation, type Violation } from './rule-violation';
import { SETTING_TYPES, SettingType, byFamily, familyOf, isChildrensHome, type FamilyTable, type SettingFamily } from './setting-types';
import { workingDaysBetween } from './working-days';
import type { LocalDate } from './local-date';

export enum InspectionType {
  FULL_INSPECTION = 'FULL_INSPECTION',
  INTERIM_INSPECTION = 'INTERIM_INSPECTION',
  MONITORING_VISIT = 'MONITORING_VISIT',
  ASSURANCE_VISIT = 'ASSURANCE_VISIT',
}

/**
 * The guidance a piece of inspection work follows: its setting's family (see `familyOf`), except an
 * assurance visit, which has guidance of its own (CA) whatever the setting.
 */
export type Guidance = SettingFamily | 'ASSURANCE_VISITS';

export function guidanceOf(type: InspectionType, settingType: SettingType): Guidance {
  return type === InspectionType.ASSURANCE_VISIT ? 'ASSURANCE_VISITS' : familyOf(settingType);
}

/** One value per family, as for `byFamily`, and one for assurance visits. */
export type GuidanceTable<T> = FamilyTable<T> & { readonly ASSURANCE_VISITS: T };

/** The value for the guidance an inspection of this type at this setting type follows, e.g. the rule ID that allows a move. */
export function byGuidance<T>(type: InspectionType, settingType: SettingType, table: GuidanceTable<T>): T {
  return type === InspectionType.ASSURANCE_VISIT ? table.ASSURANCE_VISITS : byFamily(settingType, table);
}

/**
 * Interim inspections exist only for children's homes and secure children's homes (CH-170; the
 * SCCIF for family centres and adoption support agencies has none); assurance visits only for
 * secure children's homes (CA-052). Full inspections and monitoring visits apply to every setting.
 */
export function validateInspectionTypeForSetting(type: InspectionType, settingType: SettingType): Violation[] {
  const aSetting = withArticle(SETTING_TYPES[settingType].label.toLowerCase()).toLowerCase();
  if (type === InspectionType.INTERIM_INSPECTION && !isChildrensHome(settingType)) {
    return [ruleViolation(['type'], 'CH-170', `Interim inspections are for children's homes and secure children's homes, not ${aSetting}`)];
  }
  if (type === InspectionType.ASSURANCE_VISIT && settingType !== SettingType.SECURE_CHILDRENS_HOME) {
    return [ruleViolation(['type'], 'CA-052', `Assurance visits are for secure children's homes only, not ${aSetting}`)];
  }
  return [];
}

export enum NoticeRule {
  /** No notice at all: children's homes (CH-004), residential family centres (RFC-047). */
  UNANNOUNCED = 'UNANNOUNCED',
  /** Usually unannounced; notice may be given when the case review decides, with a reason (CH-195, RFC-095, ASA-113). */
  USUALLY_UNANNOUNCED = 'USUALLY_UNANNOUNCED',
  /** A number of working days' notice: adoption support agencies, 10, or 20 for a single individual (ASA-043). */
  WORKING_DAYS_NOTICE = 'WORKING_DAYS_NOTICE',
  /** Announced by telephone on its first day and live at once (CA-058, CA-059). */
  ANNOUNCED_ON_FIRST_DAY = 'ANNOUNCED_ON_FIRST_DAY',
  /** The guidance in this system sets no notice rule for this setting type. */
  NOT_SET = 'NOT_SET',
}

export interface NoticeRequirement {
  rule: NoticeRule;
  ruleId: string | null;
  /** For WORKING_DAYS_NOTICE: the working days of notice due before the first day on site. */
  workingDays: number | null;
}

export function noticeRequirement(type: InspectionType, settingType: SettingType, singlePersonAgency: boolean): NoticeRequirement {
  if (type === InspectionType.MONITORING_VISIT) {
    const ruleId = byFamily(settingType, {
      CHILDRENS_HOMES: 'CH-195',
      RESIDENTIAL_FAMILY_CENTRES: 'RFC-095',
      ADOPTION_SUPPORT_AGENCIES: 'ASA-113',
    });
    return { rule: NoticeRule.USUALLY_UNANNOUNCED, ruleId, workingDays: null };
  }
  return byGuidance<NoticeRequirement>(type, settingType, {
    ASSURANCE_VISITS: { rule: NoticeRule.ANNOUNCED_ON_FIRST_DAY, ruleId: 'CA-058', workingDays: null },
    CHILDRENS_HOMES: { rule: NoticeRule.UNANNOUNCED, ruleId: 'CH-004', workingDays: null },
    RESIDENTIAL_FAMILY_CENTRES: { rule: NoticeRule.UNANNOUNCED, ruleId: 'RFC-047', workingDays: null },
    ADOPTION_SUPPORT_AGENCIES: { rule: NoticeRule.WORKING_DAYS_NOTICE, ruleId: 'ASA-043', workingDays: singlePersonAgency ? 20 : 10 },
    OTHER: { rule: NoticeRule.NOT_SET, ruleId: null, workingDays: null },
  });
}

export interface NoticeAssessment extends NoticeRequirement {
  /** Working days from the notice to the first day on site (null when no notice was given, or no start yet). */
  workingDaysGiven: number | null;
  /** The notice given breaks the rule for this setting and inspection type. */
  breach: boolean;
  explanation: string;
}

/**
 * Assesses the notice recorded for an inspection against the rule for its type and setting. A
 * provider cannot be refused a real-world fact, so a breach is recorded and flagged, not rejected.
 * `start` is the first day on site (or, before the visit starts, the scheduled day).
 */
export function assessNotice(
  requirement: NoticeRequirement,
  noticeGivenOn: LocalDate | null,
  start: LocalDate,
  noticeReason: string | null,
): NoticeAssessment {
  const workingDaysGiven = noticeGivenOn === null ? null : workingDaysBetween(noticeGivenOn, start);
  const result = (breach: boolean, explanation: string): NoticeAssessment => ({
    ...requirement,
    workingDaysGiven,
    breach,
    explanation,
  });
  switch (requirement.rule) {
    case NoticeRule.UNANNOUNCED:
      return noticeGivenOn === null
        ? result(false, 'Unannounced, as the rule requires')
        : result(true, `Notice was given on ${noticeGivenOn}, but these inspections are unannounced`);
    case NoticeRule.USUALLY_UNANNOUNCED:
      if (noticeGivenOn === null) return result(false, 'Unannounced, as is usual');
      return noticeReason?.trim()
        ? result(false, `Announced, for a recorded reason: ${noticeReason.trim()}`)
        : result(true, 'Announced without a recorded reason; monitoring visits are usually unannounced');
    case NoticeRule.WORKING_DAYS_NOTICE:
      if (noticeGivenOn === null) return result(true, `No notice recorded; ${requirement.workingDays} working days are due`);
      return workingDaysGiven! >= requirement.workingDays!
        ? result(false, `${workingDaysGiven} working days' notice given; ${requirement.workingDays} due`)
        : result(true, `Only ${workingDaysGiven} working days' notice given; ${requirement.workingDays} due`);
    case NoticeRule.ANNOUNCED_ON_FIRST_DAY:
      if (noticeGivenOn === null) return result(false, 'To be announced on its first day');
      return noticeGivenOn === start
        ? result(false, 'Announced on its first day')
        : result(true, `Announced on ${noticeGivenOn}, not on its first day (${start})`);
    case NoticeRule.NOT_SET:
      return result(false, 'No notice rule is set for this setting type');
  }
}
