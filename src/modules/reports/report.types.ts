import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { LocalDate } from '../../domain/local-date';
import { Milestone } from '../../domain/report-deadlines';
import { DeferralReason } from '../../domain/report-pipeline';
import { PublicReportWithdrawal } from '../feeds';
import { InspectionPayload } from '../inspections';
import { PublicReport } from '../public';
import { Complaint, FactualAccuracyComment } from './report.entity';

registerEnumType(Milestone, {
  name: 'ReportMilestone',
  description: 'A step of the report timetable.',
  valuesConfig: {
    DRAFT_SENT: { description: 'The draft report goes to the provider.' },
    PROVIDER_COMMENTS_RETURNED: { description: "The provider's factual accuracy comments come back (5 working days after the draft)." },
    FINAL_REPORT_ISSUED: { description: 'The final report goes to the provider.' },
    COMPLAINT_WINDOW_CLOSES: {
      description: 'Assurance visits: the last day to complain about the final report (CA-077); a window, never overdue.',
    },
    PUBLISHED: {
      description:
        "The report is published. A children's home monitoring visit's report: within 10 working days of the end of the visit (CH-037), as the handbook's text says; its table of days would allow 20, and the text is followed.",
    },
  },
});

@ObjectType({ description: 'A due date of the report timetable, in working days, and whether it was missed.' })
export class ReportDeadline {
  @Field(() => Milestone, { description: 'The step.' })
  milestone!: Milestone;

  @Field({ description: 'The rule that sets the timescale, e.g. "CH-027".' })
  ruleId!: string;

  @Field(() => Int, { description: 'Working days allowed.' })
  workingDays!: number;

  @Field({ description: 'What they count from: END_OF_INSPECTION (the feedback day), DRAFT_SENT or FINAL_REPORT_ISSUED.' })
  after!: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The due date; null while suspended (the final report while a complaint is open).',
  })
  dueDate!: LocalDate | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day it was done, if it was.' })
  doneOn!: LocalDate | null;

  @Field({ description: 'Done late, or not done and past its due date.' })
  missed!: boolean;

  @Field({ description: 'Not done and past its due date.' })
  overdue!: boolean;
}

const id = (description: string) => Field(() => ID, { description });
const day = (description: string) => Field(() => LocalDateResolver, { description });

@InputType({ description: 'Deferring a scheduled inspection: not normally done (CH-019).' })
export class DeferInspectionInput {
  @id('The inspection.') inspectionId!: string;
  @Field(() => DeferralReason, { description: 'Why.' }) reason!: DeferralReason;
  @Field({ description: 'Why going ahead would put people at risk, or severely restrict the evidence (CH-021).' }) justification!: string;
  @Field({ description: 'The regulatory inspection manager who agreed it (CH-023).' }) agreedBy!: string;
}

@InputType({ description: 'A new start date for a deferred inspection.' })
export class RescheduleInspectionInput {
  @id('The inspection.') inspectionId!: string;
  @day('The new day it is planned to start.') scheduledStart!: LocalDate;
}

@InputType({ description: 'Declaring an inspection incomplete after a serious incident, before publication (Annex J, CHA-141).' })
export class DeclareInspectionIncompleteInput {
  @id('The inspection.') inspectionId!: string;
  @Field({ description: 'What happened.' }) reason!: string;
}

@InputType({ description: 'Inspectors return on site to complete an incomplete inspection (CHA-142).' })
export class ResumeFieldworkInput {
  @id('The inspection.') inspectionId!: string;
  @day('The first day back on site: the completed fieldwork counts from it.') onSiteStart!: LocalDate;
}

@InputType({ description: 'The draft report goes to a manager for quality assurance.' })
export class SubmitDraftForQualityAssuranceInput {
  @id('The inspection, with feedback given.') inspectionId!: string;
  @day('The day it was submitted.') submittedOn!: LocalDate;
}

@InputType({ description: 'The quality-assured draft goes to the provider for factual accuracy comments.' })
export class SendDraftReportInput {
  @id('The inspection.') inspectionId!: string;
  @day('The day it was sent.') sentOn!: LocalDate;
  @Field({ description: 'The manager who quality assured it (CH-245, RFC-085, ASA-099).' }) qualityAssuredBy!: string;
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Where judgements changed after feedback: the day the provider was told, with reasons (CH-247).',
  })
  providerInformedOfChangesOn?: LocalDate | null;
}

