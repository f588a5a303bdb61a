/**
 * The public report: what is published about an inspection (handbook paras 162-164, Annex B;
 * SCCIF "content of the report"), built from an allow-list of fields and with every narrative
 * redacted. Nothing here can hold the setting's name, address or postcode, or a person's name.
 */
import type { PersonRole } from './evidence';
import type { InspectionType } from './inspection-types';
import type { LocalDate } from './local-date';
import { withArticle } from './provider-register';
import { redactor, settingWordFor } from './redaction';
import type { SettingType } from './setting-types';
import { isChildrensHome } from './setting-types';

export interface PublicArea {
  localAuthorityCode: string;
  localAuthorityName: string;
  regionCode: string;
  regionName: string;
}

export interface PublicJudgementContent {
  kind: string;
  overallExperiencesAndProgress: string | null;
  helpedAndProtected: string | null;
  leadersAndManagers: string | null;
  interimOutcome: string | null;
  seriousOrWidespreadConcerns: boolean | null;
  newOverallGrade: string | null;
  statement: string | null;
}

export interface PublicReportContent {
  urn: string;
  settingType: SettingType;
  area: PublicArea;
  /** Published only where the registered provider is an organisation (para 163). */
  registeredProvider: { name: string; address: string } | null;
  responsibleIndividual: string | null;
  inspectionType: InspectionType;
  inspectionStart: LocalDate;
  inspectionEnd: LocalDate;
  judgements: PublicJudgementContent;
  sections: { heading: string; text: string }[];
  childFriendlySummary: string | null;
  requirements: { regulation: string; action: string; dueDate: LocalDate }[];
  recommendations: { reference: string; action: string }[];
  lastInspection: { type: InspectionType; end: LocalDate; outcome: string | null } | null;
  history: { type: InspectionType; end: LocalDate; outcome: string | null }[];
  enforcementSinceLastInspection: { action: string; date: LocalDate }[];
  aboutTheService: string;
}

/**
 * The internal records a public report is built from: the public parts (narratives still to be
 * redacted) and the private ones redaction needs. Only the allow-listed parts go out.
 */
export interface ReportSource extends Omit<PublicReportContent, 'registeredProvider' | 'aboutTheService'> {
  settingLabel: string;
  settingName: string;
  addressLines: string[];
  registeredProvider: { kind: 'ORGANISATION' | 'INDIVIDUAL'; name: string; address: string };
  places: number | null;
  people: { name: string; initials: string; role: PersonRole }[];
}

export function buildPublicReport(source: ReportSource): PublicReportContent {
  const context = {
    people: source.people,
    settingName: source.settingName,
    addressLines: source.addressLines,
    settingWord: settingWordFor(isChildrensHome(source.settingType)),
  };
  const clean = redactor(context);
  const places = source.places != null ? ` registered for ${source.places} ${source.places === 1 ? 'place' : 'places'}` : '';
  return {
    urn: source.urn,
    settingType: source.settingType,
    area: source.area,
    registeredProvider:
      source.registeredProvider.kind === 'ORGANISATION'
        ? { name: clean(source.registeredProvider.name), address: clean(source.registeredProvider.address) }
        : null,
    responsibleIndividual: source.responsibleIndividual,
    inspectionType: source.inspectionType,
    inspectionStart: source.inspectionStart,
    inspectionEnd: source.inspectionEnd,
    judgements: { ...source.judgements, statement: source.judgements.statement ? clean(source.judgements.statement) : null },
    sections: source.sections.map((s) => ({ heading: s.heading, text: clean(s.text) })),
    childFriendlySummary: source.childFriendlySummary ? clean(source.childFriendlySummary) : null,
    requirements: source.requirements.map((r) => ({ regulation: clean(r.regulation), action: clean(r.action), dueDate: r.dueDate })),
    recommendations: source.recommendations.map((r) => ({ reference: clean(r.reference), action: clean(r.action) })),
    lastInspection: source.lastInspection,
    history: source.history,
    enforcementSinceLastInspection: source.enforcementSinceLastInspection,
    aboutTheService: clean(`${withArticle(source.settingLabel.toLowerCase())}${places}, in ${source.area.localAuthorityName} (${source.area.regionName}).`),
  };
}
