import { LocalDateResolver, NonNegativeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { LocalDate } from '../../domain/local-date';
import { ProviderStatus, RegisteredProviderKind } from '../../domain/provider-register';
import { SettingType } from '../../domain/setting-types';
import { AddressInput } from '../shared/address';
import { ConnectionType } from '../shared/connection';
import { UserError } from '../shared/user-error';
import { Provider } from './provider.entity';

// ---------------------------------------------------------------------------------------------
// Outputs

@ObjectType({ description: 'A person holding a role at a setting. Private: never published except where the guidance says.' })
export class Person {
  @Field({ description: 'Full name.' })
  name!: string;
}

@ObjectType({ description: 'A period with no registered manager in post, derived from the register of appointments.' })
export class ManagerVacancy {
  @Field(() => LocalDateResolver, { description: 'First day without a registered manager.' })
  startDate!: LocalDate;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Day a registered manager took up post again; null while the post is still vacant.',
  })
  endDate!: LocalDate | null;

  @Field(() => NonNegativeIntResolver, {
    description: 'Days vacant: up to the end date, or up to the date asked about while still vacant.',
  })
  days!: number;

  @Field(() => NonNegativeIntResolver, {
    description: 'Whole weeks vacant. A vacancy of 26 weeks or more bears on the leaders and managers judgement (CHA-195).',
  })
  weeks!: number;
}

@ObjectType({ description: 'A page of settings from the register of providers (Relay cursor connection).' })
export class ProviderConnection extends ConnectionType(Provider, 'Provider') {}

@ObjectType({ description: 'The result of registerProvider.' })
export class RegisterProviderPayload {
  @Field(() => Provider, { nullable: true, description: 'The newly registered setting; null when there are user errors.' })
  provider!: Provider | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty when the setting was registered.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of updateProvider.' })
export class UpdateProviderPayload {
  @Field(() => Provider, { nullable: true, description: 'The setting as it now stands; null when there are user errors.' })
  provider!: Provider | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty when the change was made.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of changeRegisteredManager.' })
export class ChangeRegisteredManagerPayload {
  @Field(() => Provider, { nullable: true, description: 'The setting with its new manager; null when there are user errors.' })
  provider!: Provider | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty when the change was recorded.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of closeProvider.' })
export class CloseProviderPayload {
  @Field(() => Provider, { nullable: true, description: 'The closed setting; null when there are user errors.' })
  provider!: Provider | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty when the registration was ended.' })
  userErrors!: UserError[];
}

// ---------------------------------------------------------------------------------------------
// Inputs

@InputType({ description: 'Filters for the register of providers; all given filters must match.' })
export class ProviderFilter {
  @Field(() => SettingType, { nullable: true, description: 'Only settings of this type.' })
  settingType?: SettingType | null;

  @Field(() => String, { nullable: true, description: 'Only settings in this local authority (its ONS code, e.g. E08000003).' })
  localAuthority?: string | null;

  @Field(() => String, { nullable: true, description: 'Only settings in this region (its ONS code, e.g. E12000002).' })
  region?: string | null;

  @Field(() => ProviderStatus, { nullable: true, description: 'Only settings whose registration has this status.' })
  status?: ProviderStatus | null;
}

@InputType({ description: 'A person named in the register.' })
export class PersonInput {
  @Field({ description: 'Full name.' })
  name!: string;
}

@InputType({ description: 'The registered manager in post when the setting is registered.' })
export class RegisteredManagerInput {
  @Field({ description: 'Full name of the registered manager.' })
  name!: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'First day in post; defaults to the registration date. Not before it.',
  })
  startDate?: LocalDate | null;
}

@InputType({
  description:
    'The registered provider running the setting: either `id` of one already on the register, or `kind`, `name` and `address` of a new one.',
})
export class RegisteredProviderInput {
  @Field(() => ID, { nullable: true, description: 'ID of a registered provider already on the register.' })
  id?: string | null;

  @Field(() => RegisteredProviderKind, { nullable: true, description: 'For a new registered provider: organisation or individual.' })
  kind?: RegisteredProviderKind | null;

  @Field(() => String, { nullable: true, description: 'For a new registered provider: its name.' })
  name?: string | null;

