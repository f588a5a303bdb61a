import type { EntityManager } from '@mikro-orm/postgresql';
import { LocalAuthority } from './local-authority.entity';

/** Where a setting is, by name: its local authority and that authority's region (a setting's region is never typed in). */
export interface Area {
  localAuthorityCode: string;
  localAuthorityName: string;
  regionCode: string;
  regionName: string;
}

/** The area of a local authority whose region is loaded. */
const areaOfAuthority = (la: LocalAuthority): Area => ({
  localAuthorityCode: la.onsCode,
  localAuthorityName: la.name,
  regionCode: la.region.code,
  regionName: la.region.getEntity().name,
});

/**
 * England's regions and local authorities, as the other modules read them. The reference data is
 * loaded at start-up and never changes while the server runs; lookups by ONS code are answered
 * from the identity map after the first.
 */
export class ReferenceRepository {
  constructor(private readonly em: EntityManager) {}

  /** The local authority with this ONS code, or null when there is none. */
  localAuthority(onsCode: string): Promise<LocalAuthority | null> {
    return this.em.findOne(LocalAuthority, { onsCode });
  }

  /** The local authorities with these ONS codes (those that exist). */
  localAuthorities(onsCodes: readonly string[]): Promise<LocalAuthority[]> {
    return onsCodes.length ? this.em.find(LocalAuthority, { onsCode: { $in: [...onsCodes] } }) : Promise.resolve([]);
  }

  /** The ONS code of the region a local authority is in. */
  async regionOf(localAuthorityCode: string): Promise<string> {
    return (await this.em.findOneOrFail(LocalAuthority, { onsCode: localAuthorityCode })).region.code;
  }

  /** The area of a local authority: its name and its region's (ONS codes and names). */
  async areaOf(localAuthorityCode: string): Promise<Area> {
    return areaOfAuthority(await this.em.findOneOrFail(LocalAuthority, { onsCode: localAuthorityCode }, { populate: ['region'] }));
  }

  /** The areas of many local authorities at once, by ONS code: one statement. */
  async areasOf(localAuthorityCodes: Iterable<string>): Promise<Map<string, Area>> {
    const codes = [...new Set(localAuthorityCodes)];
    if (codes.length === 0) return new Map();
    const authorities = await this.em.find(LocalAuthority, { onsCode: { $in: codes } }, { populate: ['region'] });
    return new Map(authorities.map((la) => [la.onsCode, areaOfAuthority(la)]));
  }
}
