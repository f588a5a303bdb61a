import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { Inspection } from '../inspections/inspection.entity';
import { checkAreaArguments } from '../reference/area-arguments';
import { AreaPageArgs } from '../inspections/inspection.resolver';
import { InspectionConnection, InspectionPayload } from '../inspections/inspection.types';
import { pageInMemory } from '../shared/connection';
import { Complaint, FactualAccuracyComment } from './report.entity';
import { ReportService, deadlinesOf } from './report.service';
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
} from './report.types';
import { Allow, signedIn } from '../auth/authorize';
import { Permission } from '../../domain/access';


const input = { description: 'What to record.' };
const mutation = (description: string) => ({ description: `${description} Takes one \`input\`, returns \`userErrors\`; a move from the wrong state is refused with its rule.` });

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
  @FieldResolver(() => [FactualAccuracyComment], { description: "The provider's factual accuracy comments on the draft, with the responses." })
  factualAccuracyComments(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<FactualAccuracyComment[]> {
    return loaders.commentsByInspection.load(inspection.id);
  }

  @Allow(Permission.READ_INSPECTIONS, Permission.READ_DRAFT_REPORTS)
  @FieldResolver(() => [Complaint], { description: "The provider's formal complaints, with the answers." })
  complaints(@Root() inspection: Inspection, @Ctx() { loaders }: Context): Promise<Complaint[]> {
    return loaders.complaintsByInspection.load(inspection.id);
  }

  @Allow(Permission.READ_INSPECTIONS)
  @Query(() => InspectionConnection, { description: 'Inspections with a report deadline passed and not met, the longest overdue first, a page at a time. Internal.' })
  async overdueInspections(@Args() args: AreaPageArgs, @Ctx() { em, clock, principal }: Context): Promise<InspectionConnection> {
    await checkAreaArguments(em, args);
    const rows = await new ReportService(em, clock, signedIn(principal)).overdue(args);
    const page = pageInMemory(rows, (row) => `${row.overdue[0].dueDate}|${row.inspection.id}`, args);
    return Object.assign(new InspectionConnection(), { pageInfo: page.pageInfo, edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.inspection })) });
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, mutation('Defers a scheduled inspection, for a reason the guidance allows (CH-019 to CH-023).'))
  deferInspection(@Arg('input', () => DeferInspectionInput, input) args: DeferInspectionInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).defer(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, mutation('Gives a deferred inspection a new start date.'))
  rescheduleInspection(@Arg('input', () => RescheduleInspectionInput, input) args: RescheduleInspectionInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).reschedule(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, mutation('Declares an inspection incomplete after a serious incident, before publication (Annex J).'))
  declareInspectionIncomplete(@Arg('input', () => DeclareInspectionIncompleteInput, input) args: DeclareInspectionIncompleteInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).declareIncomplete(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, mutation('Resumes the fieldwork of an incomplete inspection.'))
  resumeFieldwork(@Arg('input', () => ResumeFieldworkInput, input) args: ResumeFieldworkInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).resumeFieldwork(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, mutation('Sends the draft report to a manager for quality assurance.'))
  submitDraftForQualityAssurance(@Arg('input', () => SubmitDraftForQualityAssuranceInput, input) args: SubmitDraftForQualityAssuranceInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).submitDraftForQualityAssurance(args);
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => InspectionPayload, mutation('Sends the quality-assured draft to the provider; the judgements are fixed from then on.'))
  sendDraftReport(@Arg('input', () => SendDraftReportInput, input) args: SendDraftReportInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).sendDraft(args);
  }

  @Allow(Permission.RESPOND_TO_REPORTS)
  @Mutation(() => InspectionPayload, mutation("Records the provider's factual accuracy comments, inside the window."))
  submitFactualAccuracyComments(@Arg('input', () => SubmitFactualAccuracyCommentsInput, input) args: SubmitFactualAccuracyCommentsInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).submitComments(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, mutation('Closes the comments window once it has passed with no comments.'))
  closeFactualAccuracyWindow(@Arg('input', () => CloseFactualAccuracyWindowInput, input) args: CloseFactualAccuracyWindowInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).closeCommentsWindow(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, mutation('Records the response to a factual accuracy comment.'))
  respondToFactualAccuracyComment(@Arg('input', () => RespondToFactualAccuracyCommentInput, input) args: RespondToFactualAccuracyCommentInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).respondToComment(args);
  }

  @Allow(Permission.RESPOND_TO_REPORTS)
  @Mutation(() => InspectionPayload, mutation("Records the provider's formal complaint; the report waits for its answer."))
  lodgeComplaint(@Arg('input', () => LodgeComplaintInput, input) args: LodgeComplaintInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).lodgeComplaint(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, mutation('Records the answer to a formal complaint.'))
  answerComplaint(@Arg('input', () => AnswerComplaintInput, input) args: AnswerComplaintInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).answerComplaint(args);
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => InspectionPayload, mutation('Issues the final report to the provider.'))
  issueFinalReport(@Arg('input', () => IssueFinalReportInput, input) args: IssueFinalReportInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).issueFinalReport(args);
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => InspectionPayload, mutation('Publishes the report.'))
  publishReport(@Arg('input', () => PublishReportInput, input) args: PublishReportInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).publish(args);
  }

  @Allow(Permission.RECORD_INSPECTIONS)
  @Mutation(() => InspectionPayload, { description: "Writes the report's text after feedback (or for an amendment). Takes one `input`, returns `userErrors`." })
  writeReportText(@Arg('input', () => WriteReportTextInput, input) args: WriteReportTextInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).writeText(args);
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => InspectionPayload, { description: 'Publishes an amended version of a published report, redacted again; the history stays. Takes one `input`, returns `userErrors`.' })
  amendPublishedReport(@Arg('input', () => AmendPublishedReportInput, input) args: AmendPublishedReportInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).amend(args);
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => InspectionPayload, {
    description:
      'Withdraws a published report found to identify someone: every version leaves the public queries and exports at once, the feed ' +
      'carries a REPORT_WITHDRAWN event (sent by webhook) and the feed\'s copies of the report are erased. A corrected version is then ' +
      'published with `amendPublishedReport`, under the same report ID. Takes one `input`, returns `userErrors`.',
  })
  withdrawPublishedReport(@Arg('input', () => WithdrawPublishedReportInput, input) args: WithdrawPublishedReportInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).withdraw(args);
  }

  @Allow(Permission.DECIDE)
  @Mutation(() => InspectionPayload, mutation('Exceptionally, decides not to publish the report.'))
  withholdPublication(@Arg('input', () => WithholdPublicationInput, input) args: WithholdPublicationInput, @Ctx() { em, clock, principal }: Context) {
    return new ReportService(em, clock, signedIn(principal)).withholdPublication(args);
  }
}
