import { Embeddable, Property } from '@mikro-orm/core';
import { Field, InputType, ObjectType } from 'type-graphql';

@Embeddable()
@ObjectType({ description: 'A postal address in England. Private: held for inspectors, never published.' })
export class Address {
  @Property({ type: 'string', length: 200 })
  @Field({ description: 'First line of the address.' })
  line1!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Second line of the address, if any.' })
  line2?: string | null;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Town or city.' })
  town!: string;

  @Property({ type: 'string', length: 10 })
  @Field({ description: 'Postcode, normalised (e.g. "M1 1AE"). Never searchable by the public (CH-230).' })
  postcode!: string;
}

@InputType({ description: 'A postal address in England.' })
export class AddressInput {
  @Field({ description: 'First line of the address.' })
  line1!: string;

  @Field(() => String, { nullable: true, description: 'Second line of the address, if any.' })
  line2?: string | null;

  @Field({ description: 'Town or city.' })
  town!: string;

  @Field({ description: 'UK postcode, in any spacing or case; stored normalised.' })
  postcode!: string;
}
