import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Permission } from '../../domain/access';
import type { LocalDate } from '../../domain/local-date';
import { isDelayed, isFastTracked, NotificationStatus, notificationDueDates, requiredActions } from '../../domain/notifications';
import { Allow } from '../auth';
import { Provider } from '../providers';
import { checkAreaArguments } from '../reference';
import { PageArgsType } from '../shared/arguments';
import { ConnectionType } from '../shared/connection';
import type { Context } from '../shared/context';
import { Regulation40Notification } from './regulation40.entity';
import './regulation40.nodes';
import {
  CloseRegulation40NotificationInput,
  FollowUpRegulation40NotificationInput,
  RecordRegulation40ActionInput,
  Regulation40DueDates,
  Regulation40HomeSummary,
  Regulation40NotificationPayload,
  Regulation40Queue,
  Regulation40RequiredAction,
  SubmitRegulation40NotificationInput,
  TriageRegulation40NotificationInput,
} from './regulation40.types';

@ObjectType({ description: 'A page of Regulation 40 notifications (Relay cursor connection).' })
class Regulation40NotificationConnection extends ConnectionType(Regulation40Notification, 'Regulation40Notification') {}

@ArgsType()
class Regulation40NotificationsArgs extends PageArgsType {
  @Field(() => String, { nullable: true, description: 'Only this home (URN).' })
  urn?: string | null;

  @Field(() => [NotificationStatus], { nullable: true, description: 'Only notifications with one of these statuses.' })
  status?: NotificationStatus[] | null;
}

const STAFF_AND_HOMES = [Permission.READ_INSPECTIONS, Permission.NOTIFY_SERIOUS_EVENTS] as const;

@Resolver(() => Regulation40Notification)
export class Regulation40Resolver {
  @Allow(...STAFF_AND_HOMES)
  @Query(() => Regulation40NotificationConnection, {
    description:
      "Regulation 40 notifications, the oldest received first, a page at a time: a provider's own homes', or those of the caller's region.",
  })
  async regulation40Notifications(
    @Args() args: Regulation40NotificationsArgs,
    @Ctx() { services }: Context,
  ): Promise<Regulation40NotificationConnection> {
    return Object.assign(new Regulation40NotificationConnection(), await services.regulation40.list(args, args));
  }

