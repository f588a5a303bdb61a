import { randomUUID } from 'node:crypto';
import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  OneToMany,
  type Opt,
  PrimaryKey,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../domain/local-date';
import { ComplianceNoticeGround, ItemStatus } from '../../domain/requirements';
import { Evidence } from '../evidence/evidence.entity';
import { Inspection, RecordedAtInspection } from '../inspections/inspection.entity';
import { Node, globalId } from '../shared/node';
import './requirement.enums';

/** What requirements and recommendations share: the inspection that made them and their check at a later visit. */
@Entity({ abstract: true })
@ObjectType({ description: 'A requirement or recommendation, checked at a later visit.' })
export abstract class CheckedItem extends RecordedAtInspection {
  @Enum({ items: () => ItemStatus, nativeEnumName: 'item_status' })
  @Field(() => ItemStatus, { description: 'Whether it was met, as checked at a later visit.' })
  status: ItemStatus & Opt = ItemStatus.OPEN;

  @ManyToOne(() => Inspection, { ref: true, nullable: true })
  checkedAt: Ref<Inspection> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeResolver, { description: 'When it was recorded.' })
  createdAt: Date & Opt = new Date();
}

@Entity({ tableName: 'requirement' })
@ObjectType({
  implements: Node,
  description: 'A requirement made at an inspection: a breach of a regulation, what the registered person must do, and by when.',
})
export class Requirement extends CheckedItem {
  @Property({ type: 'string', length: 200 })
  @Field({ description: 'The regulation breached, e.g. "Regulation 12 (the protection of children standard)".' })
  regulation!: string;

  @Property({ type: 'text' })
  @Field({ description: 'What the registered person must do.' })
  action!: string;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, { description: 'The date by which it must be done.' })
  dueDate!: LocalDate;

  @Property({ type: 'text' })
  @Field({ description: 'The actual or potential impact on the quality of care, safety or welfare.' })
  impactStatement!: string;

  @ManyToMany(() => Evidence, undefined, { pivotTable: 'requirement_evidence', owner: true })
  evidence = new Collection<Evidence>(this);

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the requirement.' })
  get nodeId(): Opt<string> {
    return globalId('Requirement', this.id);
  }
}

@Entity({ tableName: 'recommendation' })
@ObjectType({
  implements: Node,
  description: 'A recommendation made at an inspection to improve practice, citing the guidance or standard it rests on.',
})
export class Recommendation extends CheckedItem {
  @Property({ type: 'string', length: 300 })
  @Field({ description: 'The Guide page and paragraph, statutory guidance, or national minimum standard cited.' })
  reference!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'A summary of the guidance or standard cited (required for adoption support agencies, ASA-028).',
  })
  guidanceSummary: string | null = null;

  @Property({ type: 'text' })
  @Field({ description: 'What the registered person should do.' })
  action!: string;

  @ManyToMany(() => Evidence, undefined, { pivotTable: 'recommendation_evidence', owner: true })
  evidence = new Collection<Evidence>(this);

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the recommendation.' })
  get nodeId(): Opt<string> {
    return globalId('Recommendation', this.id);
  }
}

@Entity({ tableName: 'compliance_notice' })
@ObjectType({
  implements: Node,
  description: 'A compliance notice served after an inspection: the actions the provider must take, each by a date.',
})
export class ComplianceNotice extends RecordedAtInspection {
  @Enum({ items: () => ComplianceNoticeGround, nativeEnumName: 'compliance_notice_ground' })
  @Field(() => ComplianceNoticeGround, { description: 'Why the notice was served.' })
  ground!: ComplianceNoticeGround;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, { description: 'The day the notice was served.' })
  servedOn!: LocalDate;

  @OneToMany(() => ComplianceNoticeAction, (action) => action.notice, { orderBy: { position: 'asc' } })
  actions = new Collection<ComplianceNoticeAction>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeResolver, { description: 'When it was recorded.' })
  createdAt: Date & Opt = new Date();

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the compliance notice.' })
  get nodeId(): Opt<string> {
    return globalId('ComplianceNotice', this.id);
  }
}

@Entity({ tableName: 'compliance_notice_action' })
@ObjectType({ description: 'One action of a compliance notice (CH-140).' })
export class ComplianceNoticeAction {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ComplianceNotice, { ref: true })
  @Index()
  notice!: Ref<ComplianceNotice>;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'The regulation the action is to meet.' })
  regulation!: string;

  @Property({ type: 'text' })
  @Field({ description: 'What the provider must do.' })
  action!: string;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, { description: 'The date by which it must be done.' })
  completionDate!: LocalDate;
}
