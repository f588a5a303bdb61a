/**
 * The public report: what is published about an inspection (handbook paras 162-164, Annex B;
 * SCCIF "content of the report"), built from an allow-list of fields with every string made by
 * the redaction gate. Nothing here can hold the setting's name, address or postcode, or a
 * person's name other than those published by rule (para 163).
 */
import { PersonRole } from './evidence';
import type { InspectionType } from './inspection-types';
import { JudgementKind, type Grade, type InterimOutcome } from './judgements';
import type { LocalDate } from './local-date';
import { withArticle } from './provider-register';
import {
  publicCode,
  publicReferenceName,
  publicTemplate,
  publicWords,
  redactor,
  settingWordFor,
  type NamedPerson,
  type PublicText,
  type SettingAddress,
} from './redaction';
import type { SettingType } from './setting-types';
import { isChildrensHome } from './setting-types';

export interface PublicArea {
  localAuthorityCode: PublicText;
  localAuthorityName: PublicText;
  regionCode: PublicText;
  regionName: PublicText;
}

/** A local authority and its region from the reference data, as the public views name it. */
export function publicArea(area: {
  localAuthorityCode: string;
  localAuthorityName: string;
  regionCode: string;
  regionName: string;
}): PublicArea {
  return {
    localAuthorityCode: publicCode(area.localAuthorityCode, 'ONS_CODE'),
    localAuthorityName: publicReferenceName(area.localAuthorityName),
    regionCode: publicCode(area.regionCode, 'ONS_CODE'),
    regionName: publicReferenceName(area.regionName),
  };
}

export interface PublicJudgementContent {
  kind: PublicText;
  overallExperiencesAndProgress: Grade | null;
  helpedAndProtected: Grade | null;
  leadersAndManagers: Grade | null;
  interimOutcome: InterimOutcome | null;
  seriousOrWidespreadConcerns: boolean | null;
  newOverallGrade: Grade | null;
  statement: PublicText | null;
}

export interface PublicInspectionSummaryContent {
  type: InspectionType;
  end: LocalDate;
  outcome: PublicText | null;
}

export interface PublicRegisteredProviderContent {
  name: PublicText;
  /** Null where every part of it would locate the setting. */
  address: PublicText | null;
}

export interface PublicReportContent {
  urn: PublicText;
  settingType: SettingType;
  area: PublicArea;
  /** Published only where the registered provider is an organisation (para 163). */
  registeredProvider: PublicRegisteredProviderContent | null;
  responsibleIndividual: PublicText | null;
  inspectionType: InspectionType;
  inspectionStart: LocalDate;
  inspectionEnd: LocalDate;
  judgements: PublicJudgementContent;
  sections: { heading: PublicText; text: PublicText }[];
  childFriendlySummary: PublicText | null;
  requirements: { regulation: PublicText; action: PublicText; dueDate: LocalDate }[];
  recommendations: { reference: PublicText; action: PublicText }[];
  lastInspection: PublicInspectionSummaryContent | null;
  history: PublicInspectionSummaryContent[];
  enforcementSinceLastInspection: { action: PublicText; date: LocalDate }[];
  aboutTheService: PublicText;
  /** For an amended version: why, redacted like the report (absent from versions stored before it was). */
  amendmentReason?: PublicText | null;
}

/** Statutory enforcement actions as the public report names them. */
export const ENFORCEMENT_ACTION_TEXT = {
  COMPLIANCE_NOTICE: publicTemplate`Compliance notice served`,
} as const;

/** The outcome of an earlier inspection, as a word token (a grade, an interim outcome, "NO_JUDGEMENT"...). */
export interface InspectionSummarySource {
  type: InspectionType;
  end: LocalDate;
  outcome: string | null;
}

/** A setting and the organisation or person that runs it, as the register holds them: everything redaction needs. */
export interface SettingSource {
  urn: string;
  settingType: SettingType;
  settingName: string;
  address: SettingAddress;
  area: { localAuthorityCode: string; localAuthorityName: string; regionCode: string; regionName: string };
  registeredProvider: { kind: 'ORGANISATION' | 'INDIVIDUAL'; name: string; address: SettingAddress };
  responsibleIndividual: string | null;
  /** Everyone named in the setting's records (protected registers, managers, an individual provider). */
  people: NamedPerson[];
}

/**
 * The internal records a public report is built from: free text still to be redacted and the
 * private details redaction needs. Only the allow-listed parts go out.
 */
export interface ReportSource extends SettingSource {
  settingLabel: string;
  places: number | null;
  inspectionType: InspectionType;
  inspectionStart: LocalDate;
  inspectionEnd: LocalDate;
  judgements: Omit<PublicJudgementContent, 'kind' | 'statement'> & { kind: string; statement: string | null };
  /** Headings are the code's own words; the texts are the inspector's. */
  sections: { heading: PublicText; text: string }[];
  childFriendlySummary: string | null;
  requirements: { regulation: string; action: string; dueDate: LocalDate }[];
  recommendations: { reference: string; action: string }[];
  lastInspection: InspectionSummarySource | null;
  history: InspectionSummarySource[];
  enforcementSinceLastInspection: { action: keyof typeof ENFORCEMENT_ACTION_TEXT; date: LocalDate }[];
  amendmentReason: string | null;
}

