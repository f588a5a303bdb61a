import { badArgument, checkUrnArgument } from '../shared/arguments';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isLocalDate, type LocalDate } from '../../domain/local-date';
import { currentVacancy, managerVacancies, registrationEndedOn, type VacancyPeriod } from '../../domain/provider-register';
import { checkAreaArguments, LocalAuthority, Region } from '../reference';
import type { Context } from '../shared/context';
import type { PageArgs } from '../shared/connection';
import { ManagerAppointment } from './manager-appointment.entity';
import { Provider } from './provider.entity';
import {
  ChangeRegisteredManagerInput,
  ChangeRegisteredManagerPayload,
  CloseProviderInput,
  CloseProviderPayload,
  ManagerVacancy,
  Person,
  ProviderConnection,
  ProviderFilter,
  RegisterProviderInput,
  RegisterProviderPayload,
  UpdateProviderInput,
  UpdateProviderPayload,
} from './provider.types';
import { RegisteredProvider } from './registered-provider.entity';
import { Allow } from '../auth';
import './provider.nodes';
import { Permission } from '../../domain/access';

@ArgsType()
class ProvidersArgs implements PageArgs {
  @Field(() => ProviderFilter, { nullable: true, description: 'Only settings matching all of these.' })
  filter?: ProviderFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page forwards: at most this many settings (1 to 100; 20 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Page forwards: settings after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page backwards: at most this many settings (1 to 100).' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Page backwards: settings before this cursor.' })
  before?: string | null;
}

function toVacancy(period: VacancyPeriod): ManagerVacancy {
  return { ...period, weeks: Math.floor(period.days / 7) };
}

@Resolver(() => Provider)
export class ProviderResolver {
  @Allow(Permission.READ_REGISTER)
  @Query(() => Provider, { nullable: true, description: 'The setting with this URN, or null when none has it.' })
  async provider(
    @Arg('urn', { description: 'Unique reference number: "SC" and 6 digits, or 7 digits.' }) urn: string,
    @Ctx() { services }: Context,
  ): Promise<Provider | null> {
    checkUrnArgument(urn);
    return services.providers.findByUrn(urn);
  }

  @Allow(Permission.READ_REGISTER)
  @Query(() => ProviderConnection, { description: 'The register of providers, ordered by URN, a page at a time.' })
  async providers(@Args() args: ProvidersArgs, @Ctx() { em, loaders, services }: Context): Promise<ProviderConnection> {
    const { filter } = args;
    await checkAreaArguments(em, filter ?? {}, { region: 'filter.region', localAuthority: 'filter.localAuthority' });
    const connection = await services.providers.list(filter, args);
    for (const edge of connection.edges) loaders.providerById.prime(edge.node.id, edge.node);
    return Object.assign(new ProviderConnection(), connection, { filter: filter ?? null });
  }

  @FieldResolver(() => LocalAuthority, { description: 'The local authority the setting is in.' })
  async localAuthority(@Root() provider: Provider, @Ctx() { loaders }: Context): Promise<LocalAuthority> {
    return (await loaders.localAuthorityByCode.load(provider.localAuthority.onsCode))!;
  }

  @FieldResolver(() => Region, { description: "The setting's region, derived from its local authority." })
  async region(@Root() provider: Provider, @Ctx() { loaders }: Context): Promise<Region> {
    const la = await loaders.localAuthorityByCode.load(provider.localAuthority.onsCode);
    return (await loaders.regionByCode.load(la!.region.code))!;
  }

