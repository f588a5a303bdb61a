import { GraphQLError } from 'graphql';
import { ArgsType, Field, Int } from 'type-graphql';
import { isValidUrn, URN_FORMAT_MESSAGE } from '../../domain/urn';
import type { PageArgs } from './connection';

/** A malformed query argument: a thrown BAD_USER_INPUT error naming it (mutations answer with userErrors instead). */
export function badArgument(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

/** A `urn` argument must be a URN: "SC" and 6 digits, or 7 digits. */
export function checkUrnArgument(urn: string): void {
  if (!isValidUrn(urn)) throw badArgument('urn', `"urn" is not a valid URN. ${URN_FORMAT_MESSAGE}`);
}

/** The arguments of a page of a Relay cursor connection, forwards or backwards. */
@ArgsType()
export class PageArgsType implements PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page forwards: at most this many (1 to 100; 20 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Page forwards: items after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page backwards: at most this many (1 to 100).' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Page backwards: items before this cursor.' })
  before?: string | null;
}

/** A page of a list within an area: a region or a local authority (ONS codes). */
@ArgsType()
export class AreaPageArgs extends PageArgsType {
  @Field(() => String, { nullable: true, description: 'Only in this region (ONS code).' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Only in this local authority (ONS code).' })
  localAuthority?: string | null;
}
