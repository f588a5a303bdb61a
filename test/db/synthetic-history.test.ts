/**
 * The synthetic register with ten years of history (issue 19): deterministic, dated as the
 * guidance has it, valid under the domain rules the API applies, published as the pipeline
 * publishes (redacted, versioned, in the feed in order), and holding every invariant the app
 * relies on.
 */
import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readLocalAuthorities } from '../../src/db/reference-data';
import { clearRegister, isRegisterEmpty, seedFeed, seedSyntheticHistory, seedSyntheticRegister } from '../../src/db/seed';
import {
  ASSURANCE_VISITS,
  generateHistoryBase,
  generateSettingHistory,
  historyWindowStart,
  ROUTINE_SUSPENSION,
} from '../../src/db/synthetic-history';
import { SYNTHETIC_AS_OF } from '../../src/db/synthetic-register';
import { validateCaseReviewDecision } from '../../src/domain/case-reviews';
import { validateEvidence } from '../../src/domain/evidence';
import { FeedEventType } from '../../src/domain/feed';
import { InspectionStatus, validateSchedule } from '../../src/domain/inspection-lifecycle';
import { InspectionType, validateInspectionTypeForSetting } from '../../src/domain/inspection-types';
import { Grade, validateJudgementKind } from '../../src/domain/judgements';
import { addDays, daysBetween } from '../../src/domain/local-date';
import { ProviderStatus } from '../../src/domain/provider-register';
import { COMMON_SETTING_WORDS } from '../../src/domain/redaction';
import { validateCheckAtVisit, validateComplianceNotice, validateRecommendation, validateRequirement } from '../../src/domain/requirements';
import { inspectionYearOf } from '../../src/domain/scheduling';
import { isChildrensHome, SettingType } from '../../src/domain/setting-types';
import { CaseReview } from '../../src/modules/enforcement/enforcement.entity';
import { Evidence, ProtectedPerson } from '../../src/modules/evidence/evidence.entity';
import { FeedEvent } from '../../src/modules/feeds/feed.entity';
import { Inspection, LineOfEnquiry } from '../../src/modules/inspections/inspection.entity';
import { JudgementRecord } from '../../src/modules/judgements/judgement.entity';
import { ManagerAppointment } from '../../src/modules/providers/manager-appointment.entity';
import { Provider } from '../../src/modules/providers/provider.entity';
import { draftReport } from '../../src/modules/public/publication.service';
import { PublicService, publicReportId, toPublicReport } from '../../src/modules/public/public.service';
import { PublishedReport } from '../../src/modules/public/published-report.entity';
import { ComplianceNotice, ComplianceNoticeAction, Recommendation, Requirement } from '../../src/modules/requirements/requirement.entity';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database';

const SEED = 20261123;
const YEARS = 10;
const PROVIDERS = 120;
const WINDOW_START = historyWindowStart(SYNTHETIC_AS_OF, YEARS);

let db: MigratedDatabase;
let counts: Awaited<ReturnType<typeof seedSyntheticHistory>>;
const em = (): EntityManager => db.orm.em.fork();

interface Loaded {
  providers: Provider[];
  inspections: Inspection[];
  records: Map<string, JudgementRecord>;
  reports: PublishedReport[];
  byProvider: Map<string, Inspection[]>;
}
let data: Loaded;

beforeAll(async () => {
  db = await createMigratedDatabase();
  counts = await seedSyntheticHistory(em(), { providers: PROVIDERS, seed: SEED, years: YEARS });
  const e = em();
  const providers = await e.find(Provider, {}, { populate: ['registeredProvider', 'managerAppointments'], orderBy: { urn: 'asc' } });
  const inspections = await e.find(Inspection, {}, { orderBy: [{ feedbackDate: 'asc' }, { id: 'asc' }] });
  const records = new Map((await e.find(JudgementRecord, {}, { orderBy: { version: 'asc' } })).map((r) => [r.inspection.id, r]));
  const reports = await e.find(PublishedReport, {}, { orderBy: [{ publishedOn: 'asc' }, { version: 'asc' }] });
  const byProvider = new Map<string, Inspection[]>();
  for (const i of inspections) byProvider.set(i.provider.id, [...(byProvider.get(i.provider.id) ?? []), i]);
  data = { providers, inspections, records, reports, byProvider };
}, 240_000);
afterAll(() => db?.close());

