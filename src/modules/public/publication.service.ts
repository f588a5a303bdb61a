import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { settingSourceOf } from './public.service';
import type { LocalDate } from '../../domain/local-date';
import { buildPublicReport, judgementOutcome, type PublicReportContent, type ReportSource } from '../../domain/public-report';
import { publicTemplate, type NamedPerson } from '../../domain/redaction';
import { PersonRole } from '../../domain/evidence';
import { providerHasDraft } from '../../domain/report-pipeline';
import { SETTING_TYPES } from '../../domain/setting-types';
import { EvidenceRepository } from '../evidence';
import { InspectionRepository, type Inspection } from '../inspections';
import { JudgementRepository, type JudgementRecord } from '../judgements';
import { ProviderRepository, type Provider } from '../providers';
import { ReferenceRepository } from '../reference';
import { RequirementRepository } from '../requirements';
import { PublishedReport } from './published-report.entity';

/**
 * Everyone named in the setting's records, for redaction: the protected registers of all its
 * inspections, its registered managers past and present, and its registered provider where that
 * is a person (whom the report never names, para 163).
 */
async function peopleOf(em: EntityManager, provider: Provider, registered: { kind: string; name: string }): Promise<NamedPerson[]> {
  const protectedPeople = await new EvidenceRepository(em).protectedPeopleOf(provider);
  const managers = await new ProviderRepository(em).managerAppointments(provider);
  return [
    ...protectedPeople.map((p) => ({ name: p.name, initials: p.initials, role: p.role })),
    ...managers.map((m) => ({ name: m.name, role: PersonRole.STAFF_MEMBER })),
    ...(registered.kind === 'INDIVIDUAL' ? [{ name: registered.name, role: PersonRole.OTHER }] : []),
  ];
}

function judgementsOf(record: JudgementRecord | null): ReportSource['judgements'] {
  return {
    kind: record?.kind ?? 'NONE',
    overallExperiencesAndProgress: record?.overallExperiencesAndProgress ?? null,
    helpedAndProtected: record?.helpedAndProtected ?? null,
    leadersAndManagers: record?.leadersAndManagers ?? null,
    interimOutcome: record?.interimOutcome ?? null,
    seriousOrWidespreadConcerns: record?.seriousOrWidespreadConcerns ?? null,
    newOverallGrade: record?.newOverallGrade ?? null,
    statement: record?.statement ?? null,
  };
}

/** Reads the internal records a public report is made from (the redaction happens in the domain). */
async function sourceOf(
  em: EntityManager,
  inspection: Inspection,
  provider: Provider,
  amendmentReason: string | null,
): Promise<ReportSource> {
  const area = await new ReferenceRepository(em).areaOf(provider.localAuthority.onsCode);
  const registered = await provider.registeredProvider.loadOrFail();
  const judgements = new JudgementRepository(em);
  const latest = await judgements.latestJudgement(inspection);
  const items = new RequirementRepository(em);
  const requirements = await items.requirementsMadeAt(inspection);
  const recommendations = await items.recommendationsMadeAt(inspection);

  // The recent history: the last four full or interim inspections before this one (monitoring visits left out).
  const earlier = await new InspectionRepository(em).publishedBefore(inspection, provider, 4);
  const earlierJudgements = await judgements.latestJudgements(earlier.map((i) => i.id));
  const history = earlier.map((i) => ({ type: i.type, end: i.feedbackDate!, outcome: judgementOutcome(earlierJudgements.get(i.id)) }));
  const last = earlier[0];

  // Enforcement since the last inspection: statutory action only (compliance notices served).
  const notices = await items.noticesServedBetween(provider, last?.feedbackDate ?? '0001-01-01', inspection.feedbackDate!);

  const sections: ReportSource['sections'] = [];
  const section = (heading: ReportSource['sections'][number]['heading'], text: string | null) => {
    if (text?.trim()) sections.push({ heading, text: text.trim() });
  };
  section(publicTemplate`Overall experiences and progress of children`, inspection.reportOverallText);
  section(publicTemplate`How well children are helped and protected`, inspection.reportHelpedAndProtectedText);
  section(publicTemplate`The effectiveness of leaders and managers`, inspection.reportLeadersAndManagersText);
  section(publicTemplate`Findings`, inspection.reportSummaryText);

  return {
    ...settingSourceOf(provider, area, registered, await peopleOf(em, provider, registered)),
    settingLabel: SETTING_TYPES[provider.settingType].label,
    places: provider.places,
    amendmentReason,
    inspectionType: inspection.type,
    inspectionStart: inspection.onSiteStart!,
    inspectionEnd: inspection.feedbackDate!,
    judgements: judgementsOf(latest),
    sections,
    childFriendlySummary: inspection.childFriendlySummary,
    requirements: requirements.map((r) => ({ regulation: r.regulation, action: r.action, dueDate: r.dueDate })),
    recommendations: recommendations.map((r) => ({ reference: r.reference, action: r.action })),
    lastInspection: last ? { type: last.type, end: last.feedbackDate!, outcome: judgementOutcome(earlierJudgements.get(last.id)) } : null,
    history,
    enforcementSinceLastInspection: notices.map((n) => ({ action: 'COMPLIANCE_NOTICE' as const, date: n.servedOn })),
  };
}

