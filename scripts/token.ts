/**
 * npm run token -- --role inspector --sub alice [--region E12000007] [--expires 8h]
 * npm run token -- --role provider --sub northern-care --urn SC123456 [--urn SC654321]
 * npm run token -- --role local_authority --sub manchester --local-authority E08000003
 * Mints a development bearer token signed with AUTH_JWT_SECRET. Refused unless the server runs
 * with a development secret (no JWKS, NODE_ENV not production), and when the server would refuse
 * the token: a lifetime over AUTH_MAX_TOKEN_LIFETIME (12 hours unless set), a subject longer than
 * 200 characters or not printable, a region, local authority or URN that is not well formed.
 */
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { Role, isRole } from '../src/domain/access';
import { isValidUrn } from '../src/domain/urn';
import { loadConfig } from '../src/config';
import {
  AUTHORITY_CODE,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  isAcceptableSubject,
  MAX_SUBJECT_LENGTH,
  MAX_TOKEN_URNS,
  REGION_CODE,
  signToken,
} from '../src/modules/auth/auth.service';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      region: { type: 'string' },
      urn: { type: 'string', multiple: true },
      'local-authority': { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const config = loadConfig();
  if (!config.AUTH_JWT_SECRET || config.AUTH_JWKS_URL || config.NODE_ENV === 'production') {
    throw new Error('Development tokens need AUTH_JWT_SECRET, no AUTH_JWKS_URL, and NODE_ENV other than production');
  }
  const role = (values.role ?? '').toUpperCase().replace(/-/g, '_');
  const named = role === 'MANAGER' ? Role.REGULATORY_INSPECTION_MANAGER : role;
  if (!isRole(named)) throw new Error(`--role must be one of: ${Object.values(Role).join(', ').toLowerCase()} (or manager)`);
  if (!values.sub) throw new Error('--sub (the user) is required');
  if (!isAcceptableSubject(values.sub))
    throw new Error(`--sub must be at most ${MAX_SUBJECT_LENGTH} printable characters, with no spaces at either end`);
  // The server drops a malformed scope claim (the token would reach nothing) and refuses a list too long.
  if (values.region && !REGION_CODE.test(values.region)) throw new Error('--region must be an ONS region code, e.g. E12000002');
  if (values['local-authority'] && !AUTHORITY_CODE.test(values['local-authority']))
    throw new Error('--local-authority must be an ONS code, e.g. E08000003');
  const badUrn = values.urn?.find((urn) => !isValidUrn(urn));
  if (badUrn) throw new Error(`--urn ${badUrn} is not a URN (SC and 6 digits, or 7 digits)`);
  if ((values.urn?.length ?? 0) > MAX_TOKEN_URNS) throw new Error(`at most ${MAX_TOKEN_URNS} --urn`);
  // A token without its scope claim reaches nothing: say so now rather than with FORBIDDEN later.
  const needs: Partial<Record<Role, [boolean, string]>> = {
    [Role.INSPECTOR]: [Boolean(values.region), '--region (an ONS region code, e.g. E12000002)'],
    [Role.REGULATORY_INSPECTION_MANAGER]: [Boolean(values.region), '--region (an ONS region code, e.g. E12000002)'],
    [Role.PROVIDER]: [Boolean(values.urn?.length), '--urn (one per setting the provider runs)'],
    [Role.LOCAL_AUTHORITY]: [Boolean(values['local-authority']), '--local-authority (its ONS code, e.g. E08000003)'],
  };
  const need = needs[named];
  if (need && !need[0]) throw new Error(`a ${named.toLowerCase()} token needs ${need[1]}`);
  const token = await signToken(
    { secret: config.AUTH_JWT_SECRET, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE },
    {
      subject: values.sub,
      role: named,
      region: values.region ?? null,
      urns: values.urn ?? [],
      localAuthority: values['local-authority'] ?? null,
      expiresIn: values.expires,
    },
  );
  const { iat = 0, exp = 0 } = decodeJwt(token);
  const maxLifetime = config.AUTH_MAX_TOKEN_LIFETIME ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (exp - iat > maxLifetime)
    throw new Error(
      `--expires ${values.expires} is longer than AUTH_MAX_TOKEN_LIFETIME (${maxLifetime} seconds): the server would refuse the token`,
    );
  process.stdout.write(`${token}\n`);
}

main().catch((error) => {
  process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
