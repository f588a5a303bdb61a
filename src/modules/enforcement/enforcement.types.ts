import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { EnforcementOption } from '../../domain/case-reviews';
import type { LocalDate } from '../../domain/local-date';
import { UserError } from '../shared/user-error';
import { CaseReview, NotificationTask } from './enforcement.entity';

@ObjectType('OptionConsidered', { description: 'An enforcement option a case review considered.' })
@InputType('OptionConsideredInput', { description: 'An enforcement option the case review considered.' })
export class OptionConsideredType {
  @Field(() => EnforcementOption, { description: 'The option.' })
  option!: EnforcementOption;

  @Field(() => String, { nullable: true, description: 'Why it was rejected; required for every option but the one chosen.' })
  rejectedBecause?: string | null;
}

@InputType({ description: 'What a case review decided (CH-177: every option considered, the one chosen, why the others were rejected).' })
export class RecordCaseReviewDecisionInput {
  @Field(() => ID, { description: 'The case review.' })
  caseReviewId!: string;

  @Field(() => LocalDateResolver, { description: 'The day it was held.' })
  heldOn!: LocalDate;

  @Field(() => [OptionConsideredType], { description: 'The options considered, with why each not chosen was rejected.' })
  optionsConsidered!: OptionConsideredType[];

  @Field(() => EnforcementOption, { description: 'The option chosen.' })
  chosenOption!: EnforcementOption;

  @Field({ description: 'Why it was chosen.' })
  decisionReason!: string;

  @Field({ description: 'Who decided.' })
  decidedBy!: string;
}

@InputType({ description: 'A notification made.' })
export class CompleteNotificationTaskInput {
  @Field(() => ID, { description: 'The task.' })
  notificationTaskId!: string;

  @Field(() => LocalDateResolver, { description: 'The day it was made.' })
  doneOn!: LocalDate;
}

@ObjectType({ description: 'The result of recordCaseReviewDecision.' })
export class CaseReviewPayload {
  @Field(() => CaseReview, { nullable: true, description: 'The case review; null when there are user errors.' })
  caseReview!: CaseReview | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty when the decision was recorded.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of completeNotificationTask.' })
export class NotificationTaskPayload {
  @Field(() => NotificationTask, { nullable: true, description: 'The task; null when there are user errors.' })
  notificationTask!: NotificationTask | null;

  @Field(() => [UserError], { description: 'Problems with the input; empty when the task was recorded as done.' })
  userErrors!: UserError[];
}
