import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { JudgementArea, evaluationCriteria } from '../../domain/evaluation-criteria';
import { SettingType } from '../../domain/setting-types';
import { Inspection } from '../inspections';
import { PageArgsType } from '../shared/arguments';
import type { Context } from '../shared/context';
import { Evidence, ProtectedPerson } from './evidence.entity';
import { EvaluationCriterionType, EvidenceConnection, RecordEvidenceInput, RecordEvidencePayload } from './evidence.types';
import { Allow } from '../auth';
import './evidence.nodes';
import { Permission } from '../../domain/access';

@Resolver(() => Evidence)
export class EvidenceResolver {
  @Allow(Permission.READ_INSPECTIONS)
  @Query(() => [EvaluationCriterionType], {
    description:
      'The evaluation criteria ("areas of required evidence") of a judgement area for a setting type; empty where the guidance held here has none.',
  })
  evaluationCriteria(
    @Arg('settingType', () => SettingType, { description: 'The setting type.' }) settingType: SettingType,
    @Arg('judgementArea', () => JudgementArea, { description: 'The judgement area.' }) judgementArea: JudgementArea,
  ): EvaluationCriterionType[] {
    return evaluationCriteria(settingType, judgementArea);
  }

  @FieldResolver(() => Inspection, { description: 'The inspection the evidence was recorded at.' })
  async inspection(@Root() evidence: Evidence, @Ctx() { loaders }: Context): Promise<Inspection> {
    return (await loaders.inspectionById.load(evidence.inspection.id))!;
  }

  @FieldResolver(() => [ProtectedPerson], { description: 'The people the evidence is about, from the protected register.' })
  async people(@Root() evidence: Evidence, @Ctx() { loaders }: Context): Promise<ProtectedPerson[]> {
    return (await loaders.peopleByEvidence.load(evidence.id)).map((row) => row.person);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => RecordEvidencePayload, {
    description: 'Records a piece of evidence; people it names go into the protected register. Takes one `input`, returns `userErrors`.',
  })
  recordEvidence(
    @Arg('input', () => RecordEvidenceInput, { description: 'The evidence.' }) input: RecordEvidenceInput,
    @Ctx() { services }: Context,
  ): Promise<RecordEvidencePayload> {
    return services.evidence.record(input);
  }
}

/** An inspection's evidence and protected register: never public. */
@Resolver(() => Inspection)
export class InspectionEvidenceResolver {
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
}
