import type { EntityManager } from '@mikro-orm/postgresql';
import { publicAreaOf } from './public.service';
import { InspectionStatus } from '../../domain/inspection-lifecycle';
import { InspectionType } from '../../domain/inspection-types';
import type { LocalDate } from '../../domain/local-date';
import { buildPublicReport, type PublicJudgementContent, type PublicReportContent, type ReportSource } from '../../domain/public-report';
import { providerHasDraft } from '../../domain/report-pipeline';
import { SETTING_TYPES } from '../../domain/setting-types';
import { ComplianceNotice } from '../requirements/requirement.entity';
import { ProtectedPerson } from '../evidence/evidence.entity';
import { Inspection } from '../inspections/inspection.entity';
import { JudgementKind } from '../judgements/judgement.enums';
import { JudgementRecord } from '../judgements/judgement.entity';
import type { Provider } from '../providers/provider.entity';
import { Recommendation, Requirement } from '../requirements/requirement.entity';
import { LocalAuthority } from '../reference/local-authority.entity';
import { PublishedReport } from './published-report.entity';

const lower = (value: string | null | undefined) => (value ? value.toLowerCase().replace(/_/g, ' ') : null);

function outcomeOf(record: JudgementRecord | undefined): string | null {
  if (!record) return null;
  switch (record.kind) {
    case JudgementKind.FULL_INSPECTION:
      return lower(record.overallExperiencesAndProgress);
    case JudgementKind.INTERIM:
      return lower(record.interimOutcome);
    case JudgementKind.MONITORING_VISIT:
      return lower(record.newOverallGrade);
    case JudgementKind.ASSURANCE_VISIT:
      return record.seriousOrWidespreadConcerns ? 'serious or widespread concerns' : 'no serious or widespread concerns';
    case JudgementKind.NO_JUDGEMENT:
      return 'no judgement';
  }
}

function judgementsOf(record: JudgementRecord | null): PublicJudgementContent {
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
async function sourceOf(em: EntityManager, inspection: Inspection, provider: Provider): Promise<ReportSource> {
  const la = await em.findOneOrFail(LocalAuthority, { onsCode: provider.localAuthority.onsCode }, { populate: ['region'] });
  const registered = await provider.registeredProvider.loadOrFail();
  const people = await em.find(ProtectedPerson, { inspection });
  const records = await em.find(JudgementRecord, { inspection }, { orderBy: { version: 'desc' }, limit: 1 });
  const requirements = await em.find(Requirement, { inspection }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const recommendations = await em.find(Recommendation, { inspection }, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

  // The recent history: the last four full or interim inspections before this one (monitoring visits left out).
  const earlier = await em.find(
    Inspection,
    {
      provider,
      id: { $ne: inspection.id },
      type: { $in: [InspectionType.FULL_INSPECTION, InspectionType.INTERIM_INSPECTION] },
      status: InspectionStatus.PUBLISHED,
      feedbackDate: { $lt: inspection.feedbackDate! },
    },
    { orderBy: [{ feedbackDate: 'desc' }, { id: 'desc' }], limit: 4 },
  );
  const earlierRecords = earlier.length ? await em.find(JudgementRecord, { inspection: { $in: earlier.map((i) => i.id) } }, { orderBy: { version: 'asc' } }) : [];
  const latestOf = new Map(earlierRecords.map((r) => [r.inspection.id, r]));
  const history = earlier.map((i) => ({ type: i.type, end: i.feedbackDate!, outcome: outcomeOf(latestOf.get(i.id)) }));
  const last = earlier[0];

  // Enforcement since the last inspection: statutory action only (compliance notices served).
  const notices = await em.find(
    ComplianceNotice,
    { inspection: { provider }, servedOn: { $gt: last?.feedbackDate ?? '0001-01-01', $lte: inspection.feedbackDate! } },
    { orderBy: { servedOn: 'asc' } },
  );

  const sections: { heading: string; text: string }[] = [];
  const section = (heading: string, text: string | null) => {
    if (text?.trim()) sections.push({ heading, text: text.trim() });
  };
  section('Overall experiences and progress of children', inspection.reportOverallText);
  section('How well children are helped and protected', inspection.reportHelpedAndProtectedText);
  section('The effectiveness of leaders and managers', inspection.reportLeadersAndManagersText);
  section('Findings', inspection.reportSummaryText);

  const address = registered.address;
  return {
    urn: provider.urn,
    settingType: provider.settingType,
    settingLabel: SETTING_TYPES[provider.settingType].label,
    settingName: provider.name,
    addressLines: [provider.address.line1, provider.address.line2 ?? ''].filter(Boolean),
    area: publicAreaOf(la),
    registeredProvider: {
      kind: registered.kind,
      name: registered.name,
      address: [address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(', '),
    },
    responsibleIndividual: provider.responsibleIndividualName,
    places: provider.places,
    people: people.map((p) => ({ name: p.name, initials: p.initials, role: p.role })),
    inspectionType: inspection.type,
    inspectionStart: inspection.onSiteStart!,
    inspectionEnd: inspection.feedbackDate!,
    judgements: judgementsOf(records[0] ?? null),
    sections,
    childFriendlySummary: inspection.childFriendlySummary,
    requirements: requirements.map((r) => ({ regulation: r.regulation, action: r.action, dueDate: r.dueDate })),
    recommendations: recommendations.map((r) => ({ reference: r.reference, action: r.action })),
    lastInspection: last ? { type: last.type, end: last.feedbackDate!, outcome: outcomeOf(latestOf.get(last.id)) } : null,
    history,
    enforcementSinceLastInspection: notices.map((n) => ({ action: 'Compliance notice served', date: n.servedOn })),
  };
}

/** The draft report as the provider sees it, built from the records as they stand; null before it is sent. */
export async function draftReport(em: EntityManager, inspection: Inspection): Promise<{ content: PublicReportContent; sentOn: LocalDate } | null> {
  if (!providerHasDraft(inspection.status) || !inspection.draftSentOn) return null;
  const provider = await inspection.provider.loadOrFail();
  return { content: buildPublicReport(await sourceOf(em, inspection, provider)), sentOn: inspection.draftSentOn };
}

/**
 * Stores a new published version of an inspection's report, redacted; the earlier version stays
 * as history. Runs inside the publishing (or amending) transaction.
 */
export async function publishVersion(
  em: EntityManager,
  inspection: Inspection,
  provider: Provider,
  publishedOn: LocalDate,
  amendmentReason: string | null,
): Promise<PublishedReport> {
  const content = buildPublicReport(await sourceOf(em, inspection, provider));
  // Every earlier version, newest first, in one statement: none stays current; the newest gives the number.
  const earlier = await em.find(PublishedReport, { inspection }, { orderBy: { version: 'desc' } });
  for (const version of earlier) version.current = false;
  const latest = earlier[0];
  await em.flush();
  return em.create(PublishedReport, {
    inspection,
    version: (latest?.version ?? 0) + 1,
    urn: provider.urn,
    settingType: provider.settingType,
    inspectionType: inspection.type,
    localAuthority: content.area.localAuthorityCode,
    region: content.area.regionCode,
    publishedOn,
    amendmentReason,
    content,
  });
}
