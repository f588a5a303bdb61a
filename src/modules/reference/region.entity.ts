import { Entity, PrimaryKeyProp, PrimaryKey, Property } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node, globalId } from '../shared/node';

@Entity({ tableName: 'region' })
@ObjectType({
  implements: Node,
  description:
    "One of England's nine regions (ONS statistical regions). Reports can be found by region (CH-230); " +
    "a setting's region is derived from its local authority, never typed in.",
})
export class Region {
  [PrimaryKeyProp]?: 'code';

  @PrimaryKey({ type: 'string', length: 9 })
  @Field({ description: 'ONS region code, e.g. E12000002 for the North West.' })
  code!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'Region name, e.g. "North West".' })
  name!: string;

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the region.' })
  get nodeId(): Opt<string> {
    return globalId('Region', this.code);
  }
}
