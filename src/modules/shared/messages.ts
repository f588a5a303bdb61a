/**
 * How error messages quote what a caller sent: shared by the GraphQL errors (src/server/errors.ts)
 * and the modules that refuse arguments or answer outside GraphQL (the exports).
 */

/** The most characters of what a caller sent that an error message quotes. */
export const QUOTE_LIMIT = 40;

/** `text` in double quotes, cut to its first QUOTE_LIMIT characters: error messages never echo input at length. */
export function quoted(text: string): string {
  const shown = text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  return `"${shown.replace(/[\u0000-\u001f\u007f]/g, '?')}"`;
}

const MESSAGE_LIMIT = 400;

/**
 * A client error's message with anything quoted in it (graphql-js quotes the values it was sent,
 * our own messages the arguments) cut to a short prefix, and the whole kept short.
 */
export function boundedMessage(message: string): string {
  const cut = message.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, inner: string) =>
    inner.length > QUOTE_LIMIT ? `"${inner.slice(0, QUOTE_LIMIT)}…"` : whole,
  );
  return cut.length > MESSAGE_LIMIT ? `${cut.slice(0, MESSAGE_LIMIT)}…` : cut;
}

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';
