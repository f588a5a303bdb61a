/**
 * Whether a value holds text: something other than whitespace. The one test the rules apply to a
 * reason, a name or a description they require (a reason for a deferral, the lead inspector, a
 * line of enquiry...).
 */
export const hasText = (value: string | null | undefined): boolean => value != null && value.trim() !== '';
