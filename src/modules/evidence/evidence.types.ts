import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { JudgementArea } from '../../domain/evaluation-criteria';
import { EvidenceSource, Finding, PersonRole } from '../../domain/evidence';
import { ConnectionType } from '../shared/connection';
import { UserError } from '../shared/user-error';
import { Evidence } from './evidence.entity';

@ObjectType({ description: 'A page of evidence, in the order it was recorded (Relay cursor connection).' })
export class EvidenceConnection extends ConnectionType(Evidence, 'Evidence') {}

@ObjectType({ description: 'An evaluation criterion ("area of required evidence") of a judgement area.' })
export class EvaluationCriterionType {
  @Field({ description: 'Code to record evidence against, e.g. "HP.c".' })
  code!: string;

  @Field({ description: "What the criterion looks at, in the guidance's words." })
  description!: string;
}

@ObjectType({ description: 'The result of recordEvidence.' })
export class RecordEvidencePayload {
  @Field(() => Evidence, { nullable: true, description: 'The evidence recorded; null when there are user errors.' })
  evidence!: Evidence | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty when the evidence was recorded.' })
  userErrors!: UserError[];
}

@InputType({
  description:
    "A person the evidence is about: `id` of one already in the inspection's protected register, or `name` and `role` of a new one.",
})
export class PersonNamedInput {
  @Field(() => ID, { nullable: true, description: 'An entry of the protected register of this inspection.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Full name of a person to add to the register.' })
  name?: string | null;

  @Field(() => PersonRole, { nullable: true, description: 'Their relation to the setting.' })
  role?: PersonRole | null;
}

@InputType({ description: 'A piece of evidence.' })
export class RecordEvidenceInput {
  @Field(() => ID, { description: 'The inspection, started and before its draft report.' })
  inspectionId!: string;

  @Field(() => EvidenceSource, { description: 'Where the evidence came from.' })
  source!: EvidenceSource;

  @Field(() => JudgementArea, { description: 'The judgement area it bears on.' })
  judgementArea!: JudgementArea;

  @Field(() => String, {
    nullable: true,
    description: 'The evaluation criterion it bears on (see evaluationCriteria); required where the setting type has criteria.',
  })
  evaluationCriterion?: string | null;

  @Field(() => Finding, { description: 'Strength or weakness.' })
  finding!: Finding;

  @Field({ description: 'The evaluative narrative. People by initials only (CH-142).' })
  narrative!: string;

  @Field(() => String, { nullable: true, description: 'Interviews: the time, HH:MM (CH-145).' })
  interviewTime?: string | null;

  @Field(() => String, { nullable: true, description: 'Interviews: the role or relationship of the person, not their name (CH-145).' })
  intervieweeRole?: string | null;

  @Field(() => [PersonNamedInput], { nullable: true, description: 'People the evidence is about; they go into the protected register.' })
  people?: PersonNamedInput[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the evidence identifies people: to protect a child, or to support further action (CH-142).',
  })
  identificationJustification?: string | null;
}