  @Allow(Permission.READ_INSPECTIONS)
  @Query(() => Regulation40Queue, {
    description:
      "A manager's queue for the region at a date (today by default): deadlines passed (CHA-154, CHA-166), notifications with no inspector assigned (CHA-167) or no action recorded (CHA-176), child protection outcomes not notified in time (CHA-165). Each notification is read as it stood on that date.",
  })
  async regulation40Queue(
    @Arg('region', () => String, { nullable: true, description: "Region (ONS code); the caller's own by default." }) region: string | null,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'The date; today by default.' }) asOf: LocalDate | null,
    @Ctx() { em, services }: Context,
  ): Promise<Regulation40Queue> {
    await checkAreaArguments(em, { region });
    return services.regulation40.queue(region, asOf);
  }

  @Allow(...STAFF_AND_HOMES)
  @Query(() => Regulation40HomeSummary, {
    nullable: true,
    description:
      "One home's notifications per category over the six months ending on a date (CHA-175), and whether they make a growing picture of concern (CHA-172). Null when no setting has the URN.",
  })
  regulation40Summary(
    @Arg('urn', { description: 'URN of the home.' }) urn: string,
    @Arg('endingOn', () => LocalDateResolver, { nullable: true, description: 'The last day of the window; today by default.' })
    endingOn: LocalDate | null,
    @Ctx() { services }: Context,
  ): Promise<Regulation40HomeSummary | null> {
    return services.regulation40.homeSummary(urn, endingOn);
  }

  @FieldResolver(() => Provider, { description: 'The home.' })
  async provider(@Root() notification: Regulation40Notification, @Ctx() { loaders }: Context): Promise<Provider> {
    return (await loaders.providerById.load(notification.provider.id))!;
  }

  @FieldResolver(() => Boolean, { description: 'Fast-tracked: by its category, always for the four of CHA-153 (CHA-152).' })
  fastTracked(@Root() notification: Regulation40Notification, @Ctx() { regulation40 }: Context): boolean {
    return isFastTracked(notification, regulation40);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Received more than one calendar day after the incident by default (CHA-147 says 'without delay' and sets no number; REGULATION_40_DELAYED_AFTER_DAYS). A delayed notification needs its reason and impact recorded (CHA-148, CHA-170).",
  })
  delayed(@Root() notification: Regulation40Notification, @Ctx() { regulation40 }: Context): boolean {
    return isDelayed(notification, regulation40);
  }

  @FieldResolver(() => Regulation40DueDates, { description: 'Its deadlines.' })
  dueDates(@Root() notification: Regulation40Notification, @Ctx() { regulation40 }: Context): Regulation40DueDates {
    return notificationDueDates(notification, regulation40);
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => [Regulation40RequiredAction], {
    description:
      'What it calls for, from its category, routing and findings, and whether each is recorded; closing waits for the mandatory ones.',
  })
  async requiredActions(
    @Root() notification: Regulation40Notification,
    @Ctx() { loaders, regulation40 }: Context,
  ): Promise<Regulation40RequiredAction[]> {
    const home = (await loaders.providerById.load(notification.provider.id))!;
    return requiredActions(notification.toRecord(home.urn), regulation40).map((r) => ({
      ...r,
      done: notification.actions.some((a) => a.action === r.action),
    }));
  }

  @Allow(Permission.NOTIFY_SERIOUS_EVENTS, Permission.DECIDE)
  @Mutation(() => Regulation40NotificationPayload, {
    description:
      "Records a Regulation 40 notification: a provider's, for one of its own children's homes, received today; or a paper one, recorded by a manager of the home's region with the day it was received. Takes one `input`, returns `userErrors`.",
  })
  submitRegulation40Notification(
    @Arg('input', () => SubmitRegulation40NotificationInput, { description: 'The notification.' })
    input: SubmitRegulation40NotificationInput,
    @Ctx() { services }: Context,
  ) {
    return services.regulation40.submit(input);
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => Regulation40NotificationPayload, {
    description:
      'A manager confirms the category and routes the notification to a named inspector (CHA-155). Takes one `input`, returns `userErrors`.',
  })
  triageRegulation40Notification(
    @Arg('input', () => TriageRegulation40NotificationInput, { description: 'The triage.' }) input: TriageRegulation40NotificationInput,
    @Ctx() { services }: Context,
  ) {
    return services.regulation40.triage(input);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => Regulation40NotificationPayload, {
    description: 'Records an action taken on a notification and its outcome (CHA-174). Takes one `input`, returns `userErrors`.',
  })
  recordRegulation40Action(
    @Arg('input', () => RecordRegulation40ActionInput, { description: 'The action.' }) input: RecordRegulation40ActionInput,
    @Ctx() { services }: Context,
  ) {
    return services.regulation40.recordAction(input);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => Regulation40NotificationPayload, {
    description: "Records the inspector's assessment of a triaged notification (CHA-166). Takes one `input`, returns `userErrors`.",
  })
  followUpRegulation40Notification(
    @Arg('input', () => FollowUpRegulation40NotificationInput, { description: 'The assessment.' })
    input: FollowUpRegulation40NotificationInput,
    @Ctx() { services }: Context,
  ) {
    return services.regulation40.followUp(input);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => Regulation40NotificationPayload, {
    description:
      'Closes a followed-up notification once CHA-169 and the mandatory actions are recorded. Takes one `input`, returns `userErrors`.',
  })
  closeRegulation40Notification(
    @Arg('input', () => CloseRegulation40NotificationInput, { description: 'The closure.' }) input: CloseRegulation40NotificationInput,
    @Ctx() { services }: Context,
  ) {
    return services.regulation40.close(input);
  }
}
