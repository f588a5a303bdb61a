import type { EntityManager } from '@mikro-orm/postgresql';
import type { InspectionAction, Principal } from '../../domain/access';
import { assertMayReadInspection, listRegion } from '../auth/scope';
import type { Clock } from '../../domain/clock';
import { InspectionStatus } from '../../domain/inspection-lifecycle';
import { compareDates, isLocalDate, type LocalDate } from '../../domain/local-date';
import { reportDeadlines, reportTimetable, type Deadline, type ReportEvents } from '../../domain/report-deadlines';
import {
  PipelineAction,
  validateCloseCommentsWindow,
  validateComments,
  validateComplaint,
  validateDeferral,
  validateIssueFinal,
  validateMove,
  validatePublish,
  validateSendDraft,
  validateReportText,
  validateReportTextEditable,
  validateWithhold,
  type ReportState,
} from '../../domain/report-pipeline';
import { badInput, notFound, type Violation } from '../../domain/rule-violation';
import { publicNodeId } from '../../domain/redaction';
import { Inspection } from '../inspections/inspection.entity';
import { lockInspection, type InspectionResult } from '../inspections/inspection.service';
import { JudgementRecord } from '../judgements/judgement.entity';
import { reportAmended, reportPublished, reportWithdrawn } from '../feeds/feed-events';
import { draftReport, publishVersion, withdrawVersions } from '../public/publication.service';
import { PublishedReport } from '../public/published-report.entity';
import type { PublicReport } from '../public/public.types';
import type { Provider } from '../providers/provider.entity';
import { globalId, idFromGlobal } from '../shared/node';
import { toUserErrors } from '../shared/user-error';
import { Complaint, FactualAccuracyComment } from './report.entity';
import type {
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
  RescheduleInspectionInput,
  RespondToFactualAccuracyCommentInput,
  ResumeFieldworkInput,
  SendDraftReportInput,
  SubmitDraftForQualityAssuranceInput,
  SubmitFactualAccuracyCommentsInput,
  WithholdPublicationInput,
} from './report.types';

const failed = (violations: Violation[]): InspectionResult => ({ inspection: null, userErrors: toUserErrors(violations) });

function reportEvents(inspection: Inspection): ReportEvents | null {
  if (!inspection.feedbackDate) return null;
  return {
    endOfInspection: inspection.feedbackDate,
    draftSentOn: inspection.draftSentOn,
    commentsReturnedOn: inspection.commentsReturnedOn,
    finalReportIssuedOn: inspection.finalReportIssuedOn,
    publishedOn: inspection.publishedOn,
    complaintOpen: inspection.status === InspectionStatus.UNDER_COMPLAINT,
  };
}

/** The report timetable of an inspection as of `today`; empty before feedback or where none is set. */
export function deadlinesOf(inspection: Inspection, provider: Provider, today: LocalDate): Deadline[] {
  const timetable = reportTimetable(inspection.type, provider.settingType);
  const events = reportEvents(inspection);
  if (!timetable || !events || inspection.status === InspectionStatus.NOT_PUBLISHED) return [];
  return reportDeadlines(timetable, events, today);
}

function stateOf(inspection: Inspection, provider: Provider): ReportState {
  return { type: inspection.type, settingType: provider.settingType, events: reportEvents(inspection)! };
}

function pastDay(field: string[], value: LocalDate, today: LocalDate): Violation[] {
  if (!isLocalDate(value)) return [badInput(field, `"${value}" is not a calendar date`)];
  return compareDates(value, today) > 0 ? [badInput(field, `${field[field.length - 1]} cannot be in the future`)] : [];
}

type Step = (em: EntityManager, inspection: Inspection, provider: Provider) => Promise<Violation[]> | Violation[];

/**
 * Who makes each move: inspectors record (for their own inspections) and managers of the region
 * too; managers alone sign off quality assurance, issue, publish and withhold; the provider alone
 * returns comments and complains.
 */
const WHO_MOVES: Record<PipelineAction, InspectionAction> = {
  [PipelineAction.DEFER]: 'RECORD',
  [PipelineAction.RESCHEDULE]: 'RECORD',
  [PipelineAction.DECLARE_INCOMPLETE]: 'RECORD',
  [PipelineAction.RESUME_FIELDWORK]: 'RECORD',
  [PipelineAction.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE]: 'RECORD',
  [PipelineAction.SEND_DRAFT]: 'DECIDE',
  [PipelineAction.RECEIVE_COMMENTS]: 'RESPOND',
  [PipelineAction.CLOSE_COMMENTS_WINDOW]: 'RECORD',
  [PipelineAction.LODGE_COMPLAINT]: 'RESPOND',
  [PipelineAction.ANSWER_COMPLAINT]: 'RECORD',
  [PipelineAction.ISSUE_FINAL_REPORT]: 'DECIDE',
  [PipelineAction.PUBLISH]: 'DECIDE',
  [PipelineAction.WITHHOLD_PUBLICATION]: 'DECIDE',
};

