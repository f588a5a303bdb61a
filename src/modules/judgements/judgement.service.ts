import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../domain/access';
import { assertMayActOnInspection } from '../auth/scope';
import { InspectionStatus, validateJudgementsMayBeProposed } from '../../domain/inspection-lifecycle';
import { InspectionType } from '../../domain/inspection-types';
import {
  Grade,
  InterimOutcome,
  noJudgementStatement,
  overallGradeOf,
  validateAssuranceOutcome,
  validateFullJudgements,
  validateInterimJudgement,
  validateJudgementChange,
  validateJudgementKind,
  validateMonitoringNewJudgement,
  validateNoJudgement,
} from '../../domain/judgements';
import type { LocalDate } from '../../domain/local-date';
import { currentVacancy, registrationEndedOn } from '../../domain/provider-register';
import { ItemStatus } from '../../domain/requirements';
import { notFound, type Violation } from '../../domain/rule-violation';
import { Inspection } from '../inspections/inspection.entity';
import { lockInspection } from '../inspections/inspection.service';
import { ManagerAppointment } from '../providers/manager-appointment.entity';
import type { Provider } from '../providers/provider.entity';
import { Requirement } from '../requirements/requirement.entity';
import { toUserErrors, type UserError } from '../shared/user-error';
import { openFollowUps } from '../enforcement/enforcement.service';
import { JudgementKind } from './judgement.enums';
import { JudgementRecord } from './judgement.entity';
import type {
  ProposeFullInspectionJudgementsInput,
  ProposeInterimJudgementInput,
  RecordAssuranceVisitOutcomeInput,
  RecordMonitoringVisitOutcomeInput,
  RecordNoJudgementInterimInput,
} from './judgement.types';

export interface JudgementResult {
  inspection: Inspection | null;
  userErrors: UserError[];
}

const failed = (violations: Violation[]): JudgementResult => ({ inspection: null, userErrors: toUserErrors(violations) });

type RecordFields = Omit<Partial<JudgementRecord>, 'id' | 'inspection' | 'version' | 'kind' | 'recordedAt'>;

interface Proposal {
  kind: JudgementKind;
  changeReason: string | null | undefined;
  /** Kind-specific rules; returns the violations and the fields to record. */
  decide(context: { em: EntityManager; inspection: Inspection; provider: Provider; feedbackDate: LocalDate }): Promise<{
    violations: Violation[];
    fields: RecordFields;
  }>;
}

/** Days the registered manager post has been vacant on `asOf`, from the register; null when filled. */
async function vacancyDaysOn(em: EntityManager, provider: Provider, asOf: LocalDate): Promise<number | null> {
  const appointments = await em.find(ManagerAppointment, { provider });
  const endedOn = registrationEndedOn(provider.status, provider.statusDate);
  return currentVacancy(provider.registrationDate, appointments, asOf, endedOn)?.days ?? null;
}

async function latestRecords(em: EntityManager, inspections: readonly Inspection[]): Promise<Map<string, JudgementRecord>> {
  if (inspections.length === 0) return new Map();
  const records = await em.find(JudgementRecord, { inspection: { $in: inspections.map((i) => i.id) } }, { orderBy: { version: 'asc' } });
  return new Map(records.map((r) => [r.inspection.id, r]));
}

/**
 * Settings' current four-point grades before `before` (CH-196): the latest full-inspection overall
 * judgement, or a later new judgement at a monitoring visit; interim judgements never replace it.
 * Two statements for any number of settings.
 */
export async function currentGrades(em: EntityManager, providerIds: readonly string[], before: LocalDate): Promise<Map<string, Grade>> {
  const grades = new Map<string, Grade>();
  if (providerIds.length === 0) return grades;
  const earlier = await em.find(
    Inspection,
    {
      provider: { $in: [...providerIds] },
      type: { $in: [InspectionType.FULL_INSPECTION, InspectionType.MONITORING_VISIT] },
      status: { $ne: InspectionStatus.INCOMPLETE },
      feedbackDate: { $lt: before },
    },
    { orderBy: [{ feedbackDate: 'desc' }, { createdAt: 'desc' }] },
  );
  const records = await latestRecords(em, earlier);
  for (const inspection of earlier) {
    if (grades.has(inspection.provider.id)) continue;
    const record = records.get(inspection.id);
    const grade = record ? overallGradeOf(record) : null;
    if (grade) grades.set(inspection.provider.id, grade);
  }
  return grades;
}

