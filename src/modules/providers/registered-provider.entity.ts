import { randomUUID } from 'node:crypto';
import { Embedded, Entity, Enum, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { RegisteredProviderKind } from '../../domain/provider-register';
import { Address } from '../shared/address';
import { Node, globalId } from '../shared/node';

@Entity({ tableName: 'registered_provider' })
@ObjectType({
  implements: Node,
  description:
    'The registered provider: the organisation or individual registered with Ofsted to carry on one or more ' +
    'settings. Its name and address are published only where it is an organisation (handbook para 163).',
})
export class RegisteredProvider {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => RegisteredProviderKind, nativeEnumName: 'registered_provider_kind' })
  @Field(() => RegisteredProviderKind, { description: 'Whether the registered provider is an organisation or an individual.' })
  kind!: RegisteredProviderKind;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Name of the organisation, or of the individual registered provider.' })
  name!: string;

  @Embedded(() => Address, { prefix: 'address_' })
  @Field(() => Address, { description: 'Address of the registered provider.' })
  address!: Address;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the registered provider.' })
  get nodeId(): Opt<string> {
    return globalId('RegisteredProvider', this.id);
  }
}
