import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { isRole, type Principal, type Role } from '../../domain/access';

export interface AuthSettings {
  /** Shared secret (HS256), for development and tests. */
  secret?: string | null;
  /** JWKS URL of an OpenID Connect provider, for production. */
  jwksUrl?: string | null;
  issuer: string;
  audience: string;
}

export class AuthenticationError extends Error {}

/**
 * Verifies bearer JWTs: signature (shared secret or JWKS), issuer, audience and expiry. With
 * neither secret nor JWKS configured every token is refused, so only the public queries work.
 */
export function tokenVerifier(settings: AuthSettings): (token: string) => Promise<Principal> {
  const key: Uint8Array | JWTVerifyGetKey | null = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : settings.secret
      ? new TextEncoder().encode(settings.secret)
      : null;
  return async (token) => {
    if (!key) throw new AuthenticationError('This server accepts no tokens: no secret or JWKS is configured');
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, { issuer: settings.issuer, audience: settings.audience });
      if (!payload.sub || !isRole(payload.role)) throw new AuthenticationError('The token names no subject or no known role');
      return principalFromClaims(payload.sub, payload.role, payload);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError('The token is invalid or has expired');
    }
  };
}

/**
 * The caller named by an Authorization header: null without one; a `Bearer` token verified
 * otherwise. Throws AuthenticationError, with a message for the caller, when it cannot be used.
 * /graphql and the exports both read their caller through this.
 */
export async function principalFromHeader(header: string | undefined, verify: (token: string) => Promise<Principal>): Promise<Principal | null> {
  if (!header) return null;
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw new AuthenticationError('The Authorization header is not "Bearer <token>"');
  try {
    return await verify(token);
  } catch (error) {
    throw error instanceof AuthenticationError ? error : new AuthenticationError('The token could not be verified');
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The scope claims: `region` (inspectors and managers, an ONS region code), `urns` (providers, the
 * URNs of their settings) and `localAuthority` (local authorities, their ONS code). A claim that
 * is missing or malformed gives no scope, never a wider one.
 */
function principalFromClaims(subject: string, role: Role, claims: Record<string, unknown>): Principal {
  const urns = Array.isArray(claims.urns) ? claims.urns.filter((urn): urn is string => typeof urn === 'string') : [];
  return { subject, role, region: text(claims.region), urns, localAuthority: text(claims.localAuthority) };
}

export interface TokenClaims {
  subject: string;
  role: Role;
  region?: string | null;
  urns?: readonly string[];
  localAuthority?: string | null;
  expiresIn?: string;
}

/** A development or test token, signed with the shared secret. */
export function signToken(
  settings: Required<Pick<AuthSettings, 'secret' | 'issuer' | 'audience'>>,
  claims: TokenClaims,
): Promise<string> {
  return new SignJWT({
    role: claims.role,
    ...(claims.region ? { region: claims.region } : {}),
    ...(claims.urns?.length ? { urns: [...claims.urns] } : {}),
    ...(claims.localAuthority ? { localAuthority: claims.localAuthority } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.subject)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(settings.secret!));
}