export async function currentGradeBefore(em: EntityManager, provider: Provider, before: LocalDate): Promise<Grade | null> {
  return (await currentGrades(em, [provider.id], before)).get(provider.id) ?? null;
}

/** Proposing judgements at feedback, and changing them (with the reason) until the draft report goes out. */
export class JudgementService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
  ) {}

  private async propose(inspectionId: string, proposal: Proposal): Promise<JudgementResult> {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, inspectionId, this.principal, 'RECORD');
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      const { inspection, provider } = found;
      const wrongKind = validateJudgementKind(inspection.type, proposal.kind);
      if (wrongKind.length > 0) return failed(wrongKind);
      const stateProblems = validateJudgementsMayBeProposed(inspection.status);
      if (stateProblems.length > 0) return failed(stateProblems);
      const latest = await em.findOne(JudgementRecord, { inspection }, { orderBy: { version: 'desc' } });
      // Once the draft is with quality assurance, changing the judgements is the manager's decision.
      if (latest && inspection.status === InspectionStatus.DRAFT_IN_QUALITY_ASSURANCE) {
        await assertMayActOnInspection(em, this.principal, inspection, provider, 'DECIDE');
      }
      const changeProblems = validateJudgementChange(
        provider.settingType,
        { alreadyProposed: latest !== null, draftReportSent: inspection.draftSentOn !== null },
        proposal.changeReason,
      );
      if (changeProblems.length > 0) return failed(changeProblems);

      const { violations, fields } = await proposal.decide({ em, inspection, provider, feedbackDate: inspection.feedbackDate! });
      if (violations.length > 0) return failed(violations);
      const record = em.create(JudgementRecord, {
        ...fields,
        inspection,
        version: (latest?.version ?? 0) + 1,
        kind: proposal.kind,
        changeReason: latest ? proposal.changeReason!.trim() : null,
      });
      await openFollowUps(em, inspection, provider, record);
      return { inspection, userErrors: [] };
    });
  }

  proposeFull(input: ProposeFullInspectionJudgementsInput): Promise<JudgementResult> {
    return this.propose(input.inspectionId, {
      kind: JudgementKind.FULL_INSPECTION,
      changeReason: input.changeReason,
      decide: async ({ em, provider, feedbackDate }) => {
        const managerVacancyDays = await vacancyDaysOn(em, provider, feedbackDate);
        const judgements = {
          overallExperiencesAndProgress: input.overallExperiencesAndProgress,
          helpedAndProtected: input.helpedAndProtected,
          leadersAndManagers: input.leadersAndManagers,
        };
        return {
          violations: validateFullJudgements(provider.settingType, judgements, {
            vacancyDays: managerVacancyDays,
            vacancyReason: input.vacancyReason,
          }),
          fields: { ...judgements, managerVacancyDays, vacancyReason: input.vacancyReason?.trim() || null },
        };
      },
    });
  }

  proposeInterim(input: ProposeInterimJudgementInput): Promise<JudgementResult> {
    return this.propose(input.inspectionId, {
      kind: JudgementKind.INTERIM,
      changeReason: input.changeReason,
      decide: async ({ em, inspection, provider, feedbackDate }) => {
        const previous = await this.previousJudgedInspection(em, inspection);
        const managerVacancyDays = await vacancyDaysOn(em, provider, feedbackDate);
        const violations = validateInterimJudgement(input.outcome, {
          previousInspectionId: previous?.id ?? null,
          vacancyDays: managerVacancyDays,
          reasonNotDeclined: input.reasonNotDeclined,
        });
        if (violations.length === 0) inspection.previousInspection = previous ? em.getReference(Inspection, previous.id, { wrapped: true }) : null;
        return {
          violations,
          fields: {
            interimOutcome: input.outcome,
            declineSuggestsSeriousConcerns: input.outcome === InterimOutcome.DECLINED_IN_EFFECTIVENESS ? (input.declineSuggestsSeriousConcerns ?? false) : null,
            managerVacancyDays,
            vacancyReason: input.outcome === InterimOutcome.DECLINED_IN_EFFECTIVENESS ? null : input.reasonNotDeclined?.trim() || null,
          },
        };
      },
    });
  }

  /** The latest earlier full or interim inspection of the setting with a judgement (not a no-judgement interim). */
  private async previousJudgedInspection(em: EntityManager, inspection: Inspection): Promise<Inspection | null> {
    const earlier = await em.find(
      Inspection,
      {
        provider: inspection.provider,
        id: { $ne: inspection.id },
        type: { $in: [InspectionType.FULL_INSPECTION, InspectionType.INTERIM_INSPECTION] },
        status: { $ne: InspectionStatus.INCOMPLETE },
        feedbackDate: { $lte: inspection.onSiteStart! },
      },
      { orderBy: [{ feedbackDate: 'desc' }, { createdAt: 'desc' }] },
    );
    const records = await latestRecords(em, earlier);
    return (
      earlier.find((i) => {
        const kind = records.get(i.id)?.kind;
        return kind === JudgementKind.FULL_INSPECTION || kind === JudgementKind.INTERIM;
      }) ?? null
    );
  }

  recordNoJudgement(input: RecordNoJudgementInterimInput): Promise<JudgementResult> {
    return this.propose(input.inspectionId, {
      kind: JudgementKind.NO_JUDGEMENT,
      changeReason: input.changeReason,
      decide: async ({ em, inspection, provider }) => {
        // Only inspections before this one count: a later visit does not make this the second.
        const earlierInspections = await em.count(Inspection, {
          provider,
          id: { $ne: inspection.id },
          onSiteStart: { $lt: inspection.onSiteStart! },
        });
        const details = {
          reason: input.reason,
          registrationDate: provider.registrationDate,
          closedFor: input.closedFor,
          notOperationalFor: input.notOperationalFor,
          inspectorText: input.inspectorText,
        };
        const violations = validateNoJudgement(details, { earlierInspections });
        return {
          violations,
          fields: { noJudgementReason: input.reason, statement: violations.length ? null : noJudgementStatement(details) },
        };
      },
    });
  }

  recordAssurance(input: RecordAssuranceVisitOutcomeInput): Promise<JudgementResult> {
    return this.propose(input.inspectionId, {
      kind: JudgementKind.ASSURANCE_VISIT,
      changeReason: input.changeReason,
      decide: async () => ({
        violations: validateAssuranceOutcome(input.seriousOrWidespreadConcerns, input.concerns),
        fields: { seriousOrWidespreadConcerns: input.seriousOrWidespreadConcerns, concerns: input.concerns?.trim() || null },
      }),
    });
  }

  recordMonitoring(input: RecordMonitoringVisitOutcomeInput): Promise<JudgementResult> {
    return this.propose(input.inspectionId, {
      kind: JudgementKind.MONITORING_VISIT,
      changeReason: input.changeReason,
      decide: async ({ em, inspection, provider }) => {
        const violations: Violation[] = [];
        if (!input.progressSummary.trim()) {
          violations.push({ field: ['progressSummary'], code: 'BAD_USER_INPUT', message: 'Summarise the progress found' });
        }
        if (input.newOverallGrade) {
          const currentGrade = await currentGradeBefore(em, provider, inspection.onSiteStart!);
          const openRequirements = await em.count(Requirement, {
            inspection: { provider, id: { $ne: inspection.id } },
            status: { $ne: ItemStatus.MET },
          });
          violations.push(
            ...validateMonitoringNewJudgement(input.newOverallGrade, input.conditions, input.rationale, {
              settingType: provider.settingType,
              currentGrade,
              openRequirements,
            }),
          );
        }
        return {
          violations,
          fields: {
            progressSummary: input.progressSummary.trim(),
            newOverallGrade: input.newOverallGrade ?? null,
            conditions: input.newOverallGrade && input.conditions ? { ...input.conditions } : null,
            rationale: input.rationale?.trim() || null,
          },
        };
      },
    });
  }
}
