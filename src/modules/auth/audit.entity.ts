import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * One line of the audit trail: who did what, when, to what, and how it ended. Append-only:
 * nothing in the API updates or deletes it, and the database refuses to.
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
