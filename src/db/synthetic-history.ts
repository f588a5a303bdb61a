/**
 * The synthetic register with its history (issue 19): the settings of `generateSyntheticRegister`
 * (registered over the years, some closed or cancelled since, some new, with their registered
 * managers' appointments), and for the last `years` years everything the inspection records would
 * hold about them, dated as the guidance has it:
 *
 * - children's homes and secure children's homes: a full and an interim inspection each
 *   inspection year (1 April to 31 March), whether or not children live there (CH-005, CH-006,
 *   CH-007); a new home's first visit may be the no-judgement interim of Annex G; routine
 *   inspections stop from 17 March 2020 to 11 April 2021 (CA-053), when secure children's homes
 *   have an assurance visit instead (CA-052);
 * - residential family centres and adoption support agencies: a first inspection within 12 months
 *   of registration (RFC-042; 7 to 12 months for agencies, ASA-040), then one in each three-year
 *   cycle (RFC-040, ASA-037), sooner after requires improvement or inadequate (RFC-041, ASA-038, ASA-039);
 * - after an inadequate judgement: a case review (CH-175), the placing and host authorities told
 *   (CHA-078), often a compliance notice, a monitoring visit within six to eight weeks (CH-179)
 *   that follows the notice up (CH-198), which may give a new judgement (CH-184 to CH-187), and a
 *   full re-inspection (within 16 weeks of the visit for homes, CH-189; 6 to 12 months for the others);
 * - requirements, recommendations and compliance notices, each checked at a later visit;
 * - every report taken through the pipeline on the guidance's timetable (report-deadlines.ts) and
 *   published as the publication service publishes it: the public content made by
 *   `buildPublicReport` (so every public string went through the redactor), a stable public ID and
 *   the versions' history, with an amendment now and then.
 *
 * Generation is pure and deterministic: the same seed gives the same rows, IDs included, whatever
 * the order the settings are asked for in (each setting draws from its own seeded stream).
 * Writing them is in seed.ts.
 */
import { Faker, en, en_GB } from '@faker-js/faker';
import {
  caseReviewsOpenedBy,
  CaseReviewTrigger,
  EnforcementOption,
  notificationsDue,
  type CaseReviewOpening,
  type OptionConsidered,
  type OutcomeFacts,
} from '../domain/case-reviews';
import { evaluationCriteria, JudgementArea } from '../domain/evaluation-criteria';
import { EvidenceSource, Finding, initialsOf, INTERVIEW_SOURCES, PersonRole } from '../domain/evidence';
import { InspectionStatus, LineOfEnquirySource } from '../domain/inspection-lifecycle';
import { InspectionType } from '../domain/inspection-types';
import {
  Grade,
  InterimOutcome,
  JudgementKind,
  NoJudgementReason,
  noJudgementStatement,
  validateFullJudgements,
  validateInterimJudgement,
  validateMonitoringNewJudgement,
  validateNoJudgement,
  VACANCY_THRESHOLD_DAYS,
  type NewJudgementConditions,
} from '../domain/judgements';
import { addDays, daysBetween, type LocalDate } from '../domain/local-date';
import { currentVacancy, ProviderStatus, RegisteredProviderKind } from '../domain/provider-register';
import {
  buildPublicReport,
  judgementOutcome,
  type InspectionSummarySource,
  type PublicReportContent,
  type ReportSource,
} from '../domain/public-report';
import { publicTemplate, type NamedPerson, type PublicText } from '../domain/redaction';
import { ComplianceNoticeGround, ItemStatus } from '../domain/requirements';
import { inspectionYearOf } from '../domain/scheduling';
import { isChildrensHome, SETTING_TYPES, SettingType } from '../domain/setting-types';
import { addWorkingDays, isWorkingDay } from '../domain/working-days';
import type { PublishedVersionEntry } from '../modules/public/published-report.entity';
import type { LocalAuthorityRow } from './reference-data';
import { generateSyntheticRegister, SYNTHETIC_AS_OF, type SyntheticProvider, type SyntheticRegister } from './synthetic-register';

// ---------------------------------------------------------------------------------------------
// What is generated: rows of the tables, keyed by their column names, ready for a bulk insert.

export interface InspectionRow {
  id: string;
  provider_id: string;
  type: InspectionType;
  status: InspectionStatus;
  scheduled_start: LocalDate;
  notice_given_on: LocalDate | null;
  notice_reason: string | null;
  on_site_start: LocalDate;
  on_site_end: LocalDate;
  feedback_date: LocalDate;
  lead_inspector: string;
  team_inspectors: string[];
  previous_inspection_id: string | null;
  quality_assurance_submitted_on: LocalDate | null;
  quality_assured_by: string | null;
  draft_sent_on: LocalDate | null;
  comments_returned_on: LocalDate | null;
  final_report_issued_on: LocalDate | null;
  published_on: LocalDate | null;
  report_overall_text: string | null;
  report_helped_and_protected_text: string | null;
  report_leaders_and_managers_text: string | null;
  report_summary_text: string | null;
  child_friendly_summary: string | null;
  placing_authorities: string[];
  created_at: string;
}

export interface LineOfEnquiryRow {
  id: string;
  inspection_id: string;
  source: LineOfEnquirySource;
  position: number;
  text: string;
  created_at: string;
}

export interface JudgementRow {
  id: string;
  inspection_id: string;
  version: number;
  kind: JudgementKind;
  overall_experiences_and_progress: Grade | null;
  helped_and_protected: Grade | null;
  leaders_and_managers: Grade | null;
  interim_outcome: InterimOutcome | null;
  decline_suggests_serious_concerns: boolean | null;
  no_judgement_reason: NoJudgementReason | null;
  statement: string | null;
  serious_or_widespread_concerns: boolean | null;
  concerns: string | null;
  progress_summary: string | null;
  new_overall_grade: Grade | null;
  conditions: NewJudgementConditions | null;
  rationale: string | null;
  vacancy_reason: string | null;
  manager_vacancy_days: number | null;
  change_reason: string | null;
  recorded_at: string;
}

export interface ProtectedPersonRow {
  id: string;
  inspection_id: string;
  name: string;
  initials: string;
  role: PersonRole;
}

export interface EvidenceRow {
  id: string;
  inspection_id: string;
  source: EvidenceSource;
  judgement_area: JudgementArea;
  evaluation_criterion: string | null;
  finding: Finding;
  narrative: string;
  interview_time: string | null;
  interviewee_role: string | null;
  identification_justification: string | null;
  recorded_at: string;
}

export interface EvidencePersonRow {
  evidence_id: string;
  protected_person_id: string;
}

export interface RequirementRow {
  id: string;
  inspection_id: string;
  regulation: string;
  action: string;
  due_date: LocalDate;
  impact_statement: string;
  status: ItemStatus;
  checked_at_id: string | null;
  created_at: string;
}

export interface RecommendationRow {
  id: string;
  inspection_id: string;
  reference: string;
  guidance_summary: string | null;
  action: string;
  status: ItemStatus;
  checked_at_id: string | null;
  created_at: string;
}

export interface RequirementEvidenceRow {
  requirement_id: string;
  evidence_id: string;
}

export interface RecommendationEvidenceRow {
  recommendation_id: string;
  evidence_id: string;
}

export interface ComplianceNoticeRow {
  id: string;
  inspection_id: string;
  ground: ComplianceNoticeGround;
  served_on: LocalDate;
  created_at: string;
}

export interface ComplianceNoticeActionRow {
  id: string;
  notice_id: string;
  position: number;
  regulation: string;
  action: string;
  completion_date: LocalDate;
}

export interface CaseReviewRow {
  id: string;
  provider_id: string;
  inspection_id: string;
  trigger: CaseReviewTrigger;
  rule_id: string;
  urgent: boolean;
  opened_on: LocalDate;
  due_by: LocalDate;
  held_on: LocalDate | null;
  options_considered: OptionConsidered[] | null;
  chosen_option: EnforcementOption | null;
  decision_reason: string | null;
  decided_by: string | null;
}

export interface NotificationTaskRow {
  id: string;
  inspection_id: string;
  recipient: string;
  local_authority: string | null;
  rule_id: string;
  due_by: LocalDate;
  done_on: LocalDate | null;
}

export interface PublishedReportRow {
  id: string;
  inspection_id: string;
  version: number;
  public_id: string;
  current: boolean;
  urn: string;
  setting_type: SettingType;
  inspection_type: InspectionType;
  local_authority: string;
  region: string;
  published_on: LocalDate;
  amendment_reason: string | null;
  content: PublicReportContent;
  versions: PublishedVersionEntry[];
  created_at: string;
}

/** What the feed carries, in the order it happened: written by the real feed functions from the stored rows (seed.ts). */
export type FeedItem =
  | { kind: 'REGISTERED' | 'CLOSED' | 'CANCELLED'; on: LocalDate; urn: string; providerId: string }
  | {
      kind: 'NOTIFICATION';
      on: LocalDate;
      urn: string;
      providerId: string;
      inspectionId: string;
      triggers: CaseReviewTrigger[];
      taskIds: string[];
    }
  | { kind: 'NOTICE'; on: LocalDate; urn: string; providerId: string; noticeId: string }
  | { kind: 'PUBLISHED' | 'AMENDED'; on: LocalDate; urn: string; providerId: string; reportId: string };

export interface SettingHistory {
  inspections: InspectionRow[];
  linesOfEnquiry: LineOfEnquiryRow[];
  judgements: JudgementRow[];
  protectedPeople: ProtectedPersonRow[];
  evidence: EvidenceRow[];
  evidencePeople: EvidencePersonRow[];
  requirements: RequirementRow[];
  requirementEvidence: RequirementEvidenceRow[];
  recommendations: RecommendationRow[];
  recommendationEvidence: RecommendationEvidenceRow[];
  notices: ComplianceNoticeRow[];
  noticeActions: ComplianceNoticeActionRow[];
  caseReviews: CaseReviewRow[];
  notificationTasks: NotificationTaskRow[];
  publishedReports: PublishedReportRow[];
  feed: FeedItem[];
}

