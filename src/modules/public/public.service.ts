import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { publicArea, publicRegisteredProvider, settingRedactor, type SettingSource } from '../../domain/public-report';
import { publicCode, publicGlobalId } from '../../domain/redaction';
import type { NamedPerson } from '../../domain/redaction';
import type { SettingType } from '../../domain/setting-types';
import type { Provider, RegisteredProvider } from '../providers';
import type { Area } from '../reference';
import { dateAndIdOf, keysetPage, toConnection, type ConnectionShape, type PageArgs } from '../shared/connection';
import { preparedRows } from '../../db/prepared';
import { PublicScope, SNAPSHOT_COLUMN, type PublicReads } from '../../db/public-changes';
import { PublishedReport } from './published-report.entity';
import type { PublicProvider, PublicReport } from './public.types';

/**
 * What redaction needs to know of a setting: its name and address, its area (from the reference
 * module: `ReferenceRepository.areaOf`), who runs it, and the people named in its records
 * (`registered` the setting's registered provider).
 */
export function settingSourceOf(provider: Provider, area: Area, registered: RegisteredProvider, people: NamedPerson[] = []): SettingSource {
  return {
    urn: provider.urn,
    settingType: provider.settingType,
    settingName: provider.name,
    address: provider.address,
    area,
    registeredProvider: { kind: registered.kind, name: registered.name, address: registered.address },
    responsibleIndividual: provider.responsibleIndividualName,
    people,
  };
}

/** The stable public ID of a report: the same for every version. */
export const publicReportId = (row: Pick<PublishedReport, 'publicId'>) => publicGlobalId('PublicReport', row.publicId);

/** What the public view of a version is made of: the columns the public read path selects. */
export type PublishedVersion = Pick<PublishedReport, 'publicId' | 'publishedOn' | 'version' | 'content' | 'versions'>;

/** A published version as the public sees it: its stored, redacted content and nothing else. */
export function toPublicReport(row: PublishedVersion): PublicReport {
  return {
    ...row.content,
    id: publicReportId(row),
    publishedOn: row.publishedOn,
    version: row.version,
    amendmentReason: row.content.amendmentReason ?? null,
    versions: row.versions,
  };
}

/**
 * A setting as the public sees it: an allow-list of its register entry (its registered provider
 * loaded, in its area) and its current published versions, newest first. The organisation's
 * details are public (para 163), but never where they would locate the setting (an organisation
 * run from the home itself): the same redaction as the reports.
 */
export function toPublicProvider(provider: Provider, area: Area, reports: PublishedVersion[]): PublicProvider {
  return publicProviderOf(settingSourceOf(provider, area, provider.registeredProvider.getEntity()), reports);
}

/** The same from a setting's source (as the public read path selects it). */
export function publicProviderOf(source: SettingSource, reports: PublishedVersion[]): PublicProvider {
  const clean = settingRedactor(source);
  return {
    urn: publicCode(source.urn, 'URN'),
    settingType: source.settingType,
    area: publicArea(source.area),
    registeredProvider: publicRegisteredProvider(source, clean),
    responsibleIndividual: source.responsibleIndividual ? clean.publishedName(source.responsibleIndividual) : null,
    reports: reports.map(toPublicReport),
  };
}

/** A published version's columns as the public read path selects them (a date as text, like the ORM's). */
const VERSION_COLUMNS = `public_id as "publicId", published_on::text as "publishedOn", version, content, versions`;

/** The current version of a setting's latest report: one prepared statement on the index of URNs. */
const REPORT_BY_URN = `select ${VERSION_COLUMNS}, ${SNAPSHOT_COLUMN} from published_report where urn = $1 and current order by published_on desc, id desc limit 1`;

/**
 * A setting's register entry with its area, its registered provider and every current published
 * version (newest first): one prepared statement, however long its history.
 *
 * The documented exception to the walls between modules (ARCHITECTURE.md; issue 19): the public
 * read path is a read model, one statement per request, so it joins the providers module's tables
 * (provider, registered_provider) and the reference module's (local_authority, region) here,
 * rather than asking those modules row by row. It reads; it never writes them.
 */
const PROVIDER_BY_URN = `
select p.urn, p.setting_type as "settingType", p.name, p.responsible_individual_name as "responsibleIndividual",
  p.address_line1 as line1, p.address_line2 as line2, p.address_town as town, p.address_postcode as postcode,
  la.ons_code as "localAuthorityCode", la.name as "localAuthorityName", r.code as "regionCode", r.name as "regionName",
  rp.kind as "registeredKind", rp.name as "registeredName", rp.address_line1 as "registeredLine1", rp.address_line2 as "registeredLine2",
  rp.address_town as "registeredTown", rp.address_postcode as "registeredPostcode",
  coalesce((select json_agg(v order by v."publishedOn" desc, v.id desc) from (
    select ${VERSION_COLUMNS}, id from published_report where urn = p.urn and current) v), '[]') as reports,
  ${SNAPSHOT_COLUMN}
from provider p
join local_authority la on la.ons_code = p.local_authority_ons_code
join region r on r.code = la.region_code
join registered_provider rp on rp.id = p.registered_provider_id
where p.urn = $1`;

