import type { EntityManager } from '@mikro-orm/postgresql';
import type { Configuration } from '@mikro-orm/core';
import { badArgument } from '../shared/arguments';
import { quoted } from '../shared/messages';
import { LocalAuthority } from './local-authority.entity';
import { Region } from './region.entity';

const ONS_CODE = /^E\d{8}$/;

/**
 * The ONS codes of England's regions and local authorities, read once per database: the
 * reference data is loaded at start-up (src/db/reference-data.ts) and never changes while the
 * server runs, so checking an area argument costs no statement after the first.
 */
const known = new WeakMap<Configuration, Promise<{ regions: Set<string>; localAuthorities: Set<string> }>>();
function areaCodes(em: EntityManager) {
  let codes = known.get(em.config);
  if (!codes) {
    codes = (async () => {
      const fork = em.fork();
      const [regions, localAuthorities] = await Promise.all([
        fork.find(Region, {}, { fields: ['code'] }),
        fork.find(LocalAuthority, {}, { fields: ['onsCode'] }),
      ]);
      return {
        regions: new Set(regions.map((region) => region.code)),
        localAuthorities: new Set(localAuthorities.map((la) => la.onsCode)),
      };
    })();
    codes.catch(() => known.delete(em.config));
    known.set(em.config, codes);
  }
  return codes;
}

/**
 * Checks the area arguments of a query (ONS codes of a region and a local authority), throwing
 * BAD_USER_INPUT naming the argument when one is not the code of an English region or authority.
 */
export async function checkAreaArguments(
  em: EntityManager,
  area: { region?: string | null; localAuthority?: string | null },
  names: { region: string; localAuthority: string } = { region: 'region', localAuthority: 'localAuthority' },
): Promise<void> {
  if (area.localAuthority == null && area.region == null) return;
  const codes = await areaCodes(em);
  if (area.localAuthority != null && (!ONS_CODE.test(area.localAuthority) || !codes.localAuthorities.has(area.localAuthority))) {
    throw badArgument(names.localAuthority, `${quoted(area.localAuthority)} is not the ONS code of an English local authority`);
  }
  if (area.region != null && (!ONS_CODE.test(area.region) || !codes.regions.has(area.region))) {
    throw badArgument(names.region, `${quoted(area.region)} is not the ONS code of an English region`);
  }
}
