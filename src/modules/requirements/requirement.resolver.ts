import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Evidence } from '../evidence';
import { Inspection } from '../inspections';
import { PageArgsType } from '../shared/arguments';
import type { Context } from '../shared/context';
import { ComplianceNotice, ComplianceNoticeAction, Recommendation, Requirement } from './requirement.entity';
import {
  CheckRecommendationInput,
  CheckRequirementInput,
  ComplianceNoticeConnection,
  ComplianceNoticePayload,
  InspectionItemFilter,
  RecommendationConnection,
  RequirementConnection,
  RecommendationPayload,
  RecordRecommendationInput,
  RecordRequirementInput,
  RequirementPayload,
  ServeComplianceNoticeInput,
} from './requirement.types';
import { Allow } from '../auth';
import './requirement.nodes';
import { Permission } from '../../domain/access';

@ArgsType()
class InspectionItemsArgs extends PageArgsType {
  @Field(() => InspectionItemFilter, { nullable: true, description: 'Only those matching all of these.' })
  filter?: InspectionItemFilter | null;
}

async function inspectionOf(loaders: Context['loaders'], id: string): Promise<Inspection> {
  return (await loaders.inspectionById.load(id))!;
}

@Resolver(() => Requirement)
export class RequirementResolver {
  @Allow(Permission.READ_INSPECTIONS)
  @Query(() => RequirementConnection, { description: 'Requirements made at inspections, oldest first, a page at a time. Internal.' })
  async requirements(@Args() args: InspectionItemsArgs, @Ctx() { services }: Context): Promise<RequirementConnection> {
    return Object.assign(new RequirementConnection(), await services.requirements.listRequirements(args.filter, args));
  }

  @FieldResolver(() => Inspection, { description: 'The inspection that made it.' })
  inspection(@Root() requirement: Requirement, @Ctx() { loaders }: Context): Promise<Inspection> {
    return inspectionOf(loaders, requirement.inspection.id);
  }

  @Allow(Permission.READ_EVIDENCE)
  @FieldResolver(() => [Evidence], { description: 'The evidence of the weakness it addresses.' })
  async evidence(@Root() requirement: Requirement, @Ctx() { loaders }: Context): Promise<Evidence[]> {
    return (await loaders.evidenceIdsByRequirement.load(requirement.id)).map((row) => row.evidence);
  }

  @FieldResolver(() => Inspection, { nullable: true, description: 'The later visit that checked it, if any.' })
  checkedAt(@Root() requirement: Requirement, @Ctx() { loaders }: Context): Promise<Inspection> | null {
    return requirement.checkedAt ? inspectionOf(loaders, requirement.checkedAt.id) : null;
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => RequirementPayload, { description: 'Makes a requirement at an inspection. Takes one `input`, returns `userErrors`.' })
  recordRequirement(
    @Arg('input', () => RecordRequirementInput, { description: 'The requirement.' }) input: RecordRequirementInput,
    @Ctx() { services }: Context,
  ): Promise<RequirementPayload> {
    return services.requirements.recordRequirement(input);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => RequirementPayload, {
    description: 'Records whether a later visit found a requirement met. Takes one `input`, returns `userErrors`.',
  })
  checkRequirement(
    @Arg('input', () => CheckRequirementInput, { description: 'The check.' }) input: CheckRequirementInput,
    @Ctx() { services }: Context,
  ): Promise<RequirementPayload> {
    return services.requirements.checkRequirement(input);
  }
}

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Allow(Permission.READ_INSPECTIONS)
  @Query(() => RecommendationConnection, { description: 'Recommendations made at inspections, oldest first, a page at a time. Internal.' })
  async recommendations(@Args() args: InspectionItemsArgs, @Ctx() { services }: Context): Promise<RecommendationConnection> {
    return Object.assign(new RecommendationConnection(), await services.requirements.listRecommendations(args.filter, args));
  }

  @FieldResolver(() => Inspection, { description: 'The inspection that made it.' })
  inspection(@Root() recommendation: Recommendation, @Ctx() { loaders }: Context): Promise<Inspection> {
    return inspectionOf(loaders, recommendation.inspection.id);
  }

  @Allow(Permission.READ_EVIDENCE)
  @FieldResolver(() => [Evidence], { description: 'The evidence it rests on.' })
  async evidence(@Root() recommendation: Recommendation, @Ctx() { loaders }: Context): Promise<Evidence[]> {
    return (await loaders.evidenceIdsByRecommendation.load(recommendation.id)).map((row) => row.evidence);
  }

  @FieldResolver(() => Inspection, { nullable: true, description: 'The later visit that checked it, if any.' })
  checkedAt(@Root() recommendation: Recommendation, @Ctx() { loaders }: Context): Promise<Inspection> | null {
    return recommendation.checkedAt ? inspectionOf(loaders, recommendation.checkedAt.id) : null;
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => RecommendationPayload, {
    description: 'Makes a recommendation at an inspection. Takes one `input`, returns `userErrors`.',
  })
  recordRecommendation(
    @Arg('input', () => RecordRecommendationInput, { description: 'The recommendation.' }) input: RecordRecommendationInput,
    @Ctx() { services }: Context,
  ): Promise<RecommendationPayload> {
    return services.requirements.recordRecommendation(input);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => RecommendationPayload, {
    description: 'Records whether a later visit found a recommendation met. Takes one `input`, returns `userErrors`.',
  })
  checkRecommendation(
    @Arg('input', () => CheckRecommendationInput, { description: 'The check.' }) input: CheckRecommendationInput,
    @Ctx() { services }: Context,
  ): Promise<RecommendationPayload> {
    return services.requirements.checkRecommendation(input);
  }
}

@Resolver(() => ComplianceNotice)
export class ComplianceNoticeResolver {
  @Allow(Permission.READ_INSPECTIONS)
  @Query(() => ComplianceNoticeConnection, {
    description: 'Compliance notices served after inspections, oldest first, a page at a time. Internal.',
  })
  async complianceNotices(@Args() args: InspectionItemsArgs, @Ctx() { services }: Context): Promise<ComplianceNoticeConnection> {
    return Object.assign(new ComplianceNoticeConnection(), await services.requirements.listComplianceNotices(args.filter, args));
  }

  @FieldResolver(() => Inspection, { description: 'The inspection after which it was served.' })
  inspection(@Root() notice: ComplianceNotice, @Ctx() { loaders }: Context): Promise<Inspection> {
    return inspectionOf(loaders, notice.inspection.id);
  }

  @FieldResolver(() => [ComplianceNoticeAction], { description: 'The actions, in order, each with its regulation and completion date.' })
  actions(@Root() notice: ComplianceNotice, @Ctx() { loaders }: Context): Promise<ComplianceNoticeAction[]> {
    return loaders.actionsByComplianceNotice.load(notice.id);
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => ComplianceNoticePayload, {
    description: 'Records a compliance notice served after an inspection. Takes one `input`, returns `userErrors`.',
  })
  serveComplianceNotice(
    @Arg('input', () => ServeComplianceNoticeInput, { description: 'The notice.' }) input: ServeComplianceNoticeInput,
    @Ctx() { services }: Context,
  ): Promise<ComplianceNoticePayload> {
    return services.requirements.serveComplianceNotice(input);
  }
}

/** What an inspection made: its requirements and recommendations, and the compliance notices served after it. */
@Resolver(() => Inspection)
export class InspectionItemsResolver {
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
}