const closedOn = (p: Provider) => (p.status === ProviderStatus.CLOSED || p.status === ProviderStatus.CANCELLED ? p.statusDate : null);
const lastDayOf = (p: Provider) => (closedOn(p) ? addDays(closedOn(p)!, -1) : SYNTHETIC_AS_OF);
/** JSON with its keys sorted, at every depth: jsonb keeps keys in an order of its own. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
/** The named fields of an entity, as the domain validators take them. */
function pick<T, K extends keyof T>(source: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
}
const isRoutine = (i: Inspection) => i.type === InspectionType.FULL_INSPECTION || i.type === InspectionType.INTERIM_INSPECTION;

describe('seedSyntheticHistory', () => {
  test('writes what it reports: a register with years of inspections, reports, enforcement and a feed', async () => {
    const e = em();
    expect(counts.providers).toBe(PROVIDERS);
    expect(await e.count(Provider, {})).toBe(PROVIDERS);
    expect(await e.count(ManagerAppointment, {})).toBe(counts.appointments);
    expect(await e.count(Inspection, {})).toBe(counts.rows.inspection);
    expect(await e.count(PublishedReport, {})).toBe(counts.publishedVersions);
    expect(await e.count(PublishedReport, { current: true })).toBe(counts.publishedReports);
    expect(await e.count(FeedEvent, {})).toBe(counts.feedEvents);
    expect(counts.rows.inspection).toBeGreaterThan(PROVIDERS * 8);
    expect(counts.publishedVersions).toBeGreaterThan(counts.publishedReports); // amendments now and then
    for (const table of [
      'requirement',
      'recommendation',
      'compliance_notice',
      'case_review',
      'evidence',
      'protected_person',
      'line_of_enquiry',
    ]) {
      expect([table, counts.rows[table] > 0]).toEqual([table, true]);
    }
    // Every kind of visit happens, and settings open, close and are cancelled over the years.
    const types = new Set(data.inspections.map((i) => i.type));
    expect([...types].sort()).toEqual(Object.values(InspectionType).sort());
    expect(data.providers.some((p) => p.registrationDate >= WINDOW_START)).toBe(true);
    expect(data.providers.some((p) => closedOn(p) !== null && closedOn(p)! >= WINDOW_START)).toBe(true);
  });

  test('is deterministic: the same seed gives the same rows, IDs, published content and feed', async () => {
    const small = async () => {
      const other = await createMigratedDatabase();
      try {
        await seedSyntheticHistory(other.orm.em.fork(), { providers: 30, seed: 7, years: YEARS });
        const e = other.orm.em.fork();
        const reports = (await e.find(PublishedReport, {}, { orderBy: { id: 'asc' } })).map((r) => ({
          id: r.id,
          publicId: r.publicId,
          inspection: r.inspection.id,
          version: r.version,
          current: r.current,
          publishedOn: r.publishedOn,
          content: r.content,
          versions: r.versions,
        }));
        const inspections = (await e.find(Inspection, {}, { orderBy: { id: 'asc' } })).map(({ createdAt, ...rest }) => ({
          ...rest,
          createdAt: createdAt.toISOString(),
        }));
        const feed = (await e.find(FeedEvent, {}, { orderBy: { position: 'asc' } })).map((f) => ({
          id: f.id,
          position: f.position,
          type: f.type,
          occurredOn: f.occurredOn,
          payload: f.payload,
        }));
        return { reports, inspections: JSON.parse(JSON.stringify(inspections)), feed };
      } finally {
        await other.close();
      }
    };
    const first = await small();
    const second = await small();
    expect(first.reports.length).toBeGreaterThan(50);
    expect(second).toEqual(first);
    // And generation alone, whatever order the settings are asked for in.
    const base = generateHistoryBase({ providers: 30, seed: 7, years: YEARS, localAuthorities: readLocalAuthorities() });
    const forwards = Array.from({ length: 30 }, (_, i) => generateSettingHistory(base, i));
    const backwards = Array.from({ length: 30 }, (_, i) => generateSettingHistory(base, 29 - i)).reverse();
    expect(backwards).toEqual(forwards);
    const otherSeed = generateHistoryBase({ providers: 30, seed: 8, years: YEARS, localAuthorities: readLocalAuthorities() });
    expect(generateSettingHistory(otherSeed, 0)).not.toEqual(forwards[0]);
  }, 240_000);

  test("CH-005 CH-006 CH-007 children's homes have a full and an interim inspection each year while open (none while routine inspections were suspended)", () => {
    const perYear: number[] = [];
    const problems: string[] = [];
    for (const p of data.providers.filter((x) => isChildrensHome(x.settingType))) {
      const inspections = data.byProvider.get(p.id) ?? [];
      const routine = inspections.filter(isRoutine);
      if (routine.length === 0) continue;
      // Whole inspection years after the first, while open, outside the suspension's years.
      for (
        let year = inspectionYearOf(addDays(inspectionYearOf(routine[0].feedbackDate!).end, 1));
        year.end <= lastDayOf(p);
        year = inspectionYearOf(addDays(year.end, 1))
      ) {
        if (year.end >= ROUTINE_SUSPENSION.from && year.start <= ROUTINE_SUSPENSION.to) continue;
        const inYear = routine.filter((i) => i.feedbackDate! >= year.start && i.feedbackDate! <= year.end);
        perYear.push(inYear.length);
        if (!inYear.some((i) => i.type === InspectionType.FULL_INSPECTION))
          problems.push(`${p.urn}: no full inspection in the year to ${year.end}`);
        if (inYear.length < 2) problems.push(`${p.urn}: ${inYear.length} inspections in the year to ${year.end}`);
      }
      // Routine inspections stop while suspended (CA-053); monitoring and assurance visits go on.
      expect(routine.filter((i) => i.onSiteStart! >= ROUTINE_SUSPENSION.from && i.onSiteStart! <= ROUTINE_SUSPENSION.to)).toEqual([]);
    }
    expect(problems).toEqual([]);
    expect(perYear.length).toBeGreaterThan(300);
    const mean = perYear.reduce((a, b) => a + b, 0) / perYear.length;
    expect(mean).toBeGreaterThanOrEqual(2);
    expect(mean).toBeLessThan(2.3);
    // Usually a full inspection followed by an interim (CH-006).
    const interims = data.inspections.filter((i) => i.type === InspectionType.INTERIM_INSPECTION).length;
    expect(interims / perYear.length).toBeGreaterThan(0.8);
  });

  test('CA-052 assurance visits only to secure children’s homes, from September 2020 to March 2021; interims only at homes (CH-170)', () => {
    const typeOf = new Map(data.providers.map((p) => [p.id, p.settingType]));
    for (const i of data.inspections) {
      expect(validateInspectionTypeForSetting(i.type, typeOf.get(i.provider.id)!)).toEqual([]);
      if (i.type === InspectionType.ASSURANCE_VISIT) {
        expect(i.onSiteStart! >= ASSURANCE_VISITS.from && i.onSiteStart! <= ASSURANCE_VISITS.to).toBe(true);
      }
    }
    // Only the settings whose guidance is held here are inspected.
    const inspected = new Set(data.inspections.map((i) => typeOf.get(i.provider.id)));
    expect(
      [...inspected].every(
        (t) => isChildrensHome(t!) || t === SettingType.RESIDENTIAL_FAMILY_CENTRE || t === SettingType.ADOPTION_SUPPORT_AGENCY,
      ),
    ).toBe(true);
  });

  test('no setting is inspected before it was registered, after it closed, before the history starts or after the as-of date', () => {
    const byId = new Map(data.providers.map((p) => [p.id, p]));
    const problems: string[] = [];
    for (const i of data.inspections) {
      const p = byId.get(i.provider.id)!;
      if (i.onSiteStart! < p.registrationDate)
        problems.push(`${p.urn}: inspected ${i.onSiteStart} before registration ${p.registrationDate}`);
      if (i.onSiteStart! < WINDOW_START) problems.push(`${p.urn}: inspected ${i.onSiteStart} before the history starts`);
      if (i.feedbackDate! > lastDayOf(p)) problems.push(`${p.urn}: inspected until ${i.feedbackDate}, closed ${closedOn(p)}`);
      if (i.scheduledStart > i.onSiteStart! || i.onSiteStart! > i.onSiteEnd! || i.onSiteEnd! !== i.feedbackDate)
        problems.push(`${p.urn}: on-site dates out of order`);
    }
    expect(problems).toEqual([]);
  });

  test('CH-179 CH-181 CH-189 an inadequate judgement is followed by a monitoring visit within six to eight weeks, with a published report, and by a re-inspection', () => {
    const byId = new Map(data.providers.map((p) => [p.id, p]));
    const inadequate = data.inspections.filter(
      (i) => i.type === InspectionType.FULL_INSPECTION && data.records.get(i.id)!.overallExperiencesAndProgress === Grade.INADEQUATE,
    );
    expect(inadequate.length).toBeGreaterThan(3);
    let followed = 0;
    for (const full of inadequate) {
      const p = byId.get(full.provider.id)!;
      const later = (data.byProvider.get(p.id) ?? []).filter((i) => i.onSiteStart! > full.feedbackDate!);
      const days = (i: Inspection) => daysBetween(full.feedbackDate!, i.onSiteStart!);
      if (addDays(full.feedbackDate!, 56) > lastDayOf(p)) continue;
      const visit = later.find((i) => i.type === InspectionType.MONITORING_VISIT);
      expect([p.urn, full.feedbackDate, visit !== undefined]).toEqual([p.urn, full.feedbackDate, true]);
      if (isChildrensHome(p.settingType)) expect([p.urn, days(visit!) >= 42 && days(visit!) <= 56]).toEqual([p.urn, true]);
      else expect([p.urn, days(visit!) >= 42 && days(visit!) <= 75]).toEqual([p.urn, true]);
      if (visit!.status === InspectionStatus.PUBLISHED) expect(data.reports.some((r) => r.inspection.id === visit!.id)).toBe(true);
      // Then a full re-inspection, unless the visit gave a new judgement (CH-185) or the setting ended first.
      const newGrade = data.records.get(visit!.id)!.newOverallGrade;
      const reinspection = later.find((i) => i.type === InspectionType.FULL_INSPECTION);
      const deadline = isChildrensHome(p.settingType) ? addDays(visit!.onSiteStart!, 16 * 7) : addDays(full.feedbackDate!, 366);
      const suspended = full.feedbackDate! <= ROUTINE_SUSPENSION.to && deadline >= ROUTINE_SUSPENSION.from;
      if (newGrade === null && !suspended && deadline <= lastDayOf(p)) {
        expect([p.urn, reinspection !== undefined && reinspection.onSiteStart! <= deadline]).toEqual([p.urn, true]);
        followed += 1;
      }
    }
    expect(followed).toBeGreaterThan(0);
  });

  test('grades follow plausible proportions: mostly good, some outstanding, some requiring improvement, a few inadequate', () => {
    const grades = data.inspections
      .filter((i) => i.type === InspectionType.FULL_INSPECTION)
      .map((i) => data.records.get(i.id)!.overallExperiencesAndProgress!);
    const share = (g: Grade) => grades.filter((x) => x === g).length / grades.length;
    expect(share(Grade.GOOD)).toBeGreaterThan(0.5);
    expect(share(Grade.OUTSTANDING)).toBeGreaterThan(0.06);
    expect(share(Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD)).toBeGreaterThan(0.08);
    expect(share(Grade.INADEQUATE)).toBeGreaterThan(0.01);
    expect(share(Grade.INADEQUATE)).toBeLessThan(0.12);
    expect(share(Grade.GOOD) + share(Grade.OUTSTANDING)).toBeGreaterThan(0.65);
  });

  test('every record is valid under the rules the API applies when it is made', async () => {
    const e = em();
    const byId = new Map(data.providers.map((p) => [p.id, p]));
    const inspectionById = new Map(data.inspections.map((i) => [i.id, i]));
    const settingOf = (inspectionId: string) => byId.get(inspectionById.get(inspectionId)!.provider.id)!;
    const problems: unknown[] = [];
    const check = (what: string, violations: unknown[]) => {
      if (violations.length > 0) problems.push({ what, violations });
    };
    const lines = await e.find(LineOfEnquiry, {});
    for (const i of data.inspections) {
      const p = byId.get(i.provider.id)!;
      const record = data.records.get(i.id)!;
      check(`kind ${i.id}`, validateJudgementKind(i.type, record.kind as never));
      check(
        `schedule ${i.id}`,
        validateSchedule(
          {
            ...pick(p, 'settingType', 'registrationDate'),
            ...pick(i, 'type', 'scheduledStart', 'leadInspector', 'teamInspectors', 'noticeGivenOn'),
            linesOfEnquiry: lines.filter((l) => l.inspection.id === i.id),
          },
          SYNTHETIC_AS_OF,
        ),
      );
      // An interim judgement is relative to an earlier judged inspection (CH-170).
      if (record.kind === 'INTERIM') {
        const previous = i.previousInspection ? inspectionById.get(i.previousInspection.id) : undefined;
        if (
          !previous ||
          previous.feedbackDate! > i.onSiteStart! ||
          !isRoutine(previous) ||
          data.records.get(previous.id)!.kind === 'NO_JUDGEMENT'
        ) {
          problems.push(`interim ${i.id} has no earlier judged inspection`);
        }
      }
    }
    const evidence = await e.find(Evidence, {}, { populate: ['people'] });
    const people = await e.find(ProtectedPerson, {});
    const namesOf = new Map<string, string[]>();
    for (const person of people) namesOf.set(person.inspection.id, [...(namesOf.get(person.inspection.id) ?? []), person.name]);
    for (const item of evidence) {
      check(
        `evidence ${item.id}`,
        validateEvidence({
          settingType: settingOf(item.inspection.id).settingType,
          ...pick(item, 'source', 'judgementArea', 'evaluationCriterion', 'finding', 'narrative', 'interviewTime', 'intervieweeRole'),
          peopleNamed: item.people.getItems().map((x) => x.name),
          identificationJustification: item.identificationJustification,
          registeredNames: namesOf.get(item.inspection.id) ?? [],
        }),
      );
    }
    const requirements = await e.find(Requirement, {}, { populate: ['evidence'] });
    for (const r of requirements) {
      const inspection = inspectionById.get(r.inspection.id)!;
      check(
        `requirement ${r.id}`,
        validateRequirement({
          settingType: settingOf(r.inspection.id).settingType,
          ...pick(r, 'regulation', 'action', 'dueDate', 'impactStatement'),
          evidence: r.evidence.getItems(),
          inspectionStart: inspection.onSiteStart!,
        }),
      );
      if (r.checkedAt) {
        const visit = inspectionById.get(r.checkedAt.id)!;
        check(
          `requirement check ${r.id}`,
          validateCheckAtVisit(
            settingOf(r.inspection.id).settingType,
            { providerId: inspection.provider.id, inspectionId: inspection.id, start: inspection.onSiteStart! },
            { providerId: visit.provider.id, inspectionId: visit.id, start: visit.onSiteStart },
          ),
        );
      } else if (r.status !== 'OPEN') problems.push(`requirement ${r.id} checked nowhere`);
    }
    const recommendations = await e.find(Recommendation, {}, { populate: ['evidence'] });
    for (const r of recommendations) {
      check(
        `recommendation ${r.id}`,
        validateRecommendation({
          settingType: settingOf(r.inspection.id).settingType,
          ...pick(r, 'reference', 'guidanceSummary', 'action'),
          evidence: r.evidence.getItems(),
        }),
      );
    }
    const notices = await e.find(ComplianceNotice, {});
    const actions = await e.find(ComplianceNoticeAction, {});
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) {
      check(
        `notice ${n.id}`,
        validateComplianceNotice(
          n.servedOn,
          actions.filter((a) => a.notice.id === n.id),
          SYNTHETIC_AS_OF,
        ),
      );
      // Followed up by a visit after its completion date, at the latest five working days after (CH-198), where there was time.
      const due = actions.find((a) => a.notice.id === n.id)!.completionDate;
      const p = settingOf(n.inspection.id);
      if (addDays(due, 10) <= lastDayOf(p)) {
        const after = (data.byProvider.get(p.id) ?? []).find((i) => i.onSiteStart! > due);
        if (!after || daysBetween(due, after.onSiteStart!) > 9) problems.push(`notice ${n.id} due ${due} not followed up`);
      }
    }
    const reviews = await e.find(CaseReview, {});
    expect(reviews.length).toBeGreaterThan(0);
    for (const r of reviews.filter((x) => x.heldOn !== null)) {
      check(
        `case review ${r.id}`,
        validateCaseReviewDecision(
          settingOf(r.inspection.id).settingType,
          {
            optionsConsidered: r.optionsConsidered!,
            chosen: r.chosenOption!,
            decisionReason: r.decisionReason!,
            decidedBy: r.decidedBy!,
            heldOn: r.heldOn!,
          },
          { openedOn: r.openedOn, today: SYNTHETIC_AS_OF },
        ),
      );
    }
    expect(problems).toEqual([]);
  });

  test('inspections stand where their reports do: published ones have exactly one current version, the others none', () => {
    const versionsOf = new Map<string, PublishedReport[]>();
    for (const r of data.reports) versionsOf.set(r.inspection.id, [...(versionsOf.get(r.inspection.id) ?? []), r]);
    const order: (keyof Inspection)[] = [
      'feedbackDate',
      'qualityAssuranceSubmittedOn',
      'draftSentOn',
      'commentsReturnedOn',
      'finalReportIssuedOn',
      'publishedOn',
    ];
    const problems: string[] = [];
    for (const i of data.inspections) {
      const versions = (versionsOf.get(i.id) ?? []).sort((a, b) => a.version - b.version);
      const dates = order.map((key) => i[key] as string | null);
      const reached = dates.filter((d) => d !== null);
      if (dates.slice(0, reached.length).some((d) => d === null)) problems.push(`${i.id}: a milestone skipped`);
      if ([...reached].sort().join() !== reached.join()) problems.push(`${i.id}: milestones out of order`);
      if (reached.some((d) => d! > SYNTHETIC_AS_OF)) problems.push(`${i.id}: a milestone after the as-of date`);
      const expected = [
        InspectionStatus.FIELDWORK_COMPLETE,
        InspectionStatus.DRAFT_IN_QUALITY_ASSURANCE,
        InspectionStatus.DRAFT_SENT_TO_PROVIDER,
        InspectionStatus.PROVIDER_COMMENTS_RECEIVED,
        InspectionStatus.FINAL_REPORT_ISSUED,
        InspectionStatus.PUBLISHED,
      ][reached.length - 1];
      if (i.status !== expected) problems.push(`${i.id}: ${i.status} with milestones up to ${expected}`);
      if (i.status !== InspectionStatus.PUBLISHED) {
        if (versions.length > 0) problems.push(`${i.id}: ${i.status} but published`);
        continue;
      }
      if (versions.filter((v) => v.current).length !== 1 || !versions.at(-1)!.current)
        problems.push(`${i.id}: not exactly one current version, the latest`);
      if (versions[0].publishedOn !== i.publishedOn) problems.push(`${i.id}: first version not published on ${i.publishedOn}`);
      versions.forEach((v, n) => {
        if (v.version !== n + 1 || v.publicId !== versions[0].id) problems.push(`${i.id}: version ${v.version} numbering or public ID`);
        if (
          JSON.stringify(v.versions.map((x) => [x.version, x.publishedOn])) !==
          JSON.stringify(versions.slice(0, n + 1).map((x) => [x.version, x.publishedOn]))
        ) {
          problems.push(`${i.id}: version ${v.version} history`);
        }
        if (n > 0 && (v.publishedOn <= versions[n - 1].publishedOn || !v.amendmentReason || !v.content.amendmentReason))
          problems.push(`${i.id}: amendment ${v.version}`);
      });
    }
    expect(problems).toEqual([]);
  });

  test("each setting's publicReport is its newest current version: the report of its latest published inspection", async () => {
    const publicService = new PublicService(em());
    let checked = 0;
    for (const p of data.providers) {
      const published = (data.byProvider.get(p.id) ?? []).filter((i) => i.status === InspectionStatus.PUBLISHED);
      const answer = await publicService.report(p.urn);
      if (published.length === 0) {
        expect(answer).toBeNull();
        continue;
      }
      const latest = published.at(-1)!;
      const current = data.reports.find((r) => r.inspection.id === latest.id && r.current)!;
      const newest = data.reports
        .filter((r) => r.urn === p.urn && r.current)
        .sort((a, b) => (a.publishedOn < b.publishedOn ? -1 : 1))
        .at(-1)!;
      expect(newest.id).toBe(current.id);
      expect(answer).toEqual(toPublicReport(current));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(50);
  });

  test('each report holds the recent history (the last four full or interim inspections), and is what the publication service builds from the records', async () => {
    const e = em();
    const problems: unknown[] = [];
    const outcome = (i: Inspection) => {
      const r = data.records.get(i.id)!;
      return r.kind === 'FULL_INSPECTION'
        ? r.overallExperiencesAndProgress
        : r.kind === 'INTERIM'
          ? r.interimOutcome
          : r.kind === 'NO_JUDGEMENT'
            ? 'NO_JUDGEMENT'
            : null;
    };
    const words = (token: string | null) => (token ? token.toLowerCase().replace(/_/g, ' ') : null);
    let withFourOrMore = 0;
    for (const report of data.reports.filter((r) => r.current)) {
      const inspection = data.inspections.find((i) => i.id === report.inspection.id)!;
      const earlier = (data.byProvider.get(inspection.provider.id) ?? [])
        .filter((i) => isRoutine(i) && i.status === InspectionStatus.PUBLISHED && i.feedbackDate! < inspection.feedbackDate!)
        .reverse()
        .slice(0, 4);
      const expected = earlier.map((i) => ({ type: i.type, end: i.feedbackDate, outcome: words(outcome(i)) }));
      if (canonical(report.content.history) !== canonical(expected))
        problems.push({ report: report.id, history: report.content.history, expected });
      if (canonical(report.content.lastInspection) !== canonical(expected[0] ?? null))
        problems.push({ report: report.id, lastInspection: report.content.lastInspection });
      if (expected.length === 4) withFourOrMore += 1;
      // The same records through the live path give the same public report (but for the amendment's reason).
      const rebuilt = await draftReport(e, inspection);
      if (canonical({ ...rebuilt!.content, amendmentReason: null }) !== canonical({ ...report.content, amendmentReason: null })) {
        problems.push({ report: report.id, stored: report.content, rebuilt: rebuilt!.content });
      }
    }
    expect(problems.slice(0, 3)).toEqual([]);
    expect(withFourOrMore).toBeGreaterThan(100);
  }, 120_000);

  test('the feed carries every publication, amendment, notice, registration and closure, gap-free and in the order it happened', async () => {
    const events = await em().find(FeedEvent, {}, { orderBy: { position: 'asc' } });
    expect(events.length).toBe(counts.feedEvents);
    // Positions 1..n with no gap; days never go backwards.
    expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1));
    const days = events.map((e) => e.occurredOn);
    expect([...days].sort()).toEqual(days);
    // Each published version in the feed once, as the public reads it; its judgements too.
    const publicEvents = events.filter((e) => e.addressee === null);
    for (const report of data.reports) {
      const carrying = publicEvents.filter(
        (e) => e.payload.report && e.payload.report.id === publicReportId(report) && e.payload.report.version === report.version,
      );
      const main =
        report.version === 1
          ? report.inspectionType === InspectionType.MONITORING_VISIT
            ? FeedEventType.MONITORING_VISIT_PUBLISHED
            : FeedEventType.REPORT_PUBLISHED
          : FeedEventType.REPORT_AMENDED;
      expect(carrying.filter((e) => e.type === main).map((e) => [e.occurredOn, e.urn])).toEqual([[report.publishedOn, report.urn]]);
      expect(JSON.parse(JSON.stringify(carrying[0].payload.report))).toEqual(JSON.parse(JSON.stringify(toPublicReport(report))));
    }
    const judgementEvents = publicEvents.filter((e) => e.type === FeedEventType.JUDGEMENT_PUBLISHED).length;
    expect(judgementEvents).toBeGreaterThan(data.reports.length * 0.8);
    expect(publicEvents.filter((e) => e.type === FeedEventType.ENFORCEMENT_ACTION_TAKEN)).toHaveLength(
      await em().count(ComplianceNotice, {}),
    );
    const registered = data.providers.filter((p) => p.registrationDate >= WINDOW_START);
    expect(
      publicEvents
        .filter((e) => e.type === FeedEventType.PROVIDER_REGISTERED)
        .map((e) => e.urn)
        .sort(),
    ).toEqual(registered.map((p) => p.urn).sort());
    for (const e of publicEvents.filter((x) => x.type === FeedEventType.PROVIDER_REGISTERED)) {
      expect(e.payload.setting).toMatchObject({ status: ProviderStatus.REGISTERED, statusDate: e.occurredOn });
    }
    const ended = data.providers.filter((p) => closedOn(p) !== null && closedOn(p)! >= WINDOW_START);
    expect(
      publicEvents.filter((e) => e.type === FeedEventType.PROVIDER_CLOSED || e.type === FeedEventType.PROVIDER_CANCELLED),
    ).toHaveLength(ended.length);
    // Notifications of inadequate judgements go to the authorities alone.
    expect(events.some((e) => e.addressee !== null && e.type === FeedEventType.INADEQUATE_JUDGEMENT_NOTIFICATION)).toBe(true);
  });

  test('CH-228 CH-230 spot check: no public content or public feed event names a setting, its address or postcode, its managers or the children in its records', async () => {
    const e = em();
    const people = await e.find(ProtectedPerson, {});
    const inspectionProvider = new Map(data.inspections.map((i) => [i.id, i.provider.id]));
    const events = await e.find(FeedEvent, { addressee: null });
    const OWN_WORDS = new Set([
      'young',
      'person',
      'child',
      'children',
      'staff',
      'member',
      'family',
      'home',
      'setting',
      'local',
      'area',
      'street',
      'nearby',
      'reader',
      'colleague',
      'parent',
      'carer',
      'withheld',
    ]);
    const bounded = (secret: string) =>
      new RegExp(`(?<![\\p{L}\\p{N}])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
    const withoutIds = (text: string) => text.replace(/[A-Za-z0-9+/]{24,}={0,2}|[0-9a-f]{8}-[0-9a-f-]{27}/g, ' ');
    const leaks: string[] = [];
    let searched = 0;
    for (const p of data.providers) {
      const published: { responsibleIndividual?: unknown; registeredProvider?: unknown; area?: unknown }[] = [
        ...data.reports.filter((r) => r.urn === p.urn).map((r) => r.content),
        ...events
          .filter((ev) => ev.urn === p.urn)
          .flatMap((ev) => [ev.payload, ...[ev.payload.report, ev.payload.setting].filter((x) => x != null)]),
      ];
      if (published.length === 0) continue;
      const text = withoutIds(published.map((x) => JSON.stringify(x)).join('\n'));
      // What is public by rule (para 163): the responsible individual, the organisation's name and address, and the area.
      const allowed = withoutIds(published.map((x) => JSON.stringify([x.responsibleIndividual, x.registeredProvider, x.area])).join(' '));
      const names = [
        ...people.filter((x) => inspectionProvider.get(x.inspection.id) === p.id).map((x) => x.name),
        ...p.managerAppointments.getItems().map((a) => a.name),
      ];
      const street = p.address.line1.replace(/^\d+[a-z]?\s+/i, '');
      const secrets = [
        p.name,
        ...p.name.split(/\s+/).filter((w) => w.length >= 3 && !COMMON_SETTING_WORDS.has(w.toLowerCase())),
        p.address.line1,
        street,
        ...street.split(/\s+/).filter((w) => w.length >= 3 && !COMMON_SETTING_WORDS.has(w.toLowerCase())),
        p.address.postcode,
        p.address.postcode.replace(/\s+/g, ''),
        p.address.postcode.split(' ')[0],
        ...names,
        ...names.flatMap((n) => n.split(/\s+/)).filter((w) => w.replace(/\P{L}/gu, '').length >= 3),
      ].filter((s) => !OWN_WORDS.has(s.toLowerCase()) && !bounded(s).test(allowed));
      for (const secret of new Set(secrets)) {
        searched += 1;
        if (bounded(secret).test(text)) leaks.push(`${p.urn}: "${secret}"`);
      }
    }
    expect(leaks).toEqual([]);
    expect(searched).toBeGreaterThan(PROVIDERS * 5);
  });

  test('manager appointments never overlap, and at most one manager is in post', async () => {
    const [overlaps] = await em()
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from manager_appointment a join manager_appointment b on a.provider_id = b.provider_id and a.id <> b.id
          and a.start_date < coalesce(b.end_date, 'infinity') and b.start_date < coalesce(a.end_date, 'infinity')`,
      );
    expect(overlaps.n).toBe(0);
  });

  test('seedFeed adds nothing to the feed a history wrote', async () => {
    const before = await em().count(FeedEvent, {});
    expect(await seedFeed(em())).toBe(0);
    expect(await em().count(FeedEvent, {})).toBe(before);
  });

  test('the register can be cleared and seeded again, through seedSyntheticRegister with years too', async () => {
    await clearRegister(em());
    expect(await isRegisterEmpty(em())).toBe(true);
    expect(await em().count(Inspection, {})).toBe(0);
    expect(await em().count(PublishedReport, {})).toBe(0);
    const before = await em().count(FeedEvent, {});
    const again = await seedSyntheticRegister(em(), { providers: 20, seed: SEED + 1, years: 3 });
    expect(again.providers).toBe(20);
    expect(await em().count(PublishedReport, { current: true })).toBe(again.publishedReports);
    const inspections = await em().find(Inspection, {});
    expect(inspections.length).toBeGreaterThan(again.publishedReports / 2);
    expect(inspections.every((i) => i.onSiteStart! >= historyWindowStart(SYNTHETIC_AS_OF, 3))).toBe(true);
    // Its feed follows the earlier one's, and seedFeed has nothing to add to it.
    expect(await em().count(FeedEvent, {})).toBeGreaterThan(before);
    expect(await seedFeed(em())).toBe(0);
  }, 60_000);
});
