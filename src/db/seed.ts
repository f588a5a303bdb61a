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
import { complianceNoticeServed, notificationsMade, reportAmended, reportPublished, settingChanged } from '../modules/feeds/feed-events';
import { FeedEvent } from '../modules/feeds/feed.entity';
import { publicReportId } from '../modules/public/public.service';
import { FeedEventType } from '../domain/feed';
import { ProviderStatus } from '../domain/provider-register';
import type { NotificationRecipient } from '../domain/case-reviews';
import { readLocalAuthorities, type LocalAuthorityRow } from './reference-data';
import { generateSyntheticRegister, type SyntheticInspection, type SyntheticRegisteredProvider } from './synthetic-register';
import {
  feedRng,
  generateHistoryBase,
  generateSettingHistory,
  type FeedItem,
  type HistoryBase,
  type SettingHistory,
} from './synthetic-history';

const CHUNK = 1_000;

export { isRegisterEmpty } from './database';

/** Deletes every setting, registered provider and inspection, and all recorded about them (reference data stays). */
export async function clearRegister(em: EntityManager): Promise<void> {
  await em.getConnection().execute('truncate table inspection, manager_appointment, provider, registered_provider cascade');
}

/**
 * Writes the synthetic register for `providers` settings from `seed` in one transaction, flushing
 * and clearing the identity map every thousand settings so memory stays flat at national scale.
 * With `years` above 1, the register with that many years of history instead (seedSyntheticHistory,
 * which writes its feed too: `seedFeed` then has nothing to add).
 */