export interface HistoryOptions {
  providers: number;
  seed: number;
  /** Years of history before `asOf` (inspections, visits and publications start then). */
  years: number;
  localAuthorities: readonly LocalAuthorityRow[];
  asOf?: LocalDate;
}

/** The register itself, with the IDs its rows get: the settings' histories hang off it. */
export interface HistoryBase {
  options: HistoryOptions;
  asOf: LocalDate;
  /** The first day of the history: nothing is inspected or published before it. */
  windowStart: LocalDate;
  register: SyntheticRegister;
  registeredProviderIds: string[];
  providerIds: string[];
  appointmentIds: string[][];
  areas: Map<string, { localAuthorityCode: string; localAuthorityName: string; regionCode: string; regionName: string }>;
  /** Per region: its inspectors, and its regulatory inspection managers (quality assurance, decisions). */
  inspectors: Map<string, string[]>;
  managers: Map<string, string[]>;
  /** Per region: the local authorities that place children there (placing authorities are mostly near). */
  authoritiesOfRegion: Map<string, string[]>;
}

/** Routine inspections were suspended for COVID-19 from 17 March 2020 and resumed on 12 April 2021 (CA-053). */
export const ROUTINE_SUSPENSION = { from: '2020-03-17', to: '2021-04-11' } as const;
/** Assurance visits to secure children's homes: 1 September 2020 to 31 March 2021 (CA-052). */
export const ASSURANCE_VISITS = { from: '2020-09-01', to: '2021-03-31' } as const;

// ---------------------------------------------------------------------------------------------
// A small, fast, seeded random stream (sfc32): the histories draw hundreds of numbers per setting.

class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seeds: number[]) {
    // splitmix32 over the seeds, so nearby seeds give unrelated streams.
    let h = 0x9e3779b9;
    const mix = (value: number) => {
      h = (h + (value | 0) + 0x9e3779b9) | 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (const s of seeds) mix(s);
    this.a = mix(1);
    this.b = mix(2);
    this.c = mix(3);
    this.d = mix(4);
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  float(): number {
    return this.u32() / 4294967296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((n, [, w]) => n + w, 0);
    let roll = this.float() * total;
    for (const [value, weight] of items) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return items[items.length - 1][0];
  }

  /** Some of the items, in their order. */
  some<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    const n = Math.min(count, items.length);
    while (chosen.size < n) chosen.add(Math.floor(this.float() * items.length));
    return [...chosen].sort((x, y) => x - y).map((i) => items[i]);
  }

  /** A version 4 UUID from the stream. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const a = hex(this.u32());
    const b = hex(this.u32());
    const c = hex(this.u32());
    const d = hex(this.u32());
    const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}

/** The stream the feed's event IDs are drawn from (seed.ts writes the feed). */
export function feedRng(seed: number): { uuid(): string } {
  return new Rng(seed, 0xfeed);
}

// ---------------------------------------------------------------------------------------------
// Dates

const workingDayCache = new Map<string, LocalDate>();
/** `addWorkingDays`, remembered: the histories ask for the same few thousand days many times. */
function wd(date: LocalDate, count: number): LocalDate {
  const key = `${date}|${count}`;
  let day = workingDayCache.get(key);
  if (day === undefined) {
    day = addWorkingDays(date, count);
    workingDayCache.set(key, day);
  }
  return day;
}

/** The day itself if it is a working day, else the next one. */
const workingDayFrom = (date: LocalDate): LocalDate => (isWorkingDay(date) ? date : wd(date, 1));
const later = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);
const earlier = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
const inSuspension = (date: LocalDate): boolean => date >= ROUTINE_SUSPENSION.from && date <= ROUTINE_SUSPENSION.to;
/** A timestamp on a day, `seconds` after 09:00 UTC: rows made the same day keep the order they were made in. */
const at = (date: LocalDate, seconds = 0): string => new Date(Date.parse(`${date}T09:00:00Z`) + seconds * 1000).toISOString();

// ---------------------------------------------------------------------------------------------
// The register and the people who inspect it

export function historyWindowStart(asOf: LocalDate, years: number): LocalDate {
  const [y, m, d] = asOf.split('-').map(Number);
  const back = new Date(Date.UTC(y - years, m - 1, d));
  return addDays(back.toISOString().slice(0, 10), 1);
}

export function generateHistoryBase(options: HistoryOptions): HistoryBase {
  if (!Number.isInteger(options.years) || options.years < 1) throw new RangeError('years must be a whole number of at least 1');
  const asOf = options.asOf ?? SYNTHETIC_AS_OF;
  const register = generateSyntheticRegister({
    providers: options.providers,
    seed: options.seed,
    localAuthorities: options.localAuthorities,
    asOf,
  });
  const rng = new Rng(options.seed, 0x1d5);
  const registeredProviderIds = register.registeredProviders.map(() => rng.uuid());
  const providerIds = register.providers.map(() => rng.uuid());
  const appointmentIds = register.providers.map((p) => p.appointments.map(() => rng.uuid()));

  const areas = new Map(
    options.localAuthorities.map((la) => [
      la.ons_code,
      { localAuthorityCode: la.ons_code, localAuthorityName: la.name, regionCode: la.region_code, regionName: la.region_name },
    ]),
  );
  const authoritiesOfRegion = new Map<string, string[]>();
  for (const la of options.localAuthorities)
    authoritiesOfRegion.set(la.region_code, [...(authoritiesOfRegion.get(la.region_code) ?? []), la.ons_code]);

  // About 60 inspections a year each: a national register of 4,000 settings needs some 150 inspectors.
  const faker = new Faker({ locale: [en_GB, en] });
  faker.seed([options.seed, 0x1a5]);
  const inspectors = new Map<string, string[]>();
  const managers = new Map<string, string[]>();
  for (const region of [...authoritiesOfRegion.keys()].sort()) {
    const count = Math.max(6, Math.round((options.providers * 0.04) / 9));
    inspectors.set(
      region,
      Array.from({ length: count }, () => faker.person.fullName()),
    );
    managers.set(
      region,
      Array.from({ length: Math.max(2, Math.round(count / 8)) }, () => faker.person.fullName()),
    );
  }
  return {
    options,
    asOf,
    windowStart: historyWindowStart(asOf, options.years),
    register,
    registeredProviderIds,
    providerIds,
    appointmentIds,
    areas,
    inspectors,
    managers,
    authoritiesOfRegion,
  };
}

// ---------------------------------------------------------------------------------------------
// Words: what inspectors write. Names, the setting's name and its street are written in now and
// then, as inspectors do; the redactor takes them out of everything published.

type Band = 'HIGH' | 'GOOD' | 'LOW' | 'POOR';
const bandOf = (grade: Grade): Band =>
  grade === Grade.OUTSTANDING ? 'HIGH' : grade === Grade.GOOD ? 'GOOD' : grade === Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD ? 'LOW' : 'POOR';

const OVERALL: Record<Band, string[]> = {
  HIGH: [
    'Children make exceptional progress from their starting points.',
    'Children have built strong, trusting relationships with the adults who care for them.',
    'School attendance is high and children are proud of what they achieve.',
    'Staff help children to understand their histories and to plan for their futures with confidence.',
    'Children take part in a wide range of activities that build their confidence and skills.',
  ],
  GOOD: [
    'Children make good progress in their education and health.',
    'Staff know the children well and plan care around their individual needs.',
    'Children are supported to keep in touch with the people who matter to them.',
    'Children enjoy a range of activities and are encouraged to try new things.',
    'Staff help children to prepare for moving on, at a pace that suits each child.',
  ],
  LOW: [
    "Children's progress is uneven.",
    "Care plans are not always updated when children's needs change.",
    'Some children do not attend education regularly, and this is not always followed up.',
    'Children are not always helped to understand why decisions about them are made.',
  ],
  POOR: [
    'Children do not receive the care they need.',
    'Serious weaknesses mean that children make poor progress.',
    "Staff do not understand the children's needs well enough to meet them.",
    'Children are not supported to attend education, and several are missing out on learning.',
  ],
};

const PROTECTION: Record<Band, string[]> = {
  HIGH: [
    'Children feel safe and can say why.',
    'Staff understand the risks to each child and act quickly and effectively when those risks change.',
    'Incidents of going missing have reduced sharply because staff work closely with other professionals.',
  ],
  GOOD: [
    'Children feel safe, and staff understand the risks they face.',
    'Staff work well with the police and social workers when children go missing.',
    'Physical interventions are rare, proportionate and well recorded.',
  ],
  LOW: [
    'Risk assessments are not always reviewed after incidents.',
    'Records of physical interventions do not always show what was learned from them.',
    'Staff do not consistently follow the procedures for children who go missing.',
  ],
  POOR: [
    'Children are not protected from harm.',
    'Staff do not recognise or respond to the risks children face, including exploitation.',
    'Safeguarding concerns are not reported to the placing authority promptly.',
  ],
};

const LEADERSHIP: Record<Band, string[]> = {
  HIGH: [
    'Leaders have high ambitions for every child and a precise understanding of the service.',
    'Staff receive regular supervision and training that is closely matched to the needs of the children.',
    'Leaders use monitoring effectively to drive continual improvement.',
  ],
  GOOD: [
    'The registered manager leads a stable and well-trained staff team.',
    'Leaders know the strengths of the service and what needs to improve.',
    'Staff say that they feel supported and valued.',
  ],
  LOW: [
    'Monitoring by leaders has not identified the shortfalls found at this inspection.',
    'Staff supervision is not regular, and training is out of date for some staff.',
    'Some notifications of serious events were not sent to Ofsted.',
  ],
  POOR: [
    'Leaders and managers have not acted on the weaknesses found at the last inspection.',
    'There are not enough suitably trained staff to meet the needs of the children.',
    'Leaders do not have an accurate picture of the quality of care.',
  ],
};

