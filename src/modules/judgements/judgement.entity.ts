import { Entity, Enum, type Opt, Property, Unique } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Grade, InterimOutcome, NoJudgementReason, type NewJudgementConditions } from '../../domain/judgements';
import { RecordedAtInspection } from '../inspections/inspection.entity';
import { JudgementKind } from './judgement.enums';

/**
 * One version of what an inspection concluded. The first is proposed at feedback; each change is
 * a new version with its reason, so the history shows every proposal. Never public.
 */
@Entity({ tableName: 'judgement_record' })
@Unique({ properties: ['inspection', 'version'] })
@ObjectType({
  description:
    'What an inspection concluded, as proposed at feedback or as later changed (with the reason). Which fields are set depends on `kind`. Internal.',
})
export class JudgementRecord extends RecordedAtInspection {
  @Property({ type: 'integer' })
  @Field(() => Int, { description: '1 for the proposal at feedback, then one more for each change.' })
  version!: number;

  @Enum({ items: () => JudgementKind, nativeEnumName: 'judgement_kind' })
  @Field(() => JudgementKind, { description: 'What kind of outcome this is.' })
  kind!: JudgementKind;

  @Enum({ items: () => Grade, nativeEnumName: 'grade', nullable: true })
  @Field(() => Grade, { nullable: true, description: 'Full inspections: overall experiences and progress.' })
  overallExperiencesAndProgress: Grade | null = null;

  @Enum({ items: () => Grade, nativeEnumName: 'grade', nullable: true })
  @Field(() => Grade, { nullable: true, description: 'Full inspections: how well children are helped and protected (limiting).' })
  helpedAndProtected: Grade | null = null;

  @Enum({ items: () => Grade, nativeEnumName: 'grade', nullable: true })
  @Field(() => Grade, { nullable: true, description: 'Full inspections: the effectiveness of leaders and managers (graded).' })
  leadersAndManagers: Grade | null = null;

  @Enum({ items: () => InterimOutcome, nativeEnumName: 'interim_outcome', nullable: true })
  @Field(() => InterimOutcome, { nullable: true, description: 'Interim inspections: the judgement relative to the previous inspection.' })
  interimOutcome: InterimOutcome | null = null;

  @Property({ type: 'boolean', nullable: true })
  @Field(() => Boolean, {
    nullable: true,
    description: 'Interim inspections judged declined: whether the decline suggests serious concerns (opens a case review, CHA-064).',
  })
  declineSuggestsSeriousConcerns: boolean | null = null;

  @Enum({ items: () => NoJudgementReason, nativeEnumName: 'no_judgement_reason', nullable: true })
  @Field(() => NoJudgementReason, { nullable: true, description: 'Interim inspections with no children placed: why no judgement is made.' })
  noJudgementReason: NoJudgementReason | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The prescribed statement for an interim inspection with no judgement (Annex G).' })
  statement: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  @Field(() => Boolean, { nullable: true, description: 'Assurance visits: whether serious or widespread concerns were found (CA-073).' })
  seriousOrWidespreadConcerns: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Assurance visits: what the serious or widespread concerns are.' })
  concerns: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Monitoring visits: the progress found, in summary.' })
  progressSummary: string | null = null;

  @Enum({ items: () => Grade, nativeEnumName: 'grade', nullable: true })
  @Field(() => Grade, {
    nullable: true,
    description: 'Monitoring visits: a new overall judgement after an inadequate one, where the guidance allows.',
  })
  newOverallGrade: Grade | null = null;

  @Property({ type: 'json', nullable: true })
  conditions: NewJudgementConditions | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Monitoring visits: why a new judgement was made.' })
  rationale: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the outcome a long manager vacancy points to was not given.' })
  vacancyReason: string | null = null;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'Days the registered manager post had been vacant on the feedback date, from the register.',
  })
  managerVacancyDays: number | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'For a change after feedback: the reason (CH-246).' })
  changeReason: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeResolver, { description: 'When this version was recorded.' })
  recordedAt: Date & Opt = new Date();
}
