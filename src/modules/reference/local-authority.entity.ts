import { Entity, PrimaryKeyProp, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node, globalId } from '../shared/node';
import { Region } from './region.entity';

@Entity({ tableName: 'local_authority' })
@ObjectType({
  implements: Node,
  description:
    'An English local authority with children\'s services: the "local authority area" by which the public ' +
    'can find reports (CH-230). Loaded from the reference list of local authorities.',
})
export class LocalAuthority {
  [PrimaryKeyProp]?: 'onsCode';

  @PrimaryKey({ type: 'string', length: 9 })
  @Field({ description: 'ONS code of the local authority, e.g. E08000003 for Manchester.' })
  onsCode!: string;

  @Property({ type: 'string', length: 3, unique: true })
  @Field({ description: 'Department for Education local authority code (three digits), e.g. 352.' })
  dfeCode!: string;

  @Property({ type: 'string', length: 10, unique: true })
  @Field({ description: "Ofsted's unique reference number (URN) for the local authority." })
  ofstedUrn!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'Name of the local authority, e.g. "Manchester".' })
  name!: string;

  @Property({ type: 'string', length: 50 })
  @Field({ description: 'Kind of authority, e.g. "Metropolitan District", "London Borough", "Unitary Authority".' })
  authorityType!: string;

  @ManyToOne(() => Region, { ref: true })
  @Index()
  region!: Ref<Region>;

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the local authority.' })
  get nodeId(): Opt<string> {
    return globalId('LocalAuthority', this.onsCode);
  }
}
