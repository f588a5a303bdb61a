import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { LocalDate } from '../../domain/local-date';
import { FollowUpAction, NotificationCategory, NotificationDeadline, NotificationRouting } from '../../domain/notifications';
import { UserError } from '../shared/user-error';
import { Regulation40Notification } from './regulation40.entity';

@InputType({ description: "A Regulation 40 notification from a children's home." })
export class SubmitRegulation40NotificationInput {
  @Field({ description: 'URN of the home.' })
  urn!: string;

  @Field(() => NotificationCategory, { description: "The provider's category (CHA-151)." })
  category!: NotificationCategory;

  @Field(() => LocalDateResolver, { description: 'The day of the incident (CHA-147).' })
  incidentDate!: LocalDate;

  @Field({ description: "The provider's account of the event: what happened, to whom (no names needed), what the home did." })
  account!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'For the outcome of a child protection enquiry: the notification of its instigation (CHA-178).',
  })
  instigationNotificationId?: string | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description:
      'A paper notification (recorded by a manager): the day it was received. Online notifications from a provider are received the day they are submitted, and may not set it.',
  })
  receivedOn?: LocalDate | null;
}

@InputType({ description: "A manager's triage of a notification (CHA-155, CHA-169)." })
export class TriageRegulation40NotificationInput {
  @Field(() => ID, { description: 'The notification.' })
  notificationId!: string;

  @Field(() => LocalDateResolver, { description: 'The day it was triaged.' })
  on!: LocalDate;

  @Field(() => NotificationCategory, { description: 'The Regulation 40 category, confirmed or corrected.' })
  confirmedCategory!: NotificationCategory;

  @Field(() => NotificationRouting, { description: 'Urgent action, or a memo to the allocated inspector.' })
  routing!: NotificationRouting;

  @Field({ description: 'The inspector who acts on it (the subject of their token).' })
  inspector!: string;
}

@InputType('Regulation40FindingsInput', { description: "The inspector's assessment; every flag false unless set." })
export class Regulation40FindingsInput {
  @Field({ nullable: true, description: 'Incomplete or unclear (CHA-173).' })
  incompleteOrUnclear?: boolean;

  @Field({ nullable: true, description: 'A child at risk of significant harm (CHA-159).' })
  childAtRiskOfSignificantHarm?: boolean;

  @Field({ nullable: true, description: 'Safeguarding concerns (CHA-160).' })
  safeguardingConcerns?: boolean;

  @Field({ nullable: true, description: "The provider's action is insufficient (CHA-159, CHA-171)." })
  providerActionInsufficient?: boolean;

  @Field({ nullable: true, description: 'The relevant parties were not all informed (CHA-161).' })
  relevantPartiesNotInformed?: boolean;

  @Field({ nullable: true, description: "Concern for a child's safety (CHA-161)." })
  concernForChildSafety?: boolean;

  @Field({ nullable: true, description: 'Significant safeguarding concerns outstanding (CHA-162).' })
  significantConcernsOutstanding?: boolean;

  @Field({ nullable: true, description: "Concern about a local authority's practice (CHA-164)." })
  localAuthorityPracticeConcern?: boolean;

  @Field({ nullable: true, description: 'Investigating the delay raised concern (CHA-170).' })
  delayRaisesConcern?: boolean;
}

@InputType({ description: "The inspector's assessment of a triaged notification (CHA-166)." })
export class FollowUpRegulation40NotificationInput {
  @Field(() => ID, { description: 'The notification.' })
  notificationId!: string;

  @Field(() => LocalDateResolver, { description: 'The day the assessment was completed.' })
  on!: LocalDate;

  @Field(() => Regulation40FindingsInput, { description: 'What it found.' })
  findings!: Regulation40FindingsInput;

  @Field(() => String, { nullable: true, description: 'A brief summary of the reason for the notification (CHA-169).' })
  summaryOfReason?: string | null;

  @Field(() => String, { nullable: true, description: "The provider's action in response (CHA-169)." })
  providerAction?: string | null;

  @Field(() => String, { nullable: true, description: 'For a delayed notification: why it was late (CHA-170).' })
  delayReason?: string | null;

  @Field(() => String, { nullable: true, description: "For a delayed notification: the delay's impact on the children (CHA-148)." })
  delayImpact?: string | null;
}

@InputType({ description: 'An action taken on a notification, with its outcome (CHA-174).' })
export class RecordRegulation40ActionInput {
  @Field(() => ID, { description: 'The notification.' })
  notificationId!: string;

  @Field(() => FollowUpAction, { description: 'What was done.' })
  action!: FollowUpAction;

  @Field(() => LocalDateResolver, { description: 'The day it was done.' })
  on!: LocalDate;

  @Field({ description: 'Its outcome.' })
  outcome!: string;
}

@InputType({ description: 'Closing a followed-up notification (CHA-169).' })
export class CloseRegulation40NotificationInput {
  @Field(() => ID, { description: 'The notification.' })
  notificationId!: string;

  @Field(() => LocalDateResolver, { description: 'The day it was closed.' })
  on!: LocalDate;

  @Field(() => String, { nullable: true, description: "The regulator's action, including any contact with the provider." })
  ofstedAction?: string | null;
}

