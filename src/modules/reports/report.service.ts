import type { EntityManager } from '@mikro-orm/postgresql';
import type { InspectionAction, Principal } from '../../domain/access';
import { listRegion } from '../auth';
import type { Clock } from '../../domain/clock';
import { InspectionStatus } from '../../domain/inspection-lifecycle';
import { compareDates, isLocalDate, type LocalDate } from '../../domain/local-date';
import { reportDeadlines, reportTimetable, type Deadline } from '../../domain/report-deadlines';
import {
  PipelineAction,
  applyMove,
  pastDay,
  reportEventsOf,
  writeReportText,
  type MoveOutcome,
  type PipelineMove,
  type PipelineState,
} from '../../domain/report-pipeline';
import { badInput, notFound, type Violation } from '../../domain/rule-violation';
import { publicNodeId } from '../../domain/redaction';
import { reportAmended, reportPublished, reportWithdrawn } from '../feeds';
import { InspectionRepository, assertMayReadInspection, lockInspection, type Inspection, type InspectionResult } from '../inspections';
import { JudgementRepository, latestOf } from '../judgements';
import type { Provider } from '../providers';
import {
  PublishedReportRepository,
  draftReport,
  publicReportId,
  publishVersion,
  toPublicReport,
  withdrawVersions,
  type PublicReport,
} from '../public';
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

/** The report timetable of an inspection as of `today`; empty before feedback or where none is set. */
export function deadlinesOf(inspection: Inspection, provider: Provider, today: LocalDate): Deadline[] {
  const timetable = reportTimetable(inspection.type, provider.settingType);
  const events = reportEventsOf(inspection);
  if (!timetable || !events || inspection.status === InspectionStatus.NOT_PUBLISHED) return [];
  return reportDeadlines(timetable, events, today);
}

function pipelineState(inspection: Inspection, provider: Provider): PipelineState {
  return {
    type: inspection.type,
    settingType: provider.settingType,
    registrationDate: provider.registrationDate,
    status: inspection.status,
    statusBeforeComplaint: inspection.statusBeforeComplaint,
    feedbackDate: inspection.feedbackDate,
    draftSentOn: inspection.draftSentOn,
    commentsReturnedOn: inspection.commentsReturnedOn,
    finalReportIssuedOn: inspection.finalReportIssuedOn,
    publishedOn: inspection.publishedOn,
  };
}

/** Writes exactly what the domain decided a move changes. */
function persist(inspection: Inspection, outcome: Extract<MoveOutcome, { ok: true }>): void {
  const changes: Partial<Inspection> = { status: outcome.status, ...outcome.set };
  Object.assign(inspection, changes);
}

/** A move as given (with the facts from other records its checks need), and the other rows it writes once allowed. */
interface Decided<A extends PipelineAction> {
  move: Extract<PipelineMove, { action: A }>;
  afterwards?: () => Promise<void> | void;
}

type Step<A extends PipelineAction> = (em: EntityManager, inspection: Inspection, provider: Provider) => Promise<Decided<A>> | Decided<A>;

/**
 * Who makes each move: inspectors record (for their own inspections) and managers of the region
 * too; managers alone sign off quality assurance, issue, publish and withhold; the provider alone
 * returns comments and complains.
 */
