import { GraphQLError } from 'graphql';
import { isValidUrn, URN_FORMAT_MESSAGE } from '../../domain/urn';

/** A malformed query argument: a thrown BAD_USER_INPUT error naming it (mutations answer with userErrors instead). */
export function badArgument(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

/** A `urn` argument must be a URN: "SC" and 6 digits, or 7 digits. */
export function checkUrnArgument(urn: string): void {
  if (!isValidUrn(urn)) throw badArgument('urn', `"urn" is not a valid URN. ${URN_FORMAT_MESSAGE}`);
}