const INTERIM_WORDS: Record<InterimOutcome, string[]> = {
  [InterimOutcome.IMPROVED_EFFECTIVENESS]: [
    'Since the last inspection, leaders have improved the quality of care.',
    'Actions from the last inspection have been completed and their impact is evident.',
    'Children are now better supported to attend education.',
  ],
  [InterimOutcome.SUSTAINED_EFFECTIVENESS]: [
    'The quality of care has been maintained since the last inspection.',
    'Children continue to make progress, and staff continue to understand their needs.',
    'Leaders have kept up the improvements made before the last inspection.',
  ],
  [InterimOutcome.DECLINED_IN_EFFECTIVENESS]: [
    'The quality of care has declined since the last inspection.',
    'Staff turnover has affected the consistency of care.',
    'Weaknesses in the management of risk have emerged since the last inspection.',
  ],
};

const MONITORING_WORDS = {
  improved: [
    'Leaders have taken swift and effective action to address the shortfalls found at the last inspection.',
    'All of the requirements made at the last inspection have been met.',
    'Children are now safe, and their care plans are up to date.',
  ],
  remains: [
    'Some progress has been made since the last inspection, but it is not yet enough.',
    'Several of the requirements made at the last inspection have not been met.',
    'Leaders have started to address the weaknesses, but the changes are not yet embedded.',
  ],
  followUp: [
    'This visit followed up the compliance notice served after the last inspection.',
    'Inspectors checked the actions the provider was required to take.',
  ],
};

const ASSURANCE_WORDS = {
  fine: [
    'Children are safe and well cared for.',
    'Leaders have adapted the way the home works to keep children and staff safe during the pandemic.',
    'Children continue to receive education on site.',
  ],
  concerns: [
    'Inspectors found serious concerns about the care and protection of children.',
    'Children have spent long periods in their rooms without clear recorded reasons.',
  ],
};

const CHILD_SENTENCES = [
  (child: string, setting: string) => `${child} told inspectors that ${setting} feels like home.`,
  (child: string) => `${child} said that staff listen and help with schoolwork.`,
  (child: string) => `Staff helped ${child} to rebuild contact with family.`,
  (child: string) => `${child} is proud of joining a local football club.`,
];

const FRIENDLY_OPENINGS = ['Dear', 'Hello'];

type Family = 'CH' | 'RFC' | 'ASA';
const familyOf = (type: SettingType): Family | null =>
  isChildrensHome(type)
    ? 'CH'
    : type === SettingType.RESIDENTIAL_FAMILY_CENTRE
      ? 'RFC'
      : type === SettingType.ADOPTION_SUPPORT_AGENCY
        ? 'ASA'
        : null;

const REGULATIONS: Record<Family, string[]> = {
  CH: [
    'Regulation 12 (the protection of children standard)',
    'Regulation 13 (the leadership and management standard)',
    'Regulation 6 (the quality and purpose of care standard)',
    'Regulation 8 (the education standard)',
    'Regulation 10 (the health and well-being standard)',
    'Regulation 14 (the care planning standard)',
    'Regulation 32 (fitness of premises)',
    'Regulation 33 (employment of staff)',
    'Regulation 35 (behaviour management policies and records)',
  ],
  RFC: [
    'Regulation 5 (review of statement of purpose)',
    'Regulation 15 (staffing of residential family centre)',
    'Regulation 16 (fitness of workers)',
    'Regulation 18 (records)',
    'Regulation 23 (fitness of premises)',
  ],
  ASA: [
    'Regulation 11 (fitness of workers)',
    'Regulation 12 (employment of staff)',
    'Regulation 14 (records with respect to service users)',
    'Regulation 16 (complaints)',
  ],
};

const REQUIREMENT_ACTIONS = [
  'The registered person must ensure that risk assessments are reviewed after every incident.',
  'The registered person must ensure that staff understand and follow the procedures for children who go missing.',
  'The registered person must ensure that every member of staff has regular supervision.',
  'The registered person must ensure that records of physical intervention are completed within 24 hours.',
  'The registered person must ensure that staff are recruited safely, with full employment histories.',
  'The registered person must ensure that notifications of serious events are made without delay.',
];

const RECOMMENDATION_ACTIONS = [
  'The registered person should ensure that children are helped to contribute to their plans.',
  'The registered person should ensure that the premises are well maintained and homely.',
  'The registered person should improve the quality of written records so that they show the impact of care.',
  'The registered person should ensure that staff training is kept up to date.',
];

const IMPACT = [
  'Children are at risk of harm because their changing needs are not understood.',
  'Children cannot be assured that the adults who care for them are suitable.',
  'Shortfalls in oversight mean that poor practice is not identified or challenged.',
];

const AMENDMENT_REASONS = [
  {
    reason: (_: { child: string | null; manager: string | null }) =>
      'Corrected a typing error in the section on the overall experiences and progress of children.',
    typo: true,
  },
  { reason: () => 'Corrected the date of the previous inspection in the report.', typo: false },
  {
    reason: (p: { child: string | null }) =>
      p.child ? `Removed a detail that could identify ${p.child}.` : 'Removed a detail that could identify a child.',
    typo: false,
  },
  {
    reason: (p: { manager: string | null }) =>
      p.manager ? `Corrected the spelling of the name of ${p.manager}.` : 'Corrected the spelling of a name.',
    typo: false,
  },
];

const SECTION = {
  overall: publicTemplate`Overall experiences and progress of children`,
  helped: publicTemplate`How well children are helped and protected`,
  leaders: publicTemplate`The effectiveness of leaders and managers`,
  findings: publicTemplate`Findings`,
};

// ---------------------------------------------------------------------------------------------
// Grades: mostly good, some outstanding, some requiring improvement, a few inadequate; a
// setting's next grade leans on its last (about 15 / 65 / 15 / 5 in all).

const FIRST: readonly (readonly [Grade, number])[] = [
  [Grade.OUTSTANDING, 15],
  [Grade.GOOD, 66],
  [Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD, 15],
  [Grade.INADEQUATE, 4],
];
const NEXT: Record<Grade, readonly (readonly [Grade, number])[]> = {
  [Grade.OUTSTANDING]: [
    [Grade.OUTSTANDING, 60],
    [Grade.GOOD, 36.5],
    [Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD, 3],
    [Grade.INADEQUATE, 0.5],
  ],
  [Grade.GOOD]: [
    [Grade.OUTSTANDING, 9.5],
    [Grade.GOOD, 77.5],
    [Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD, 10.5],
    [Grade.INADEQUATE, 2.5],
  ],
  [Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD]: [
    [Grade.OUTSTANDING, 1],
    [Grade.GOOD, 56],
    [Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD, 33],
    [Grade.INADEQUATE, 10],
  ],
  [Grade.INADEQUATE]: [
    [Grade.GOOD, 35],
    [Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD, 52],
    [Grade.INADEQUATE, 13],
  ],
};

const RANK: Record<Grade, number> = { OUTSTANDING: 4, GOOD: 3, REQUIRES_IMPROVEMENT_TO_BE_GOOD: 2, INADEQUATE: 1 };

// ---------------------------------------------------------------------------------------------
// One setting's history

interface Visit {
  row: InspectionRow;
  record: JudgementRow;
  people: ProtectedPersonRow[];
  /** The overall grade it gave (CH-196): a full inspection's, or a monitoring visit's new one. */
  grade: Grade | null;
  /** The text as first published, where an amendment later corrected it. */
  firstOverallText: string | null;
}

type Planned =
  | { kind: 'ROUTINE'; date: LocalDate; yearEnd: LocalDate }
  | { kind: 'FULL'; date: LocalDate; after: string | null }
  | { kind: 'MONITORING'; date: LocalDate; fixed: boolean; reason: 'INADEQUATE' | 'NOTICE' | 'CONCERNS' }
  | { kind: 'ASSURANCE'; date: LocalDate };

const MIN_GAP_DAYS = 14;
const ROUTINE_GAP_DAYS = 60;

/**
 * Generates the history of the setting at `index` of the base register. Pure: it depends only on
 * the base and the index.
 */
