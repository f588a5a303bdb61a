import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { CaseReviewTrigger, EnforcementOption, NotificationRecipient, type OptionConsidered } from '../../domain/case-reviews';
import type { LocalDate } from '../../domain/local-date';
import { Inspection, RecordedAtInspection } from '../inspections/inspection.entity';
import { Provider } from '../providers/provider.entity';
import { Node, globalId } from '../shared/node';
import './enforcement.enums';

@Entity({ tableName: 'case_review' })
@ObjectType({
  implements: Node,
  description:
    'A case review opened by what an inspection found: the enforcement options considered, the one chosen and why the others were rejected. Internal.',
})
export class CaseReview {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Provider, { ref: true })
  @Index()
  provider!: Ref<Provider>;

  @ManyToOne(() => Inspection, { ref: true })
  @Index()
  inspection!: Ref<Inspection>;

  @Enum({ items: () => CaseReviewTrigger, nativeEnumName: 'case_review_trigger' })
  @Field(() => CaseReviewTrigger, { description: 'What opened it.' })
  trigger!: CaseReviewTrigger;

  @Property({ type: 'string', length: 10 })
  @Field({ description: 'The rule that opened it, e.g. "CH-175".' })
  ruleId!: string;

  @Property({ type: 'boolean' })
  @Field({ description: 'An urgent case review.' })
  urgent!: boolean;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, { description: 'The day it was opened.' })
  openedOn!: LocalDate;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, { description: 'The day by which it is held.' })
  dueBy!: LocalDate;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was held; null while open.' })
  heldOn: LocalDate | null = null;

  @Property({ type: 'json', nullable: true })
  optionsConsidered: OptionConsidered[] | null = null;

  @Enum({ items: () => EnforcementOption, nativeEnumName: 'enforcement_option', nullable: true })
  @Field(() => EnforcementOption, { nullable: true, description: 'The option chosen.' })
  chosenOption: EnforcementOption | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was chosen.' })
  decisionReason: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Who decided.' })
  decidedBy: string | null = null;

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the case review.' })
  get nodeId(): Opt<string> {
    return globalId('CaseReview', this.id);
  }
}

@Entity({ tableName: 'notification_task' })
@ObjectType({
  implements: Node,
  description:
    "A notification to make after what an inspection found: to a director of children's services, or the Department for Education. Internal.",
})
export class NotificationTask extends RecordedAtInspection {
  @Enum({ items: () => NotificationRecipient, nativeEnumName: 'notification_recipient' })
  @Field(() => NotificationRecipient, { description: 'Who is told.' })
  recipient!: NotificationRecipient;

  @Property({ type: 'string', length: 9, nullable: true })
  @Index()
  @Field(() => String, {
    nullable: true,
    description: 'ONS code of the local authority whose director is told; null for the Department for Education.',
  })
  localAuthority: string | null = null;

  @Property({ type: 'string', length: 10 })
  @Field({ description: 'The rule that requires it.' })
  ruleId!: string;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, { description: 'The day by which it is due (the end of that working day).' })
  dueBy!: LocalDate;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was done; null while not done.' })
  doneOn: LocalDate | null = null;

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the task.' })
  get nodeId(): Opt<string> {
    return globalId('NotificationTask', this.id);
  }
}
