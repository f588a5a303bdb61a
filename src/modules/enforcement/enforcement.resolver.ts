import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { caseReviewLate, notificationStatus } from '../../domain/case-reviews';
import { Inspection } from '../inspections';
import { Provider } from '../providers';
import { checkAreaArguments, LocalAuthority } from '../reference';
import { PageArgsType } from '../shared/arguments';
import type { Context } from '../shared/context';
import { ConnectionType } from '../shared/connection';
import { CaseReview, NotificationTask } from './enforcement.entity';
import {
  CaseReviewPayload,
  CompleteNotificationTaskInput,
  NotificationTaskPayload,
  OptionConsideredType,
  RecordCaseReviewDecisionInput,
} from './enforcement.types';
import { Allow } from '../auth';
import './enforcement.nodes';
import { Permission } from '../../domain/access';

@ObjectType({ description: 'A page of case reviews (Relay cursor connection).' })
class CaseReviewConnection extends ConnectionType(CaseReview, 'CaseReview') {}

@ObjectType({ description: 'A page of notification tasks (Relay cursor connection).' })
class NotificationTaskConnection extends ConnectionType(NotificationTask, 'NotificationTask') {}

@ArgsType()
class NotificationTasksArgs extends PageArgsType {
  @Field(() => String, { nullable: true, description: 'Only tasks for this local authority (ONS code).' })
  localAuthority?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only tasks not done and past their due date.' })
  overdueOnly?: boolean | null;
}

@Resolver(() => Inspection)
export class InspectionFollowUpResolver {
  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => [CaseReview], { description: 'Case reviews this inspection opened.' })
  caseReviews(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<CaseReview[]> {
    return loaders.caseReviewsByInspection.load(inspection.id);
  }

  @Allow(Permission.READ_INSPECTIONS)
  @FieldResolver(() => [NotificationTask], { description: 'Notifications this inspection calls for, with their deadlines.' })
  notificationTasks(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<NotificationTask[]> {
    return loaders.notificationTasksByInspection.load(inspection.id);
  }
}

@Resolver(() => CaseReview)
export class CaseReviewResolver {
  @Allow(Permission.READ_INSPECTIONS)
  @Query(() => CaseReviewConnection, { description: 'Case reviews not yet held, the earliest due first, a page at a time. Internal.' })
  async openCaseReviews(@Args() args: PageArgsType, @Ctx() { services }: Context): Promise<CaseReviewConnection> {
    return Object.assign(new CaseReviewConnection(), await services.enforcement.openReviews(args));
  }

  @FieldResolver(() => Provider, { description: 'The setting.' })
  async provider(@Root() review: CaseReview, @Ctx() { loaders }: Context): Promise<Provider> {
    return (await loaders.providerById.load(review.provider.id))!;
  }

  @FieldResolver(() => Inspection, { description: 'The inspection that opened it.' })
  async inspection(@Root() review: CaseReview, @Ctx() { loaders }: Context): Promise<Inspection> {
    return (await loaders.inspectionById.load(review.inspection.id))!;
  }

  @FieldResolver(() => [OptionConsideredType], {
    description: 'The enforcement options considered, with why each not chosen was rejected.',
  })
  optionsConsidered(@Root() review: CaseReview): OptionConsideredType[] {
    return review.optionsConsidered ?? [];
  }

  @FieldResolver(() => Boolean, { description: 'Held after its due date, or not held and past it.' })
  late(@Root() review: CaseReview, @Ctx() { clock }: Context): boolean {
    return caseReviewLate(review.dueBy, review.heldOn, clock.today());
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => CaseReviewPayload, { description: 'Records what a case review decided. Takes one `input`, returns `userErrors`.' })
  recordCaseReviewDecision(
    @Arg('input', () => RecordCaseReviewDecisionInput, { description: 'The decision.' }) input: RecordCaseReviewDecisionInput,
    @Ctx() { services }: Context,
  ) {
    return services.enforcement.decide(input);
  }
}

@ObjectType({ description: 'Whether a notification was made on time.' })
class NotificationTiming {
  @Field(() => Boolean, { nullable: true, description: 'Done on or before its due date; null while not done.' })
  onTime!: boolean | null;

  @Field({ description: 'Not done and past its due date.' })
  overdue!: boolean;
}

@Resolver(() => NotificationTask)
export class NotificationTaskResolver {
  @Allow(Permission.READ_NOTIFICATIONS)
  @Query(() => NotificationTaskConnection, {
    description:
      "Notification tasks, earliest due first, a page at a time; optionally only one authority's, or only overdue ones. Internal.",
  })
  async notificationTasks(@Args() args: NotificationTasksArgs, @Ctx() { em, services }: Context): Promise<NotificationTaskConnection> {
    await checkAreaArguments(em, { localAuthority: args.localAuthority });
    return Object.assign(new NotificationTaskConnection(), await services.enforcement.listTasks(args, args));
  }

  @FieldResolver(() => LocalAuthority, { nullable: true, description: 'The local authority whose director is told.' })
  authority(@Root() task: NotificationTask, @Ctx() { loaders }: Context): Promise<LocalAuthority | null> | null {
    return task.localAuthority ? loaders.localAuthorityByCode.load(task.localAuthority) : null;
  }

  @FieldResolver(() => Inspection, { description: 'The inspection that called for it.' })
  async inspection(@Root() task: NotificationTask, @Ctx() { loaders }: Context): Promise<Inspection> {
    return (await loaders.inspectionById.load(task.inspection.id))!;
  }

  @FieldResolver(() => NotificationTiming, { description: 'Whether it was made on time.' })
  timing(@Root() task: NotificationTask, @Ctx() { clock }: Context): NotificationTiming {
    return notificationStatus(task.dueBy, task.doneOn, clock.today());
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => NotificationTaskPayload, { description: 'Records a notification as made. Takes one `input`, returns `userErrors`.' })
  completeNotificationTask(
    @Arg('input', () => CompleteNotificationTaskInput, { description: 'When.' }) input: CompleteNotificationTaskInput,
    @Ctx() { services }: Context,
  ) {
    return services.enforcement.completeTask(input);
  }
}
