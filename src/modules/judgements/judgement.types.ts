import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Grade, InterimOutcome, NoJudgementReason } from '../../domain/judgements';
import { InspectionPayload } from '../inspections';
import { JudgementRecord } from './judgement.entity';
import './judgement.enums';

/** A judgement mutation's payload: the version of the judgements it recorded, and the inspection. */
const judgementPayload = (mutation: string, what: string) => ({
  implements: InspectionPayload,
  description: `The result of ${mutation}: the version of the judgements it recorded (${what}), and the inspection.`,
});
const recorded = {
  nullable: true,
  description:
    'The version of the judgements this recorded: the proposal at feedback, or a change with its reason; the same as `Inspection.judgement` now gives. Null when there are user errors.',
};

@ObjectType(judgementPayload('proposeFullInspectionJudgements', 'the three judgements of a full inspection'))
export class ProposeFullInspectionJudgementsPayload extends InspectionPayload {
  @Field(() => JudgementRecord, recorded) judgement!: JudgementRecord | null;
}

@ObjectType(judgementPayload('proposeInterimJudgement', 'the judgement of an interim inspection'))
export class ProposeInterimJudgementPayload extends InspectionPayload {
  @Field(() => JudgementRecord, recorded) judgement!: JudgementRecord | null;
}

@ObjectType(judgementPayload('recordNoJudgementInterim', 'no judgement, with the prescribed statement'))
export class RecordNoJudgementInterimPayload extends InspectionPayload {
  @Field(() => JudgementRecord, recorded) judgement!: JudgementRecord | null;
}

@ObjectType(judgementPayload('recordAssuranceVisitOutcome', 'the outcome of an assurance visit'))
export class RecordAssuranceVisitOutcomePayload extends InspectionPayload {
  @Field(() => JudgementRecord, recorded) judgement!: JudgementRecord | null;
}

@ObjectType(judgementPayload('recordMonitoringVisitOutcome', 'the outcome of a monitoring visit'))
export class RecordMonitoringVisitOutcomePayload extends InspectionPayload {
  @Field(() => JudgementRecord, recorded) judgement!: JudgementRecord | null;
}

@InputType({
  description: 'The three judgements of a full inspection, proposed at feedback (or changed, with the reason, before the draft report).',
})
export class ProposeFullInspectionJudgementsInput {
  @Field(() => ID, { description: 'The full inspection, with its fieldwork complete.' })
  inspectionId!: string;

  @Field(() => Grade, { description: 'Overall experiences and progress of children.' })
  overallExperiencesAndProgress!: Grade;

  @Field(() => Grade, { description: 'How well children are helped and protected: inadequate here makes the overall inadequate (CH-155).' })
  helpedAndProtected!: Grade;

  @Field(() => Grade, {
    description:
      'The effectiveness of leaders and managers: inadequate caps the overall at requires improvement (CH-157); inadequate after a manager vacancy of 26 weeks or more (CHA-195).',
  })
  leadersAndManagers!: Grade;

  @Field(() => String, {
    nullable: true,
    description:
      'Family centres and adoption support agencies: why leaders and managers are not inadequate after 26 weeks without a manager (RFC-025, ASA-022).',
  })
  vacancyReason?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when changing judgements already proposed at feedback (CH-246).' })
  changeReason?: string | null;
}

@InputType({ description: 'The judgement of an interim inspection, relative to the previous inspection (CH-170).' })
export class ProposeInterimJudgementInput {
  @Field(() => ID, { description: 'The interim inspection, with its fieldwork complete.' })
  inspectionId!: string;

  @Field(() => InterimOutcome, { description: 'Improved, sustained or declined in effectiveness.' })
  outcome!: InterimOutcome;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the outcome is not "declined in effectiveness" after a registered manager vacancy of 26 weeks or more, where the server reads CHA-197 as a prompt (MANAGER_VACANCY_INTERIM_READING=PROMPT, the handbook\'s ¶116). By default the server reads Annex N (CHA-197): after such a vacancy the outcome must be "declined in effectiveness", and no reason makes another acceptable.',
  })
  reasonNotDeclined?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A decline that suggests serious concerns: opens an urgent case review (CHA-064).' })
  declineSuggestsSeriousConcerns?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Required when changing a judgement already proposed at feedback (CH-246).' })
  changeReason?: string | null;
}