export function generateSettingHistory(base: HistoryBase, index: number): SettingHistory {
  const { asOf, windowStart, register } = base;
  const p: SyntheticProvider = register.providers[index];
  const providerId = base.providerIds[index];
  const registered = register.registeredProviders[p.registeredProvider];
  const area = base.areas.get(p.localAuthority)!;
  const rng = new Rng(base.options.seed, index, 0x4157);
  const faker = personFaker(base.options.seed, index);

  const out: SettingHistory = {
    inspections: [],
    linesOfEnquiry: [],
    judgements: [],
    protectedPeople: [],
    evidence: [],
    evidencePeople: [],
    requirements: [],
    requirementEvidence: [],
    recommendations: [],
    recommendationEvidence: [],
    notices: [],
    noticeActions: [],
    caseReviews: [],
    notificationTasks: [],
    publishedReports: [],
    feed: [],
  };

  const closedOn = p.status === ProviderStatus.CLOSED || p.status === ProviderStatus.CANCELLED ? p.statusDate : null;
  if (p.registrationDate >= windowStart) out.feed.push({ kind: 'REGISTERED', on: p.registrationDate, urn: p.urn, providerId });
  if (closedOn && closedOn >= windowStart) {
    out.feed.push({ kind: p.status === ProviderStatus.CLOSED ? 'CLOSED' : 'CANCELLED', on: closedOn, urn: p.urn, providerId });
  }
  const family = familyOf(p.settingType);
  if (!family) return out; // inspected under other frameworks, not held here

  // The last day anything can happen on: the day before it closed, or the as-of date.
  const lastDay = closedOn ? addDays(closedOn, -1) : asOf;
  const secure = p.settingType === SettingType.SECURE_CHILDRENS_HOME;
  const inspectors = base.inspectors.get(area.regionCode)!;
  const rims = base.managers.get(area.regionCode)!;
  const neighbours = base.authoritiesOfRegion.get(area.regionCode)!;
  // Settings cancelled or suspended got there through an inadequate judgement.
  const endsInadequate = p.status === ProviderStatus.CANCELLED || p.status === ProviderStatus.SUSPENDED;
  const inadequateFrom = endsInadequate ? addDays(p.statusDate, -400) : null;
  const newHere = p.registrationDate >= windowStart;
  const placing = family === 'ASA' ? [] : [...new Set([p.localAuthority, ...rng.some(neighbours, rng.int(0, 2))])].sort();
  const settingWordsToUse = { name: p.name, street: streetOf(p.address.line1) };

  const visits: Visit[] = [];
  const plan: Planned[] = [];
  const push = (item: Planned) => {
    plan.push(item);
    plan.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  };
  let currentGrade: Grade | null = null;
  /** The inadequate full inspection a children's home is due to be re-inspected after, if any. */
  let reinspectionDue: string | null = null;
  let lastEnd: LocalDate | null = null;
  let lastLead: string[] = [];
  let lastPublication: LocalDate | null = null;

  // -- The plan: routine inspections, and the assurance visit of secure homes.
  if (family === 'CH') {
    const firstPossible = later(windowStart, addDays(p.registrationDate, rng.int(45, 150)));
    for (let year = inspectionYearOf(firstPossible); year.start <= lastDay; year = inspectionYearOf(addDays(year.end, 1))) {
      const from = later(year.start, firstPossible);
      const to = earlier(year.end, lastDay);
      const length = daysBetween(from, to);
      if (length < 20) continue;
      if (length >= 200) {
        const first = addDays(from, rng.int(0, Math.min(150, length - 170)));
        const gap = rng.int(130, Math.min(210, daysBetween(first, to) - 5));
        push({ kind: 'ROUTINE', date: first, yearEnd: to });
        push({ kind: 'ROUTINE', date: addDays(first, gap), yearEnd: to });
      } else {
        push({ kind: 'ROUTINE', date: addDays(from, rng.int(0, length - 10)), yearEnd: to });
      }
    }
    if (secure) {
      const from = later(ASSURANCE_VISITS.from, firstPossible);
      const to = earlier(ASSURANCE_VISITS.to, lastDay);
      if (daysBetween(from, to) >= 10) push({ kind: 'ASSURANCE', date: addDays(from, rng.int(0, daysBetween(from, to) - 5)) });
    }
  } else {
    // The first inspection of a new centre within 12 months (RFC-042), of a new agency 7 to 12 months after registration (ASA-040).
    const first = newHere
      ? family === 'RFC'
        ? addDays(p.registrationDate, rng.int(120, 350))
        : addDays(p.registrationDate, rng.int(215, 355))
      : addDays(windowStart, rng.int(0, 3 * 365));
    push({ kind: 'FULL', date: first, after: null });
  }

  const closedSoon = (date: LocalDate) => closedOn !== null && daysBetween(date, closedOn) < 270;
  const inYear = (date: LocalDate) => {
    const year = inspectionYearOf(date);
    return visits.filter((v) => v.row.feedback_date >= year.start && v.row.feedback_date <= year.end);
  };
  const judgedRoutine = (v: Visit) =>
    (v.row.type === InspectionType.FULL_INSPECTION || v.row.type === InspectionType.INTERIM_INSPECTION) &&
    v.record.kind !== JudgementKind.NO_JUDGEMENT;

  while (plan.length > 0) {
    const next = plan.shift()!;
    let date = next.date;
    // Nothing starts within a fortnight of the last visit; routine inspections keep two months apart.
    const minGap = next.kind === 'ROUTINE' ? ROUTINE_GAP_DAYS : next.kind === 'MONITORING' && next.fixed ? 7 : MIN_GAP_DAYS;
    if (lastEnd && daysBetween(lastEnd, date) < minGap) date = addDays(lastEnd, minGap);
    // Routine inspections wait for the end of the suspension (CA-053), within their year.
    if (next.kind === 'ROUTINE' && inSuspension(date)) date = addDays(ROUTINE_SUSPENSION.to, rng.int(1, 30));
    if (next.kind === 'FULL' && inSuspension(date)) {
      push({ ...next, date: addDays(ROUTINE_SUSPENSION.to, rng.int(1, 150)) });
      continue;
    }
    // Pushed out of its inspection year: the next year's plan takes over.
    if (next.kind === 'ROUTINE' && date > next.yearEnd) continue;
    // Pushed past what comes next: that goes first.
    if (date > next.date && plan.length > 0 && plan[0].date < date) {
      push({ ...next, date });
      continue;
    }
    date = workingDayFrom(date);
    if (date < p.registrationDate || date > lastDay) continue;

    let type: InspectionType;
    let noJudgement: NoJudgementReason | null = null;
    if (next.kind === 'ROUTINE') {
      const thisYear = inYear(date);
      const judged = visits.some(judgedRoutine);
      const fullThisYear = thisYear.some((v) => v.row.type === InspectionType.FULL_INSPECTION);
      if (thisYear.filter(judgedRoutine).length >= 2 && !reinspectionDue) continue; // twice this year already
      if (!judged && visits.length === 0 && newHere && rng.chance(0.2)) {
        type = InspectionType.INTERIM_INSPECTION; // no children yet: Annex G
        noJudgement = NoJudgementReason.NO_CHILDREN_SINCE_REGISTRATION;
      } else if (!judged || reinspectionDue || !fullThisYear) {
        type = InspectionType.FULL_INSPECTION;
      } else {
        type = InspectionType.INTERIM_INSPECTION;
        if (closedSoon(date) && rng.chance(0.3)) noJudgement = NoJudgementReason.CLOSED_NOT_TAKING_PLACEMENTS;
      }
    } else if (next.kind === 'FULL') {
      if (family === 'CH' && next.after !== reinspectionDue) continue; // the routine plan already re-inspected
      type = InspectionType.FULL_INSPECTION;
    } else if (next.kind === 'MONITORING') {
      type = InspectionType.MONITORING_VISIT;
    } else {
      type = InspectionType.ASSURANCE_VISIT;
    }

    // -- On site.
    const days =
      type === InspectionType.MONITORING_VISIT
        ? 1
        : type === InspectionType.ASSURANCE_VISIT
          ? 3
          : type === InspectionType.INTERIM_INSPECTION
            ? rng.int(1, 2)
            : rng.int(2, 3);
    const start = date;
    const end = wd(start, days - 1);
    if (end > lastDay || end > asOf) continue;
    const lead = pickInspector(rng, inspectors, lastLead);
    lastLead = [lead, ...lastLead].slice(0, 3);
    const id = rng.uuid();
    const row: InspectionRow = {
      id,
      provider_id: providerId,
      type,
      status: InspectionStatus.FIELDWORK_COMPLETE,
      scheduled_start: start,
      notice_given_on:
        type === InspectionType.ASSURANCE_VISIT
          ? start
          : family === 'ASA' && type === InspectionType.FULL_INSPECTION
            ? wd(start, -(p.singlePersonAgency ? 20 : 10))
            : null,
      notice_reason: null,
      on_site_start: start,
      on_site_end: end,
      feedback_date: end,
      lead_inspector: lead,
      team_inspectors: type === InspectionType.FULL_INSPECTION && rng.chance(0.4) ? [pickInspector(rng, inspectors, [lead])] : [],
      previous_inspection_id: null,
      quality_assurance_submitted_on: null,
      quality_assured_by: null,
      draft_sent_on: null,
      comments_returned_on: null,
      final_report_issued_on: null,
      published_on: null,
      report_overall_text: null,
      report_helped_and_protected_text: null,
      report_leaders_and_managers_text: null,
      report_summary_text: null,
      child_friendly_summary: null,
      placing_authorities: family === 'ASA' ? [] : placing,
      created_at: at(addDays(start, -rng.int(7, 40))),
    };
    // What the inspectors look into: the statement of purpose always, at a home's full and interim inspections (CH-040).
    const lines: [LineOfEnquirySource, string][] = [];
    if (type === InspectionType.FULL_INSPECTION || type === InspectionType.INTERIM_INSPECTION) {
      lines.push([LineOfEnquirySource.STATEMENT_OF_PURPOSE, 'Whether the care given matches the statement of purpose.']);
    }
    if (visits.length > 0)
      lines.push([LineOfEnquirySource.PREVIOUS_INSPECTION, 'Progress on the requirements and recommendations of the last visit.']);
    if (type === InspectionType.MONITORING_VISIT)
      lines.push([LineOfEnquirySource.OTHER, 'The actions the provider was told to take, and whether children are safe.']);
    if (rng.chance(0.2))
      lines.push([LineOfEnquirySource.NOTIFICATION, 'The response to the serious events notified since the last visit.']);
    lines.forEach(([source, text], i) =>
      out.linesOfEnquiry.push({
        id: rng.uuid(),
        inspection_id: id,
        source,
        position: i + 1,
        text,
        created_at: at(row.created_at.slice(0, 10), 60 + i),
      }),
    );
    const vacancyDays = currentVacancy(p.registrationDate, p.appointments, end)?.days ?? null;
    const manager = p.appointments.find((a) => a.startDate <= end && (a.endDate === null || a.endDate > end))?.name ?? null;
    const visitPeople = peopleFor(faker, rng, type, id, noJudgement !== null);
    const child = visitPeople.find((person) => person.role === PersonRole.CHILD) ?? null;
    const words = { setting: settingWordsToUse.name, street: settingWordsToUse.street, manager, child: child?.name ?? null };

    // -- Requirements and recommendations of earlier visits, checked at this one (CH-137).
    const checkedNotMet: RequirementRow[] = [];
    for (const r of out.requirements) {
      if (r.status !== ItemStatus.OPEN || r.due_date >= start) continue;
      const met = rng.chance(0.86);
      r.status = met ? ItemStatus.MET : ItemStatus.NOT_MET;
      r.checked_at_id = id;
      if (!met) checkedNotMet.push(r);
    }
    if (type !== InspectionType.MONITORING_VISIT && type !== InspectionType.ASSURANCE_VISIT) {
      for (const r of out.recommendations) {
        if (r.status !== ItemStatus.OPEN) continue;
        r.status = rng.chance(0.8) ? ItemStatus.MET : ItemStatus.NOT_MET;
        r.checked_at_id = id;
      }
    }

    // -- The outcome.
    const record: JudgementRow = emptyJudgement(rng.uuid(), id, at(end, 3600));
    let grade: Grade | null = null;
    let requirementCount = 0;
    let recommendationCount = 0;
    let firstOverallText: string | null = null;
    if (type === InspectionType.FULL_INSPECTION) {
      const forced = inadequateFrom !== null && start >= inadequateFrom && start < p.statusDate;
      const drawn = forced ? Grade.INADEQUATE : rng.weighted(currentGrade ? NEXT[currentGrade] : FIRST);
      const j = fullJudgements(rng, family, drawn, vacancyDays);
      const problems = validateFullJudgements(p.settingType, j, { vacancyDays, vacancyReason: j.vacancyReason });
      if (problems.length > 0) throw new Error(`synthetic full judgements broke ${problems[0].ruleId}`);
      Object.assign(record, {
        kind: JudgementKind.FULL_INSPECTION,
        overall_experiences_and_progress: j.overallExperiencesAndProgress,
        helped_and_protected: j.helpedAndProtected,
        leaders_and_managers: j.leadersAndManagers,
        vacancy_reason: j.vacancyReason,
        manager_vacancy_days: vacancyDays,
      });
      grade = j.overallExperiencesAndProgress;
      row.report_overall_text = paragraph(rng, OVERALL[bandOf(grade)], words, true);
      row.report_helped_and_protected_text = paragraph(rng, PROTECTION[bandOf(j.helpedAndProtected)], words, false);
      row.report_leaders_and_managers_text = leadershipParagraph(rng, LEADERSHIP[bandOf(j.leadersAndManagers)], words, vacancyDays);
      if (family === 'CH') row.child_friendly_summary = friendlySummary(rng, grade, words);
      requirementCount = { HIGH: 0, GOOD: rng.chance(0.3) ? 1 : 0, LOW: rng.int(1, 3), POOR: rng.int(2, 5) }[bandOf(grade)];
      recommendationCount = { HIGH: rng.int(0, 1), GOOD: rng.int(1, 3), LOW: rng.int(1, 3), POOR: rng.int(0, 2) }[bandOf(grade)];
      currentGrade = grade;
      reinspectionDue = null;
    } else if (type === InspectionType.INTERIM_INSPECTION && noJudgement) {
      const details = {
        reason: noJudgement,
        registrationDate: p.registrationDate,
        closedFor:
          noJudgement === NoJudgementReason.CLOSED_NOT_TAKING_PLACEMENTS ? rng.pick(['two months', 'three months', 'six months']) : null,
        notOperationalFor:
          noJudgement === NoJudgementReason.CLOSED_NOT_TAKING_PLACEMENTS
            ? rng.pick(['at least six months', 'the foreseeable future'])
            : null,
        inspectorText:
          noJudgement === NoJudgementReason.NO_CHILDREN_SINCE_REGISTRATION
            ? 'Staff have been recruited and trained, and the home is ready to welcome children.'
            : null,
      };
      const problems = validateNoJudgement(details, { earlierInspections: visits.length });
      if (problems.length > 0) throw new Error(`synthetic no-judgement interim broke ${problems[0].ruleId}`);
      Object.assign(record, {
        kind: JudgementKind.NO_JUDGEMENT,
        no_judgement_reason: noJudgement,
        statement: noJudgementStatement(details),
      });
    } else if (type === InspectionType.INTERIM_INSPECTION) {
      const previous = [...visits].reverse().find((v) => judgedRoutine(v) && v.row.feedback_date <= start);
      const longVacancy = vacancyDays !== null && vacancyDays >= VACANCY_THRESHOLD_DAYS;
      const outcome = longVacancy ? InterimOutcome.DECLINED_IN_EFFECTIVENESS : rng.weighted(interimOdds(currentGrade));
      const problems = validateInterimJudgement(outcome, { previousInspectionId: previous?.row.id ?? null, vacancyDays });
      if (problems.length > 0) throw new Error(`synthetic interim broke ${problems[0].ruleId}`);
      row.previous_inspection_id = previous!.row.id;
      const declined = outcome === InterimOutcome.DECLINED_IN_EFFECTIVENESS;
      Object.assign(record, {
        kind: JudgementKind.INTERIM,
        interim_outcome: outcome,
        decline_suggests_serious_concerns: declined ? rng.chance(0.12) : null,
        manager_vacancy_days: vacancyDays,
      });
      row.report_summary_text = paragraph(rng, INTERIM_WORDS[outcome], words, rng.chance(0.5));
      requirementCount = declined ? rng.int(1, 3) : outcome === InterimOutcome.SUSTAINED_EFFECTIVENESS && rng.chance(0.25) ? 1 : 0;
      recommendationCount = rng.int(0, 2);
    } else if (type === InspectionType.MONITORING_VISIT) {
      // A new judgement only after an inadequate one, with every requirement met in full (CH-184) and every condition (CH-187).
      let newGrade: Grade | null = null;
      if (currentGrade === Grade.INADEQUATE && next.kind === 'MONITORING' && next.reason === 'INADEQUATE' && rng.chance(0.25)) {
        const candidates = out.requirements.filter((r) => r.status === ItemStatus.OPEN);
        const stillNotMet = out.requirements.filter((r) => r.status === ItemStatus.NOT_MET).length;
        if (stillNotMet === 0) {
          for (const r of candidates) Object.assign(r, { status: ItemStatus.MET, checked_at_id: id });
          newGrade = rng.chance(0.7) ? Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD : Grade.GOOD;
        }
      }
      const conditions: NewJudgementConditions | null = newGrade
        ? {
            situationMadeSafe: true,
            leadersActingAppropriately: true,
            rimAgreesConcernsDiscrete: true,
            wouldOtherwiseHaveHigherJudgement: true,
            goodTrackRecordNoLeadershipOrProtectionConcerns: true,
            canBeRectifiedQuickly: true,
          }
        : null;
      const rationale = newGrade
        ? 'The concerns were discrete, have been put right in full, and the home would otherwise have had a higher judgement.'
        : null;
      if (newGrade) {
        const openRequirements = out.requirements.filter((r) => r.status !== ItemStatus.MET).length;
        const problems = validateMonitoringNewJudgement(newGrade, conditions, rationale, {
          settingType: p.settingType,
          currentGrade,
          openRequirements,
        });
        if (problems.length > 0) throw new Error(`synthetic monitoring judgement broke ${problems[0].ruleId}`);
      }
      const summary =
        next.kind === 'MONITORING' && next.reason === 'NOTICE'
          ? paragraph(rng, MONITORING_WORDS.followUp, words, false)
          : paragraph(rng, newGrade ? MONITORING_WORDS.improved : MONITORING_WORDS.remains, words, rng.chance(0.4));
      Object.assign(record, {
        kind: JudgementKind.MONITORING_VISIT,
        progress_summary: newGrade
          ? 'The requirements have been met in full and children are safe.'
          : 'Progress has been made, but not enough to change the judgement.',
        new_overall_grade: newGrade,
        conditions,
        rationale,
      });
      row.report_summary_text = summary;
      if (newGrade) {
        grade = newGrade;
        currentGrade = newGrade;
        reinspectionDue = null;
      } else {
        requirementCount = currentGrade === Grade.INADEQUATE ? rng.int(0, 2) : 0;
      }
    } else {
      const serious = rng.chance(0.1);
      Object.assign(record, {
        kind: JudgementKind.ASSURANCE_VISIT,
        serious_or_widespread_concerns: serious,
        concerns: serious ? 'Children have spent long periods alone in their rooms, and the reasons are not recorded.' : null,
      });
      row.report_summary_text = paragraph(rng, serious ? ASSURANCE_WORDS.concerns : ASSURANCE_WORDS.fine, words, true);
      row.child_friendly_summary = friendlySummary(rng, serious ? Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD : Grade.GOOD, words);
      if (serious) push({ kind: 'MONITORING', date: addDays(end, rng.int(42, 56)), fixed: true, reason: 'CONCERNS' });
    }

    // -- Evidence, and what it backs.
    const evidence = evidenceFor(rng, p.settingType, id, end, visitPeople, requirementCount + recommendationCount, type);
    out.protectedPeople.push(...visitPeople);
    out.evidence.push(...evidence.rows);
    out.evidencePeople.push(...evidence.people);
    const weaknesses = evidence.rows.filter((e) => e.finding === Finding.WEAKNESS);
    for (let i = 0; i < requirementCount; i++) {
      const requirement: RequirementRow = {
        id: rng.uuid(),
        inspection_id: id,
        regulation: rng.pick(REGULATIONS[family]),
        action: withName(rng, rng.pick(REQUIREMENT_ACTIONS), child?.name ?? null, 0.25),
        due_date: addDays(start, rng.int(14, 90)),
        impact_statement: rng.pick(IMPACT),
        status: ItemStatus.OPEN,
        checked_at_id: null,
        created_at: at(end, 7200 + i),
      };
      out.requirements.push(requirement);
      for (const e of linkedWeaknesses(rng, weaknesses, family))
        out.requirementEvidence.push({ requirement_id: requirement.id, evidence_id: e.id });
    }
    for (let i = 0; i < recommendationCount; i++) {
      const recommendation: RecommendationRow = {
        id: rng.uuid(),
        inspection_id: id,
        reference: referenceFor(rng, family),
        guidance_summary: family === 'ASA' ? 'The agency has clear procedures for the support it gives, and staff follow them.' : null,
        action: rng.pick(RECOMMENDATION_ACTIONS),
        status: ItemStatus.OPEN,
        checked_at_id: null,
        created_at: at(end, 7300 + i),
      };
      out.recommendations.push(recommendation);
      out.recommendationEvidence.push({ recommendation_id: recommendation.id, evidence_id: rng.pick(weaknesses).id });
    }

    // -- Enforcement: compliance notices (CH-139, CH-140) and their follow-up visits (CH-198).
    if (grade === Grade.INADEQUATE && type === InspectionType.FULL_INSPECTION) {
      // Some inspection activity within six to eight weeks (CH-179); the notice's actions fall due just before it.
      const visitOn = workingDayFrom(addDays(end, family === 'CH' ? rng.int(42, 51) : rng.int(42, 70)));
      push({ kind: 'MONITORING', date: visitOn, fixed: true, reason: 'INADEQUATE' });
      if (rng.chance(0.6))
        serveNotice(out, rng, family, id, end, ComplianceNoticeGround.PROMOTE_WELFARE_OR_RISK_OF_HARM, wd(visitOn, -rng.int(1, 3)), asOf);
      if (family === 'CH') {
        reinspectionDue = id;
        // Re-inspected within 16 weeks of the monitoring visit (CH-189), unless a routine inspection comes first.
        push({ kind: 'FULL', date: addDays(visitOn, rng.int(35, 105)), after: id });
      } else {
        push({ kind: 'FULL', date: addDays(end, rng.int(183, 355)), after: id });
      }
    } else if (checkedNotMet.length > 0 && rng.chance(0.35)) {
      const completion = workingDayFrom(addDays(end, rng.int(28, 42)));
      serveNotice(out, rng, family, id, end, ComplianceNoticeGround.FAILED_TO_MEET_A_REQUIREMENT, completion, asOf);
      push({ kind: 'MONITORING', date: wd(completion, rng.int(1, 4)), fixed: true, reason: 'NOTICE' });
    }
    if (family !== 'CH' && type === InspectionType.FULL_INSPECTION && grade !== Grade.INADEQUATE) {
      if (grade === Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD) {
        push({ kind: 'FULL', date: addDays(end, rng.int(365, 540)), after: null });
      } else {
        // The next in the three-year cycle that starts on the 1 April after this inspection's year (RFC-040, ASA-037).
        const cycleStart = addDays(inspectionYearOf(end).end, 1);
        push({ kind: 'FULL', date: addDays(cycleStart, rng.int(150, 3 * 365 - 30)), after: null });
      }
    } else if (family !== 'CH' && type === InspectionType.MONITORING_VISIT && grade !== null) {
      // A new judgement at the monitoring visit: the full inspection follows the usual window for it.
      const planned = plan.findIndex((item) => item.kind === 'FULL');
      if (planned >= 0) plan[planned] = { kind: 'FULL', date: addDays(end, rng.int(365, 500)), after: null };
    }

    // -- Case reviews and who is told (CH-175, CHA-064, CA-082, CHA-194; CHA-078, CA-084).
    const facts: OutcomeFacts = {
      type,
      settingType: p.settingType,
      endOfInspection: end,
      overall: record.overall_experiences_and_progress,
      interimOutcome: record.interim_outcome,
      declineSuggestsSeriousConcerns: record.decline_suggests_serious_concerns ?? false,
      seriousOrWidespreadConcerns: record.serious_or_widespread_concerns,
      managerVacancyDays: record.manager_vacancy_days,
    };
    const openings = caseReviewsOpenedBy(facts);
    for (const opening of openings)
      out.caseReviews.push(
        caseReview(
          rng,
          opening,
          providerId,
          id,
          end,
          family,
          rims,
          asOf,
          out.notices.some((n) => n.inspection_id === id),
        ),
      );
    const tasks = notificationsDue(facts, openings, { host: p.localAuthority, placing: row.placing_authorities }).map((task) => ({
      id: rng.uuid(),
      inspection_id: id,
      recipient: task.recipient,
      local_authority: task.localAuthority,
      rule_id: task.ruleId,
      due_by: task.dueBy,
      done_on: task.dueBy <= asOf ? task.dueBy : null,
    }));
    out.notificationTasks.push(...tasks);
    const addressed = tasks.filter((t) => t.local_authority !== null);
    if (addressed.length > 0) {
      out.feed.push({
        kind: 'NOTIFICATION',
        on: end,
        urn: p.urn,
        providerId,
        inspectionId: id,
        triggers: openings.map((o) => o.trigger),
        taskIds: addressed.map((t) => t.id),
      });
    }

    // -- The report's way to publication, on its timetable; where it stands on the as-of date.
    lastPublication = pipeline(rng, row, family, rims, asOf, lastPublication);
    if (rng.chance(0.05) && row.report_overall_text) firstOverallText = withTypo(row.report_overall_text);
    out.inspections.push(row);
    out.judgements.push(record);
    visits.push({ row, record, people: visitPeople, grade, firstOverallText });
    lastEnd = end;
  }

  for (const notice of out.notices) out.feed.push({ kind: 'NOTICE', on: notice.served_on, urn: p.urn, providerId, noticeId: notice.id });
  publish(base, rng, p, providerId, registered, area, visits, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Publication: the public report of each published inspection, as publication.service builds
// it from the records (sourceOf), through buildPublicReport; versions and amendments.

function publish(
  base: HistoryBase,
  rng: Rng,
  p: SyntheticProvider,
  providerId: string,
  registered: SyntheticRegister['registeredProviders'][number],
  area: { localAuthorityCode: string; localAuthorityName: string; regionCode: string; regionName: string },
  visits: Visit[],
  out: SettingHistory,
): void {
  const published = visits.filter((v) => v.row.status === InspectionStatus.PUBLISHED);
  const routine = (v: Visit) => v.row.type === InspectionType.FULL_INSPECTION || v.row.type === InspectionType.INTERIM_INSPECTION;
  const individual = registered.kind === RegisteredProviderKind.INDIVIDUAL ? [{ name: registered.name, role: PersonRole.OTHER }] : [];

  /**
   * Everyone named in the setting's records (peopleOf): its inspections' protected registers, its
   * managers, an individual provider. Every version is redacted against the records as they stand
   * on the as-of date, as the pipeline would redact it then (an amendment, a draft): never fewer
   * names than were known when it was first published. One list for all of a setting's versions
   * also lets the redactor's patterns be compiled once per setting.
   */
  const people: NamedPerson[] = [
    ...visits.flatMap((v) => v.people.map((x) => ({ name: x.name, initials: x.initials, role: x.role }))),
    ...p.appointments.map((a) => ({ name: a.name, role: PersonRole.STAFF_MEMBER })),
    ...individual,
  ];
  const summary = (v: Visit): InspectionSummarySource => ({
    type: v.row.type,
    end: v.row.feedback_date,
    outcome: judgementOutcome({
      kind: v.record.kind,
      overallExperiencesAndProgress: v.record.overall_experiences_and_progress,
      interimOutcome: v.record.interim_outcome,
      newOverallGrade: v.record.new_overall_grade,
      seriousOrWidespreadConcerns: v.record.serious_or_widespread_concerns,
    }),
  });

  const sourceOf = (v: Visit, amendmentReason: string | null, overallText: string | null): ReportSource => {
    // The last four full or interim inspections before this one (monitoring visits left out).
    const history = published
      .filter((e) => e !== v && routine(e) && e.row.feedback_date < v.row.feedback_date)
      .sort((a, b) =>
        a.row.feedback_date > b.row.feedback_date ? -1 : a.row.feedback_date < b.row.feedback_date ? 1 : a.row.id > b.row.id ? -1 : 1,
      )
      .slice(0, 4);
    const last = history[0];
    const notices = out.notices
      .filter((n) => n.served_on > (last?.row.feedback_date ?? '0001-01-01') && n.served_on <= v.row.feedback_date)
      .sort((a, b) => (a.served_on < b.served_on ? -1 : a.served_on > b.served_on ? 1 : 0));
    const sections: ReportSource['sections'] = [];
    const section = (heading: PublicText, text: string | null) => {
      if (text?.trim()) sections.push({ heading, text: text.trim() });
    };
    section(SECTION.overall, overallText);
    section(SECTION.helped, v.row.report_helped_and_protected_text);
    section(SECTION.leaders, v.row.report_leaders_and_managers_text);
    section(SECTION.findings, v.row.report_summary_text);
    const byCreation = <T extends { created_at: string; id: string }>(rows: T[]) =>
      rows
        .filter((r) => (r as unknown as { inspection_id: string }).inspection_id === v.row.id)
        .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : 1));
    return {
      urn: p.urn,
      settingType: p.settingType,
      settingName: p.name,
      address: p.address,
      area,
      registeredProvider: { kind: registered.kind, name: registered.name, address: registered.address },
      responsibleIndividual: p.responsibleIndividualName,
      people,
      settingLabel: SETTING_TYPES[p.settingType].label,
      places: p.places,
      amendmentReason,
      inspectionType: v.row.type,
      inspectionStart: v.row.on_site_start,
      inspectionEnd: v.row.feedback_date,
      judgements: {
        kind: v.record.kind,
        overallExperiencesAndProgress: v.record.overall_experiences_and_progress,
        helpedAndProtected: v.record.helped_and_protected,
        leadersAndManagers: v.record.leaders_and_managers,
        interimOutcome: v.record.interim_outcome,
        seriousOrWidespreadConcerns: v.record.serious_or_widespread_concerns,
        newOverallGrade: v.record.new_overall_grade,
        statement: v.record.statement,
      },
      sections,
      childFriendlySummary: v.row.child_friendly_summary,
      requirements: byCreation(out.requirements).map((r) => ({ regulation: r.regulation, action: r.action, dueDate: r.due_date })),
      recommendations: byCreation(out.recommendations).map((r) => ({ reference: r.reference, action: r.action })),
      lastInspection: last ? summary(last) : null,
      history: history.map(summary),
      enforcementSinceLastInspection: notices.map((n) => ({ action: 'COMPLIANCE_NOTICE' as const, date: n.served_on })),
    };
  };

  for (const [i, v] of published.entries()) {
    const day = v.row.published_on!;
    const nextPublication = published[i + 1]?.row.published_on ?? null;
    // An amendment now and then, while the report is still the setting's latest (so its public report stays the newest).
    const amendments: { on: LocalDate; reason: string; typo: boolean }[] = [];
    const amendOn = addDays(day, rng.int(3, 40));
    const room = amendOn <= base.asOf && (nextPublication === null || amendOn < nextPublication);
    if (room && (v.firstOverallText !== null || rng.chance(0.025))) {
      const kind = v.firstOverallText !== null ? AMENDMENT_REASONS[0] : rng.pick(AMENDMENT_REASONS.slice(1));
      const child = v.people.find((x) => x.role === PersonRole.CHILD)?.name ?? null;
      const manager =
        p.appointments.find((a) => a.startDate <= v.row.feedback_date && (a.endDate === null || a.endDate > v.row.feedback_date))?.name ??
        null;
      amendments.push({ on: amendOn, reason: kind.reason({ child, manager }), typo: kind.typo });
    }
    const firstText = amendments.length > 0 && v.firstOverallText !== null ? v.firstOverallText : v.row.report_overall_text;
    const firstId = rng.uuid();
    const versions: PublishedVersionEntry[] = [];
    const rows: PublishedReportRow[] = [];
    const add = (on: LocalDate, reason: string | null, overallText: string | null) => {
      const content = buildPublicReport(sourceOf(v, reason, overallText));
      const version = rows.length + 1;
      versions.push({ version, publishedOn: on, amendmentReason: content.amendmentReason ?? null });
      rows.push({
        id: version === 1 ? firstId : rng.uuid(),
        inspection_id: v.row.id,
        version,
        public_id: firstId,
        current: true,
        urn: p.urn,
        setting_type: p.settingType,
        inspection_type: v.row.type,
        local_authority: area.localAuthorityCode,
        region: area.regionCode,
        published_on: on,
        amendment_reason: reason,
        content,
        versions: [...versions],
        created_at: at(on, 36_000 + version),
      });
    };
    add(day, null, firstText);
    for (const a of amendments) add(a.on, a.reason, v.row.report_overall_text);
    for (const r of rows.slice(0, -1)) r.current = false;
    out.publishedReports.push(...rows);
    for (const r of rows)
      out.feed.push({ kind: r.version === 1 ? 'PUBLISHED' : 'AMENDED', on: r.published_on, urn: p.urn, providerId, reportId: r.id });
  }
}