@InputType({ description: "The provider's factual accuracy comments, inside the 5-working-day window." })
export class SubmitFactualAccuracyCommentsInput {
  @id('The inspection.') inspectionId!: string;
  @day('The day they came in.') receivedOn!: LocalDate;
  @Field(() => [String], { description: 'The comments, one per point.' }) comments!: string[];
}

@InputType({ description: 'Closing the comments window once it has passed with no comments.' })
export class CloseFactualAccuracyWindowInput {
  @id('The inspection.') inspectionId!: string;
}

@InputType({ description: "Ofsted's response to a factual accuracy comment." })
export class RespondToFactualAccuracyCommentInput {
  @id('The comment.') commentId!: string;
  @Field({ description: 'The response.' }) response!: string;
  @day('The day of the response.') respondedOn!: LocalDate;
}

@InputType({ description: 'A formal complaint by the provider, on the draft (inside the comments window) or on the final report.' })
export class LodgeComplaintInput {
  @id('The inspection.') inspectionId!: string;
  @day('The day it was lodged.') lodgedOn!: LocalDate;
  @Field({ description: 'What the provider complains about.' }) summary!: string;
}

@InputType({ description: "Ofsted's answer to a formal complaint." })
export class AnswerComplaintInput {
  @id('The complaint.') complaintId!: string;
  @Field({ description: 'The answer.' }) answer!: string;
  @day('The day it was answered.') answeredOn!: LocalDate;
}

@InputType({ description: 'The final report goes to the provider.' })
export class IssueFinalReportInput {
  @id('The inspection.') inspectionId!: string;
  @day('The day it was issued.') issuedOn!: LocalDate;
}

@InputType({ description: 'Publishing the report.' })
export class PublishReportInput {
  @id('The inspection.') inspectionId!: string;
  @day('The day it was published.') publishedOn!: LocalDate;
}

@InputType({ description: 'Not publishing the report: exceptional, with the reason and the decision-maker.' })
export class WithholdPublicationInput {
  @id('The inspection.') inspectionId!: string;
  @Field({ description: 'Why it is not published.' }) reason!: string;
  @Field({ description: 'Who decided.' }) decidedBy!: string;
}

@InputType({
  description:
    "The report's text; omitted fields stay as they are, null clears one. People by neutral words or initials: names, the setting's name and address and postcodes are removed at publication anyway.",
})
export class WriteReportTextInput {
  @id('The inspection, after feedback.') inspectionId!: string;
  @Field(() => String, { nullable: true, description: 'Full inspections: overall experiences and progress of children.' }) overall?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Full inspections: how well children are helped and protected.' })
  helpedAndProtected?: string | null;
  @Field(() => String, { nullable: true, description: 'Full inspections: the effectiveness of leaders and managers.' })
  leadersAndManagers?: string | null;
  @Field(() => String, { nullable: true, description: 'Interim inspections, monitoring and assurance visits: the findings.' }) summary?:
    string | null;
  @Field(() => String, { nullable: true, description: 'The child-friendly summary (full inspections and assurance visits).' })
  childFriendlySummary?: string | null;
}

@InputType({ description: 'A published report found to identify someone, taken down from the public: every version of it, at once.' })
export class WithdrawPublishedReportInput {
  @id('The inspection whose report is published.') inspectionId!: string;
  @Field({ description: 'Why it is withdrawn (internal: kept for the record, never published).' }) reason!: string;
  @day('The day it is withdrawn.') withdrawnOn!: LocalDate;
}

@InputType({ description: 'An amendment to a published report: a new published version; the earlier ones stay as history.' })
export class AmendPublishedReportInput {
  @id('The inspection whose report is published.') inspectionId!: string;
  @Field({ description: 'Why the report is amended.' }) reason!: string;
  @day('The day the amended version is published.') amendedOn!: LocalDate;
}

// -------------------------------------------------------------------------------------------------
// Payloads: one per mutation, named after it, each with the inspection as it now stands, the user
// errors, and what the mutation made where it made more than a change of the inspection's state.

const payload = (mutation: string, what: string) => ({ implements: InspectionPayload, description: `The result of ${mutation}: ${what}` });

@ObjectType(payload('deferInspection', 'the inspection, deferred.'))
export class DeferInspectionPayload extends InspectionPayload {}