export const WHO_MOVES: Record<PipelineAction, InspectionAction> = {
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

  /**
   * Locks the inspection, gathers what the move needs (`step`), lets the domain decide it, then
   * writes what the domain decided and the move's other rows.
   */
  private move<A extends PipelineAction>(inspectionId: string, action: A, step: Step<A>): Promise<InspectionResult> {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, inspectionId, this.principal, WHO_MOVES[action]);
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      const { inspection, provider } = found;
      const { move, afterwards } = await step(em, inspection, provider);
      const outcome = applyMove(pipelineState(inspection, provider), move, this.clock.today());
      if (!outcome.ok) return failed(outcome.violations);
      persist(inspection, outcome);
      await afterwards?.();
      return { inspection, userErrors: [] };
    });
  }

  defer(input: DeferInspectionInput) {
    return this.move(input.inspectionId, PipelineAction.DEFER, () => ({
      move: { action: PipelineAction.DEFER, reason: input.reason, justification: input.justification, agreedBy: input.agreedBy },
    }));
  }

  reschedule(input: RescheduleInspectionInput) {
    return this.move(input.inspectionId, PipelineAction.RESCHEDULE, () => ({
      move: { action: PipelineAction.RESCHEDULE, scheduledStart: input.scheduledStart },
    }));
  }

  declareIncomplete(input: DeclareInspectionIncompleteInput) {
    return this.move(input.inspectionId, PipelineAction.DECLARE_INCOMPLETE, () => ({
      move: { action: PipelineAction.DECLARE_INCOMPLETE, reason: input.reason },
    }));
  }

  resumeFieldwork(input: ResumeFieldworkInput) {
    return this.move(input.inspectionId, PipelineAction.RESUME_FIELDWORK, () => ({
      move: { action: PipelineAction.RESUME_FIELDWORK, onSiteStart: input.onSiteStart },
    }));
  }

  submitDraftForQualityAssurance(input: SubmitDraftForQualityAssuranceInput) {
    return this.move(input.inspectionId, PipelineAction.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE, () => ({
      move: { action: PipelineAction.SUBMIT_DRAFT_FOR_QUALITY_ASSURANCE, submittedOn: input.submittedOn },
    }));
  }

  sendDraft(input: SendDraftReportInput) {
    return this.move(input.inspectionId, PipelineAction.SEND_DRAFT, async (em, inspection) => {
      const history = await new JudgementRepository(em).history(inspection);
      const latest = latestOf(history);
      return {
        move: {
          action: PipelineAction.SEND_DRAFT,
          sentOn: input.sentOn,
          qualityAssuredBy: input.qualityAssuredBy,
          providerInformedOfChangesOn: input.providerInformedOfChangesOn,
          judgementVersions: history.length,
          latestJudgementKind: latest?.kind ?? null,
          texts: {
            overall: inspection.reportOverallText,
            helpedAndProtected: inspection.reportHelpedAndProtectedText,
            leadersAndManagers: inspection.reportLeadersAndManagersText,
            summary: inspection.reportSummaryText,
            childFriendlySummary: inspection.childFriendlySummary,
          },
        },
      };
    });
  }

  async submitComments(
    input: SubmitFactualAccuracyCommentsInput,
  ): Promise<InspectionResult & { factualAccuracyComments?: FactualAccuracyComment[] }> {
    let made: FactualAccuracyComment[] | undefined;
    const result = await this.move(input.inspectionId, PipelineAction.RECEIVE_COMMENTS, (em, inspection) => ({
      move: { action: PipelineAction.RECEIVE_COMMENTS, receivedOn: input.receivedOn, comments: input.comments },
      afterwards: () => {
        made = input.comments.map((comment, position) =>
          em.create(FactualAccuracyComment, { inspection, position, receivedOn: input.receivedOn, comment: comment.trim() }),
        );
      },
    }));
    return { ...result, factualAccuracyComments: made };
  }

  closeCommentsWindow(input: CloseFactualAccuracyWindowInput) {
    return this.move(input.inspectionId, PipelineAction.CLOSE_COMMENTS_WINDOW, () => ({
      move: { action: PipelineAction.CLOSE_COMMENTS_WINDOW },
    }));
  }

  async respondToComment(
    input: RespondToFactualAccuracyCommentInput,
  ): Promise<InspectionResult & { factualAccuracyComment?: FactualAccuracyComment }> {
    return this.em.transactional(async (em) => {
      const id = idFromGlobal(input.commentId, 'FactualAccuracyComment');
      const comment = id ? await em.findOne(FactualAccuracyComment, { id }) : null;
      if (!comment) return failed([notFound(['commentId'], 'No comment has this ID')]);
      const found = await lockInspection(em, globalId('Inspection', comment.inspection.id), this.principal, 'RECORD');
      const violations = pastDay(['respondedOn'], input.respondedOn, this.clock.today());
      if (!input.response.trim()) violations.push(badInput(['response'], 'Give the response'));
      if (found && found.inspection.finalReportIssuedOn)
        violations.push({ field: ['commentId'], code: 'CONFLICT', message: 'The final report has been issued' });
      if (violations.length > 0) return failed(violations);
      comment.response = input.response.trim();
      comment.respondedOn = input.respondedOn;
      return { inspection: found?.inspection ?? null, factualAccuracyComment: comment, userErrors: [] };
    });
  }

  async lodgeComplaint(input: LodgeComplaintInput): Promise<InspectionResult & { complaint?: Complaint }> {
    let made: Complaint | undefined;
    const result = await this.move(input.inspectionId, PipelineAction.LODGE_COMPLAINT, (em, inspection) => ({
      move: { action: PipelineAction.LODGE_COMPLAINT, lodgedOn: input.lodgedOn, summary: input.summary },
      afterwards: () => {
        made = em.create(Complaint, { inspection, lodgedOn: input.lodgedOn, summary: input.summary.trim() });
      },
    }));
    return { ...result, complaint: made };
  }

  async answerComplaint(input: AnswerComplaintInput): Promise<InspectionResult & { complaint?: Complaint }> {
    const id = idFromGlobal(input.complaintId, 'Complaint');
    const complaint = id ? await this.em.findOne(Complaint, { id }) : null;
    if (!complaint) return failed([notFound(['complaintId'], 'No complaint has this ID')]);
    let answered: Complaint | undefined;
    const result = await this.move(globalId('Inspection', complaint.inspection.id), PipelineAction.ANSWER_COMPLAINT, (em) => ({
      move: { action: PipelineAction.ANSWER_COMPLAINT, answeredOn: input.answeredOn, answer: input.answer },
      afterwards: () => {
        const managed = em.merge(complaint);
        managed.answer = input.answer.trim();
        managed.answeredOn = input.answeredOn;
        answered = managed;
      },
    }));
    return { ...result, complaint: answered };
  }

  issueFinalReport(input: IssueFinalReportInput) {
    return this.move(input.inspectionId, PipelineAction.ISSUE_FINAL_REPORT, async (em, inspection) => ({
      move: {
        action: PipelineAction.ISSUE_FINAL_REPORT,
        issuedOn: input.issuedOn,
        unansweredComments: await em.count(FactualAccuracyComment, { inspection, response: null }),
      },
    }));
  }

  /** Publishes the report; returns the version published, as the public sees it. */
  async publish(input: PublishReportInput): Promise<InspectionResult & { publishedReport?: PublicReport }> {
    let published: PublicReport | undefined;
    const result = await this.move(input.inspectionId, PipelineAction.PUBLISH, (em, inspection, provider) => ({
      move: { action: PipelineAction.PUBLISH, publishedOn: input.publishedOn },
      // What is stored as published is the redacted public report, built now from the records.
      afterwards: async () => {
        const version = await publishVersion(em, inspection, provider, input.publishedOn, null);
        await reportPublished(em, provider, version);
        published = toPublicReport(version);
      },
    }));
    return { ...result, publishedReport: published };
  }

  /** The draft as the provider received it and as it now stands (CH-166), for its provider and staff of its region; null before it is sent. */
  async draft(inspectionId: string): Promise<PublicReport | null> {
    const id = idFromGlobal(inspectionId, 'Inspection');
    const inspection = id ? await new InspectionRepository(this.em).byId(id) : null;
    if (!inspection) return null;
    await assertMayReadInspection(this.em, this.principal, inspection.id);
    const draft = await draftReport(this.em, inspection);
    if (!draft) return null;
    return {
      ...draft.content,
      id: publicNodeId(globalId('Inspection', inspection.id)),
      publishedOn: draft.sentOn,
      version: 0,
      amendmentReason: null,
      versions: [],
    };
  }

  /** The report's text, written after feedback and changed until the draft goes out (or for an amendment). */
  async writeText(input: WriteReportTextInput): Promise<InspectionResult> {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, input.inspectionId, this.principal, 'RECORD');
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      const { inspection } = found;
      const written = writeReportText(inspection.status, input);
      if (!written.ok) return failed(written.violations);
      const changes: Partial<Inspection> = written.set;
      Object.assign(inspection, changes);
      return { inspection, userErrors: [] };
    });
  }

  /** An amendment to a published report: a new published version, redacted again; the history stays. */
  async amend(input: AmendPublishedReportInput): Promise<InspectionResult & { publishedReport?: PublicReport }> {
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
      const version = await publishVersion(em, inspection, provider, input.amendedOn, input.reason.trim());
      await reportAmended(em, provider, version);
      return { inspection, publishedReport: toPublicReport(version), userErrors: [] };
    });
  }

  /**
   * Withdraws a published report from the public: every version at once, with the feed's copies
   * erased and a withdrawal event written, in one transaction. The inspection stays published, so
   * a corrected version can follow (`amend`).
   */
  async withdraw(
    input: WithdrawPublishedReportInput,
  ): Promise<
    InspectionResult & { withdrawal?: { reportId: ReturnType<typeof publicReportId>; versions: number[]; withdrawnOn: LocalDate } }
  > {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, input.inspectionId, this.principal, 'DECIDE');
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      const { inspection, provider } = found;
      const violations: Violation[] = [];
      const current = await new PublishedReportRepository(em).currentVersionOf(inspection);
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
      const withdrawal = {
        reportId: publicReportId(withdrawn[0]!),
        versions: withdrawn.map((v) => v.version),
        withdrawnOn: input.withdrawnOn,
      };
      return { inspection, withdrawal, userErrors: [] };
    });
  }

  withholdPublication(input: WithholdPublicationInput) {
    return this.move(input.inspectionId, PipelineAction.WITHHOLD_PUBLICATION, () => ({
      move: { action: PipelineAction.WITHHOLD_PUBLICATION, reason: input.reason, decidedBy: input.decidedBy },
    }));
  }

  /** Inspections with a report deadline passed and not met, in a region or local authority, most overdue first. */
  async overdue(requested: {
    region?: string | null;
    localAuthority?: string | null;
  }): Promise<{ inspection: Inspection; overdue: Deadline[] }[]> {
    const filter = { ...requested, region: listRegion(this.principal, requested.region) };
    const today = this.clock.today();
    const candidates = await new InspectionRepository(this.em).reportsPendingIn(filter);
    return candidates
      .map((inspection) => ({
        inspection,
        overdue: deadlinesOf(inspection, inspection.provider.getEntity(), today).filter((d) => d.overdue),
      }))
      .filter((row) => row.overdue.length > 0);
  }
}
