/**
 * The auth module's public face: who may use a field (`@Allow`, `@Public`), the refusals, and the
 * scope checks that need data (where a setting is, who an inspection is assigned to). Tokens,
 * the access plugin and the audit trail are wired by the server (src/server/app.ts).
 */
export {
  ACCESS_EXTENSION,
  Allow,
  Public,
  authChecker,
  fieldAccess,
  forbidden,
  outOfScope,
  rootFieldAccess,
  signedIn,
  unauthenticated,
} from './authorize';
export { assertMayActOnInspection, assertMayReachSetting, assertPermission, listRegion } from './scope';
