import { Entity, type Opt, Property } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../domain/local-date';
import { RecordedAtInspection } from '../inspections/inspection.entity';
import { globalId } from '../shared/node';

@Entity({ tableName: 'factual_accuracy_comment' })
@ObjectType({
  description: "A provider's factual accuracy comment on a draft report, and Ofsted's response (sent with the final report, ASA-101).",
})
export class FactualAccuracyComment extends RecordedAtInspection {
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, { description: 'The day the comment came in.' })
  receivedOn!: LocalDate;

  @Property({ type: 'text' })
  @Field({ description: 'The comment.' })
  comment!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "Ofsted's response." })
  response: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day of the response.' })
  respondedOn: LocalDate | null = null;

  @Field(() => ID, { name: 'id', description: 'ID of the comment.' })
  get nodeId(): Opt<string> {
    return globalId('FactualAccuracyComment', this.id);
  }
}

@Entity({ tableName: 'complaint' })
@ObjectType({ description: 'A formal complaint by the provider about an inspection or its report, and its answer.' })
export class Complaint extends RecordedAtInspection {
  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, { description: 'The day it was lodged.' })
  lodgedOn!: LocalDate;

  @Property({ type: 'text' })
  @Field({ description: 'What the provider complains about.' })
  summary!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "Ofsted's answer." })
  answer: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was answered.' })
  answeredOn: LocalDate | null = null;

  @Field(() => ID, { name: 'id', description: 'ID of the complaint.' })
  get nodeId(): Opt<string> {
    return globalId('Complaint', this.id);
  }
}