/** The draft report as the provider sees it, built from the records as they stand; null before it is sent. */
export async function draftReport(
  em: EntityManager,
  inspection: Inspection,
): Promise<{ content: PublicReportContent; sentOn: LocalDate } | null> {
  if (!providerHasDraft(inspection.status) || !inspection.draftSentOn) return null;
  const provider = await inspection.provider.loadOrFail();
  return { content: buildPublicReport(await sourceOf(em, inspection, provider, null)), sentOn: inspection.draftSentOn };
}

/**
 * Stores a new published version of an inspection's report, redacted (the amendment reason too);
 * the earlier versions stay as history. The report keeps its public ID across versions, and after
 * a withdrawal too. Runs inside the publishing (or amending) transaction.
 */
export async function publishVersion(
  em: EntityManager,
  inspection: Inspection,
  provider: Provider,
  publishedOn: LocalDate,
  amendmentReason: string | null,
): Promise<PublishedReport> {
  const content = buildPublicReport(await sourceOf(em, inspection, provider, amendmentReason));
  // Every earlier version, oldest first, in one statement: none stays current; the newest gives the number.
  const earlier = await em.find(PublishedReport, { inspection }, { orderBy: { version: 'asc' } });
  for (const version of earlier) version.current = false;
  const latest = earlier.at(-1);
  await em.flush();
  const version = (latest?.version ?? 0) + 1;
  const id = randomUUID();
  const row = em.create(PublishedReport, {
    id,
    inspection,
    version,
    publicId: earlier[0]?.publicId ?? id,
    urn: provider.urn,
    settingType: provider.settingType,
    inspectionType: inspection.type,
    localAuthority: content.area.localAuthorityCode,
    region: content.area.regionCode,
    publishedOn,
    amendmentReason,
    content,
    versions: [
      ...earlier.filter((v) => v.withdrawnOn === null).flatMap((v) => v.versions.filter((entry) => entry.version === v.version)),
      { version, publishedOn, amendmentReason: content.amendmentReason ?? null },
    ],
  });
  return row;
}

/**
 * Takes a published report down: every version stops being public at once (none stays current),
 * kept for the record with when and why. The caller writes the feed's withdrawal. Returns the
 * versions withdrawn, oldest first; none where nothing was public.
 */
export async function withdrawVersions(
  em: EntityManager,
  inspection: Inspection,
  withdrawnOn: LocalDate,
  reason: string,
): Promise<PublishedReport[]> {
  const versions = await em.find(PublishedReport, { inspection, withdrawnOn: null }, { orderBy: { version: 'asc' } });
  for (const version of versions) Object.assign(version, { current: false, withdrawnOn, withdrawalReason: reason });
  return versions;
}