interface ProviderRow {
  urn: string;
  settingType: SettingType;
  name: string;
  responsibleIndividual: string | null;
  line1: string;
  line2: string | null;
  town: string;
  postcode: string;
  localAuthorityCode: string;
  localAuthorityName: string;
  regionCode: string;
  regionName: string;
  registeredKind: 'ORGANISATION' | 'INDIVIDUAL';
  registeredName: string;
  registeredLine1: string;
  registeredLine2: string | null;
  registeredTown: string;
  registeredPostcode: string;
  reports: PublishedVersion[];
  snapshot: string;
}

function sourceOfRow(row: ProviderRow): SettingSource {
  return {
    urn: row.urn,
    settingType: row.settingType,
    settingName: row.name,
    address: { line1: row.line1, line2: row.line2, town: row.town, postcode: row.postcode },
    area: {
      localAuthorityCode: row.localAuthorityCode,
      localAuthorityName: row.localAuthorityName,
      regionCode: row.regionCode,
      regionName: row.regionName,
    },
    registeredProvider: {
      kind: row.registeredKind,
      name: row.registeredName,
      address: { line1: row.registeredLine1, line2: row.registeredLine2, town: row.registeredTown, postcode: row.registeredPostcode },
    },
    responsibleIndividual: row.responsibleIndividual,
    people: [],
  };
}

/** Newest first: the order of a setting's reports (the first is the one `publicReport` answers). */
export const newestFirst = { orderBy: [{ publishedOn: 'desc' as const }, { id: 'desc' as const }] };

/**
 * The public views. Reports come only from the published versions; a setting's public view is
 * built from an allow-list of its register entry. One instance per request.
 */
export class PublicService {
  /** `reads`, when given, is told what each answer was read from, so the answer can be cached (src/server/answer-cache.ts). */
  constructor(
    private readonly em: EntityManager,
    private readonly reads?: PublicReads,
  ) {}

  async report(urn: string): Promise<PublicReport | null> {
    const [row] = await preparedRows<PublishedVersion & { snapshot: string }>(this.em, 'public_report_by_urn', REPORT_BY_URN, [urn]);
    this.reads?.record([PublicScope.urn(urn)], row?.snapshot);
    return row ? toPublicReport(row) : null;
  }

  async provider(urn: string): Promise<PublicProvider | null> {
    const [row] = await preparedRows<ProviderRow>(this.em, 'public_provider_by_urn', PROVIDER_BY_URN, [urn]);
    this.reads?.record([PublicScope.urn(urn)], row?.snapshot);
    return row ? publicProviderOf(sourceOfRow(row), row.reports) : null;
  }

  async reports(
    filter: { localAuthority?: string | null; region?: string | null; settingType?: SettingType | null },
    args: PageArgs,
  ): Promise<ConnectionShape<PublicReport>> {
    const page = keysetPage(args);
    const conditions = ['current'];
    const values: unknown[] = [];
    const bind = (condition: (parameter: string) => string, ...given: unknown[]) => {
      const parameters = given.map((value) => {
        values.push(value);
        return `$${values.length}`;
      });
      conditions.push(condition(parameters.join(', ')));
    };
    if (filter.localAuthority) bind((p) => `local_authority = ${p}`, filter.localAuthority);
    if (filter.region) bind((p) => `region = ${p}`, filter.region);
    if (filter.settingType) bind((p) => `setting_type = ${p}`, filter.settingType);
    // Newest first: "after" a cursor is older than it, "before" newer.
    if (page.after) bind((p) => `(published_on, id) < (${p.replace(', ', '::date, ')}::uuid)`, ...dateAndIdOf(page.after, 'after'));
    if (page.before) bind((p) => `(published_on, id) > (${p.replace(', ', '::date, ')}::uuid)`, ...dateAndIdOf(page.before, 'before'));
    const order = page.direction === 'forward' ? 'desc' : 'asc';
    values.push(page.size + 1);
    const text = `select ${VERSION_COLUMNS}, id, ${SNAPSHOT_COLUMN} from published_report where ${conditions.join(' and ')} order by published_on ${order}, id ${order} limit $${values.length}`;
    // One named statement per shape of filter (a handful), so each keeps a plan fitted to its indexes.
    const name = `public_reports_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
    const rows = await preparedRows<PublishedVersion & { id: string; snapshot: string }>(this.em, name, text, values);
    this.reads?.record([PublicScope.reports(filter)], rows[0]?.snapshot);
    const connection = toConnection(page, rows, (row) => `${row.publishedOn}|${row.id}`);
    return {
      pageInfo: connection.pageInfo,
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toPublicReport(edge.node) })),
    };
  }
}