/**
 * The redactor of a setting's public text: its records' names, its name and address, and the
 * generic detectors. An individual registered provider is among the people by construction
 * (para 163), whether or not the caller listed them.
 */
export function settingRedactor(source: SettingSource) {
  const { kind, name } = source.registeredProvider;
  return redactor({
    people: kind === 'INDIVIDUAL' ? [...source.people, { name, role: PersonRole.OTHER }] : source.people,
    settingName: source.settingName,
    address: source.address,
    settingWord: settingWordFor(isChildrensHome(source.settingType)),
    publicPlaceNames: [source.area.localAuthorityName, source.area.regionName],
  });
}

/** The registered provider as published: an organisation's name and address (para 163); an individual is not named. */
export function publicRegisteredProvider(source: SettingSource, clean = settingRedactor(source)): PublicRegisteredProviderContent | null {
  if (source.registeredProvider.kind !== 'ORGANISATION') return null;
  return {
    name: clean.publishedName(source.registeredProvider.name),
    address: clean.organisationAddress(source.registeredProvider.address),
  };
}

const summaryOf = (s: InspectionSummarySource): PublicInspectionSummaryContent => ({
  type: s.type,
  end: s.end,
  outcome: s.outcome ? publicWords(s.outcome) : null,
});

export function buildPublicReport(source: ReportSource): PublicReportContent {
  const clean = settingRedactor(source);
  const area = publicArea(source.area);
  const kind = publicReferenceName(withArticle(source.settingLabel.toLowerCase()));
  const about =
    source.places != null
      ? publicTemplate`${kind} registered for ${source.places} ${source.places === 1 ? publicTemplate`place` : publicTemplate`places`}, in ${area.localAuthorityName} (${area.regionName}).`
      : publicTemplate`${kind}, in ${area.localAuthorityName} (${area.regionName}).`;
  return {
    urn: publicCode(source.urn, 'URN'),
    settingType: source.settingType,
    area,
    registeredProvider: publicRegisteredProvider(source, clean),
    responsibleIndividual: source.responsibleIndividual ? clean.publishedName(source.responsibleIndividual) : null,
    inspectionType: source.inspectionType,
    inspectionStart: source.inspectionStart,
    inspectionEnd: source.inspectionEnd,
    judgements: {
      ...source.judgements,
      kind: publicCode(source.judgements.kind, 'TOKEN'),
      statement: clean.optional(source.judgements.statement),
    },
    sections: source.sections.map((s) => ({ heading: s.heading, text: clean.text(s.text) })),
    childFriendlySummary: clean.optional(source.childFriendlySummary),
    requirements: source.requirements.map((r) => ({
      regulation: clean.text(r.regulation),
      action: clean.text(r.action),
      dueDate: r.dueDate,
    })),
    recommendations: source.recommendations.map((r) => ({ reference: clean.text(r.reference), action: clean.text(r.action) })),
    lastInspection: source.lastInspection ? summaryOf(source.lastInspection) : null,
    history: source.history.map(summaryOf),
    enforcementSinceLastInspection: source.enforcementSinceLastInspection.map((e) => ({
      action: ENFORCEMENT_ACTION_TEXT[e.action],
      date: e.date,
    })),
    aboutTheService: about,
    amendmentReason: clean.optional(source.amendmentReason),
  };
}

/** A judgement record's outcome as a report's history shows it (the grade, or what stands in for one). */
export interface JudgementOutcomeSource {
  kind: JudgementKind;
  overallExperiencesAndProgress?: string | null;
  interimOutcome?: string | null;
  newOverallGrade?: string | null;
  seriousOrWidespreadConcerns?: boolean | null;
}

/** The outcome of an earlier inspection in a report's history and its "last inspection" line. */
export function judgementOutcome(record: JudgementOutcomeSource | undefined): string | null {
  if (!record) return null;
  switch (record.kind) {
    case JudgementKind.FULL_INSPECTION:
      return record.overallExperiencesAndProgress ?? null;
    case JudgementKind.INTERIM:
      return record.interimOutcome ?? null;
    case JudgementKind.MONITORING_VISIT:
      return record.newOverallGrade ?? null;
    case JudgementKind.ASSURANCE_VISIT:
      return record.seriousOrWidespreadConcerns ? 'SERIOUS_OR_WIDESPREAD_CONCERNS' : 'NO_SERIOUS_OR_WIDESPREAD_CONCERNS';
    case JudgementKind.NO_JUDGEMENT:
      return 'NO_JUDGEMENT';
  }
}