@InputType({ description: 'An interim inspection of a home with no children placed: no judgement, and the statement Annex G prescribes.' })
export class RecordNoJudgementInterimInput {
  @Field(() => ID, { description: 'The interim inspection, with its fieldwork complete.' })
  inspectionId!: string;

  @Field(() => NoJudgementReason, { description: 'Why no judgement is made.' })
  reason!: NoJudgementReason;

  @Field(() => String, { nullable: true, description: 'Closed homes: how long the home has been closed, e.g. "six months" (CHA-124).' })
  closedFor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Closed homes: how long it will not be operational from the date of inspection (CHA-124).',
  })
  notOperationalFor?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Homes with no children since registration: the inspector's own text for the statement.",
  })
  inspectorText?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when changing an outcome already proposed at feedback.' })
  changeReason?: string | null;
}

@InputType({ description: 'The outcome of an assurance visit: no grade (CA-072).' })
export class RecordAssuranceVisitOutcomeInput {
  @Field(() => ID, { description: 'The assurance visit, with its fieldwork complete.' })
  inspectionId!: string;

  @Field({ description: 'Whether serious or widespread concerns were found (CA-073).' })
  seriousOrWidespreadConcerns!: boolean;

  @Field(() => String, { nullable: true, description: 'What the concerns are; required when there are any.' })
  concerns?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when changing an outcome already proposed at feedback.' })
  changeReason?: string | null;
}

@ObjectType('NewJudgementConditions', { description: 'The conditions confirmed before a monitoring visit gave a new judgement (CH-187).' })
@InputType('NewJudgementConditionsInput', {
  description: "What must hold before a monitoring visit to a children's home gives a new judgement (handbook para 124 and 126; CH-187).",
})
export class NewJudgementConditions {
  @Field({ description: 'The situation has been made safe for children.' })
  situationMadeSafe!: boolean;

  @Field({ description: 'Leaders and managers can and are acting appropriately.' })
  leadersActingAppropriately!: boolean;

  @Field({ description: 'The regulatory inspection manager agrees the concerns are sufficiently discrete.' })
  rimAgreesConcernsDiscrete!: boolean;

  @Field({ description: 'Without these concerns the home would have had a higher judgement.' })
  wouldOtherwiseHaveHigherJudgement!: boolean;

  @Field({ description: 'A good track record, and no concerns about leadership and management or the protection of children.' })
  goodTrackRecordNoLeadershipOrProtectionConcerns!: boolean;

  @Field({ description: 'The concerns can be rectified quickly.' })
  canBeRectifiedQuickly!: boolean;
}

@InputType({ description: 'The outcome of a monitoring visit: no grade, except a new overall judgement after an inadequate one.' })
export class RecordMonitoringVisitOutcomeInput {
  @Field(() => ID, { description: 'The monitoring visit, with its fieldwork complete.' })
  inspectionId!: string;

  @Field({ description: 'The progress found, in summary.' })
  progressSummary!: string;

  @Field(() => Grade, {
    nullable: true,
    description: 'A new, improved overall judgement, only where the setting is inadequate and the guidance allows (CH-184, CH-187).',
  })
  newOverallGrade?: Grade | null;

  @Field(() => NewJudgementConditions, {
    nullable: true,
    description: "Children's homes: the conditions for a new judgement, each confirmed.",
  })
  conditions?: NewJudgementConditions | null;

  @Field(() => String, { nullable: true, description: 'Why a new judgement was made (CH-218, RFC-105, ASA-122).' })
  rationale?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when changing an outcome already proposed at feedback.' })
  changeReason?: string | null;
}
