import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LocalAuthority } from '../modules/reference/local-authority.entity';
import { ManagerAppointment } from '../modules/providers/manager-appointment.entity';
import { Provider } from '../modules/providers/provider.entity';
import { RegisteredProvider } from '../modules/providers/registered-provider.entity';
import { InspectionStatus } from '../domain/inspection-lifecycle';
import { InspectionType } from '../domain/inspection-types';
import type { Grade } from '../domain/judgements';
import { buildPublicReport } from '../domain/public-report';
import { publicTemplate } from '../domain/redaction';
import { SETTING_TYPES } from '../domain/setting-types';
import { addWorkingDays } from '../domain/working-days';
import { Inspection } from '../modules/inspections/inspection.entity';
import { JudgementKind } from '../modules/judgements/judgement.enums';
import { JudgementRecord } from '../modules/judgements/judgement.entity';
import { PublishedReport } from '../modules/public/published-report.entity';
import { reportPublished } from '../modules/feeds/feed-events';
import { readLocalAuthorities, type LocalAuthorityRow } from './reference-data';
import {
  generateSyntheticRegister,
  type SyntheticInspection,
  type SyntheticRegisteredProvider,
} from './synthetic-register';

const CHUNK = 1_000;

export async function isRegisterEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Provider, {})) === 0;
}

/** Deletes every setting, registered provider and inspection, and all recorded about them (reference data stays). */
export async function clearRegister(em: EntityManager): Promise<void> {
  await em.getConnection().execute('truncate table inspection, manager_appointment, provider, registered_provider cascade');
}

/**
 * Writes the synthetic register for `providers` settings from `seed` in one transaction, flushing
 * and clearing the identity map every thousand settings so memory stays flat at national scale.
 */
export async function seedSyntheticRegister(
  em: EntityManager,
  options: { providers: number; seed: number },
): Promise<{ providers: number; registeredProviders: number; appointments: number; publishedReports: number }> {
  const localAuthorities = readLocalAuthorities();
  const register = generateSyntheticRegister({ ...options, localAuthorities });
  const laByCode = new Map(localAuthorities.map((la) => [la.ons_code, la]));
  let publishedReports = 0;
  const used = new Set(register.providers.map((p) => p.registeredProvider));
  const registeredIds = new Map<number, string>();
  let appointments = 0;
  await em.transactional(async (tx) => {
    for (const rp of register.registeredProviders) {
      if (!used.has(rp.key)) continue;
      const entity = tx.create(RegisteredProvider, { kind: rp.kind, name: rp.name, address: rp.address });
      registeredIds.set(rp.key, entity.id);
    }
    await tx.flush();
    tx.clear();
    for (let i = 0; i < register.providers.length; i += CHUNK) {
      for (const p of register.providers.slice(i, i + CHUNK)) {
        const { appointments: history, registeredProvider, localAuthority, lastInspection, ...fields } = p;
        const provider = tx.create(Provider, {
          ...fields,
          localAuthority: tx.getReference(LocalAuthority, localAuthority),
          registeredProvider: tx.getReference(RegisteredProvider, registeredIds.get(registeredProvider)!),
        });
        for (const appointment of history) tx.create(ManagerAppointment, { provider, ...appointment });
        appointments += history.length;
        if (lastInspection) {
          publishSynthetic(tx, provider, lastInspection, register.registeredProviders[registeredProvider], laByCode.get(localAuthority)!);
          publishedReports += 1;
        }
      }
      await tx.flush();
      tx.clear();
    }
  });
  return { providers: register.providers.length, registeredProviders: registeredIds.size, appointments, publishedReports };
}

/**
 * The judgement feed of a seeded register: each published report's events, in the order they
 * were published, written as publication writes them. The feed is append-only, so seeding again
 * (`--replace`) adds the new register's publications after what is there.
 */
export async function seedFeed(em: EntityManager): Promise<number> {
  return em.transactional(async (tx) => {
    const rows = await tx.find(PublishedReport, { current: true }, { orderBy: [{ publishedOn: 'asc' }, { id: 'asc' }], populate: ['inspection.provider'] });
    for (const row of rows) await reportPublished(tx, row.inspection.getEntity().provider.getEntity(), row);
    return rows.length;
  });
}

