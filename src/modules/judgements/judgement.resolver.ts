import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { InspectionPayload } from '../inspections/inspection.types';
import { JudgementRecord } from './judgement.entity';
import { JudgementService } from './judgement.service';
import {
  NewJudgementConditions,
  ProposeFullInspectionJudgementsInput,
  ProposeInterimJudgementInput,
  RecordAssuranceVisitOutcomeInput,
  RecordMonitoringVisitOutcomeInput,
  RecordNoJudgementInterimInput,
} from './judgement.types';
import { Allow, signedIn } from '../auth/authorize';
import { Permission } from '../../domain/access';

const input = (description: string) => ({ description });

@Resolver(() => JudgementRecord)
export class JudgementResolver {
  @FieldResolver(() => NewJudgementConditions, { nullable: true, description: 'Monitoring visits with a new judgement: the conditions confirmed.' })
  conditions(@Root() record: JudgementRecord): NewJudgementConditions | null {
    return record.conditions;
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, { description: 'Proposes (at feedback) or changes the three judgements of a full inspection. Takes one `input`, returns `userErrors`.' })
  proposeFullInspectionJudgements(
    @Arg('input', () => ProposeFullInspectionJudgementsInput, input('The judgements.')) args: ProposeFullInspectionJudgementsInput,
    @Ctx() { em, principal }: Context,
  ): Promise<InspectionPayload> {
    return new JudgementService(em, signedIn(principal)).proposeFull(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, { description: 'Proposes or changes the judgement of an interim inspection. Takes one `input`, returns `userErrors`.' })
  proposeInterimJudgement(
    @Arg('input', () => ProposeInterimJudgementInput, input('The judgement.')) args: ProposeInterimJudgementInput,
    @Ctx() { em, principal }: Context,
  ): Promise<InspectionPayload> {
    return new JudgementService(em, signedIn(principal)).proposeInterim(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, { description: 'Records an interim inspection of a home with no children placed: no judgement, the Annex G statement. Takes one `input`, returns `userErrors`.' })
  recordNoJudgementInterim(
    @Arg('input', () => RecordNoJudgementInterimInput, input('The outcome.')) args: RecordNoJudgementInterimInput,
    @Ctx() { em, principal }: Context,
  ): Promise<InspectionPayload> {
    return new JudgementService(em, signedIn(principal)).recordNoJudgement(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, { description: 'Records the outcome of an assurance visit: no grade. Takes one `input`, returns `userErrors`.' })
  recordAssuranceVisitOutcome(
    @Arg('input', () => RecordAssuranceVisitOutcomeInput, input('The outcome.')) args: RecordAssuranceVisitOutcomeInput,
    @Ctx() { em, principal }: Context,
  ): Promise<InspectionPayload> {
    return new JudgementService(em, signedIn(principal)).recordAssurance(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, { description: 'Records the outcome of a monitoring visit, with a new judgement only where the guidance allows. Takes one `input`, returns `userErrors`.' })
  recordMonitoringVisitOutcome(
    @Arg('input', () => RecordMonitoringVisitOutcomeInput, input('The outcome.')) args: RecordMonitoringVisitOutcomeInput,
    @Ctx() { em, principal }: Context,
  ): Promise<InspectionPayload> {
    return new JudgementService(em, signedIn(principal)).recordMonitoring(args);
  }
}