// ---------------------------------------------------------------------------------------------
// Pieces

function personFaker(seed: number, index: number): Faker {
  personFakerInstance.seed([seed, index, 0x9e3]);
  return personFakerInstance;
}
const personFakerInstance = new Faker({ locale: [en_GB, en] });

function pickInspector(rng: Rng, inspectors: readonly string[], avoid: readonly string[]): string {
  // The same inspector does not lead a fourth consecutive inspection of a setting (RFC-044).
  for (let i = 0; i < 10; i++) {
    const candidate = rng.pick(inspectors);
    if (!avoid.includes(candidate)) return candidate;
  }
  return inspectors.find((name) => !avoid.includes(name)) ?? inspectors[0];
}

function streetOf(line1: string): string | null {
  const street = line1.replace(/^\d+[a-z]?\s+/i, '').trim();
  return street && street !== line1 ? street : null;
}

function emptyJudgement(id: string, inspectionId: string, recordedAt: string): JudgementRow {
  return {
    id,
    inspection_id: inspectionId,
    version: 1,
    kind: JudgementKind.FULL_INSPECTION,
    overall_experiences_and_progress: null,
    helped_and_protected: null,
    leaders_and_managers: null,
    interim_outcome: null,
    decline_suggests_serious_concerns: null,
    no_judgement_reason: null,
    statement: null,
    serious_or_widespread_concerns: null,
    concerns: null,
    progress_summary: null,
    new_overall_grade: null,
    conditions: null,
    rationale: null,
    vacancy_reason: null,
    manager_vacancy_days: null,
    change_reason: null,
    recorded_at: recordedAt,
  };
}

