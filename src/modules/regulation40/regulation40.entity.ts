import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Permission } from '../../domain/access';
import type { LocalDate } from '../../domain/local-date';
import {
  FollowUpAction,
  NotificationCategory,
  NotificationChannel,
  NotificationRouting,
  NotificationStatus,
  type NotificationFindings,
  type NotificationRecord,
  type RecordedAction,
} from '../../domain/notifications';
import { Allow } from '../auth/authorize';
import { Provider } from '../providers/provider.entity';
import { Node, globalId } from '../shared/node';
import './regulation40.enums';

@ObjectType('Regulation40ActionRecord', { description: 'An action taken on a notification and its outcome: the audit trail (CHA-174).' })
export class Regulation40ActionRecord implements RecordedAction {
  @Field(() => FollowUpAction, { description: 'What was done.' })
  action!: FollowUpAction;

  @Field(() => LocalDateResolver, { description: 'The day it was done.' })
  on!: LocalDate;

  @Field({ description: 'Who did it (the subject of their token).' })
  by!: string;

  @Field({ description: 'Its outcome.' })
  outcome!: string;
}

@ObjectType('Regulation40Findings', { description: "The inspector's assessment of a notification, whatever its category (CHA-168)." })
export class Regulation40Findings implements NotificationFindings {
  @Field({ description: 'Incomplete or unclear: the home is contacted for clarification (CHA-173).' })
  incompleteOrUnclear!: boolean;

  @Field({ description: 'A child at risk of significant harm (CHA-159).' })
  childAtRiskOfSignificantHarm!: boolean;

  @Field({ description: 'Safeguarding concerns (CHA-160).' })
  safeguardingConcerns!: boolean;

  @Field({ description: "The provider's action is insufficient, inappropriate or lacks rigour (CHA-159, CHA-171)." })
  providerActionInsufficient!: boolean;

  @Field({ description: "The local authorities, police, LADO or children's services were not all informed (CHA-161)." })
  relevantPartiesNotInformed!: boolean;

  @Field({ description: "Concern for a child's safety (CHA-161)." })
  concernForChildSafety!: boolean;

  @Field({ description: 'Significant safeguarding concerns outstanding after the first contact with the home (CHA-162).' })
  significantConcernsOutstanding!: boolean;

  @Field({ description: "Concern about the placing or host local authority's practice (CHA-164)." })
  localAuthorityPracticeConcern!: boolean;

  @Field({ description: 'Investigating a delayed notification raised concern (CHA-170).' })
  delayRaisesConcern!: boolean;
}

/**
 * A notification a children's home made under Regulation 40, and what the regulator did with it
 * (Annex L). Its provider sees what it sent and where it stands; the assessment is internal.
 */
@Entity({ tableName: 'regulation40_notification' })
@ObjectType({
  implements: Node,
  description:
    "A Regulation 40 notification of a serious event from a children's home, and the regulator's handling of it (Annex L: CHA-147 to CHA-180). Its provider sees what it sent and where it stands; the assessment and the audit trail are internal.",
})
export class Regulation40Notification {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Provider, { ref: true })
  @Index()
  provider!: Ref<Provider>;

  @Enum({ items: () => NotificationChannel, nativeEnumName: 'regulation40_channel' })
  @Field(() => NotificationChannel, { description: 'How it arrived (CHA-151).' })
  channel!: NotificationChannel;

  @Enum({ items: () => NotificationCategory, nativeEnumName: 'regulation40_category' })
  @Field(() => NotificationCategory, {
    description: "The provider's category: the provisional category, from which fast-tracking follows (CHA-151, CHA-152).",
  })
  providerCategory!: NotificationCategory;

  @Property({ type: 'date' })
  @Field(() => LocalDateResolver, { description: 'The day of the incident (CHA-147).' })
  incidentDate!: LocalDate;

  @Property({ type: 'date' })
  @Index()
  @Field(() => LocalDateResolver, { description: 'The day the regulator received it.' })
  receivedOn!: LocalDate;

  @Property({ type: 'text' })
  @Field({ description: "The provider's account of the event. Never public." })
  account!: string;

  @Property({ type: 'uuid', nullable: true })
  instigationNotificationId: string | null = null;

  @Property({ type: 'string', length: 200 })
  submittedBy!: string;

  @Enum({ items: () => NotificationStatus, nativeEnumName: 'regulation40_status' })
  @Index()
  @Field(() => NotificationStatus, { description: 'Where it stands.' })
  status: NotificationStatus = NotificationStatus.RECEIVED;

  @Enum({ items: () => NotificationCategory, nativeEnumName: 'regulation40_category', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => NotificationCategory, { nullable: true, description: 'The category the inspector confirmed or corrected (CHA-169).' })
  confirmedCategory: NotificationCategory | null = null;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was triaged.' })
  triagedOn: LocalDate | null = null;

  @Enum({ items: () => NotificationRouting, nativeEnumName: 'regulation40_routing', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => NotificationRouting, { nullable: true, description: "The manager's routing (CHA-155)." })
  routing: NotificationRouting | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Index()
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'The inspector named to act on it (CHA-155).' })
  assignedInspector: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day its assessment was completed (CHA-166).' })
  followedUpOn: LocalDate | null = null;

  @Property({ type: 'json', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => Regulation40Findings, { nullable: true, description: "The inspector's findings; null until followed up." })
  findings: NotificationFindings | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'A brief summary of the reason for the notification (CHA-169).' })
  summaryOfReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: "The provider's action in response, as the inspector recorded it (CHA-169)." })
  providerAction: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: 'Why a delayed notification was late (CHA-170).' })
  delayReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: "The delay's impact on the children's care and welfare (CHA-148)." })
  delayImpact: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => String, { nullable: true, description: "The regulator's action, including any contact with the provider (CHA-169)." })
  ofstedAction: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was closed.' })
  closedOn: LocalDate | null = null;

  @Property({ type: 'json' })
  @Allow(Permission.READ_INSPECTIONS)
  @Field(() => [Regulation40ActionRecord], { description: 'Every action taken and its outcome, oldest first (CHA-174).' })
  actions: RecordedAction[] = [];

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Field(() => ID, { name: 'id', description: 'Globally unique ID of the notification.' })
  get nodeId(): Opt<string> {
    return globalId('Regulation40Notification', this.id);
  }

  /** The record the domain's rules read (src/domain/notifications.ts), for the home with this URN. */
  toRecord(homeUrn: string): Opt<NotificationRecord> {
    return {
      id: this.id,
      homeUrn,
      channel: this.channel,
      providerCategory: this.providerCategory,
      incidentDate: this.incidentDate,
      receivedOn: this.receivedOn,
      instigationNotificationId: this.instigationNotificationId,
      status: this.status,
      confirmedCategory: this.confirmedCategory,
      triagedOn: this.triagedOn,
      routing: this.routing,
      assignedInspector: this.assignedInspector,
      followedUpOn: this.followedUpOn,
      findings: this.findings,
      summaryOfReason: this.summaryOfReason,
      providerAction: this.providerAction,
      delayReason: this.delayReason,
      delayImpact: this.delayImpact,
      ofstedAction: this.ofstedAction,
      closedOn: this.closedOn,
      actions: this.actions,
    };
  }
}
