import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { InspectionStatus, LineOfEnquirySource } from '../../domain/inspection-lifecycle';
import { DeferralReason } from '../../domain/report-pipeline';
import { InspectionType } from '../../domain/inspection-types';
import type { LocalDate } from '../../domain/local-date';
import { Provider } from '../providers/provider.entity';
import { Node, globalId } from '../shared/node';
import './inspection.enums';
import { Allow } from '../auth/authorize';
import { Permission } from '../../domain/access';

@Entity({ tableName: 'inspection' })
@Index({ properties: ['provider', 'scheduledStart', 'id'] })
@Index({ properties: ['scheduledStart', 'id'] })
@ObjectType({
  implements: Node,
  description:
    'An inspection or visit of a setting: its dates, inspectors and lines of enquiry, and (through its fields) the evidence, ' +
    'judgements, requirements, recommendations and compliance notices recorded at it. Internal: never public.',
})
export class Inspection {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Provider, { ref: true })
  provider!: Ref<Provider>;

  @Enum({ items: () => InspectionType, nativeEnumName: 'inspection_type' })
  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @Field(() => InspectionType, { description: 'The kind of inspection or visit.' })
  type!: InspectionType;

  @Enum({ items: () => InspectionStatus, nativeEnumName: 'inspection_status' })
  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @Field(() => InspectionStatus, { description: 'Where the inspection stands.' })
  status: InspectionStatus & Opt = InspectionStatus.SCHEDULED;

  @Property({ type: 'date' })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => LocalDateResolver, {
    description: 'The day the inspection is planned to start. Never shown to the provider of an unannounced inspection (CH-004).',
  })
  scheduledStart!: LocalDate;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day notice of the inspection was given; null when unannounced.' })
  noticeGivenOn: LocalDate | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'Why notice was given where the visit is usually unannounced.' })
  noticeReason: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @Field(() => LocalDateResolver, { nullable: true, description: 'First day on site.' })
  onSiteStart: LocalDate | null = null;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day on site.' })
  onSiteEnd: LocalDate | null = null;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day feedback was given: the last day of the inspection, from which later deadlines count (CH-024).',
  })
  feedbackDate: LocalDate | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'Why the inspectors were on site longer than usual.' })
  extendedOnSiteReason: string | null = null;

  @Property({ type: 'string', length: 200 })
  @Allow(Permission.READ_INSPECTIONS)
  @Field({ description: 'The lead inspector.' })
  leadInspector!: string;

  @Property({ type: ArrayType, columnType: 'text[]' })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => [String], { description: 'The other inspectors of the team.' })
  teamInspectors: string[] & Opt = [];

  @ManyToOne(() => Inspection, { ref: true, nullable: true })
  previousInspection: Ref<Inspection> | null = null;

  @Enum({ items: () => DeferralReason, nativeEnumName: 'deferral_reason', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => DeferralReason, { nullable: true, description: 'Why the inspection was deferred, if it was.' })
  deferralReason: DeferralReason | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, {
    nullable: true,
    description: 'Why going ahead would have put people at risk or restricted the evidence (CH-021).',
  })
  deferralJustification: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'The regulatory inspection manager who agreed the deferral (CH-023).' })
  deferralAgreedBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'Why the inspection was declared incomplete (Annex J), if it was.' })
  incompleteReason: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the draft went to quality assurance.' })
  qualityAssuranceSubmittedOn: LocalDate | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'The manager who quality assured the draft (CH-245).' })
  qualityAssuredBy: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day the provider was told of judgements changed after feedback (CH-247).',
  })
  providerInformedOfChangesOn: LocalDate | null = null;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day the draft report went to the provider; from then on the judgements and evidence cannot change.',
  })
  draftSentOn: LocalDate | null = null;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: "The day the provider's factual accuracy comments came back, or their window was closed.",
  })
  commentsReturnedOn: LocalDate | null = null;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the final report was issued to the provider.' })
  finalReportIssuedOn: LocalDate | null = null;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the report was published.' })
  publishedOn: LocalDate | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @Field(() => String, { nullable: true, description: 'Why the report is not published (exceptional).' })
  notPublishedReason: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'Who decided not to publish.' })
  notPublishedDecidedBy: string | null = null;

  @Enum({ items: () => InspectionStatus, nativeEnumName: 'inspection_status', nullable: true })
  statusBeforeComplaint: InspectionStatus | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'Report text: overall experiences and progress (full inspections).' })
  reportOverallText: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'Report text: how well children are helped and protected (full inspections).' })
  reportHelpedAndProtectedText: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'Report text: the effectiveness of leaders and managers (full inspections).' })
  reportLeadersAndManagersText: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, {
    nullable: true,
    description: 'Report text: the findings of an interim inspection, monitoring visit or assurance visit.',
  })
  reportSummaryText: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, {
    nullable: true,
    description: 'The child-friendly summary (full inspections and assurance visits, CH-165, CA-079).',
  })
  childFriendlySummary: string | null = null;

  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: `'{}'` })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => [String], { description: 'ONS codes of the local authorities that placed the children living at the setting.' })
  placingAuthorities: string[] & Opt = [];

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => DateTimeResolver, { description: 'When the inspection was scheduled on this system.' })
  createdAt: Date & Opt = new Date();

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the inspection.' })
  get nodeId(): Opt<string> {
    return globalId('Inspection', this.id);
  }
}

/**
 * What every row recorded at an inspection starts with (a line of enquiry, a judgement, a
 * requirement, a comment...): its own UUID and the inspection it belongs to, indexed.
 */
@Entity({ abstract: true })
export abstract class RecordedAtInspection {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Inspection, { ref: true })
  @Index()
  inspection!: Ref<Inspection>;
}

@Entity({ tableName: 'line_of_enquiry' })
@ObjectType({ description: 'A line of enquiry the inspection follows.' })
export class LineOfEnquiry extends RecordedAtInspection {
  @Enum({ items: () => LineOfEnquirySource, nativeEnumName: 'line_of_enquiry_source' })
  @Field(() => LineOfEnquirySource, { description: 'Where the line of enquiry came from.' })
  source!: LineOfEnquirySource;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  @Field({ description: 'What the inspectors will look into.' })
  text!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeResolver, { description: 'When it was recorded.' })
  createdAt: Date & Opt = new Date();
}