/** The report pipeline, from fieldwork to publication. One instance per request. */
export class ReportService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly principal: Principal,
  ) {}

  /** Locks the inspection, checks the move is allowed from its state, then runs `step`. */
  private move(inspectionId: string, action: PipelineAction, step: Step): Promise<InspectionResult> {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, inspectionId, this.principal, WHO_MOVES[action]);
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      const { inspection, provider } = found;
      const wrongState = validateMove(action, inspection.status, inspection.type, provider.settingType);
      if (wrongState.length > 0) return failed(wrongState);
      const violations = await step(em, inspection, provider);
      return violations.length > 0 ? failed(violations) : { inspection, userErrors: [] };
    });
  }

  defer(input: DeferInspectionInput) {
    return this.move(input.inspectionId, PipelineAction.DEFER, (_em, inspection, provider) => {
      const violations = validateDeferral(
        { type: inspection.type, settingType: provider.settingType },
        input.reason,
        input.justification,
        input.agreedBy,
      );
      if (violations.length > 0) return violations;
      Object.assign(inspection, {
        status: InspectionStatus.DEFERRED,
        onSiteStart: null,
        deferralReason: input.reason,
        deferralJustification: input.justification.trim(),
        deferralAgreedBy: input.agreedBy.trim(),
      });
      return [];
    });
  }

  reschedule(input: RescheduleInspectionInput) {
    return this.move(input.inspectionId, PipelineAction.RESCHEDULE, (_em, inspection, provider) => {
      if (!isLocalDate(input.scheduledStart)) return [badInput(['scheduledStart'], 'Not a calendar date')];
      if (compareDates(input.scheduledStart, provider.registrationDate) < 0) return [badInput(['scheduledStart'], 'Not before registration')];
      inspection.status = InspectionStatus.SCHEDULED;
      inspection.scheduledStart = input.scheduledStart;
      return [];
    });
  }

  declareIncomplete(input: DeclareInspectionIncompleteInput) {
    return this.move(input.inspectionId, PipelineAction.DECLARE_INCOMPLETE, (_em, inspection) => {
      if (!input.reason.trim()) return [badInput(['reason'], 'Say what happened')];
      inspection.status = InspectionStatus.INCOMPLETE;
      inspection.incompleteReason = input.reason.trim();
      return [];
    });
  }

  resumeFieldwork(input: ResumeFieldworkInput) {
    return this.move(input.inspectionId, PipelineAction.RESUME_FIELDWORK, (_em, inspection) => {
      const violations = pastDay(['onSiteStart'], input.onSiteStart, this.clock.today());
      if (violations.length === 0 && inspection.feedbackDate && compareDates(input.onSiteStart, inspection.feedbackDate) < 0) {
        violations.push(badInput(['onSiteStart'], 'Inspectors return after the first feedback'));
      }
      if (violations.length > 0) return violations;
      // The report restarts: fieldwork, then a new draft on the revised findings (Annex J).
      Object.assign(inspection, {
        status: InspectionStatus.ON_SITE,
        onSiteStart: input.onSiteStart,
        qualityAssuranceSubmittedOn: null,
        qualityAssuredBy: null,
        draftSentOn: null,
        commentsReturnedOn: null,
        finalReportIssuedOn: null,
      });
      return [];
    });
  }

  submitDraftForQualityAssurance(input: SubmitDraftForQualityAssuranceInput) {
    return this.move(input.inspectionId, PipelineAction.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE, (_em, inspection) => {
      const violations = pastDay(['submittedOn'], input.submittedOn, this.clock.today());
      if (violations.length === 0 && compareDates(input.submittedOn, inspection.feedbackDate!) < 0) {
        violations.push(badInput(['submittedOn'], 'The draft goes to quality assurance after feedback'));
      }
      if (violations.length > 0) return violations;
      inspection.status = InspectionStatus.DRAFT_IN_QUALITY_ASSURANCE;
      inspection.qualityAssuranceSubmittedOn = input.submittedOn;
      return [];
    });
  }

  sendDraft(input: SendDraftReportInput) {
    return this.move(input.inspectionId, PipelineAction.SEND_DRAFT, async (em, inspection, provider) => {
      const history = await em.find(JudgementRecord, { inspection }, { orderBy: { version: 'asc' } });
      const latest = history[history.length - 1];
      const violations = [
        ...pastDay(['sentOn'], input.sentOn, this.clock.today()),
        ...validateReportText(inspection.type, provider.settingType, latest?.kind ?? null, {
          overall: inspection.reportOverallText,
          helpedAndProtected: inspection.reportHelpedAndProtectedText,
          leadersAndManagers: inspection.reportLeadersAndManagersText,
          summary: inspection.reportSummaryText,
          childFriendlySummary: inspection.childFriendlySummary,
        }),
        ...validateSendDraft(stateOf(inspection, provider), { ...input, providerInformedOfChangesOn: input.providerInformedOfChangesOn ?? null }, {
          judgementRecorded: history.length > 0,
          judgementChangedAfterFeedback: history.length > 1,
        }),
      ];
      if (violations.length > 0) return violations;
      Object.assign(inspection, {
        status: InspectionStatus.DRAFT_SENT_TO_PROVIDER,
        draftSentOn: input.sentOn,
        qualityAssuredBy: input.qualityAssuredBy.trim(),
        providerInformedOfChangesOn: input.providerInformedOfChangesOn ?? null,
      });
      return [];
    });
  }

  submitComments(input: SubmitFactualAccuracyCommentsInput) {
    return this.move(input.inspectionId, PipelineAction.RECEIVE_COMMENTS, async (em, inspection, provider) => {
      const violations = [...pastDay(['receivedOn'], input.receivedOn, this.clock.today()), ...validateComments(stateOf(inspection, provider), input.receivedOn, this.clock.today())];
      if (input.comments.length === 0 || input.comments.some((c) => !c.trim())) violations.push(badInput(['comments'], 'Give each comment as text'));
      if (violations.length > 0) return violations;
      input.comments.forEach((comment, position) =>
        em.create(FactualAccuracyComment, { inspection, position, receivedOn: input.receivedOn, comment: comment.trim() }),
      );
      inspection.status = InspectionStatus.PROVIDER_COMMENTS_RECEIVED;
      inspection.commentsReturnedOn = input.receivedOn;
      return [];
    });
  }

  closeCommentsWindow(input: CloseFactualAccuracyWindowInput) {
    return this.move(input.inspectionId, PipelineAction.CLOSE_COMMENTS_WINDOW, (_em, inspection, provider) => {
      const violations = validateCloseCommentsWindow(stateOf(inspection, provider), this.clock.today());
      if (violations.length > 0) return violations;
      inspection.status = InspectionStatus.PROVIDER_COMMENTS_RECEIVED;
      inspection.commentsReturnedOn = this.clock.today();
      return [];
    });
  }

  async respondToComment(input: RespondToFactualAccuracyCommentInput): Promise<InspectionResult> {
    return this.em.transactional(async (em) => {
      const id = idFromGlobal(input.commentId, 'FactualAccuracyComment');
      const comment = id ? await em.findOne(FactualAccuracyComment, { id }) : null;
      if (!comment) return failed([notFound(['commentId'], 'No comment has this ID')]);
      const found = await lockInspection(em, globalId('Inspection', comment.inspection.id), this.principal, 'RECORD');
      const violations = pastDay(['respondedOn'], input.respondedOn, this.clock.today());
      if (!input.response.trim()) violations.push(badInput(['response'], 'Give the response'));
      if (found && found.inspection.finalReportIssuedOn) violations.push({ field: ['commentId'], code: 'CONFLICT', message: 'The final report has been issued' });
      if (violations.length > 0) return failed(violations);
      comment.response = input.response.trim();
      comment.respondedOn = input.respondedOn;
      return { inspection: found?.inspection ?? null, userErrors: [] };
    });
  }

  lodgeComplaint(input: LodgeComplaintInput) {
    return this.move(input.inspectionId, PipelineAction.LODGE_COMPLAINT, (em, inspection, provider) => {
      const today = this.clock.today();
      const violations = [...pastDay(['lodgedOn'], input.lodgedOn, today), ...validateComplaint(stateOf(inspection, provider), inspection.status, input.lodgedOn, today)];
      if (!input.summary.trim()) violations.push(badInput(['summary'], 'Say what the complaint is about'));
      if (violations.length > 0) return violations;
      em.create(Complaint, { inspection, lodgedOn: input.lodgedOn, summary: input.summary.trim() });
      inspection.statusBeforeComplaint = inspection.status;
      inspection.status = InspectionStatus.UNDER_COMPLAINT;
      // A complaint on the draft is the provider's return inside the window.
      if (inspection.statusBeforeComplaint === InspectionStatus.DRAFT_SENT_TO_PROVIDER) inspection.commentsReturnedOn = input.lodgedOn;
      return [];
    });
  }

  async answerComplaint(input: AnswerComplaintInput): Promise<InspectionResult> {
    const id = idFromGlobal(input.complaintId, 'Complaint');
    const complaint = id ? await this.em.findOne(Complaint, { id }) : null;
    if (!complaint) return failed([notFound(['complaintId'], 'No complaint has this ID')]);
    return this.move(globalId('Inspection', complaint.inspection.id), PipelineAction.ANSWER_COMPLAINT, (em, inspection) => {
      const violations = pastDay(['answeredOn'], input.answeredOn, this.clock.today());
      if (!input.answer.trim()) violations.push(badInput(['answer'], 'Give the answer'));
      if (violations.length > 0) return violations;
      const managed = em.merge(complaint);
      managed.answer = input.answer.trim();
      managed.answeredOn = input.answeredOn;
      inspection.status =
        inspection.statusBeforeComplaint === InspectionStatus.FINAL_REPORT_ISSUED
          ? InspectionStatus.FINAL_REPORT_ISSUED
          : InspectionStatus.PROVIDER_COMMENTS_RECEIVED;
      inspection.statusBeforeComplaint = null;
      return [];
    });
  }

  issueFinalReport(input: IssueFinalReportInput) {
    return this.move(input.inspectionId, PipelineAction.ISSUE_FINAL_REPORT, async (em, inspection) => {
      const unanswered = await em.count(FactualAccuracyComment, { inspection, response: null });
      const violations = [...pastDay(['issuedOn'], input.issuedOn, this.clock.today()), ...validateIssueFinal(input.issuedOn, reportEvents(inspection)!, unanswered)];
      if (violations.length > 0) return violations;
      inspection.status = InspectionStatus.FINAL_REPORT_ISSUED;
      inspection.finalReportIssuedOn = input.issuedOn;
      return [];
    });
  }

  publish(input: PublishReportInput) {
    return this.move(input.inspectionId, PipelineAction.PUBLISH, async (em, inspection, provider) => {
      const today = this.clock.today();
      const violations = [...pastDay(['publishedOn'], input.publishedOn, today), ...validatePublish(stateOf(inspection, provider), input.publishedOn, today)];
      if (violations.length > 0) return violations;
      inspection.status = InspectionStatus.PUBLISHED;
      inspection.publishedOn = input.publishedOn;
      // What is stored as published is the redacted public report, built now from the records.
      await reportPublished(em, provider, await publishVersion(em, inspection, provider, input.publishedOn, null));
      return [];
    });
  }

  /** The draft as the provider received it and as it now stands (CH-166), for its provider and staff of its region; null before it is sent. */
  async draft(inspectionId: string): Promise<PublicReport | null> {
    const id = idFromGlobal(inspectionId, 'Inspection');
    const inspection = id ? await this.em.findOne(Inspection, { id }) : null;
    if (!inspection) return null;
    await assertMayReadInspection(this.em, this.principal, inspection.id);
    const draft = await draftReport(this.em, inspection);
    if (!draft) return null;
    return { ...draft.content, id: publicNodeId(globalId('Inspection', inspection.id)), publishedOn: draft.sentOn, version: 0, amendmentReason: null, versions: [] };
  }

  /** The report's text, written after feedback and changed until the draft goes out (or for an amendment). */
  async writeText(input: WriteReportTextInput): Promise<InspectionResult> {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, input.inspectionId, this.principal, 'RECORD');
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      const { inspection } = found;
      const notNow = validateReportTextEditable(inspection.status);
      if (notNow.length > 0) return failed(notNow);
      const fields = ['overall', 'helpedAndProtected', 'leadersAndManagers', 'summary', 'childFriendlySummary'] as const;
      const target = {
        overall: 'reportOverallText',
        helpedAndProtected: 'reportHelpedAndProtectedText',
        leadersAndManagers: 'reportLeadersAndManagersText',
        summary: 'reportSummaryText',
        childFriendlySummary: 'childFriendlySummary',
      } as const;
      for (const field of fields) {
        const value = input[field];
        if (value !== undefined) (inspection as unknown as Record<string, string | null>)[target[field]] = value?.trim() || null;
      }
      return { inspection, userErrors: [] };
    });
  }

  /** An amendment to a published report: a new published version, redacted again; the history stays. */
  async amend(input: AmendPublishedReportInput): Promise<InspectionResult> {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, input.inspectionId, this.principal, 'DECIDE');
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      const { inspection, provider } = found;
      const violations: Violation[] = [];
      if (inspection.status !== InspectionStatus.PUBLISHED) {
        violations.push({ field: ['inspectionId'], code: 'CONFLICT', message: 'Only a published report is amended' });
      }
      if (!input.reason.trim()) violations.push(badInput(['reason'], 'Say why the report is amended'));
      violations.push(...pastDay(['amendedOn'], input.amendedOn, this.clock.today()));
      if (violations.length > 0) return failed(violations);
      await reportAmended(em, provider, await publishVersion(em, inspection, provider, input.amendedOn, input.reason.trim()));
      return { inspection, userErrors: [] };
    });
  }

  /**
   * Withdraws a published report from the public: every version at once, with the feed's copies
   * erased and a withdrawal event written, in one transaction. The inspection stays published, so
   * a corrected version can follow (`amend`).
   */
  async withdraw(input: WithdrawPublishedReportInput): Promise<InspectionResult> {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, input.inspectionId, this.principal, 'DECIDE');
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      const { inspection, provider } = found;
      const violations: Violation[] = [];
      const current = await em.findOne(PublishedReport, { inspection, current: true });
      if (inspection.status !== InspectionStatus.PUBLISHED || !current) {
        violations.push({ field: ['inspectionId'], code: 'CONFLICT', message: 'The report has no public version to withdraw' });
      }
      if (!input.reason.trim()) violations.push(badInput(['reason'], 'Say why the report is withdrawn'));
      violations.push(...pastDay(['withdrawnOn'], input.withdrawnOn, this.clock.today()));
      if (current && isLocalDate(input.withdrawnOn) && compareDates(input.withdrawnOn, current.publishedOn) < 0) {
        violations.push(badInput(['withdrawnOn'], `The report was published on ${current.publishedOn}: it cannot be withdrawn before`));
      }
      if (violations.length > 0) return failed(violations);
      const withdrawn = await withdrawVersions(em, inspection, input.withdrawnOn, input.reason.trim());
      await reportWithdrawn(em, provider, withdrawn, input.withdrawnOn);
      return { inspection, userErrors: [] };
    });
  }

  withholdPublication(input: WithholdPublicationInput) {
    return this.move(input.inspectionId, PipelineAction.WITHHOLD_PUBLICATION, (_em, inspection, provider) => {
      const violations = validateWithhold(input.reason, input.decidedBy, inspection.type, provider.settingType);
      if (violations.length > 0) return violations;
      Object.assign(inspection, { status: InspectionStatus.NOT_PUBLISHED, notPublishedReason: input.reason.trim(), notPublishedDecidedBy: input.decidedBy.trim() });
      return [];
    });
  }

  /** Inspections with a report deadline passed and not met, in a region or local authority, most overdue first. */
  async overdue(requested: { region?: string | null; localAuthority?: string | null }): Promise<{ inspection: Inspection; overdue: Deadline[] }[]> {
    const filter = { ...requested, region: listRegion(this.principal, requested.region) };
    const today = this.clock.today();
    const where: Record<string, unknown> = {
      feedbackDate: { $ne: null },
      status: { $nin: [InspectionStatus.PUBLISHED, InspectionStatus.NOT_PUBLISHED, InspectionStatus.INCOMPLETE] },
    };
    if (filter.localAuthority) where.provider = { localAuthority: filter.localAuthority };
    if (filter.region) where.provider = { localAuthority: { ...(filter.localAuthority ? { onsCode: filter.localAuthority } : {}), region: filter.region } };
    const candidates = await this.em.find(Inspection, where, { populate: ['provider'], orderBy: [{ feedbackDate: 'asc' }, { id: 'asc' }] });
    return candidates
      .map((inspection) => ({ inspection, overdue: deadlinesOf(inspection, inspection.provider.getEntity(), today).filter((d) => d.overdue) }))
      .filter((row) => row.overdue.length > 0);
  }
}
