import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Inspection, InspectionConnection } from '../inspections';
import { checkAreaArguments } from '../reference';
import { AreaPageArgs } from '../shared/arguments';
import type { Context } from '../shared/context';
import { pageInMemory } from '../shared/connection';
import { WHO_MAY, viewerCan, viewerCanDescription } from '../shared/viewer-can';
import { Complaint, FactualAccuracyComment } from './report.entity';
import { WHO_MOVES, deadlinesOf } from './report.service';
import {
  AmendPublishedReportInput,
  WithdrawPublishedReportInput,
  WriteReportTextInput,
  AnswerComplaintInput,
  CloseFactualAccuracyWindowInput,
  DeclareInspectionIncompleteInput,
  DeferInspectionInput,
  IssueFinalReportInput,
  LodgeComplaintInput,
  PublishReportInput,
  ReportDeadline,
  RescheduleInspectionInput,
  RespondToFactualAccuracyCommentInput,
  ResumeFieldworkInput,
  SendDraftReportInput,
  SubmitDraftForQualityAssuranceInput,
  SubmitFactualAccuracyCommentsInput,
  WithholdPublicationInput,
  AmendPublishedReportPayload,
  AnswerComplaintPayload,
  CloseFactualAccuracyWindowPayload,
  DeclareInspectionIncompletePayload,
  DeferInspectionPayload,
  IssueFinalReportPayload,
  LodgeComplaintPayload,
  PublishReportPayload,
  RescheduleInspectionPayload,
  RespondToFactualAccuracyCommentPayload,
  ResumeFieldworkPayload,
  SendDraftReportPayload,
  SubmitDraftForQualityAssurancePayload,
  SubmitFactualAccuracyCommentsPayload,
  WithdrawPublishedReportPayload,
  WithholdPublicationPayload,
  WriteReportTextPayload,
} from './report.types';
import { Allow } from '../auth';
import { Permission } from '../../domain/access';
import { PipelineAction, validateMove, validateReportTextEditable } from '../../domain/report-pipeline';

const input = { description: 'What to record.' };
const mutation = (description: string) => ({
  description: `${description} Takes one \`input\`, returns \`userErrors\`; a move from the wrong state is refused with its rule.`,
});

/** The mutation that makes each move of the report pipeline. */
const MOVE_MUTATION: Record<PipelineAction, string> = {
  [PipelineAction.DEFER]: 'deferInspection',
  [PipelineAction.RESCHEDULE]: 'rescheduleInspection',
  [PipelineAction.DECLARE_INCOMPLETE]: 'declareInspectionIncomplete',
  [PipelineAction.RESUME_FIELDWORK]: 'resumeFieldwork',
  [PipelineAction.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE]: 'submitDraftForQualityAssurance',
  [PipelineAction.SEND_DRAFT]: 'sendDraftReport',
  [PipelineAction.RECEIVE_COMMENTS]: 'submitFactualAccuracyComments',
  [PipelineAction.CLOSE_COMMENTS_WINDOW]: 'closeFactualAccuracyWindow',
  [PipelineAction.LODGE_COMPLAINT]: 'lodgeComplaint',
  [PipelineAction.ANSWER_COMPLAINT]: 'answerComplaint',
  [PipelineAction.ISSUE_FINAL_REPORT]: 'issueFinalReport',
  [PipelineAction.PUBLISH]: 'publishReport',
  [PipelineAction.WITHHOLD_PUBLICATION]: 'withholdPublication',
};

/** A `viewerCan...` field for a move of the report pipeline: who makes it, and from which states. */
const canMove = (action: PipelineAction, when: string) => ({
  description: viewerCanDescription(MOVE_MUTATION[action], WHO_MAY[WHO_MOVES[action] as keyof typeof WHO_MAY], when),
});

