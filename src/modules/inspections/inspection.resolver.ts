import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { ProtectedPerson } from '../evidence/evidence.entity';
import { EvidenceConnection } from '../evidence/evidence.types';
import { JudgementRecord } from '../judgements/judgement.entity';
import { Provider } from '../providers/provider.entity';
import { ComplianceNotice, Recommendation, Requirement } from '../requirements/requirement.entity';
import type { PageArgs } from '../shared/connection';
import { Inspection, LineOfEnquiry } from './inspection.entity';
import { InspectionService, noticeOf } from './inspection.service';
import {
  AddLineOfEnquiryInput,
  CompleteFieldworkInput,
  InspectionConnection,
  InspectionFilter,
  InspectionPayload,
  NoticeAssessment,
  ScheduleInspectionInput,
  StartInspectionInput,
} from './inspection.types';
import { Allow, signedIn } from '../auth/authorize';
import { Permission } from '../../domain/access';

@ArgsType()
export class PageArgsType implements PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page forwards: at most this many (1 to 100; 20 by default).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Page forwards: items after this cursor.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page backwards: at most this many (1 to 100).' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Page backwards: items before this cursor.' })
  before?: string | null;
}

/** A page of a list within an area: a region or a local authority (ONS codes). */
@ArgsType()
export class AreaPageArgs extends PageArgsType {
  @Field(() => String, { nullable: true, description: 'Only in this region (ONS code).' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Only in this local authority (ONS code).' })
  localAuthority?: string | null;
}

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
  async inspections(@Args() args: InspectionsArgs, @Ctx() { em, clock, loaders, principal }: Context): Promise<InspectionConnection> {
    const connection = await new InspectionService(em, clock, signedIn(principal)).list(args.filter, args);
    for (const edge of connection.edges) loaders.inspectionById.prime(edge.node.id, edge.node);
    return Object.assign(new InspectionConnection(), connection);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Provider, { description: 'The setting inspected.' })
  async provider(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<Provider> {
    return (await loaders.providerById.load(inspection.provider.id))!;
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => Inspection, { nullable: true, description: 'Interim inspections: the previous judged inspection the judgement is relative to (CH-170).' })
  previousInspection(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<Inspection | null> | null {
    return inspection.previousInspection ? loaders.inspectionById.load(inspection.previousInspection.id) : null;
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => NoticeAssessment, { description: 'The notice given, against the notice rule for this type and setting; a breach is flagged.' })
  async notice(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<NoticeAssessment> {
    return noticeOf(inspection, (await loaders.providerById.load(inspection.provider.id))!);
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => [LineOfEnquiry], { description: 'The lines of enquiry, in the order recorded.' })
  linesOfEnquiry(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<LineOfEnquiry[]> {
    return loaders.linesOfEnquiryByInspection.load(inspection.id);
  }

  @Allow(Permission.READ_EVIDENCE)
  @FieldResolver(() => EvidenceConnection, { description: 'The evidence recorded, in the order recorded, a page at a time. Never public.' })
  async evidence(@Root() inspection: Inspection, @Args() args: PageArgsType, @Ctx() { loaders }: Context): Promise<EvidenceConnection> {
    return Object.assign(new EvidenceConnection(), await loaders.evidencePage(inspection.id, args));
  }

  @Allow(Permission.READ_EVIDENCE)
  @FieldResolver(() => [ProtectedPerson], { description: 'The protected register: everyone named in the evidence. Never public.' })
  protectedPeople(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<ProtectedPerson[]> {
    return loaders.protectedPeopleByInspection.load(inspection.id);
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => JudgementRecord, { nullable: true, description: 'The judgements as they now stand; null until proposed at feedback.' })
  async judgement(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<JudgementRecord | null> {
    const history = await loaders.judgementHistoryByInspection.load(inspection.id);
    return history[history.length - 1] ?? null;
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => [JudgementRecord], { description: 'Every version of the judgements: the proposal at feedback, then each change with its reason.' })
  judgementHistory(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<JudgementRecord[]> {
    return loaders.judgementHistoryByInspection.load(inspection.id);
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => [Requirement], { description: 'Requirements made at this inspection.' })
  requirements(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<Requirement[]> {
    return loaders.requirementsByInspection.load(inspection.id);
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => [Recommendation], { description: 'Recommendations made at this inspection.' })
  recommendations(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<Recommendation[]> {
    return loaders.recommendationsByInspection.load(inspection.id);
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => [ComplianceNotice], { description: 'Compliance notices served after this inspection.' })
  complianceNotices(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<ComplianceNotice[]> {
    return loaders.complianceNoticesByInspection.load(inspection.id);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, description('Plans an inspection or visit of a setting.'))
  scheduleInspection(@Arg('input', () => ScheduleInspectionInput, { description: 'What to plan.' }) input: ScheduleInspectionInput, @Ctx() { em, clock, principal }: Context): Promise<InspectionPayload> {
    return new InspectionService(em, clock, signedIn(principal)).schedule(input);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, description('Records the inspectors\' arrival on site.'))
  startInspection(@Arg('input', () => StartInspectionInput, { description: 'The start.' }) input: StartInspectionInput, @Ctx() { em, clock, principal }: Context): Promise<InspectionPayload> {
    return new InspectionService(em, clock, signedIn(principal)).start(input);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, description('Adds a line of enquiry emerging during the inspection.'))
  addLineOfEnquiry(@Arg('input', () => AddLineOfEnquiryInput, { description: 'The line of enquiry.' }) input: AddLineOfEnquiryInput, @Ctx() { em, clock, principal }: Context): Promise<InspectionPayload> {
    return new InspectionService(em, clock, signedIn(principal)).addLineOfEnquiry(input);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, description('Records the end of fieldwork: feedback given on the last day of the inspection.'))
  completeFieldwork(@Arg('input', () => CompleteFieldworkInput, { description: 'The end of fieldwork.' }) input: CompleteFieldworkInput, @Ctx() { em, clock, principal }: Context): Promise<InspectionPayload> {
    return new InspectionService(em, clock, signedIn(principal)).completeFieldwork(input);
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