@ObjectType(payload('rescheduleInspection', 'the inspection, scheduled again.'))
export class RescheduleInspectionPayload extends InspectionPayload {}

@ObjectType(payload('declareInspectionIncomplete', 'the inspection, incomplete.'))
export class DeclareInspectionIncompletePayload extends InspectionPayload {}

@ObjectType(payload('resumeFieldwork', 'the inspection, on site again.'))
export class ResumeFieldworkPayload extends InspectionPayload {}

@ObjectType(payload('submitDraftForQualityAssurance', 'the inspection, its draft in quality assurance.'))
export class SubmitDraftForQualityAssurancePayload extends InspectionPayload {}

@ObjectType(payload('sendDraftReport', 'the draft report the provider now has, and the inspection.'))
export class SendDraftReportPayload extends InspectionPayload {
  @Field(() => PublicReport, {
    nullable: true,
    description:
      'The draft sent, as the provider received it: what `draftReport(inspectionId:)` now gives. Null when there are user errors.',
  })
  draftReport!: PublicReport | null;
}

@ObjectType(payload('submitFactualAccuracyComments', "the provider's comments as recorded, and the inspection."))
export class SubmitFactualAccuracyCommentsPayload extends InspectionPayload {
  @Field(() => [FactualAccuracyComment], {
    nullable: true,
    description: 'The comments recorded, in the order given. Null when there are user errors.',
  })
  factualAccuracyComments!: FactualAccuracyComment[] | null;
}

@ObjectType(payload('closeFactualAccuracyWindow', 'the inspection, its comments window closed.'))
export class CloseFactualAccuracyWindowPayload extends InspectionPayload {}

@ObjectType(payload('respondToFactualAccuracyComment', 'the comment with its response, and the inspection.'))
export class RespondToFactualAccuracyCommentPayload extends InspectionPayload {
  @Field(() => FactualAccuracyComment, {
    nullable: true,
    description: 'The comment, with the response recorded. Null when there are user errors.',
  })
  factualAccuracyComment!: FactualAccuracyComment | null;
}

@ObjectType(payload('lodgeComplaint', 'the complaint recorded, and the inspection.'))
export class LodgeComplaintPayload extends InspectionPayload {
  @Field(() => Complaint, { nullable: true, description: 'The complaint recorded. Null when there are user errors.' })
  complaint!: Complaint | null;
}

@ObjectType(payload('answerComplaint', 'the complaint with its answer, and the inspection.'))
export class AnswerComplaintPayload extends InspectionPayload {
  @Field(() => Complaint, { nullable: true, description: 'The complaint, with the answer recorded. Null when there are user errors.' })
  complaint!: Complaint | null;
}

@ObjectType(payload('issueFinalReport', 'the inspection, its final report issued.'))
export class IssueFinalReportPayload extends InspectionPayload {}

@ObjectType(payload('publishReport', 'the published version of the report it made, and the inspection.'))
export class PublishReportPayload extends InspectionPayload {
  @Field(() => PublicReport, {
    nullable: true,
    description:
      'The version published, redacted, as the public sees it: what `publicReport(urn:)` gives from now on, with its version number and publication date. Null when there are user errors.',
  })
  publishedReport!: PublicReport | null;
}

@ObjectType(payload('writeReportText', "the inspection, with the report's text as written."))
export class WriteReportTextPayload extends InspectionPayload {}

@ObjectType(payload('amendPublishedReport', 'the new published version of the report, and the inspection.'))
export class AmendPublishedReportPayload extends InspectionPayload {
  @Field(() => PublicReport, {
    nullable: true,
    description:
      'The amended version published, redacted, with its version number, date and amendment reason: what `publicReport(urn:)` gives from now on. Null when there are user errors.',
  })
  publishedReport!: PublicReport | null;
}

@ObjectType(payload('withdrawPublishedReport', 'which versions were taken down, and the inspection.'))
export class WithdrawPublishedReportPayload extends InspectionPayload {
  @Field(() => PublicReportWithdrawal, {
    nullable: true,
    description:
      "The withdrawal: the report and the versions taken down, and when (as the feed's REPORT_WITHDRAWN event carries it). Null when there are user errors.",
  })
  withdrawal!: PublicReportWithdrawal | null;
}

@ObjectType(payload('withholdPublication', 'the inspection, its report not to be published.'))
export class WithholdPublicationPayload extends InspectionPayload {}
