/** Assertions on the violations the domain's rule checks return. */
import type { Violation } from '../../src/domain/rule-violation';

/** Asserts that `violations` is exactly one rule violation with this rule and field, its message citing the rule (and containing `phrase`). */
export function expectOnlyRuleViolation(violations: Violation[], ruleId: string, field: string[], phrase?: string): void {
  expect(violations).toHaveLength(1);
  expect(violations[0]).toMatchObject({ code: 'RULE_VIOLATION', ruleId, field });
  expect(violations[0].message).toContain(`(${ruleId})`);
  if (phrase !== undefined) expect(violations[0].message).toContain(phrase);
}

/** Asserts that `violations` is exactly one violation with this code and field, and no rule (and a message containing `phrase`). */
export function expectOnly(violations: Violation[], code: 'BAD_USER_INPUT' | 'CONFLICT', field: string[], phrase?: string): void {
  expect(violations).toHaveLength(1);
  expect(violations[0]).toMatchObject({ code, field });
  expect(violations[0].ruleId).toBeUndefined();
  if (phrase !== undefined) expect(violations[0].message).toContain(phrase);
}

/** Asserts that `violations` is exactly one BAD_USER_INPUT on this field, with no rule (and a message containing `phrase`). */
export function expectOnlyBadInput(violations: Violation[], field: string[], phrase?: string): void {
  expectOnly(violations, 'BAD_USER_INPUT', field, phrase);
}