  @Field(() => AddressInput, { nullable: true, description: 'For a new registered provider: its address.' })
  address?: AddressInput | null;
}

@InputType({ description: 'A setting to add to the register of providers.' })
export class RegisterProviderInput {
  @Field({ description: 'Unique reference number: "SC" and 6 digits (legacy) or 7 digits.' })
  urn!: string;

  @Field(() => SettingType, { description: 'The kind of setting.' })
  settingType!: SettingType;

  @Field({ description: "The setting's own name (private)." })
  name!: string;

  @Field(() => AddressInput, { description: "The setting's address (private)." })
  address!: AddressInput;

  @Field({ description: 'ONS code of the local authority the setting is in (e.g. E08000003); the region follows from it.' })
  localAuthority!: string;

  @Field(() => RegisteredProviderInput, { description: 'Who carries on the setting.' })
  registeredProvider!: RegisteredProviderInput;

  @Field(() => PersonInput, {
    nullable: true,
    description: 'The responsible individual; required when the registered provider is an organisation (CHA-181).',
  })
  responsibleIndividual?: PersonInput | null;

  @Field(() => RegisteredManagerInput, { nullable: true, description: 'The registered manager, if one is in post.' })
  registeredManager?: RegisteredManagerInput | null;

  @Field(() => NonNegativeIntResolver, {
    nullable: true,
    description: "Registered places: required for children's homes, secure children's homes and family centres; none for agencies.",
  })
  places?: number | null;

  @Field(() => LocalDateResolver, { description: 'Date of registration; not in the future.' })
  registrationDate!: LocalDate;

  @Field({ defaultValue: false, description: "A children's home providing short breaks only." })
  shortBreakService!: boolean;

  @Field({ defaultValue: false, description: "A children's home or secure children's home that also provides education." })
  providesEducation!: boolean;

  @Field({ defaultValue: false, description: 'An adoption support agency that is a single individual (ASA-043).' })
  singlePersonAgency!: boolean;
}

@InputType({ description: "Changes to a setting's details; omitted fields stay as they are." })
export class UpdateProviderInput {
  @Field(() => ID, { description: 'ID of the setting.' })
  providerId!: string;

  @Field(() => String, { nullable: true, description: "The setting's new name." })
  name?: string | null;

  @Field(() => AddressInput, { nullable: true, description: "The setting's new address." })
  address?: AddressInput | null;

  @Field(() => String, { nullable: true, description: 'ONS code of the local authority, when the setting moves to another.' })
  localAuthority?: string | null;

  @Field(() => PersonInput, { nullable: true, description: 'The new responsible individual; null removes the current one.' })
  responsibleIndividual?: PersonInput | null;

  @Field(() => NonNegativeIntResolver, { nullable: true, description: 'Registered places; null removes them (agencies).' })
  places?: number | null;

  @Field(() => Boolean, { nullable: true, description: "A children's home providing short breaks only." })
  shortBreakService?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "A children's home or secure children's home that also provides education." })
  providesEducation?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'An adoption support agency that is a single individual.' })
  singlePersonAgency?: boolean | null;
}

@InputType({
  description:
    'A change of registered manager on one day: the manager in post (if any) leaves on it and the new one (if any) starts on it.',
})
export class ChangeRegisteredManagerInput {
  @Field(() => ID, { description: 'ID of the setting.' })
  providerId!: string;

  @Field(() => LocalDateResolver, { description: 'Day the change takes effect; not in the future, not before the last change.' })
  effectiveDate!: LocalDate;

  @Field(() => PersonInput, {
    nullable: true,
    description: 'The new registered manager; null when the manager leaves and the post falls vacant.',
  })
  newManager?: PersonInput | null;
}

export enum ClosureOutcome {
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(ClosureOutcome, {
  name: 'ClosureOutcome',
  description: 'How a registration ends.',
  valuesConfig: {
    CLOSED: { description: 'The provider closed the setting (resigned its registration).' },
    CANCELLED: { description: 'Ofsted cancelled the registration.' },
  },
});

@InputType({ description: "The end of a setting's registration." })
export class CloseProviderInput {
  @Field(() => ID, { description: 'ID of the setting.' })
  providerId!: string;

  @Field(() => ClosureOutcome, { description: 'Closed by the provider, or cancelled by Ofsted.' })
  outcome!: ClosureOutcome;

  @Field(() => LocalDateResolver, { description: 'Day the registration ended; not in the future.' })
  effectiveDate!: LocalDate;
}
