/**
 * Ofsted's unique reference number (URN) for a registered setting: the legacy form `SC` followed
 * by six digits (e.g. SC123456) or the current seven-digit form (e.g. 2512345). The URN is the
 * public search key for reports (CH-230), so nothing else is accepted.
 */
const URN = /^(?:SC\d{6}|\d{7})$/;

export function isValidUrn(value: string): boolean {
  return URN.test(value);
}

export const URN_FORMAT_MESSAGE = 'A URN is "SC" followed by 6 digits (e.g. SC123456) or 7 digits (e.g. 2512345)';
