import { checkUrnArgument, PageArgsType } from '../shared/arguments';
import { Arg, Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { SettingType } from '../../domain/setting-types';
import { checkAreaArguments } from '../reference';
import type { Context } from '../shared/context';
import { PublicProvider, PublicReport, PublicReportConnection } from './public.types';
import { Allow, Public } from '../auth';
import { Permission } from '../../domain/access';

@ArgsType()
class PublicReportsArgs extends PageArgsType {
  @Field(() => String, { nullable: true, description: 'Only reports on settings in this local authority (ONS code).' })
  localAuthority?: string | null;

  @Field(() => String, { nullable: true, description: 'Only reports on settings in this region (ONS code).' })
  region?: string | null;

  @Field(() => SettingType, { nullable: true, description: 'Only reports on this kind of setting.' })
  settingType?: SettingType | null;
}

/** The public entry points: answered without credentials, found only by URN, local authority or region (CH-230). */
@Resolver()
export class PublicResolver {
  @Public()
  @Query(() => PublicReport, { nullable: true, description: 'The latest published report on the setting with this URN. Public.' })
  publicReport(
    @Arg('urn', { description: 'Unique reference number.' }) urn: string,
    @Ctx() { services }: Context,
  ): Promise<PublicReport | null> {
    checkUrnArgument(urn);
    return services.public.report(urn);
  }

  @Public()
  @Query(() => PublicProvider, {
    nullable: true,
    description: 'A registered setting as the public may see it, with its published reports. Public.',
  })
  publicProvider(
    @Arg('urn', { description: 'Unique reference number.' }) urn: string,
    @Ctx() { services }: Context,
  ): Promise<PublicProvider | null> {
    checkUrnArgument(urn);
    return services.public.provider(urn);
  }

  @Allow(Permission.READ_DRAFT_REPORTS)
  @Query(() => PublicReport, {
    nullable: true,
    description:
      'The draft report the provider has received for factual accuracy, as it now stands; null before it is sent (CH-166). For the provider of the setting and for staff of its region.',
  })
  draftReport(
    @Arg('inspectionId', () => ID, { description: 'The inspection.' }) inspectionId: string,
    @Ctx() { services }: Context,
  ): Promise<PublicReport | null> {
    return services.reports.draft(inspectionId);
  }

  @Public()
  @Query(() => PublicReportConnection, {
    description: 'Published reports, newest first, by local authority, region or setting type; never by name, postcode or address. Public.',
  })
  async publicReports(@Args() args: PublicReportsArgs, @Ctx() { em, services }: Context): Promise<PublicReportConnection> {
    await checkAreaArguments(em, args);
    return Object.assign(new PublicReportConnection(), await services.public.reports(args, args));
  }
}
