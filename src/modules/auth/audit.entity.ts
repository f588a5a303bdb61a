import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * What a caller can put into a line of the trail is bounded, so that no request can make its
 * own audit row fail to insert (which would refuse the request: audit.plugin.ts). The subject is
 * at most 200 printable characters (the token check refuses any other: auth.service.ts), the role
 * one of five, the request ID the server's own UUID; the operation and the targets are cut to
 * these limits (audit.plugin.ts).
 */
export const AUDIT_LIMITS = {
  /** The operation's root fields, comma-separated, cut to the column's 200 characters. */
  operationLength: 200,
  /** The most IDs and URNs recorded for one operation. */
  targets: 20,
  /** Each of them cut to this many characters (an ID or URN is far shorter). */
  targetLength: 100,
} as const;

/**
 * One line of the audit trail: who did what, when, to what, and how it ended. Append-only:
 * nothing in the API updates or deletes it, and the database refuses to. A mutation's line is
 * written in the mutation's own transaction: a change commits with its line or not at all.
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['at', 'id'] })
@ObjectType({ description: 'One line of the audit trail. Append-only.' })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: 'ID of the entry.' })
  id: string = randomUUID();

  @Property({ type: 'datetime' })
  @Field(() => DateTimeResolver, { description: 'When.' })
  at: Date & Opt = new Date();

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Who (the token subject).' })
  subject!: string;

  @Property({ type: 'string', length: 40 })
  @Field({ description: 'Their role.' })
  role!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'The operation: its root fields, e.g. "registerProvider".' })
  operation!: string;

  @Property({ type: 'string', length: 10 })
  @Field({ description: 'QUERY or MUTATION.' })
  kind!: string;

  @Property({ type: ArrayType, columnType: 'text[]' })
  @Field(() => [String], { description: 'IDs and URNs the operation named.' })
  targets: string[] & Opt = [];

  @Property({ type: 'string', length: 64 })
  @Field({ description: 'The request ID (x-request-id).' })
  requestId!: string;

  @Property({ type: 'string', length: 20 })
  @Field({ description: 'OK, USER_ERRORS (refused with user errors) or ERROR.' })
  outcome!: string;
}
