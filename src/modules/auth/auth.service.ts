import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { isRole, type Principal, type Role } from '../../domain/access';
import { isValidUrn } from '../../domain/urn';

export interface AuthSettings {
  /** Shared secret (HS256), for development and tests. */
  secret?: string | null;
  /** JWKS URL of an OpenID Connect provider, for production. */
  jwksUrl?: string | null;
  issuer: string;
  audience: string;
  /**
   * The longest a shared-secret token may live, in seconds (`exp - iat`, and `exp` from now):
   * AUTH_MAX_TOKEN_LIFETIME, 12 hours unless set. Tokens of the JWKS provider live as long as it says.
   */
  maxTokenLifetime?: number | null;
}

export class AuthenticationError extends Error {}

/** The default of AUTH_MAX_TOKEN_LIFETIME: 12 hours. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

/** The one algorithm of the development shared secret. */
const SHARED_SECRET_ALGORITHMS = ['HS256'];

/**
 * The algorithms a JWKS (production) token may be signed with: asymmetric only, so that nothing
 * published in the JWKS (a public key) can be used as an HMAC secret, and never `none`.
 */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** How far the issuer's clock may be from ours, in seconds (for `exp`, `nbf` and `iat`). */
const CLOCK_TOLERANCE_SECONDS = 30;

/** The longest `sub` accepted: the audit trail's subject column holds 200 characters, as do those that record who decided. */
export const MAX_SUBJECT_LENGTH = 200;

/** The most settings a provider's `urns` claim may list; a longer list refuses the token. */
export const MAX_TOKEN_URNS = 500;

/** Control, format (e.g. bidirectional overrides, zero-width), private-use, unassigned and surrogate characters, and line or paragraph separators. */
const UNPRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/u;

/**
 * Whether a `sub` claim may name a caller: a string of 1 to 200 characters, all printable, with
 * no whitespace at either end. Every write records the subject (the audit trail, who decided),
 * so nothing longer or stranger is let in.
 */
export function isAcceptableSubject(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_SUBJECT_LENGTH &&
    value.trim() === value &&
    !UNPRINTABLE.test(value)
  );
}

/**
 * Verifies bearer JWTs: signature, issuer, audience, expiry (`exp` is required) and the claims'
 * shapes. With a JWKS (production), only asymmetric algorithms; with the shared secret
 * (development), only HS256, `iat` required, and a lifetime of at most `maxTokenLifetime`. With
 * neither secret nor JWKS configured every token is refused, so only the public queries work.
 */
export function tokenVerifier(settings: AuthSettings): (token: string) => Promise<Principal> {
  const jwks: JWTVerifyGetKey | null = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : null;
  const secret = !jwks && settings.secret ? new TextEncoder().encode(settings.secret) : null;
  const maxLifetime = settings.maxTokenLifetime ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const common: JWTVerifyOptions = {
    issuer: settings.issuer,
    audience: settings.audience,
    requiredClaims: ['exp'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  return async (token) => {
    if (!jwks && !secret) throw new AuthenticationError('This server accepts no tokens: no secret or JWKS is configured');
    try {
      const { payload } = jwks
        ? await jwtVerify(token, jwks, { ...common, algorithms: JWKS_ALGORITHMS })
        : await jwtVerify(token, secret!, {
            ...common,
            algorithms: SHARED_SECRET_ALGORITHMS,
            requiredClaims: ['exp', 'iat'],
            maxTokenAge: maxLifetime,
          });
      checkLifetime(payload, jwks ? null : maxLifetime);
      if (!isAcceptableSubject(payload.sub)) {
        throw new AuthenticationError(`The token's subject is missing, longer than ${MAX_SUBJECT_LENGTH} characters or not printable`);
      }
      if (!isRole(payload.role)) throw new AuthenticationError('The token names no known role');
      return principalFromClaims(payload.sub, payload.role, payload);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError('The token is invalid or has expired');
    }
  };
}

/**
 * `iat`, when given, must be before `exp` and not in the future; with a maximum lifetime (the
 * shared secret), `exp - iat` and `exp - now` must not exceed it. jose has already checked that
 * `exp` is there and not past, and (with `maxTokenAge`) that `iat` is there and recent.
 */
function checkLifetime(payload: JWTPayload, maxLifetime: number | null): void {
  const now = Math.floor(Date.now() / 1000);
  const { exp, iat } = payload as { exp: number; iat?: number };
  if (iat !== undefined && (iat > now + CLOCK_TOLERANCE_SECONDS || iat >= exp))
    throw new AuthenticationError("The token's issue time is in the future or after its expiry");
  if (maxLifetime !== null && (iat === undefined || exp - iat > maxLifetime || exp - now > maxLifetime + CLOCK_TOLERANCE_SECONDS)) {
    throw new AuthenticationError(`The token lives longer than this server accepts (${maxLifetime} seconds)`);
  }
}

/**
 * The caller named by an Authorization header: null without one; a `Bearer` token verified
 * otherwise. Throws AuthenticationError, with a message for the caller, when it cannot be used.
 * /graphql and the exports both read their caller through this.
 */
export async function principalFromHeader(
  header: string | undefined,
  verify: (token: string) => Promise<Principal>,
): Promise<Principal | null> {
  if (!header) return null;
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw new AuthenticationError('The Authorization header is not "Bearer <token>"');
  try {
    return await verify(token);
  } catch (error) {
    throw error instanceof AuthenticationError ? error : new AuthenticationError('The token could not be verified');
  }
}

/** An ONS region code (E12000001 to E12000009 are England's nine). */
export const REGION_CODE = /^E12\d{6}$/;
/** An ONS local authority code (E06, E08, E09, E10…). */
export const AUTHORITY_CODE = /^E\d{8}$/;

const code = (value: unknown, pattern: RegExp): string | null => (typeof value === 'string' && pattern.test(value) ? value : null);

/**
 * The scope claims: `region` (inspectors and managers, an ONS region code), `urns` (providers, the
 * URNs of their settings) and `localAuthority` (local authorities, their ONS code). A claim that
 * is missing or malformed gives no scope, never a wider one: a region or authority that is not an
 * ONS code is dropped, so is every entry of `urns` that is not a URN; a `urns` list of more than
 * 500 entries refuses the token.
 */
function principalFromClaims(subject: string, role: Role, claims: Record<string, unknown>): Principal {
  const listed = Array.isArray(claims.urns) ? claims.urns : [];
  if (listed.length > MAX_TOKEN_URNS) throw new AuthenticationError(`The token's urns claim lists more than ${MAX_TOKEN_URNS} settings`);
  const urns = [...new Set(listed.filter((urn): urn is string => typeof urn === 'string' && isValidUrn(urn)))];
  return { subject, role, region: code(claims.region, REGION_CODE), urns, localAuthority: code(claims.localAuthority, AUTHORITY_CODE) };
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
export function signToken(settings: Required<Pick<AuthSettings, 'secret' | 'issuer' | 'audience'>>, claims: TokenClaims): Promise<string> {
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