/** The three full-inspection judgements from the overall grade drawn, within the rules (CH-155, CH-157, CHA-195; RFC-025, ASA-022). */
function fullJudgements(rng: Rng, family: Family, drawn: Grade, vacancyDays: number | null) {
  let overall = drawn;
  let helped = drawn;
  let leaders = drawn;
  if (drawn === Grade.INADEQUATE) {
    helped = rng.chance(0.7) ? Grade.INADEQUATE : Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD;
    leaders = rng.chance(0.6) ? Grade.INADEQUATE : Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD;
  } else if (drawn === Grade.GOOD && rng.chance(0.15)) {
    leaders = rng.chance(0.5) ? Grade.OUTSTANDING : Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD;
  }
  let vacancyReason: string | null = null;
  if (vacancyDays !== null && vacancyDays >= VACANCY_THRESHOLD_DAYS) {
    if (family === 'CH') {
      // A vacancy of 26 weeks or more: leaders and managers inadequate, so overall no better than requires improvement.
      leaders = Grade.INADEQUATE;
      if (RANK[overall] > RANK[Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD]) overall = Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD;
      if (RANK[helped] > RANK[overall]) helped = overall;
    } else if (leaders !== Grade.INADEQUATE) {
      vacancyReason = 'A new manager has been appointed and starts shortly; the acting manager has kept the service effective.';
    }
  }
  return { overallExperiencesAndProgress: overall, helpedAndProtected: helped, leadersAndManagers: leaders, vacancyReason };
}

