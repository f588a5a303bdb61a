/**
 * A problem with a request that the caller can fix. Domain functions return these; services turn
 * them into the `userErrors` of a mutation payload.
 */
export type UserErrorCode = 'BAD_USER_INPUT' | 'RULE_VIOLATION' | 'NOT_FOUND' | 'CONFLICT';

export interface Violation {
  /** Path into the mutation's input, e.g. ['urn'] or ['registeredManager', 'startDate']. */
  field: string[];
  message: string;
  code: UserErrorCode;
  /** The rule of the guidance that was broken, e.g. 'CHA-181' (only for RULE_VIOLATION). */
  ruleId?: string;
}

export const badInput = (field: string[], message: string): Violation => ({ field, message, code: 'BAD_USER_INPUT' });

export const notFound = (field: string[], message: string): Violation => ({ field, message, code: 'NOT_FOUND' });

export const ruleViolation = (field: string[], ruleId: string, message: string): Violation => ({
  field,
  message: `${message} (${ruleId})`,
  code: 'RULE_VIOLATION',
  ruleId,
});
