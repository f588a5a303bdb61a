import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { JudgementArea, evaluationCriteria } from '../../domain/evaluation-criteria';
import { SettingType } from '../../domain/setting-types';
import type { Context } from '../../server/context';
import { Inspection } from '../inspections/inspection.entity';
import { Evidence, ProtectedPerson } from './evidence.entity';
import { EvidenceService } from './evidence.service';
import { EvaluationCriterionType, RecordEvidenceInput, RecordEvidencePayload } from './evidence.types';
import { Allow, signedIn } from '../auth/authorize';
import { Permission } from '../../domain/access';

@Resolver(() => Evidence)
export class EvidenceResolver {
  @Allow(Permission.READ_INSPECTIONS)
  @Query(() => [EvaluationCriterionType], {
    description: 'The evaluation criteria ("areas of required evidence") of a judgement area for a setting type; empty where the guidance held here has none.',
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
  @Mutation(() => RecordEvidencePayload, { description: 'Records a piece of evidence; people it names go into the protected register. Takes one `input`, returns `userErrors`.' })
  recordEvidence(@Arg('input', () => RecordEvidenceInput, { description: 'The evidence.' }) input: RecordEvidenceInput, @Ctx() { em, principal }: Context): Promise<RecordEvidencePayload> {
    return new EvidenceService(em, signedIn(principal)).record(input);
  }
}