function interimOdds(current: Grade | null): readonly (readonly [InterimOutcome, number])[] {
  const { IMPROVED_EFFECTIVENESS: up, SUSTAINED_EFFECTIVENESS: same, DECLINED_IN_EFFECTIVENESS: down } = InterimOutcome;
  switch (current) {
    case Grade.OUTSTANDING:
      return [
        [up, 2],
        [same, 82],
        [down, 16],
      ];
    case Grade.REQUIRES_IMPROVEMENT_TO_BE_GOOD:
      return [
        [up, 38],
        [same, 44],
        [down, 18],
      ];
    case Grade.INADEQUATE:
      return [
        [up, 45],
        [same, 30],
        [down, 25],
      ];
    default:
      return [
        [up, 12],
        [same, 75],
        [down, 13],
      ];
  }
}

interface Words {
  setting: string;
  street: string | null;
  manager: string | null;
  child: string | null;
}

/** Two to four sentences from the bank; sometimes with a child's words or the setting named, as inspectors write. */
function paragraph(rng: Rng, bank: readonly string[], words: Words, personal: boolean): string {
  const sentences = rng.some(bank, rng.int(2, Math.min(4, bank.length)));
  if (personal && words.child && rng.chance(0.6)) {
    const first = words.child.split(' ')[0];
    sentences.splice(1, 0, rng.pick(CHILD_SENTENCES)(rng.chance(0.5) ? first : words.child, words.setting));
  }
  if (personal && words.street && rng.chance(0.2))
    sentences.push(`Children walk from the home on ${words.street} to the shops and the park.`);
  return sentences.join(' ');
}

function leadershipParagraph(rng: Rng, bank: readonly string[], words: Words, vacancyDays: number | null): string {
  const sentences = rng.some(bank, rng.int(2, Math.min(3, bank.length)));
  if (vacancyDays !== null && vacancyDays > 0)
    sentences.unshift(`There has been no registered manager for ${Math.max(1, Math.floor(vacancyDays / 7))} weeks.`);
  else if (words.manager && rng.chance(0.5))
    sentences.unshift(`The registered manager, ${words.manager}, has been in post since before the last inspection.`);
  return sentences.join(' ');
}

function friendlySummary(rng: Rng, grade: Grade, words: Words): string {
  const opening = words.child ? `${rng.pick(FRIENDLY_OPENINGS)} ${words.child.split(' ')[0]},` : 'Dear young people,';
  const body =
    RANK[grade] >= RANK[Grade.GOOD]
      ? 'We visited your home and talked with you and the adults who look after you. You told us that you feel safe and that adults help you.'
      : 'We visited your home and talked with you and the adults who look after you. Some things need to get better, and we have told the adults what they must do.';
  return `${opening}\n${body} Thank you for talking to us.`;
}

function withName(rng: Rng, text: string, name: string | null, p: number): string {
  if (!name || !rng.chance(p)) return text;
  return `${text.replace(/\.$/, '')}, including for ${name}.`;
}

/** The text with a typing error an amendment will correct, or null where there is none to make. */
function withTypo(text: string): string | null {
  const at = text.indexOf('children');
  return at >= 0 ? `${text.slice(0, at)}childen${text.slice(at + 'children'.length)}` : null;
}

function referenceFor(rng: Rng, family: Family): string {
  if (family === 'CH')
    return `Guide to the Children's Homes Regulations, page ${rng.int(8, 62)}, paragraph ${rng.int(2, 15)}.${rng.int(1, 12)}`;
  if (family === 'RFC') return `Residential family centres national minimum standards, standard ${rng.int(1, 25)}.${rng.int(1, 8)}`;
  return `Adoption support agencies national minimum standards, standard ${rng.int(1, 28)}.${rng.int(1, 8)}`;
}

const CHILD_ROLES = ['child living at the home', 'young person', 'child'];
const OTHER_ROLES: Record<string, string[]> = {
  PARENTS_AND_CARERS: ['parent', 'foster carer'],
  STAFF: ['residential support worker', 'key worker', 'night care worker'],
  MANAGERS: ['registered manager', 'deputy manager', 'responsible individual'],
  OTHER_PROFESSIONALS: ["child's social worker", 'independent reviewing officer', 'teacher'],
};

/** The protected register of a visit: the children (and sometimes a parent) its evidence is about. */
function peopleFor(faker: Faker, rng: Rng, type: InspectionType, inspectionId: string, noJudgement: boolean): ProtectedPersonRow[] {
  if (noJudgement) return [];
  // Only the people the evidence is about go on the register: usually one child at a full inspection, fewer at other visits.
  const children =
    type === InspectionType.MONITORING_VISIT
      ? Number(rng.chance(0.15))
      : type === InspectionType.INTERIM_INSPECTION
        ? Number(rng.chance(0.3))
        : rng.weighted([
            [0, 15],
            [1, 65],
            [2, 20],
          ] as const);
  const people: ProtectedPersonRow[] = [];
  for (let i = 0; i < children; i++) {
    const name = faker.person.fullName();
    people.push({ id: rng.uuid(), inspection_id: inspectionId, name, initials: initialsOf(name), role: PersonRole.CHILD });
  }
  if (children > 0 && rng.chance(0.1)) {
    const name = faker.person.fullName();
    people.push({ id: rng.uuid(), inspection_id: inspectionId, name, initials: initialsOf(name), role: PersonRole.FAMILY_MEMBER });
  }
  return people;
}

