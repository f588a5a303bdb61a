import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Provider } from '../providers';
import { PageArgsType } from '../shared/arguments';
import type { Context } from '../shared/context';
import { WHO_MAY, refusalsOfState, viewerCan, viewerCanDescription } from '../shared/viewer-can';
import { Inspection, LineOfEnquiry } from './inspection.entity';
import { noticeOf } from './inspection.service';
import {
  AddLineOfEnquiryInput,
  CompleteFieldworkInput,
  InspectionConnection,
  InspectionFilter,
  AddLineOfEnquiryPayload,
  CompleteFieldworkPayload,
  NoticeAssessment,
  ScheduleInspectionInput,
  ScheduleInspectionPayload,
  StartInspectionInput,
  StartInspectionPayload,
} from './inspection.types';
import { Allow } from '../auth';
import './inspection.nodes';
import { Permission } from '../../domain/access';
import { validateFieldworkCompletion, validateStart } from '../../domain/inspection-lifecycle';

@ArgsType()
class InspectionsArgs extends PageArgsType {
  @Field(() => InspectionFilter, { nullable: true, description: 'Only inspections matching all of these.' })
  filter?: InspectionFilter | null;
}

const description = (what: string) => ({ description: `${what} Each takes one \`input\` and returns \`userErrors\`.` });

@Resolver(() => Inspection)
export class InspectionResolver {
  @Allow(Permission.READ_INSPECTIONS)
  @Query(() => InspectionConnection, { description: 'Inspections and visits, in order of scheduled start, a page at a time. Internal.' })
  async inspections(@Args() args: InspectionsArgs, @Ctx() { loaders, services }: Context): Promise<InspectionConnection> {
    const connection = await services.inspections.list(args.filter, args);
    for (const edge of connection.edges) loaders.inspectionById.prime(edge.node.id, edge.node);
    return Object.assign(new InspectionConnection(), connection);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Provider, { description: 'The setting inspected.' })
  async provider(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<Provider> {
    return (await loaders.providerById.load(inspection.provider.id))!;
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => Inspection, {
    nullable: true,
    description: 'Interim inspections: the previous judged inspection the judgement is relative to (CH-170).',
  })
  previousInspection(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<Inspection | null> | null {
    return inspection.previousInspection ? loaders.inspectionById.load(inspection.previousInspection.id) : null;
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => NoticeAssessment, {
    description: 'The notice given, against the notice rule for this type and setting; a breach is flagged.',
  })
  async notice(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<NoticeAssessment> {
    return noticeOf(inspection, (await loaders.providerById.load(inspection.provider.id))!);
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => [LineOfEnquiry], { description: 'The lines of enquiry, in the order recorded.' })
  linesOfEnquiry(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<LineOfEnquiry[]> {
    return loaders.linesOfEnquiryByInspection.load(inspection.id);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Boolean, { description: viewerCanDescription('startInspection', WHO_MAY.RECORD, 'while it is scheduled') })
  viewerCanStartInspection(@Root() inspection: Inspection, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return viewerCan(context, info, inspection, 'startInspection', 'RECORD', async () => {
      const provider = (await context.loaders.providerById.load(inspection.provider.id))!;
      const today = context.clock.today();
      return refusalsOfState(
        validateStart(
          { status: inspection.status, noticeGivenOn: inspection.noticeGivenOn, registrationDate: provider.registrationDate },
          today,
          today,
        ),
      );
    });
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Boolean, {
    description: viewerCanDescription('completeFieldwork', WHO_MAY.RECORD, 'while the inspectors are on site'),
  })
  viewerCanCompleteFieldwork(@Root() inspection: Inspection, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return viewerCan(context, info, inspection, 'completeFieldwork', 'RECORD', async () => {
      const provider = (await context.loaders.providerById.load(inspection.provider.id))!;
      const today = context.clock.today();
      const state = {
        status: inspection.status,
        type: inspection.type,
        settingType: provider.settingType,
        onSiteStart: inspection.onSiteStart,
      };
      return refusalsOfState(
        validateFieldworkCompletion(state, { onSiteEnd: today, feedbackDate: today, extendedOnSiteReason: null }, today),
      );
    });
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => ScheduleInspectionPayload, description('Plans an inspection or visit of a setting.'))
  scheduleInspection(
    @Arg('input', () => ScheduleInspectionInput, { description: 'What to plan.' }) input: ScheduleInspectionInput,
    @Ctx() { services }: Context,
  ): Promise<ScheduleInspectionPayload> {
    return services.inspections.schedule(input);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => StartInspectionPayload, description("Records the inspectors' arrival on site."))
  startInspection(
    @Arg('input', () => StartInspectionInput, { description: 'The start.' }) input: StartInspectionInput,
    @Ctx() { services }: Context,
  ): Promise<StartInspectionPayload> {
    return services.inspections.start(input);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => AddLineOfEnquiryPayload, description('Adds a line of enquiry emerging during the inspection.'))
  async addLineOfEnquiry(
    @Arg('input', () => AddLineOfEnquiryInput, { description: 'The line of enquiry.' }) input: AddLineOfEnquiryInput,
    @Ctx() { services }: Context,
  ): Promise<AddLineOfEnquiryPayload> {
    const { lineOfEnquiry, ...result } = await services.inspections.addLineOfEnquiry(input);
    return { ...result, lineOfEnquiry: lineOfEnquiry ?? null };
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => CompleteFieldworkPayload, description('Records the end of fieldwork: feedback given on the last day of the inspection.'))
  completeFieldwork(
    @Arg('input', () => CompleteFieldworkInput, { description: 'The end of fieldwork.' }) input: CompleteFieldworkInput,
    @Ctx() { services }: Context,
  ): Promise<CompleteFieldworkPayload> {
    return services.inspections.completeFieldwork(input);
  }
}

@Resolver(() => Provider)
export class ProviderInspectionsResolver {
  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => InspectionConnection, { description: 'Inspections and visits of this setting, in order of scheduled start.' })
  async inspections(@Root() provider: Provider, @Args() args: PageArgsType, @Ctx() { loaders }: Context): Promise<InspectionConnection> {
    const connection = await loaders.inspectionPageByProvider(provider.id, args);
    for (const edge of connection.edges) loaders.inspectionById.prime(edge.node.id, edge.node);
    return Object.assign(new InspectionConnection(), connection);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => [Inspection], {
    description:
      'Inspections of this setting whose draft report has gone to the provider, the latest draft first: where each stands, its deadlines, comments and complaints. Read the draft itself with `draftReport`. For the provider as well as staff.',
  })
  reportDrafts(@Root() provider: Provider, @Ctx() { loaders }: Context): Promise<Inspection[]> {
    return loaders.draftsByProvider.load(provider.id);
  }
}
