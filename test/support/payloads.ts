/**
 * The userErrors of a mutation's payload, in tests: asserting there are none (with a message that
 * lists them when there are), and the entries a test expects when a request is refused.
 */

/** A userErrors entry as the operations select it (`UserErrorDetails`); any part may be left out. */
export interface UserErrorLike {
  code?: string | null;
  ruleId?: string | null;
  field?: readonly string[] | null;
  message?: string | null;
}

/** Any mutation payload: its userErrors and whatever it made. */
export interface WithUserErrors {
  userErrors: readonly UserErrorLike[];
}

/** One userErrors entry on one line: `RULE_VIOLATION CH-155 at input.overallExperiencesAndProgress: the message`. */
export function describeUserError(error: UserErrorLike): string {
  const code = [error.code ?? 'UNKNOWN', error.ruleId].filter(Boolean).join(' ');
  const at = error.field?.length ? ` at ${error.field.join('.')}` : '';
  return `${code}${at}: ${error.message ?? '(no message)'}`;
}

/**
 * Returns `payload` when its userErrors are empty; otherwise fails the test with a message that
 * names the step (`what`, e.g. the mutation) and lists each userErrors entry on a line of its own.
 * For a step the test expects to succeed: a test that means to look at userErrors reads them itself.
 */
export function expectNoUserErrors<T extends WithUserErrors>(payload: T): T;
export function expectNoUserErrors<T extends WithUserErrors>(what: string, payload: T): T;
export function expectNoUserErrors<T extends WithUserErrors>(whatOrPayload: string | T, maybePayload?: T): T {
  const [what, payload] = typeof whatOrPayload === 'string' ? [whatOrPayload, maybePayload!] : ['the mutation', whatOrPayload];
  if (payload.userErrors.length > 0) {
    const lines = payload.userErrors.map((error) => `  - ${describeUserError(error)}`);
    throw new Error(`${what} was refused with ${payload.userErrors.length} userErrors:\n${lines.join('\n')}`);
  }
  return payload;
}

/** The userErrors entry of a broken rule: RULE_VIOLATION, the rule's ID, the input field, and a message naming the rule. */
export function broke(ruleId: string, field: string[], message: RegExp) {
  return expect.objectContaining({
    code: 'RULE_VIOLATION',
    ruleId,
    field: ['input', ...field],
    message: expect.stringMatching(new RegExp(`${message.source}[\\s\\S]*\\(${ruleId}\\)$`, message.flags)),
  });
}

/** The userErrors entry of a problem that is not a rule of the framework. */
export function problem(code: 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND', field: string[], message: RegExp) {
  return expect.objectContaining({ code, ruleId: null, field: ['input', ...field], message: expect.stringMatching(message) });
}