const AREAS = [JudgementArea.OVERALL_EXPERIENCES_AND_PROGRESS, JudgementArea.HELPED_AND_PROTECTED, JudgementArea.LEADERS_AND_MANAGERS];

/**
 * The evidence of a visit (never public): strengths and weaknesses from several sources, people
 * named by initials only (CH-142), enough weaknesses from more than one source to back what the
 * visit requires and recommends (CH-127, RFC-031, ASA-029, CHA-041).
 */
function evidenceFor(
  rng: Rng,
  settingType: SettingType,
  inspectionId: string,
  day: LocalDate,
  people: readonly ProtectedPersonRow[],
  backs: number,
  type: InspectionType,
): { rows: EvidenceRow[]; people: EvidencePersonRow[] } {
  const rows: EvidenceRow[] = [];
  const links: EvidencePersonRow[] = [];
  const sources = Object.values(EvidenceSource);
  const count = type === InspectionType.MONITORING_VISIT ? rng.int(1, 3) : rng.int(3, 6);
  const weaknesses = backs > 0 ? Math.max(2, Math.min(count, backs)) : rng.int(0, 1);
  const total = Math.max(count, weaknesses);
  const children = people.filter((x) => x.role === PersonRole.CHILD);
  for (let i = 0; i < total; i++) {
    const weakness = i < weaknesses;
    // The first two weaknesses come from different sources, so anything they back is triangulated.
    let source = rng.pick(sources);
    if (weakness && i === 1 && rows[0] && rows[0].source === source) source = sources[(sources.indexOf(source) + 1) % sources.length];
    const area = rng.pick(AREAS);
    const criteria = evaluationCriteria(settingType, area);
    const about = source === EvidenceSource.CHILDREN && children.length > 0 ? rng.pick(children) : null;
    const narrative = weakness
      ? about
        ? `${about.initials} said that they did not know who to talk to when they were worried.`
        : rng.pick([
            'Records of incidents are incomplete and not reviewed by managers.',
            'Two staff files did not contain full employment histories.',
            'Risk assessments were out of date.',
          ])
      : about
        ? `${about.initials} described their plans for college with enthusiasm.`
        : rng.pick([
            'Staff described the children\u2019s needs accurately.',
            'Care plans are detailed and up to date.',
            'The home is clean, warm and homely.',
          ]);
    const interview = INTERVIEW_SOURCES.has(source);
    const row: EvidenceRow = {
      id: rng.uuid(),
      inspection_id: inspectionId,
      source,
      judgement_area: area,
      evaluation_criterion: criteria.length ? rng.pick(criteria).code : null,
      finding: weakness ? Finding.WEAKNESS : Finding.STRENGTH,
      narrative,
      interview_time: interview ? `${String(rng.int(9, 19)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}` : null,
      interviewee_role: interview
        ? source === EvidenceSource.CHILDREN
          ? rng.pick(CHILD_ROLES)
          : rng.pick(OTHER_ROLES[source] ?? ['staff member'])
        : null,
      identification_justification: about
        ? 'The child is identified so that the concern can be followed up with the placing authority.'
        : null,
      recorded_at: at(day, 600 + i),
    };
    rows.push(row);
    if (about) links.push({ evidence_id: row.id, protected_person_id: about.id });
  }
  return { rows, people: links };
}

function linkedWeaknesses(rng: Rng, weaknesses: readonly EvidenceRow[], family: Family): EvidenceRow[] {
  if (weaknesses.length <= 1) return [...weaknesses];
  // Family centres and adoption support agencies need more than one source (RFC-031, ASA-029): the first two differ.
  if (family !== 'CH') return [weaknesses[0], weaknesses[1], ...rng.some(weaknesses.slice(2), rng.int(0, 1))];
  return rng.some(weaknesses, rng.int(1, Math.min(3, weaknesses.length)));
}

function serveNotice(
  out: SettingHistory,
  rng: Rng,
  family: Family,
  inspectionId: string,
  end: LocalDate,
  ground: ComplianceNoticeGround,
  completion: LocalDate,
  asOf: LocalDate,
): void {
  const servedOn = wd(end, rng.int(1, 4));
  if (servedOn > asOf || completion <= servedOn) return;
  const id = rng.uuid();
  out.notices.push({ id, inspection_id: inspectionId, ground, served_on: servedOn, created_at: at(servedOn) });
  const actions = rng.int(1, 3);
  for (let i = 0; i < actions; i++) {
    out.noticeActions.push({
      id: rng.uuid(),
      notice_id: id,
      position: i + 1,
      regulation: rng.pick(REGULATIONS[family]),
      action: rng.pick(REQUIREMENT_ACTIONS),
      completion_date: completion,
    });
  }
}

function caseReview(
  rng: Rng,
  opening: CaseReviewOpening,
  providerId: string,
  inspectionId: string,
  end: LocalDate,
  family: Family,
  rims: readonly string[],
  asOf: LocalDate,
  noticeServed: boolean,
): CaseReviewRow {
  const heldOn = earlier(opening.dueBy, wd(end, rng.int(0, 4)));
  const held = heldOn <= asOf;
  const chosen =
    opening.trigger === CaseReviewTrigger.LONG_MANAGER_VACANCY
      ? EnforcementOption.NO_ENFORCEMENT_ACTION
      : opening.trigger === CaseReviewTrigger.INTERIM_DECLINE_WITH_SERIOUS_CONCERNS
        ? EnforcementOption.BRING_INSPECTION_FORWARD
        : noticeServed
          ? EnforcementOption.COMPLIANCE_NOTICE
          : EnforcementOption.MONITORING_VISITS;
  // Children's homes' case reviews consider every enforcement option (CH-177); the others, those that fit.
  const considered =
    family === 'CH'
      ? Object.values(EnforcementOption)
      : [...new Set([EnforcementOption.NO_ENFORCEMENT_ACTION, EnforcementOption.MONITORING_VISITS, chosen])];
  return {
    id: rng.uuid(),
    provider_id: providerId,
    inspection_id: inspectionId,
    trigger: opening.trigger,
    rule_id: opening.ruleId,
    urgent: opening.urgent,
    opened_on: end,
    due_by: opening.dueBy,
    held_on: held ? heldOn : null,
    options_considered: held
      ? considered.map((option) => ({ option, rejectedBecause: option === chosen ? null : 'Not proportionate to the concerns found' }))
      : null,
    chosen_option: held ? chosen : null,
    decision_reason: held ? 'The option most likely to secure the improvements children need, quickly.' : null,
    decided_by: held ? rng.pick(rims) : null,
  };
}

/**
 * The report's way from feedback to publication in working days, within its timetable
 * (report-deadlines.ts): draft to quality assurance, draft to the provider, comments back, final
 * report, publication. Publications of one setting follow each other, a day apart at least, so
 * its newest report is always the last published. Dates after the as-of date are not reached:
 * the inspection stands where it is then. Returns the day it is (or will be) published.
 */
function pipeline(
  rng: Rng,
  row: InspectionRow,
  family: Family,
  rims: readonly string[],
  asOf: LocalDate,
  previousPublication: LocalDate | null,
): LocalDate {
  const end = row.feedback_date;
  let qa: number, draft: number, comments: number, final: number, published: number;
  if (row.type === InspectionType.ASSURANCE_VISIT) {
    qa = rng.int(1, 4);
    draft = rng.int(qa + 4, 18);
    comments = draft + rng.int(2, 5);
    final = rng.int(comments + 1, 30);
    published = rng.int(final + 6, 38); // after the complaint window (CA-077)
  } else if (family === 'CH' && row.type === InspectionType.MONITORING_VISIT) {
    qa = 1;
    draft = rng.int(2, 5);
    comments = draft + rng.int(1, 3);
    final = comments + 1;
    published = rng.int(final + 1, 10); // CH-037
  } else if (family === 'CH') {
    qa = rng.int(1, 3);
    draft = rng.int(qa + 3, 10);
    comments = draft + rng.int(2, 5);
    final = comments + rng.int(1, 3);
    published = rng.int(final + 1, 25);
  } else {
    qa = rng.int(1, 4);
    draft = rng.int(qa + 4, 18);
    comments = draft + rng.int(2, 5);
    final = rng.int(comments + 1, 30);
    published = final + rng.int(1, 5);
  }
  const on = (n: number) => wd(end, n);
  let publishedOn = on(published);
  if (previousPublication && publishedOn <= previousPublication) publishedOn = wd(previousPublication, 1);
  const steps: [InspectionStatus, LocalDate, (r: InspectionRow) => void][] = [
    [
      InspectionStatus.DRAFT_IN_QUALITY_ASSURANCE,
      on(qa),
      (r) => Object.assign(r, { quality_assurance_submitted_on: on(qa), quality_assured_by: rng.pick(rims) }),
    ],
    [InspectionStatus.DRAFT_SENT_TO_PROVIDER, on(draft), (r) => (r.draft_sent_on = on(draft))],
    [InspectionStatus.PROVIDER_COMMENTS_RECEIVED, on(comments), (r) => (r.comments_returned_on = on(comments))],
    [InspectionStatus.FINAL_REPORT_ISSUED, on(final), (r) => (r.final_report_issued_on = on(final))],
    [InspectionStatus.PUBLISHED, publishedOn, (r) => (r.published_on = publishedOn)],
  ];
  row.status = InspectionStatus.FIELDWORK_COMPLETE;
  for (const [status, day, apply] of steps) {
    if (day > asOf) break;
    apply(row);
    row.status = status;
  }
  return publishedOn;
}
