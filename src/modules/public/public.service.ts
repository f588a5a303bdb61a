import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from 'graphql-relay';
import { redactor, settingWordFor } from '../../domain/redaction';
import { isChildrensHome, type SettingType } from '../../domain/setting-types';
import { Provider } from '../providers/provider.entity';
import { LocalAuthority } from '../reference/local-authority.entity';
import type { ConnectionShape, PageArgs } from '../shared/connection';
import { keysetList } from '../shared/keyset-query';
import { PublishedReport } from './published-report.entity';
import type { PublicArea, PublicProvider, PublicReport } from './public.types';

/** A local authority (its region loaded) as the public views name it: its area. */
export function publicAreaOf(la: LocalAuthority): PublicArea {
  return { localAuthorityCode: la.onsCode, localAuthorityName: la.name, regionCode: la.region.code, regionName: la.region.getEntity().name };
}

/** A published version as the public sees it: its stored, redacted content and nothing else. */
export function toPublicReport(row: PublishedReport): PublicReport {
  return {
    ...row.content,
    id: toGlobalId('PublicReport', row.id),
    publishedOn: row.publishedOn,
    version: row.version,
    amendmentReason: row.amendmentReason,
    judgements: row.content.judgements as PublicReport['judgements'],
  };
}

/**
 * A setting as the public sees it: an allow-list of its register entry (its registered provider
 * loaded, `la` with its region) and its current published versions, newest first.
 */
export function toPublicProvider(provider: Provider, la: LocalAuthority, reports: PublishedReport[]): PublicProvider {
  const registered = provider.registeredProvider.getEntity();
  const address = registered.address;
  // The organisation's details are public, but never where they would locate the setting (an
  // organisation run from the home itself): the same redaction as the reports.
  const context = {
    people: [],
    settingName: provider.name,
    addressLines: [provider.address.line1, provider.address.line2 ?? ''].filter(Boolean),
    settingWord: settingWordFor(isChildrensHome(provider.settingType)),
  };
  const clean = redactor(context);
  return {
    urn: provider.urn,
    settingType: provider.settingType,
    area: publicAreaOf(la),
    registeredProvider:
      registered.kind === 'ORGANISATION'
        ? {
            name: clean(registered.name),
            address: clean([address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(', ')),
          }
        : null,
    responsibleIndividual: provider.responsibleIndividualName,
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
