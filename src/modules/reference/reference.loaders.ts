import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader, keyLoader } from '../shared/loader';
import { LocalAuthority } from './local-authority.entity';
import { Region } from './region.entity';

export function referenceLoaders(em: EntityManager) {
  return {
    regionByCode: keyLoader(
      (codes: readonly string[]) => em.find(Region, { code: { $in: [...codes] } }),
      (region) => region.code,
    ),
    localAuthorityByCode: keyLoader(
      (codes: readonly string[]) => em.find(LocalAuthority, { onsCode: { $in: [...codes] } }),
      (la) => la.onsCode,
    ),
    localAuthoritiesByRegion: groupLoader(
      (codes: readonly string[]) => em.find(LocalAuthority, { region: { $in: [...codes] } }, { orderBy: { name: 'asc' } }),
      (la) => la.region.code,
    ),
  };
}
