import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { JudgementArea } from '../../domain/evaluation-criteria';
import { EvidenceSource, Finding, PersonRole } from '../../domain/evidence';
import { Inspection, RecordedAtInspection } from '../inspections/inspection.entity';
import { Node, globalId } from '../shared/node';
import './evidence.enums';

@Entity({ tableName: 'protected_person' })
@ObjectType({
  implements: Node,
  description:
    "A person named in an inspection's evidence (a child, family member or member of staff), held in the inspection's protected " +
    'register so that redaction can find every name. Never public.',
})
export class ProtectedPerson extends RecordedAtInspection {
  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Full name. Never public, never in evidence text.' })
  name!: string;

  @Property({ type: 'string', length: 20 })
  @Field({ description: 'Initials: how evidence refers to the person (CH-142).' })
  initials!: string;

  @Enum({ items: () => PersonRole, nativeEnumName: 'person_role' })
  @Field(() => PersonRole, { description: "The person's relation to the setting." })
  role!: PersonRole;

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the entry.' })
  get nodeId(): Opt<string> {
    return globalId('ProtectedPerson', this.id);
  }
}

@Entity({ tableName: 'evidence' })
@Index({ properties: ['inspection', 'recordedAt', 'id'] })
@ObjectType({ implements: Node, description: 'A piece of evidence recorded by an inspector. Never public.' })
export class Evidence {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Inspection, { ref: true })
  inspection!: Ref<Inspection>;

  @Enum({ items: () => EvidenceSource, nativeEnumName: 'evidence_source' })
  @Field(() => EvidenceSource, { description: 'Where the evidence came from.' })
  source!: EvidenceSource;

  @Enum({ items: () => JudgementArea, nativeEnumName: 'judgement_area' })
  @Field(() => JudgementArea, { description: 'The judgement area it bears on.' })
  judgementArea!: JudgementArea;

  @Property({ type: 'string', length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: 'Code of the evaluation criterion it bears on (see evaluationCriteria).' })
  evaluationCriterion: string | null = null;

  @Enum({ items: () => Finding, nativeEnumName: 'finding' })
  @Field(() => Finding, { description: 'Strength or weakness.' })
  finding!: Finding;

  @Property({ type: 'text' })
  @Field({ description: 'The evaluative narrative; people appear by initials only.' })
  narrative!: string;

  @Property({ type: 'string', length: 5, nullable: true })
  @Field(() => String, { nullable: true, description: 'Time of the interview (HH:MM), for evidence from people (CH-145).' })
  interviewTime: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'The interviewee\'s role or relationship, e.g. "deputy manager" (CH-145).' })
  intervieweeRole: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why the evidence identifies people (to protect a child, or to support further action).',
  })
  identificationJustification: string | null = null;

  @ManyToMany(() => ProtectedPerson, undefined, { pivotTable: 'evidence_person', owner: true })
  people = new Collection<ProtectedPerson>(this);

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeResolver, { description: 'When the evidence was recorded.' })
  recordedAt: Date & Opt = new Date();

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the evidence.' })
  get nodeId(): Opt<string> {
    return globalId('Evidence', this.id);
  }
}