@ObjectType({ description: 'The result of a mutation on a Regulation 40 notification.' })
export class Regulation40NotificationPayload {
  @Field(() => Regulation40Notification, {
    nullable: true,
    description: 'The notification as it now stands; null when there are user errors.',
  })
  regulation40Notification!: Regulation40Notification | null;

  @Field(() => [UserError], { description: 'Why nothing was changed; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'An action a notification calls for, from its category, routing and findings.' })
export class Regulation40RequiredAction {
  @Field(() => FollowUpAction, { description: 'The action.' })
  action!: FollowUpAction;

  @Field({ description: 'The rule that calls for it.' })
  ruleId!: string;

  @Field({ description: 'A MUST of the guidance: the notification cannot be closed without it. Otherwise a prompt to consider.' })
  mandatory!: boolean;

  @Field({ description: 'Recorded in the audit trail.' })
  done!: boolean;
}

@ObjectType({ description: "A notification's deadlines." })
export class Regulation40DueDates {
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'A fast-tracked notification is triaged on the day it is received (CHA-154); null when not fast-tracked.',
  })
  fastTrackActionDue!: LocalDate | null;

  @Field(() => LocalDateResolver, {
    description:
      'The assessment is completed within seven days of receipt (CHA-166), counted in calendar days by default: the handbook gives no unit and the rule catalogue reads calendar days (EC-09); REGULATION_40_ASSESSMENT_DAYS and REGULATION_40_ASSESSMENT_DAYS_COUNTED change it.',
  })
  assessmentDue!: LocalDate;
}

@ObjectType({ description: 'A deadline of a notification that has passed (CHA-167).' })
export class Regulation40OverdueDeadline {
  @Field(() => Regulation40Notification, { description: 'The notification.' })
  notification!: Regulation40Notification;

  @Field(() => NotificationDeadline, { description: 'Which deadline.' })
  deadline!: NotificationDeadline;

  @Field(() => LocalDateResolver, { description: 'The day it was due.' })
  dueOn!: LocalDate;

  @Field({ description: 'The rule that sets it.' })
  ruleId!: string;
}

@ObjectType({
  description:
    "A child protection enquiry's instigation whose outcome has not been notified in time: within 28 calendar days by default, Annex L's 'reasonable timescale' being undefined (CHA-165, CHA-178; REGULATION_40_CHILD_PROTECTION_OUTCOME_DAYS).",
})
export class Regulation40AwaitedOutcome {
  @Field(() => Regulation40Notification, { description: 'The instigation notification.' })
  instigation!: Regulation40Notification;

  @Field(() => LocalDateResolver, { description: 'The day the outcome was expected by.' })
  outcomeExpectedBy!: LocalDate;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the home was contacted about it; null if not yet.' })
  chasedOn!: LocalDate | null;
}

@ObjectType({ description: "A manager's queue of Regulation 40 notifications in their region at a date." })
export class Regulation40Queue {
  @Field(() => LocalDateResolver, { description: 'The date the queue is read at.' })
  asOf!: LocalDate;

  @Field(() => [Regulation40OverdueDeadline], { description: 'Deadlines passed, the earliest first (CHA-154, CHA-166, CHA-167).' })
  overdue!: Regulation40OverdueDeadline[];

  @Field(() => [Regulation40Notification], { description: 'Open notifications with no assigned inspector (CHA-167).' })
  unassigned!: Regulation40Notification[];

  @Field(() => [Regulation40Notification], { description: 'Notifications received with no action recorded (CHA-176).' })
  withoutRecordedAction!: Regulation40Notification[];

  @Field(() => [Regulation40AwaitedOutcome], { description: 'Child protection enquiries whose outcome is overdue (CHA-165).' })
  awaitedOutcomes!: Regulation40AwaitedOutcome[];
}

@ObjectType({ description: 'A count of notifications of one category.' })
export class Regulation40CategoryCount {
  @Field(() => NotificationCategory, { description: 'The category (the confirmed one, or the provider’s until confirmed).' })
  category!: NotificationCategory;

  @Field(() => Int, { description: 'How many were received in the window.' })
  count!: number;

  @Field(() => [LocalDateResolver], { description: 'The days they were received, oldest first.' })
  receivedOn!: LocalDate[];
}

@ObjectType({
  description: "A home's notifications over the six-month rolling window (CHA-175), and whether they make a growing picture (CHA-172).",
})
export class Regulation40HomeSummary {
  @Field({ description: 'URN of the home.' })
  urn!: string;

  @Field(() => LocalDateResolver, { description: 'The first day of the window.' })
  from!: LocalDate;

  @Field(() => LocalDateResolver, { description: 'The last day of the window.' })
  to!: LocalDate;

  @Field(() => [Regulation40CategoryCount], { description: 'Per category, every category listed.' })
  categories!: Regulation40CategoryCount[];

  @Field(() => Int, { description: 'All notifications received in the window.' })
  total!: number;

  @Field({
    description:
      'A growing picture of concern: at least 3 notifications in the window by default (CHA-172 sets no number; REGULATION_40_GROWING_PICTURE_COUNT); the manager considers an early inspection (CHA-163).',
  })
  considerEarlyInspection!: boolean;
}
