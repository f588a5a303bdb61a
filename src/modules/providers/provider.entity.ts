import { randomUUID } from 'node:crypto';
import {
  Check,
  Collection,
  Embedded,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  type Opt,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { DateTimeResolver, LocalDateResolver, NonNegativeIntResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../domain/local-date';
import { ProviderStatus } from '../../domain/provider-register';
import { SettingType } from '../../domain/setting-types';
import { LocalAuthority } from '../reference/local-authority.entity';
import { Address } from '../shared/address';
import { Node, globalId } from '../shared/node';
import { ManagerAppointment } from './manager-appointment.entity';
import { RegisteredProvider } from './registered-provider.entity';
import './provider.enums';

@Entity({ tableName: 'provider' })
@Index({ properties: ['settingType', 'urn'] })
@Index({ properties: ['localAuthority', 'urn'] })
@Check({ name: 'provider_urn_format', expression: `urn ~ '^(SC[0-9]{6}|[0-9]{7})$'` })
@Check({ name: 'provider_places_non_negative', expression: 'places >= 0' })
@ObjectType({
  implements: Node,
  description:
    "A registered setting (a children's home, agency, centre, school or college) on the register of providers: " +
    'internal view for inspectors. Its name, address and postcode are private and never published (CH-228).',
})
export class Provider {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 9, unique: true })
  @Field({
    description: 'Unique reference number: "SC" and 6 digits (legacy) or 7 digits. The public search key for reports (CH-230).',
  })
  urn!: string;

  @Enum({ items: () => SettingType, nativeEnumName: 'setting_type' })
  @Field(() => SettingType, { description: 'The kind of setting.' })
  settingType!: SettingType;

  @Property({ type: 'string', length: 200 })
  @Field({ description: "The setting's own name. Private: held for inspectors, never published (CH-228)." })
  name!: string;

  @Embedded(() => Address, { prefix: 'address_' })
  @Field(() => Address, { description: "The setting's address. Private: never published, never searchable (CH-230)." })
  address!: Address;

  @ManyToOne(() => LocalAuthority, { ref: true })
  localAuthority!: Ref<LocalAuthority>;

  @ManyToOne(() => RegisteredProvider, { ref: true })
  @Index()
  registeredProvider!: Ref<RegisteredProvider>;

  @Property({ type: 'string', length: 200, nullable: true })
  responsibleIndividualName: string | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => NonNegativeIntResolver, {
    nullable: true,
    description: 'Number of registered places; null for settings without places (agencies).',
  })
  places: number | null = null;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, { description: 'Date the setting was registered with Ofsted.' })
  registrationDate!: LocalDate;

  @Enum({ items: () => ProviderStatus, nativeEnumName: 'provider_status' })
  @Field(() => ProviderStatus, { description: "Where the setting's registration stands." })
  status: ProviderStatus & Opt = ProviderStatus.REGISTERED;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, {
    description: 'Date from which the current status applies (the registration date while registered).',
  })
  statusDate!: LocalDate;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: "The children's home provides short breaks only (a short-break service)." })
  shortBreakService: boolean & Opt = false;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: "The children's home or secure children's home also provides education (is also a school)." })
  providesEducation: boolean & Opt = false;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, {
    description:
      "An adoption support agency that is a single individual: it is given 20 working days' notice of inspection, not 10 (ASA-043).",
  })
  singlePersonAgency: boolean & Opt = false;

  @OneToMany(() => ManagerAppointment, (appointment) => appointment.provider)
  managerAppointments = new Collection<ManagerAppointment>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeResolver, { description: 'When the setting was first recorded on this register.' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  @Field(() => DateTimeResolver, { description: 'When the register entry last changed.' })
  updatedAt: Date & Opt = new Date();

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the setting.' })
  get nodeId(): Opt<string> {
    return globalId('Provider', this.id);
  }
}
