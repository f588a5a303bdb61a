import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { Evidence } from '../evidence/evidence.entity';
import { Inspection } from '../inspections/inspection.entity';
import { ComplianceNotice, ComplianceNoticeAction, Recommendation, Requirement } from './requirement.entity';
import { RequirementService } from './requirement.service';
import {
  CheckRecommendationInput,
  CheckRequirementInput,
  ComplianceNoticePayload,
  RecommendationPayload,
  RecordRecommendationInput,
  RecordRequirementInput,
  RequirementPayload,
  ServeComplianceNoticeInput,
} from './requirement.types';

async function inspectionOf(loaders: Context['loaders'], id: string): Promise<Inspection> {
  return (await loaders.inspectionById.load(id))!;
}

@Resolver(() => Requirement)
export class RequirementResolver {
  @FieldResolver(() => Inspection, { description: 'The inspection that made it.' })
  inspection(@Root() requirement: Requirement, @Ctx() { loaders }: Context): Promise<Inspection> {
    return inspectionOf(loaders, requirement.inspection.id);
  }

  @FieldResolver(() => [Evidence], { description: 'The evidence of the weakness it addresses.' })
  async evidence(@Root() requirement: Requirement, @Ctx() { loaders }: Context): Promise<Evidence[]> {
    return (await loaders.evidenceIdsByRequirement.load(requirement.id)).map((row) => row.evidence);
  }

  @FieldResolver(() => Inspection, { nullable: true, description: 'The later visit that checked it, if any.' })
  checkedAt(@Root() requirement: Requirement, @Ctx() { loaders }: Context): Promise<Inspection> | null {
    return requirement.checkedAt ? inspectionOf(loaders, requirement.checkedAt.id) : null;
  }

  @Mutation(() => RequirementPayload, { description: 'Makes a requirement at an inspection. Takes one `input`, returns `userErrors`.' })
  recordRequirement(@Arg('input', () => RecordRequirementInput, { description: 'The requirement.' }) input: RecordRequirementInput, @Ctx() { em, clock }: Context): Promise<RequirementPayload> {
    return new RequirementService(em, clock).recordRequirement(input);
  }

  @Mutation(() => RequirementPayload, { description: 'Records whether a later visit found a requirement met. Takes one `input`, returns `userErrors`.' })
  checkRequirement(@Arg('input', () => CheckRequirementInput, { description: 'The check.' }) input: CheckRequirementInput, @Ctx() { em, clock }: Context): Promise<RequirementPayload> {
    return new RequirementService(em, clock).checkRequirement(input);
  }
}

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @FieldResolver(() => Inspection, { description: 'The inspection that made it.' })
  inspection(@Root() recommendation: Recommendation, @Ctx() { loaders }: Context): Promise<Inspection> {
    return inspectionOf(loaders, recommendation.inspection.id);
  }

  @FieldResolver(() => [Evidence], { description: 'The evidence it rests on.' })
  async evidence(@Root() recommendation: Recommendation, @Ctx() { loaders }: Context): Promise<Evidence[]> {
    return (await loaders.evidenceIdsByRecommendation.load(recommendation.id)).map((row) => row.evidence);
  }

  @FieldResolver(() => Inspection, { nullable: true, description: 'The later visit that checked it, if any.' })
  checkedAt(@Root() recommendation: Recommendation, @Ctx() { loaders }: Context): Promise<Inspection> | null {
    return recommendation.checkedAt ? inspectionOf(loaders, recommendation.checkedAt.id) : null;
  }

  @Mutation(() => RecommendationPayload, { description: 'Makes a recommendation at an inspection. Takes one `input`, returns `userErrors`.' })
  recordRecommendation(@Arg('input', () => RecordRecommendationInput, { description: 'The recommendation.' }) input: RecordRecommendationInput, @Ctx() { em, clock }: Context): Promise<RecommendationPayload> {
    return new RequirementService(em, clock).recordRecommendation(input);
  }

  @Mutation(() => RecommendationPayload, { description: 'Records whether a later visit found a recommendation met. Takes one `input`, returns `userErrors`.' })
  checkRecommendation(@Arg('input', () => CheckRecommendationInput, { description: 'The check.' }) input: CheckRecommendationInput, @Ctx() { em, clock }: Context): Promise<RecommendationPayload> {
    return new RequirementService(em, clock).checkRecommendation(input);
  }
}

@Resolver(() => ComplianceNotice)
export class ComplianceNoticeResolver {
  @FieldResolver(() => Inspection, { description: 'The inspection after which it was served.' })
  inspection(@Root() notice: ComplianceNotice, @Ctx() { loaders }: Context): Promise<Inspection> {
    return inspectionOf(loaders, notice.inspection.id);
  }

  @FieldResolver(() => [ComplianceNoticeAction], { description: 'The actions, in order, each with its regulation and completion date.' })
  actions(@Root() notice: ComplianceNotice, @Ctx() { loaders }: Context): Promise<ComplianceNoticeAction[]> {
    return loaders.actionsByComplianceNotice.load(notice.id);
  }

  @Mutation(() => ComplianceNoticePayload, { description: 'Records a compliance notice served after an inspection. Takes one `input`, returns `userErrors`.' })
  serveComplianceNotice(@Arg('input', () => ServeComplianceNoticeInput, { description: 'The notice.' }) input: ServeComplianceNoticeInput, @Ctx() { em, clock }: Context): Promise<ComplianceNoticePayload> {
    return new RequirementService(em, clock).serveComplianceNotice(input);
  }
}