/** A synthetic full inspection, taken all the way to publication, with its redacted public report. */
function publishSynthetic(
  em: EntityManager,
  provider: Provider,
  inspection: SyntheticInspection,
  registered: SyntheticRegisteredProvider,
  la: LocalAuthorityRow,
): void {
  const endedOn = inspection.feedbackDate;
  const record = em.create(Inspection, {
    provider,
    type: InspectionType.FULL_INSPECTION,
    status: InspectionStatus.PUBLISHED,
    scheduledStart: inspection.onSiteStart,
    onSiteStart: inspection.onSiteStart,
    onSiteEnd: endedOn,
    feedbackDate: endedOn,
    leadInspector: inspection.leadInspector,
    qualityAssuranceSubmittedOn: addWorkingDays(endedOn, 2),
    qualityAssuredBy: 'Synthetic Manager',
    draftSentOn: addWorkingDays(endedOn, 8),
    commentsReturnedOn: addWorkingDays(endedOn, 12),
    finalReportIssuedOn: addWorkingDays(endedOn, 15),
    publishedOn: inspection.publishedOn,
    reportOverallText: `Children's experiences and progress are ${words(inspection.overall)}.`,
    reportHelpedAndProtectedText: `How well children are helped and protected is ${words(inspection.helpedAndProtected)}.`,
    reportLeadersAndManagersText: `The effectiveness of leaders and managers is ${words(inspection.leadersAndManagers)}.`,
  });
  em.create(JudgementRecord, {
    inspection: record,
    version: 1,
    kind: JudgementKind.FULL_INSPECTION,
    overallExperiencesAndProgress: inspection.overall,
    helpedAndProtected: inspection.helpedAndProtected,
    leadersAndManagers: inspection.leadersAndManagers,
  });
  const content = buildPublicReport({
    urn: provider.urn,
    settingType: provider.settingType,
    settingLabel: SETTING_TYPES[provider.settingType].label,
    settingName: provider.name,
    address: provider.address,
    area: { localAuthorityCode: la.ons_code, localAuthorityName: la.name, regionCode: la.region_code, regionName: la.region_name },
    registeredProvider: { kind: registered.kind, name: registered.name, address: registered.address },
    responsibleIndividual: provider.responsibleIndividualName,
    places: provider.places,
    people: [],
    inspectionType: InspectionType.FULL_INSPECTION,
    inspectionStart: inspection.onSiteStart,
    inspectionEnd: endedOn,
    judgements: {
      kind: JudgementKind.FULL_INSPECTION,
      overallExperiencesAndProgress: inspection.overall,
      helpedAndProtected: inspection.helpedAndProtected,
      leadersAndManagers: inspection.leadersAndManagers,
      interimOutcome: null,
      seriousOrWidespreadConcerns: null,
      newOverallGrade: null,
      statement: null,
    },
    sections: [
      { heading: publicTemplate`Overall experiences and progress of children`, text: record.reportOverallText! },
      { heading: publicTemplate`How well children are helped and protected`, text: record.reportHelpedAndProtectedText! },
      { heading: publicTemplate`The effectiveness of leaders and managers`, text: record.reportLeadersAndManagersText! },
    ],
    childFriendlySummary: null,
    requirements: [],
    recommendations: [],
    lastInspection: null,
    history: [],
    enforcementSinceLastInspection: [],
    amendmentReason: null,
  });
  const id = randomUUID();
  em.create(PublishedReport, {
    id,
    publicId: id,
    inspection: record,
    version: 1,
    versions: [{ version: 1, publishedOn: inspection.publishedOn, amendmentReason: null }],
    urn: provider.urn,
    settingType: provider.settingType,
    inspectionType: InspectionType.FULL_INSPECTION,
    localAuthority: la.ons_code,
    region: la.region_code,
    publishedOn: inspection.publishedOn,
    content,
  });
}

const words = (grade: Grade) => grade.toLowerCase().replace(/_/g, ' ');
