import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import { Inspection } from '../inspections';
import type { Context } from '../shared/context';
import { WHO_MAY, viewerCan, viewerCanDescription } from '../shared/viewer-can';
import { JudgementRecord } from './judgement.entity';
import { latestOf } from './judgement.repository';
import type { JudgementResult } from './judgement.service';
import {
  NewJudgementConditions,
  ProposeFullInspectionJudgementsInput,
  ProposeFullInspectionJudgementsPayload,
  ProposeInterimJudgementInput,
  ProposeInterimJudgementPayload,
  RecordAssuranceVisitOutcomeInput,
  RecordAssuranceVisitOutcomePayload,
  RecordMonitoringVisitOutcomeInput,
  RecordMonitoringVisitOutcomePayload,
  RecordNoJudgementInterimInput,
  RecordNoJudgementInterimPayload,
} from './judgement.types';
import { Allow } from '../auth';
import { Permission } from '../../domain/access';
import { validateJudgementsMayBeProposed, whoMayProposeJudgements } from '../../domain/inspection-lifecycle';
import { InspectionType } from '../../domain/inspection-types';

const input = (description: string) => ({ description });

/** The mutation that records the judgements of each type of inspection (an interim's other, `recordNoJudgementInterim`, has the same access). */
const JUDGEMENT_MUTATION: Record<InspectionType, string> = {
  [InspectionType.FULL_INSPECTION]: 'proposeFullInspectionJudgements',
  [InspectionType.INTERIM_INSPECTION]: 'proposeInterimJudgement',
  [InspectionType.ASSURANCE_VISIT]: 'recordAssuranceVisitOutcome',
  [InspectionType.MONITORING_VISIT]: 'recordMonitoringVisitOutcome',
};

/** A judgement mutation's payload (each has the same fields): what it recorded (null when refused) and the inspection. */
async function payload(
  result: Promise<JudgementResult>,
): Promise<Omit<JudgementResult, 'judgement'> & { judgement: JudgementRecord | null }> {
  const { judgement, ...rest } = await result;
  return { ...rest, judgement: judgement ?? null };
}

@Resolver(() => JudgementRecord)
export class JudgementResolver {
  @FieldResolver(() => NewJudgementConditions, {
    nullable: true,
    description: 'Monitoring visits with a new judgement: the conditions confirmed.',
  })
  conditions(@Root() record: JudgementRecord): NewJudgementConditions | null {
    return record.conditions;
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => ProposeFullInspectionJudgementsPayload, {
    description: 'Proposes (at feedback) or changes the three judgements of a full inspection. Takes one `input`, returns `userErrors`.',
  })
  proposeFullInspectionJudgements(
    @Arg('input', () => ProposeFullInspectionJudgementsInput, input('The judgements.')) args: ProposeFullInspectionJudgementsInput,
    @Ctx() { services }: Context,
  ): Promise<ProposeFullInspectionJudgementsPayload> {
    return payload(services.judgements.proposeFull(args));
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => ProposeInterimJudgementPayload, {
    description: 'Proposes or changes the judgement of an interim inspection. Takes one `input`, returns `userErrors`.',
  })
  proposeInterimJudgement(
    @Arg('input', () => ProposeInterimJudgementInput, input('The judgement.')) args: ProposeInterimJudgementInput,
    @Ctx() { services }: Context,
  ): Promise<ProposeInterimJudgementPayload> {
    return payload(services.judgements.proposeInterim(args));
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => RecordNoJudgementInterimPayload, {
    description:
      'Records an interim inspection of a home with no children placed: no judgement, the Annex G statement. Takes one `input`, returns `userErrors`.',
  })
  recordNoJudgementInterim(
    @Arg('input', () => RecordNoJudgementInterimInput, input('The outcome.')) args: RecordNoJudgementInterimInput,
    @Ctx() { services }: Context,
  ): Promise<RecordNoJudgementInterimPayload> {
    return payload(services.judgements.recordNoJudgement(args));
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => RecordAssuranceVisitOutcomePayload, {
    description: 'Records the outcome of an assurance visit: no grade. Takes one `input`, returns `userErrors`.',
  })
  recordAssuranceVisitOutcome(
    @Arg('input', () => RecordAssuranceVisitOutcomeInput, input('The outcome.')) args: RecordAssuranceVisitOutcomeInput,
    @Ctx() { services }: Context,
  ): Promise<RecordAssuranceVisitOutcomePayload> {
    return payload(services.judgements.recordAssurance(args));
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => RecordMonitoringVisitOutcomePayload, {
    description:
      'Records the outcome of a monitoring visit, with a new judgement only where the guidance allows. Takes one `input`, returns `userErrors`.',
  })
  recordMonitoringVisitOutcome(
    @Arg('input', () => RecordMonitoringVisitOutcomeInput, input('The outcome.')) args: RecordMonitoringVisitOutcomeInput,
    @Ctx() { services }: Context,
  ): Promise<RecordMonitoringVisitOutcomePayload> {
    return payload(services.judgements.recordMonitoring(args));
  }
}

/** An inspection's judgements: as they now stand, and every version of them. Internal. */
@Resolver(() => Inspection)
export class InspectionJudgementsResolver {
  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => JudgementRecord, {
    nullable: true,
    description: 'The judgements as they now stand; null until proposed at feedback.',
  })
  async judgement(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<JudgementRecord | null> {
    return latestOf(await loaders.judgementHistoryByInspection.load(inspection.id));
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => [JudgementRecord], {
    description: 'Every version of the judgements: the proposal at feedback, then each change with its reason.',
  })
  judgementHistory(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<JudgementRecord[]> {
    return loaders.judgementHistoryByInspection.load(inspection.id);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Boolean, {
    description: viewerCanDescription(
      "the judgement mutation for this inspection's type (`proposeFullInspectionJudgements`, `proposeInterimJudgement` or `recordNoJudgementInterim`, `recordAssuranceVisitOutcome`, `recordMonitoringVisitOutcome`)",
      WHO_MAY.RECORD,
      'from feedback until the draft goes to the provider; once the draft is in quality assurance, a change to judgements already proposed is for the managers alone',
    ),
  })
  async viewerCanRecordJudgements(
    @Root() inspection: Inspection,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<boolean> {
    const mutation = JUDGEMENT_MUTATION[inspection.type];
    if (!(await viewerCan(context, info, inspection, mutation, 'RECORD', () => validateJudgementsMayBeProposed(inspection.status))))
      return false;
    // As the mutation checks (CH-246): a change in quality assurance is the managers' decision.
    const proposed = (await context.loaders.judgementHistoryByInspection.load(inspection.id)).length > 0;
    const needed = whoMayProposeJudgements(inspection.status, proposed);
    return needed === 'RECORD' || viewerCan(context, info, inspection, mutation, needed, () => []);
  }
}