  @FieldResolver(() => RegisteredProvider, { description: 'The organisation or individual registered to carry on the setting.' })
  async registeredProvider(@Root() provider: Provider, @Ctx() { loaders }: Context): Promise<RegisteredProvider> {
    return (await loaders.registeredProviderById.load(provider.registeredProvider.id))!;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The responsible individual, if any. Private.' })
  responsibleIndividual(@Root() provider: Provider): Person | null {
    return provider.responsibleIndividualName ? { name: provider.responsibleIndividualName } : null;
  }

  @FieldResolver(() => ManagerAppointment, {
    nullable: true,
    description: 'The registered manager in post now, or null while the post is vacant.',
  })
  async registeredManager(@Root() provider: Provider, @Ctx() { loaders }: Context): Promise<ManagerAppointment | null> {
    const appointments = await loaders.managerAppointmentsByProvider.load(provider.id);
    return appointments.find((a) => a.endDate === null) ?? null;
  }

  @FieldResolver(() => [ManagerAppointment], { description: 'Every registered manager the setting has had, oldest first.' })
  async registeredManagerHistory(@Root() provider: Provider, @Ctx() { loaders }: Context): Promise<ManagerAppointment[]> {
    return loaders.managerAppointmentsByProvider.load(provider.id);
  }

  @FieldResolver(() => [ManagerVacancy], {
    description: 'Periods since registration with no registered manager in post, oldest first, derived from the appointments.',
  })
  async managerVacancies(
    @Root() provider: Provider,
    @Ctx() { loaders, clock }: Context,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'Measure an open vacancy up to this date (today by default).' })
    asOf?: LocalDate | null,
  ): Promise<ManagerVacancy[]> {
    const appointments = await loaders.managerAppointmentsByProvider.load(provider.id);
    return managerVacancies(
      provider.registrationDate,
      appointments,
      this.asOf(asOf, clock.today()),
      registrationEndedOn(provider.status, provider.statusDate),
    ).map(toVacancy);
  }

  @FieldResolver(() => ManagerVacancy, {
    nullable: true,
    description: 'The vacancy open on the date asked about (today by default), if any.',
  })
  async currentManagerVacancy(
    @Root() provider: Provider,
    @Ctx() { loaders, clock }: Context,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'The date to look at (today by default).' })
    asOf?: LocalDate | null,
  ): Promise<ManagerVacancy | null> {
    const appointments = await loaders.managerAppointmentsByProvider.load(provider.id);
    const vacancy = currentVacancy(
      provider.registrationDate,
      appointments,
      this.asOf(asOf, clock.today()),
      registrationEndedOn(provider.status, provider.statusDate),
    );
    return vacancy ? toVacancy(vacancy) : null;
  }

  private asOf(asOf: LocalDate | null | undefined, today: LocalDate): LocalDate {
    if (asOf == null) return today;
    if (!isLocalDate(asOf)) throw badArgument('asOf', `"${asOf}" is not a calendar date`);
    return asOf;
  }

  @Allow(Permission.WRITE_REGISTER)
  @Mutation(() => RegisterProviderPayload, { description: 'Adds a setting to the register of providers.' })
  registerProvider(
    @Arg('input', () => RegisterProviderInput, { description: 'What to record.' }) input: RegisterProviderInput,
    @Ctx() { services }: Context,
  ): Promise<RegisterProviderPayload> {
    return services.providers.register(input);
  }

  @Allow(Permission.WRITE_REGISTER)
  @Mutation(() => UpdateProviderPayload, { description: "Changes a setting's details on the register." })
  updateProvider(
    @Arg('input', () => UpdateProviderInput, { description: 'What to record.' }) input: UpdateProviderInput,
    @Ctx() { services }: Context,
  ): Promise<UpdateProviderPayload> {
    return services.providers.update(input);
  }

  @Allow(Permission.WRITE_REGISTER)
  @Mutation(() => ChangeRegisteredManagerPayload, {
    description: 'Records a change of registered manager: a new manager, or the post falling vacant.',
  })
  changeRegisteredManager(
    @Arg('input', () => ChangeRegisteredManagerInput, { description: 'What to record.' }) input: ChangeRegisteredManagerInput,
    @Ctx() { services }: Context,
  ): Promise<ChangeRegisteredManagerPayload> {
    return services.providers.changeRegisteredManager(input);
  }

  @Allow(Permission.WRITE_REGISTER)
  @Mutation(() => CloseProviderPayload, { description: "Ends a setting's registration: closed by the provider or cancelled by Ofsted." })
  closeProvider(
    @Arg('input', () => CloseProviderInput, { description: 'What to record.' }) input: CloseProviderInput,
    @Ctx() { services }: Context,
  ): Promise<CloseProviderPayload> {
    return services.providers.close(input);
  }
}

@Resolver(() => ProviderConnection)
export class ProviderConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many settings match the filter, across all pages (one extra count query).' })
  totalCount(@Root() connection: ProviderConnection & { filter: ProviderFilter | null }, @Ctx() { services }: Context): Promise<number> {
    return services.providers.count(connection.filter);
  }
}