export async function seedSyntheticRegister(
  em: EntityManager,
  options: { providers: number; seed: number; years?: number },
): Promise<{ providers: number; registeredProviders: number; appointments: number; publishedReports: number }> {
  if (options.years !== undefined && options.years > 1) {
    const counts = await seedSyntheticHistory(em, { providers: options.providers, seed: options.seed, years: options.years });
    return {
      providers: counts.providers,
      registeredProviders: counts.registeredProviders,
      appointments: counts.appointments,
      publishedReports: counts.publishedReports,
    };
  }
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
 * (`--replace`) adds the new register's publications after what is there; a report the feed
 * already carries (a seeded history writes its own feed) is not written again.
 */
export async function seedFeed(em: EntityManager): Promise<number> {
  const written = await em.transactional(async (tx) => {
    const rows = await tx.find(
      PublishedReport,
      { current: true },
      { orderBy: [{ publishedOn: 'asc' }, { id: 'asc' }], populate: ['inspection.provider'] },
    );
    const inFeed = new Set(
      (
        await tx
          .getConnection()
          .execute<{ id: string }[]>(
            `select distinct "payload"->'report'->>'id' as "id" from "feed_event" where "payload"->'report' is not null`,
            [],
            'all',
            tx.getTransactionContext(),
          )
      ).map((r) => r.id),
    );
    const toWrite = rows.filter((row) => !inFeed.has(publicReportId(row)));
    for (const row of toWrite) await reportPublished(tx, row.inspection.getEntity().provider.getEntity(), row);
    return toWrite.length;
  });
  await refreshPlannerStatistics(em);
  return written;
}

/**
 * ANALYZE after a bulk write. Autovacuum gets to a freshly seeded table only after a while, and
 * until then the planner estimates from an empty table: on ten years of history a local
 * authority's first feed page took 850 ms (a bitmap scan of every public event) instead of 1 ms.
 */
export async function refreshPlannerStatistics(em: EntityManager): Promise<void> {
  await em.getConnection().execute('analyze');
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

// ---------------------------------------------------------------------------------------------
// The register with its history (`npm run seed -- --years N`): written in bulk, a chunk of
// settings per transaction, then its judgement feed in the order things happened.

/** A column of a bulk insert: its name and its PostgreSQL type (as `jsonb_to_recordset` reads it). */
type Columns<T> = readonly (readonly [keyof T & string, string])[];

/**
 * Inserts rows (objects keyed by column name) in multi-row statements of at most `batch` rows:
 * each statement sends its rows as one JSON parameter, read back with `jsonb_to_recordset`, so a
 * statement's cost does not grow with its number of parameters. Runs in the caller's transaction.
 */
async function bulkInsert<T extends object>(
  em: EntityManager,
  table: string,
  columns: Columns<T>,
  rows: readonly T[],
  batch = 4_000,
): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const types = columns.map(([name, type]) => `"${name}" ${type}`).join(', ');
  const sql = `insert into "${table}" (${names}) select ${names} from jsonb_to_recordset(?::jsonb) as r(${types})`;
  const knex = em.getConnection().getKnex();
  const transaction = em.getTransactionContext();
  for (let i = 0; i < rows.length; i += batch) {
    // Through knex, so the JSON goes as a bind parameter (`execute` would write it into the SQL text).
    const query = knex.raw(sql, [JSON.stringify(rows.slice(i, i + batch))]);
    if (transaction) query.transacting(transaction);
    await query;
  }
}

interface RegisteredProviderRow {
  id: string;
  kind: string;
  name: string;
  address_line1: string;
  address_line2: string | null;
  address_town: string;
  address_postcode: string;
  created_at: string;
}

interface ProviderRow {
  id: string;
  urn: string;
  setting_type: string;
  name: string;
  address_line1: string;
  address_line2: string | null;
  address_town: string;
  address_postcode: string;
  local_authority_ons_code: string;
  registered_provider_id: string;
  responsible_individual_name: string | null;
  places: number | null;
  registration_date: string;
  status: string;
  status_date: string;
  short_break_service: boolean;
  provides_education: boolean;
  single_person_agency: boolean;
  created_at: string;
  updated_at: string;
}

interface AppointmentRow {
  id: string;
  provider_id: string;
  name: string;
  start_date: string;
  end_date: string | null;
}

const TABLES = {
  registered_provider: [
    ['id', 'uuid'],
    ['kind', 'registered_provider_kind'],
    ['name', 'varchar'],
    ['address_line1', 'varchar'],
    ['address_line2', 'varchar'],
    ['address_town', 'varchar'],
    ['address_postcode', 'varchar'],
    ['created_at', 'timestamptz'],
  ] as Columns<RegisteredProviderRow>,
  provider: [
    ['id', 'uuid'],
    ['urn', 'varchar'],
    ['setting_type', 'setting_type'],
    ['name', 'varchar'],
    ['address_line1', 'varchar'],
    ['address_line2', 'varchar'],
    ['address_town', 'varchar'],
    ['address_postcode', 'varchar'],
    ['local_authority_ons_code', 'varchar'],
    ['registered_provider_id', 'uuid'],
    ['responsible_individual_name', 'varchar'],
    ['places', 'int'],
    ['registration_date', 'date'],
    ['status', 'provider_status'],
    ['status_date', 'date'],
    ['short_break_service', 'boolean'],
    ['provides_education', 'boolean'],
    ['single_person_agency', 'boolean'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ] as Columns<ProviderRow>,
  manager_appointment: [
    ['id', 'uuid'],
    ['provider_id', 'uuid'],
    ['name', 'varchar'],
    ['start_date', 'date'],
    ['end_date', 'date'],
  ] as Columns<AppointmentRow>,
  inspection: [
    ['id', 'uuid'],
    ['provider_id', 'uuid'],
    ['type', 'inspection_type'],
    ['status', 'inspection_status'],
    ['scheduled_start', 'date'],
    ['notice_given_on', 'date'],
    ['notice_reason', 'text'],
    ['on_site_start', 'date'],
    ['on_site_end', 'date'],
    ['feedback_date', 'date'],
    ['lead_inspector', 'varchar'],
    ['team_inspectors', 'text[]'],
    ['previous_inspection_id', 'uuid'],
    ['quality_assurance_submitted_on', 'date'],
    ['quality_assured_by', 'varchar'],
    ['draft_sent_on', 'date'],
    ['comments_returned_on', 'date'],
    ['final_report_issued_on', 'date'],
    ['published_on', 'date'],
    ['report_overall_text', 'text'],
    ['report_helped_and_protected_text', 'text'],
    ['report_leaders_and_managers_text', 'text'],
    ['report_summary_text', 'text'],
    ['child_friendly_summary', 'text'],
    ['placing_authorities', 'text[]'],
    ['created_at', 'timestamptz'],
  ] as Columns<SettingHistory['inspections'][number]>,
  line_of_enquiry: [
    ['id', 'uuid'],
    ['inspection_id', 'uuid'],
    ['source', 'line_of_enquiry_source'],
    ['position', 'int'],
    ['text', 'text'],
    ['created_at', 'timestamptz'],
  ] as Columns<SettingHistory['linesOfEnquiry'][number]>,
  judgement_record: [
    ['id', 'uuid'],
    ['inspection_id', 'uuid'],
    ['version', 'int'],
    ['kind', 'judgement_kind'],
    ['overall_experiences_and_progress', 'grade'],
    ['helped_and_protected', 'grade'],
    ['leaders_and_managers', 'grade'],
    ['interim_outcome', 'interim_outcome'],
    ['decline_suggests_serious_concerns', 'boolean'],
    ['no_judgement_reason', 'no_judgement_reason'],
    ['statement', 'text'],
    ['serious_or_widespread_concerns', 'boolean'],
    ['concerns', 'text'],
    ['progress_summary', 'text'],
    ['new_overall_grade', 'grade'],
    ['conditions', 'jsonb'],
    ['rationale', 'text'],
    ['vacancy_reason', 'text'],
    ['manager_vacancy_days', 'int'],
    ['change_reason', 'text'],
    ['recorded_at', 'timestamptz'],
  ] as Columns<SettingHistory['judgements'][number]>,
  protected_person: [
    ['id', 'uuid'],
    ['inspection_id', 'uuid'],
    ['name', 'varchar'],
    ['initials', 'varchar'],
    ['role', 'person_role'],
  ] as Columns<SettingHistory['protectedPeople'][number]>,
  evidence: [
    ['id', 'uuid'],
    ['inspection_id', 'uuid'],
    ['source', 'evidence_source'],
    ['judgement_area', 'judgement_area'],
    ['evaluation_criterion', 'varchar'],
    ['finding', 'finding'],
    ['narrative', 'text'],
    ['interview_time', 'varchar'],
    ['interviewee_role', 'varchar'],
    ['identification_justification', 'text'],
    ['recorded_at', 'timestamptz'],
  ] as Columns<SettingHistory['evidence'][number]>,
  evidence_person: [
    ['evidence_id', 'uuid'],
    ['protected_person_id', 'uuid'],
  ] as Columns<SettingHistory['evidencePeople'][number]>,
  requirement: [
    ['id', 'uuid'],
    ['inspection_id', 'uuid'],
    ['regulation', 'varchar'],
    ['action', 'text'],
    ['due_date', 'date'],
    ['impact_statement', 'text'],
    ['status', 'item_status'],
    ['checked_at_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ] as Columns<SettingHistory['requirements'][number]>,
  requirement_evidence: [
    ['requirement_id', 'uuid'],
    ['evidence_id', 'uuid'],
  ] as Columns<SettingHistory['requirementEvidence'][number]>,
  recommendation: [
    ['id', 'uuid'],
    ['inspection_id', 'uuid'],
    ['reference', 'varchar'],
    ['guidance_summary', 'text'],
    ['action', 'text'],
    ['status', 'item_status'],
    ['checked_at_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ] as Columns<SettingHistory['recommendations'][number]>,
  recommendation_evidence: [
    ['recommendation_id', 'uuid'],
    ['evidence_id', 'uuid'],
  ] as Columns<SettingHistory['recommendationEvidence'][number]>,
  compliance_notice: [
    ['id', 'uuid'],
    ['inspection_id', 'uuid'],
    ['ground', 'compliance_notice_ground'],
    ['served_on', 'date'],
    ['created_at', 'timestamptz'],
  ] as Columns<SettingHistory['notices'][number]>,
  compliance_notice_action: [
    ['id', 'uuid'],
    ['notice_id', 'uuid'],
    ['position', 'int'],
    ['regulation', 'varchar'],
    ['action', 'text'],
    ['completion_date', 'date'],
  ] as Columns<SettingHistory['noticeActions'][number]>,
  case_review: [
    ['id', 'uuid'],
    ['provider_id', 'uuid'],
    ['inspection_id', 'uuid'],
    ['trigger', 'case_review_trigger'],
    ['rule_id', 'varchar'],
    ['urgent', 'boolean'],
    ['opened_on', 'date'],
    ['due_by', 'date'],
    ['held_on', 'date'],
    ['options_considered', 'jsonb'],
    ['chosen_option', 'enforcement_option'],
    ['decision_reason', 'text'],
    ['decided_by', 'varchar'],
  ] as Columns<SettingHistory['caseReviews'][number]>,
  notification_task: [
    ['id', 'uuid'],
    ['inspection_id', 'uuid'],
    ['recipient', 'notification_recipient'],
    ['local_authority', 'varchar'],
    ['rule_id', 'varchar'],
    ['due_by', 'date'],
    ['done_on', 'date'],
  ] as Columns<SettingHistory['notificationTasks'][number]>,
  published_report: [
    ['id', 'uuid'],
    ['inspection_id', 'uuid'],
    ['version', 'int'],
    ['public_id', 'uuid'],
    ['current', 'boolean'],
    ['urn', 'varchar'],
    ['setting_type', 'setting_type'],
    ['inspection_type', 'inspection_type'],
    ['local_authority', 'varchar'],
    ['region', 'varchar'],
    ['published_on', 'date'],
    ['amendment_reason', 'text'],
    ['content', 'jsonb'],
    ['versions', 'jsonb'],
    ['created_at', 'timestamptz'],
  ] as Columns<SettingHistory['publishedReports'][number]>,
};

/** The tables of a history, in the order their foreign keys need. */
const HISTORY_TABLES: readonly (readonly [keyof typeof TABLES, keyof SettingHistory])[] = [
  ['inspection', 'inspections'],
  ['line_of_enquiry', 'linesOfEnquiry'],
  ['judgement_record', 'judgements'],
  ['protected_person', 'protectedPeople'],
  ['evidence', 'evidence'],
  ['evidence_person', 'evidencePeople'],
  ['requirement', 'requirements'],
  ['requirement_evidence', 'requirementEvidence'],
  ['recommendation', 'recommendations'],
  ['recommendation_evidence', 'recommendationEvidence'],
  ['compliance_notice', 'notices'],
  ['compliance_notice_action', 'noticeActions'],
  ['case_review', 'caseReviews'],
  ['notification_task', 'notificationTasks'],
  ['published_report', 'publishedReports'],
];

/** Lets the event loop run (a pending write sends its next statement). */
const giveWay = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The promise, with its rejection marked as handled until it is awaited (it is awaited before the next starts). */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

export interface HistoryCounts {
  providers: number;
  registeredProviders: number;
  appointments: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  /** Published reports (the current version of each) and versions in all. */
  publishedReports: number;
  publishedVersions: number;
  feedEvents: number;
  timings: { generateAndWriteMs: number; feedMs: number };
}

/** Settings per transaction: some 15,000 rows of history. */
const HISTORY_CHUNK = 250;
/** Feed items per transaction. */
const FEED_CHUNK = 2_000;

/**
 * Writes the synthetic register with `years` of history (synthetic-history.ts) and its judgement
 * feed. The register and each chunk of settings' histories are written in bulk, a transaction
 * each; the feed is then written by the feed's own functions (as publication, enforcement and the
 * register write it), oldest first, a transaction per batch, so its positions follow the order
 * things happened.
 */
export async function seedSyntheticHistory(
  em: EntityManager,
  options: { providers: number; seed: number; years: number; asOf?: string; log?: (message: string) => void },
): Promise<HistoryCounts> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const base = generateHistoryBase({ ...options, localAuthorities: readLocalAuthorities() });
  const { register } = base;
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);

  // The register: registered providers that run a setting, the settings, their managers.
  const used = new Set(register.providers.map((p) => p.registeredProvider));
  const firstRegistration = new Map<number, string>();
  for (const p of register.providers) {
    const known = firstRegistration.get(p.registeredProvider);
    if (!known || p.registrationDate < known) firstRegistration.set(p.registeredProvider, p.registrationDate);
  }
  const registeredRows: RegisteredProviderRow[] = register.registeredProviders
    .filter((rp) => used.has(rp.key))
    .map((rp) => ({
      id: base.registeredProviderIds[rp.key],
      kind: rp.kind,
      name: rp.name,
      address_line1: rp.address.line1,
      address_line2: rp.address.line2,
      address_town: rp.address.town,
      address_postcode: rp.address.postcode,
      created_at: `${firstRegistration.get(rp.key)}T09:00:00.000Z`,
    }));
  const providerRows: ProviderRow[] = register.providers.map((p, i) => ({
    id: base.providerIds[i],
    urn: p.urn,
    setting_type: p.settingType,
    name: p.name,
    address_line1: p.address.line1,
    address_line2: p.address.line2,
    address_town: p.address.town,
    address_postcode: p.address.postcode,
    local_authority_ons_code: p.localAuthority,
    registered_provider_id: base.registeredProviderIds[p.registeredProvider],
    responsible_individual_name: p.responsibleIndividualName,
    places: p.places,
    registration_date: p.registrationDate,
    status: p.status,
    status_date: p.statusDate,
    short_break_service: p.shortBreakService,
    provides_education: p.providesEducation,
    single_person_agency: p.singlePersonAgency,
    created_at: `${p.registrationDate}T09:00:00.000Z`,
    updated_at: `${p.statusDate}T09:00:00.000Z`,
  }));
  const appointmentRows: AppointmentRow[] = register.providers.flatMap((p, i) =>
    p.appointments.map((a, j) => ({
      id: base.appointmentIds[i][j],
      provider_id: base.providerIds[i],
      name: a.name,
      start_date: a.startDate,
      end_date: a.endDate,
    })),
  );
  await em.transactional(async (tx) => {
    await bulkInsert(tx, 'registered_provider', TABLES.registered_provider, registeredRows);
    await bulkInsert(tx, 'provider', TABLES.provider, providerRows);
    await bulkInsert(tx, 'manager_appointment', TABLES.manager_appointment, appointmentRows);
  });
  count('registered_provider', registeredRows.length);
  count('provider', providerRows.length);
  count('manager_appointment', appointmentRows.length);
  log(
    `Wrote ${providerRows.length} settings, ${registeredRows.length} registered providers and ${appointmentRows.length} manager appointments in ${Date.now() - started} ms`,
  );

  // Their histories, a chunk of settings per transaction. A chunk is written while the next is
  // generated (generation gives way to the writer between settings), so the database and the
  // generator work at the same time.
  const feed: FeedItem[] = [];
  let publishedReports = 0;
  const writeChunk = (chunk: SettingHistory[]) =>
    em.fork().transactional(async (tx) => {
      for (const [table, key] of HISTORY_TABLES) {
        const tableRows = chunk.flatMap((h) => h[key] as object[]);
        await bulkInsert(tx, table, TABLES[table] as Columns<object>, tableRows, table === 'published_report' ? 1_000 : 4_000);
        count(table, tableRows.length);
      }
    });
  let writing: Promise<void> | null = null;
  for (let from = 0; from < register.providers.length; from += HISTORY_CHUNK) {
    const chunk: SettingHistory[] = [];
    for (let i = from; i < Math.min(from + HISTORY_CHUNK, register.providers.length); i++) {
      chunk.push(generateSettingHistory(base, i));
      if (writing && i % 4 === 3) await giveWay();
    }
    for (const h of chunk) {
      feed.push(...h.feed);
      publishedReports += h.publishedReports.filter((r) => r.current).length;
    }
    await writing;
    writing = handled(writeChunk(chunk));
    if ((from / HISTORY_CHUNK) % 4 === 3)
      log(`  ${Math.min(from + HISTORY_CHUNK, register.providers.length)} settings' histories generated (${Date.now() - started} ms)`);
  }
  await writing;
  const generateAndWriteMs = Date.now() - started;
  log(
    `Wrote the histories (${rows.inspection ?? 0} inspections, ${rows.published_report ?? 0} published versions) in ${generateAndWriteMs} ms`,
  );

  const feedStarted = Date.now();
  const feedEvents = await writeHistoryFeed(em, base, feed);
  const feedMs = Date.now() - feedStarted;
  log(`Wrote the judgement feed: ${feedEvents} events in ${feedMs} ms`);
  await refreshPlannerStatistics(em);
  return {
    providers: providerRows.length,
    registeredProviders: registeredRows.length,
    appointments: appointmentRows.length,
    rows,
    publishedReports,
    publishedVersions: rows.published_report ?? 0,
    feedEvents,
    timings: { generateAndWriteMs, feedMs },
  };
}

const FEED_ORDER: Record<FeedItem['kind'], number> = {
  REGISTERED: 0,
  NOTIFICATION: 1,
  NOTICE: 2,
  PUBLISHED: 3,
  AMENDED: 4,
  CLOSED: 5,
  CANCELLED: 5,
};

/**
 * The feed of a seeded history, oldest first (on the same day: registrations, notifications,
 * notices, publications, amendments, closures; then by URN), each event written by the function
 * the live path uses, with IDs drawn from the seed.
 */
async function writeHistoryFeed(em: EntityManager, base: HistoryBase, items: FeedItem[]): Promise<number> {
  const ordered = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) =>
      a.item.on < b.item.on
        ? -1
        : a.item.on > b.item.on
          ? 1
          : FEED_ORDER[a.item.kind] - FEED_ORDER[b.item.kind] ||
            (a.item.urn < b.item.urn ? -1 : a.item.urn > b.item.urn ? 1 : a.index - b.index),
    )
    .map(({ item }) => item);
  const rng = feedRng(base.options.seed);
  let written = 0;
  // A batch is written (and committed: its positions are given then) while the next is made.
  let writing: Promise<void> | null = null;
  for (let i = 0; i < ordered.length; i += FEED_CHUNK) {
    const batch = ordered.slice(i, i + FEED_CHUNK);
    const tx = em.fork();
    {
      await tx.find(LocalAuthority, {}, { populate: ['region'] });
      const providers = new Map(
        (
          await tx.find(Provider, { id: { $in: [...new Set(batch.map((item) => item.providerId))] } }, { populate: ['registeredProvider'] })
        ).map((p) => [p.id, p]),
      );
      const reportIds = batch.flatMap((item) => (item.kind === 'PUBLISHED' || item.kind === 'AMENDED' ? [item.reportId] : []));
      // Read only: kept out of the identity map, so the flush does not compare their contents.
      const reports = new Map(
        (reportIds.length ? await tx.find(PublishedReport, { id: { $in: reportIds } }, { disableIdentityMap: true }) : []).map((r) => [
          r.id,
          r,
        ]),
      );
      const inspectionIds = batch.flatMap((item) => (item.kind === 'NOTIFICATION' ? [item.inspectionId] : []));
      const inspections = new Map(
        (inspectionIds.length ? await tx.find(Inspection, { id: { $in: inspectionIds } }, { disableIdentityMap: true }) : []).map((r) => [
          r.id,
          r,
        ]),
      );
      const tasks = new Map<string, { recipient: NotificationRecipient; localAuthority: string | null; ruleId: string; dueBy: string }>();
      const taskIds = batch.flatMap((item) => (item.kind === 'NOTIFICATION' ? item.taskIds : []));
      if (taskIds.length) {
        const found = await tx
          .getConnection()
          .execute<{ id: string; recipient: NotificationRecipient; local_authority: string | null; rule_id: string; due_by: string }[]>(
            `select "id", "recipient", "local_authority", "rule_id", to_char("due_by", 'YYYY-MM-DD') as "due_by" from "notification_task" where "id" = any(?::uuid[])`,
            [`{${taskIds.join(',')}}`],
            'all',
            tx.getTransactionContext(),
          );
        for (const t of found)
          tasks.set(t.id, { recipient: t.recipient, localAuthority: t.local_authority, ruleId: t.rule_id, dueBy: t.due_by });
      }
      for (const item of batch) {
        const provider = providers.get(item.providerId)!;
        switch (item.kind) {
          case 'REGISTERED':
            // The entry as it stood when it was registered, whatever became of it since.
            await settingChanged(
              tx,
              Object.assign(Object.create(provider) as Provider, {
                status: ProviderStatus.REGISTERED,
                statusDate: provider.registrationDate,
              }),
              FeedEventType.PROVIDER_REGISTERED,
              item.on,
            );
            break;
          case 'CLOSED':
          case 'CANCELLED':
            await settingChanged(
              tx,
              provider,
              item.kind === 'CLOSED' ? FeedEventType.PROVIDER_CLOSED : FeedEventType.PROVIDER_CANCELLED,
              item.on,
            );
            break;
          case 'NOTIFICATION':
            await notificationsMade(
              tx,
              inspections.get(item.inspectionId)!,
              provider,
              item.triggers,
              item.taskIds.map((id) => tasks.get(id)!),
            );
            break;
          case 'NOTICE':
            await complianceNoticeServed(tx, provider, item.on);
            break;
          case 'PUBLISHED':
            await reportPublished(tx, provider, reports.get(item.reportId)!);
            break;
          case 'AMENDED':
            await reportAmended(tx, provider, reports.get(item.reportId)!);
            break;
        }
      }
      // The events the feed functions made, in the order they made them, with IDs from the seed (the
      // same seed writes the same feed), written in bulk in one transaction: their positions are
      // given at its commit, in that order.
      const events = [...tx.getUnitOfWork().getPersistStack()].filter((entity): entity is FeedEvent => entity instanceof FeedEvent);
      tx.clear();
      const rows = events.map((e) => ({
        id: rng.uuid(),
        type: e.type,
        urn: e.urn,
        setting_type: e.settingType,
        local_authority: e.localAuthority,
        region: e.region,
        addressee: e.addressee,
        occurred_on: e.occurredOn,
        payload: e.payload,
      }));
      await writing;
      writing = handled(em.fork().transactional((writer) => bulkInsert(writer, 'feed_event', FEED_COLUMNS, rows, 1_000)));
      written += rows.length;
    }
  }
  await writing;
  return written;
}

const FEED_COLUMNS: Columns<{
  id: string;
  type: string;
  urn: string;
  setting_type: string;
  local_authority: string;
  region: string;
  addressee: string | null;
  occurred_on: string;
  payload: unknown;
}> = [
  ['id', 'uuid'],
  ['type', 'feed_event_type'],
  ['urn', 'varchar'],
  ['setting_type', 'setting_type'],
  ['local_authority', 'varchar'],
  ['region', 'varchar'],
  ['addressee', 'varchar'],
  ['occurred_on', 'date'],
  ['payload', 'jsonb'],
];
