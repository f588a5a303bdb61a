import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { publicArea, publicRegisteredProvider, settingRedactor, type SettingSource } from '../../domain/public-report';
import { publicCode, publicGlobalId } from '../../domain/redaction';
import type { NamedPerson } from '../../domain/redaction';
import type { SettingType } from '../../domain/setting-types';
import { Provider } from '../providers/provider.entity';
import type { RegisteredProvider } from '../providers/registered-provider.entity';
import { LocalAuthority } from '../reference/local-authority.entity';
import type { ConnectionShape, PageArgs } from '../shared/connection';
import { keysetList } from '../shared/keyset-query';
import { PublishedReport } from './published-report.entity';
import type { PublicArea, PublicProvider, PublicReport } from './public.types';

/** A local authority (its region loaded) as the public views name it: its area. */
export function publicAreaOf(la: LocalAuthority): PublicArea {
  return publicArea(areaOf(la));
}

const areaOf = (la: LocalAuthority) => ({ localAuthorityCode: la.onsCode, localAuthorityName: la.name, regionCode: la.region.code, regionName: la.region.getEntity().name });

/**
 * What redaction needs to know of a setting: its name and address, its area, who runs it, and
 * the people named in its records (`la` with its region loaded, `registered` the setting's
 * registered provider).
 */
export function settingSourceOf(provider: Provider, la: LocalAuthority, registered: RegisteredProvider, people: NamedPerson[] = []): SettingSource {
  return {
    urn: provider.urn,
    settingType: provider.settingType,
    settingName: provider.name,
    address: provider.address,
    area: areaOf(la),
    registeredProvider: { kind: registered.kind, name: registered.name, address: registered.address },
    responsibleIndividual: provider.responsibleIndividualName,
    people,
  };
}

/** The stable public ID of a report: the same for every version. */
export const publicReportId = (row: Pick<PublishedReport, 'publicId'>) => publicGlobalId('PublicReport', row.publicId);

/** A published version as the public sees it: its stored, redacted content and nothing else. */
export function toPublicReport(row: PublishedReport): PublicReport {
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
 * loaded, `la` with its region) and its current published versions, newest first. The
 * organisation's details are public (para 163), but never where they would locate the setting
 * (an organisation run from the home itself): the same redaction as the reports.
 */
export function toPublicProvider(provider: Provider, la: LocalAuthority, reports: PublishedReport[]): PublicProvider {
  const source = settingSourceOf(provider, la, provider.registeredProvider.getEntity());
  const clean = settingRedactor(source);
  return {
    urn: publicCode(provider.urn, 'URN'),
    settingType: provider.settingType,
    area: publicArea(source.area),
    registeredProvider: publicRegisteredProvider(source, clean),
    responsibleIndividual: source.responsibleIndividual ? clean.publishedName(source.responsibleIndividual) : null,
    reports: reports.map(toPublicReport),
  };
}

/** Newest first: the order of a setting's reports (the first is the one `publicReport` answers). */
export const newestFirst = { orderBy: [{ publishedOn: 'desc' as const }, { id: 'desc' as const }] };

/**
 * The public views. Reports come only from the published versions; a setting's public view is
 * built from an allow-list of its register entry. One instance per request.
 */
export class PublicService {
  constructor(private readonly em: EntityManager) {}

  async report(urn: string): Promise<PublicReport | null> {
    const row = await this.em.findOne(PublishedReport, { urn, current: true }, newestFirst);
    return row ? toPublicReport(row) : null;
  }

  async provider(urn: string): Promise<PublicProvider | null> {
    const provider = await this.em.findOne(Provider, { urn }, { populate: ['registeredProvider'] });
    if (!provider) return null;
    const la = await this.em.findOneOrFail(LocalAuthority, { onsCode: provider.localAuthority.onsCode }, { populate: ['region'] });
    const reports = await this.em.find(PublishedReport, { urn, current: true }, newestFirst);
    return toPublicProvider(provider, la, reports);
  }

  async reports(
    filter: { localAuthority?: string | null; region?: string | null; settingType?: SettingType | null },
    args: PageArgs,
  ): Promise<ConnectionShape<PublicReport>> {
    const where: FilterQuery<PublishedReport>[] = [{ current: true }];
    if (filter.localAuthority) where.push({ localAuthority: filter.localAuthority });
    if (filter.region) where.push({ region: filter.region });
    if (filter.settingType) where.push({ settingType: filter.settingType });
    const page = await keysetList(this.em, PublishedReport, where, args, {
      first: 'publishedOn',
      second: 'id',
      keyOf: (r) => `${r.publishedOn}|${r.id}`,
      descending: true,
    });
    return { pageInfo: page.pageInfo, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toPublicReport(e.node) })) };
  }
}
