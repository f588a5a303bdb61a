import { badArgument } from '../shared/arguments';
import type { Loaders } from '../../server/context';

const ONS_CODE = /^E\d{8}$/;


/**
 * Checks the area arguments of a query (ONS codes of a region and a local authority), throwing
 * BAD_USER_INPUT naming the argument when one is not the code of an English region or authority.
 */
export async function checkAreaArguments(
  loaders: Pick<Loaders, 'regionByCode' | 'localAuthorityByCode'>,
  area: { region?: string | null; localAuthority?: string | null },
  names: { region: string; localAuthority: string } = { region: 'region', localAuthority: 'localAuthority' },
): Promise<void> {
  if (area.localAuthority != null && (!ONS_CODE.test(area.localAuthority) || !(await loaders.localAuthorityByCode.load(area.localAuthority)))) {
    throw badArgument(names.localAuthority, `"${area.localAuthority}" is not the ONS code of an English local authority`);
  }
  if (area.region != null && (!ONS_CODE.test(area.region) || !(await loaders.regionByCode.load(area.region)))) {
    throw badArgument(names.region, `"${area.region}" is not the ONS code of an English region`);
  }
}