@Resolver(() => Inspection)
export class ReportResolver {
  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => [ReportDeadline], {
    description:
      'The report timetable in working days from the end of the inspection, with due dates and which are missed. Empty before feedback, or where the guidance held here sets none.',
  })
  async deadlines(@Root() inspection: Inspection, @Ctx() { loaders, clock }: Context): Promise<ReportDeadline[]> {
    return deadlinesOf(inspection, (await loaders.providerById.load(inspection.provider.id))!, clock.today());
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => [FactualAccuracyComment], {
    description: "The provider's factual accuracy comments on the draft, with the responses.",
  })
  factualAccuracyComments(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<FactualAccuracyComment[]> {
    return loaders.commentsByInspection.load(inspection.id);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => [Complaint], { description: "The provider's formal complaints, with the answers." })
  complaints(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<Complaint[]> {
    return loaders.complaintsByInspection.load(inspection.id);
  }

  // -----------------------------------------------------------------------------------------------
  // What the caller may do to the inspection now (src/modules/shared/viewer-can.ts).

  /** Whether the caller may make this move now: the mutation's permissions, the caller's scope for the move, and the move table. */
  private mayMove(context: Context, info: GraphQLResolveInfo, inspection: Inspection, action: PipelineAction): Promise<boolean> {
    return viewerCan(context, info, inspection, MOVE_MUTATION[action], WHO_MOVES[action], async () => {
      const provider = (await context.loaders.providerById.load(inspection.provider.id))!;
      return validateMove(action, inspection.status, inspection.type, provider.settingType);
    });
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Boolean, canMove(PipelineAction.DEFER, 'before it starts or on arrival (scheduled or on site)'))
  viewerCanDeferInspection(@Root() inspection: Inspection, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.DEFER);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Boolean, canMove(PipelineAction.RESCHEDULE, 'while it is deferred'))
  viewerCanRescheduleInspection(
    @Root() inspection: Inspection,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.RESCHEDULE);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(
    () => Boolean,
    canMove(
      PipelineAction.DECLARE_INCOMPLETE,
      'from its start on site until its report is published (not while deferred, incomplete or withheld)',
    ),
  )
  viewerCanDeclareInspectionIncomplete(
    @Root() inspection: Inspection,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.DECLARE_INCOMPLETE);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Boolean, canMove(PipelineAction.RESUME_FIELDWORK, 'while it is incomplete'))
  viewerCanResumeFieldwork(@Root() inspection: Inspection, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.RESUME_FIELDWORK);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(
    () => Boolean,
    canMove(
      PipelineAction.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE,
      'once feedback has been given and until the draft goes to quality assurance',
    ),
  )
  viewerCanSubmitDraftForQualityAssurance(
    @Root() inspection: Inspection,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Boolean, canMove(PipelineAction.SEND_DRAFT, 'while its draft is in quality assurance'))
  viewerCanSendDraftReport(@Root() inspection: Inspection, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.SEND_DRAFT);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Boolean, canMove(PipelineAction.RECEIVE_COMMENTS, 'while the draft is with the provider'))
  viewerCanSubmitFactualAccuracyComments(
    @Root() inspection: Inspection,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.RECEIVE_COMMENTS);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(
    () => Boolean,
    canMove(PipelineAction.CLOSE_COMMENTS_WINDOW, 'while the draft is with the provider (the mutation then waits for the window to pass)'),
  )
  viewerCanCloseFactualAccuracyWindow(
    @Root() inspection: Inspection,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.CLOSE_COMMENTS_WINDOW);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(
    () => Boolean,
    canMove(PipelineAction.LODGE_COMPLAINT, 'while the draft is with the provider, or once the final report is issued'),
  )
  viewerCanLodgeComplaint(@Root() inspection: Inspection, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.LODGE_COMPLAINT);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Boolean, canMove(PipelineAction.ANSWER_COMPLAINT, 'while a complaint is open'))
  viewerCanAnswerComplaint(@Root() inspection: Inspection, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.ANSWER_COMPLAINT);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(
    () => Boolean,
    canMove(
      PipelineAction.ISSUE_FINAL_REPORT,
      "once the provider's comments are in (or their window has closed) and any complaint answered",
    ),
  )
  viewerCanIssueFinalReport(@Root() inspection: Inspection, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.ISSUE_FINAL_REPORT);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Boolean, canMove(PipelineAction.PUBLISH, 'once the final report is issued, until it is published or withheld'))
  viewerCanPublishReport(@Root() inspection: Inspection, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.PUBLISH);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(
    () => Boolean,
    canMove(PipelineAction.WITHHOLD_PUBLICATION, 'once the final report is issued, until it is published or withheld'),
  )
  viewerCanWithholdPublication(
    @Root() inspection: Inspection,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<boolean> {
    return this.mayMove(context, info, inspection, PipelineAction.WITHHOLD_PUBLICATION);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => Boolean, {
    description: viewerCanDescription(
      'writeReportText',
      WHO_MAY.RECORD,
      "after feedback while the draft is in quality assurance, once the provider's comments are in, and once it is published (for an amendment)",
    ),
  })
  viewerCanWriteReportText(@Root() inspection: Inspection, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<boolean> {
    return viewerCan(context, info, inspection, 'writeReportText', 'RECORD', () => validateReportTextEditable(inspection.status));
  }

  @Allow(Permission.READ_INSPECTIONS)
  @Query(() => InspectionConnection, {
    description: 'Inspections with a report deadline passed and not met, the longest overdue first, a page at a time. Internal.',
  })
  async overdueInspections(@Args() args: AreaPageArgs, @Ctx() { em, services }: Context): Promise<InspectionConnection> {
    await checkAreaArguments(em, args);
    const rows = await services.reports.overdue(args);
    const page = pageInMemory(rows, (row) => `${row.overdue[0].dueDate}|${row.inspection.id}`, args);
    return Object.assign(new InspectionConnection(), {
      pageInfo: page.pageInfo,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.inspection })),
    });
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => DeferInspectionPayload, mutation('Defers a scheduled inspection, for a reason the guidance allows (CH-019 to CH-023).'))
  deferInspection(
    @Arg('input', () => DeferInspectionInput, input) args: DeferInspectionInput,
    @Ctx() { services }: Context,
  ): Promise<DeferInspectionPayload> {
    return services.reports.defer(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => RescheduleInspectionPayload, mutation('Gives a deferred inspection a new start date.'))
  rescheduleInspection(
    @Arg('input', () => RescheduleInspectionInput, input) args: RescheduleInspectionInput,
    @Ctx() { services }: Context,
  ): Promise<RescheduleInspectionPayload> {
    return services.reports.reschedule(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(
    () => DeclareInspectionIncompletePayload,
    mutation('Declares an inspection incomplete after a serious incident, before publication (Annex J).'),
  )
  declareInspectionIncomplete(
    @Arg('input', () => DeclareInspectionIncompleteInput, input) args: DeclareInspectionIncompleteInput,
    @Ctx() { services }: Context,
  ): Promise<DeclareInspectionIncompletePayload> {
    return services.reports.declareIncomplete(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => ResumeFieldworkPayload, mutation('Resumes the fieldwork of an incomplete inspection.'))
  resumeFieldwork(
    @Arg('input', () => ResumeFieldworkInput, input) args: ResumeFieldworkInput,
    @Ctx() { services }: Context,
  ): Promise<ResumeFieldworkPayload> {
    return services.reports.resumeFieldwork(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => SubmitDraftForQualityAssurancePayload, mutation('Sends the draft report to a manager for quality assurance.'))
  submitDraftForQualityAssurance(
    @Arg('input', () => SubmitDraftForQualityAssuranceInput, input) args: SubmitDraftForQualityAssuranceInput,
    @Ctx() { services }: Context,
  ): Promise<SubmitDraftForQualityAssurancePayload> {
    return services.reports.submitDraftForQualityAssurance(args);
  }

  @Allow(Permission.DECIDE)
  @Mutation(
    () => SendDraftReportPayload,
    mutation('Sends the quality-assured draft to the provider; the judgements are fixed from then on.'),
  )
  async sendDraftReport(
    @Arg('input', () => SendDraftReportInput, input) args: SendDraftReportInput,
    @Ctx() { services }: Context,
  ): Promise<SendDraftReportPayload> {
    const result = await services.reports.sendDraft(args);
    return { ...result, draftReport: result.inspection ? await services.reports.draft(args.inspectionId) : null };
  }

  @Allow(Permission.RESPOND_TO_REPORTS)
  @Mutation(() => SubmitFactualAccuracyCommentsPayload, mutation("Records the provider's factual accuracy comments, inside the window."))
  async submitFactualAccuracyComments(
    @Arg('input', () => SubmitFactualAccuracyCommentsInput, input) args: SubmitFactualAccuracyCommentsInput,
    @Ctx() { services }: Context,
  ): Promise<SubmitFactualAccuracyCommentsPayload> {
    const { factualAccuracyComments, ...result } = await services.reports.submitComments(args);
    return { ...result, factualAccuracyComments: factualAccuracyComments ?? null };
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => CloseFactualAccuracyWindowPayload, mutation('Closes the comments window once it has passed with no comments.'))
  closeFactualAccuracyWindow(
    @Arg('input', () => CloseFactualAccuracyWindowInput, input) args: CloseFactualAccuracyWindowInput,
    @Ctx() { services }: Context,
  ): Promise<CloseFactualAccuracyWindowPayload> {
    return services.reports.closeCommentsWindow(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => RespondToFactualAccuracyCommentPayload, mutation('Records the response to a factual accuracy comment.'))
  async respondToFactualAccuracyComment(
    @Arg('input', () => RespondToFactualAccuracyCommentInput, input) args: RespondToFactualAccuracyCommentInput,
    @Ctx() { services }: Context,
  ): Promise<RespondToFactualAccuracyCommentPayload> {
    const { factualAccuracyComment, ...result } = await services.reports.respondToComment(args);
    return { ...result, factualAccuracyComment: factualAccuracyComment ?? null };
  }

  @Allow(Permission.RESPOND_TO_REPORTS)
  @Mutation(() => LodgeComplaintPayload, mutation("Records the provider's formal complaint; the report waits for its answer."))
  async lodgeComplaint(
    @Arg('input', () => LodgeComplaintInput, input) args: LodgeComplaintInput,
    @Ctx() { services }: Context,
  ): Promise<LodgeComplaintPayload> {
    const { complaint, ...result } = await services.reports.lodgeComplaint(args);
    return { ...result, complaint: complaint ?? null };
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => AnswerComplaintPayload, mutation('Records the answer to a formal complaint.'))
  async answerComplaint(
    @Arg('input', () => AnswerComplaintInput, input) args: AnswerComplaintInput,
    @Ctx() { services }: Context,
  ): Promise<AnswerComplaintPayload> {
    const { complaint, ...result } = await services.reports.answerComplaint(args);
    return { ...result, complaint: complaint ?? null };
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => IssueFinalReportPayload, mutation('Issues the final report to the provider.'))
  issueFinalReport(
    @Arg('input', () => IssueFinalReportInput, input) args: IssueFinalReportInput,
    @Ctx() { services }: Context,
  ): Promise<IssueFinalReportPayload> {
    return services.reports.issueFinalReport(args);
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => PublishReportPayload, mutation('Publishes the report.'))
  async publishReport(
    @Arg('input', () => PublishReportInput, input) args: PublishReportInput,
    @Ctx() { services }: Context,
  ): Promise<PublishReportPayload> {
    const { publishedReport, ...result } = await services.reports.publish(args);
    return { ...result, publishedReport: publishedReport ?? null };
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => WriteReportTextPayload, {
    description: "Writes the report's text after feedback (or for an amendment). Takes one `input`, returns `userErrors`.",
  })
  writeReportText(
    @Arg('input', () => WriteReportTextInput, input) args: WriteReportTextInput,
    @Ctx() { services }: Context,
  ): Promise<WriteReportTextPayload> {
    return services.reports.writeText(args);
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => AmendPublishedReportPayload, {
    description:
      'Publishes an amended version of a published report, redacted again; the history stays. Takes one `input`, returns `userErrors`.',
  })
  async amendPublishedReport(
    @Arg('input', () => AmendPublishedReportInput, input) args: AmendPublishedReportInput,
    @Ctx() { services }: Context,
  ): Promise<AmendPublishedReportPayload> {
    const { publishedReport, ...result } = await services.reports.amend(args);
    return { ...result, publishedReport: publishedReport ?? null };
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => WithdrawPublishedReportPayload, {
    description:
      'Withdraws a published report found to identify someone: every version leaves the public queries and exports at once, the feed ' +
      "carries a REPORT_WITHDRAWN event (sent by webhook) and the feed's copies of the report are erased. A corrected version is then " +
      'published with `amendPublishedReport`, under the same report ID. Takes one `input`, returns `userErrors`.',
  })
  async withdrawPublishedReport(
    @Arg('input', () => WithdrawPublishedReportInput, input) args: WithdrawPublishedReportInput,
    @Ctx() { services }: Context,
  ): Promise<WithdrawPublishedReportPayload> {
    const { withdrawal, ...result } = await services.reports.withdraw(args);
    return { ...result, withdrawal: withdrawal ?? null };
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => WithholdPublicationPayload, mutation('Exceptionally, decides not to publish the report.'))
  withholdPublication(
    @Arg('input', () => WithholdPublicationInput, input) args: WithholdPublicationInput,
    @Ctx() { services }: Context,
  ): Promise<WithholdPublicationPayload> {
    return services.reports.withholdPublication(args);
  }
}
