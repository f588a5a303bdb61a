import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../../domain/access';
import { assertMayActOnInspection } from '../auth';
import { validateJudgementsMayBeProposed, whoMayProposeJudgements } from '../../domain/inspection-lifecycle';
import {
  Grade,
  InterimOutcome,
  noJudgementStatement,
  validateAssuranceOutcome,
  validateFullJudgements,
  validateInterimJudgement,
  DEFAULT_MANAGER_VACANCY_POLICY,
  type ManagerVacancyPolicy,
  validateJudgementChange,
  validateJudgementKind,
  validateMonitoringNewJudgement,
  validateNoJudgement,
} from '../../domain/judgements';
import type { LocalDate } from '../../domain/local-date';
import { notFound, type Violation } from '../../domain/rule-violation';
import { openFollowUps } from '../enforcement';
import { InspectionRepository, lockInspection, type Inspection } from '../inspections';
import { ProviderRepository, type Provider } from '../providers';
import { RequirementRepository } from '../requirements';
import { toUserErrors, type UserError } from '../shared/user-error';
import { JudgementKind } from './judgement.enums';
import { JudgementRecord } from './judgement.entity';
import { JudgementRepository } from './judgement.repository';
import type {
  ProposeFullInspectionJudgementsInput,
  ProposeInterimJudgementInput,
  RecordAssuranceVisitOutcomeInput,
  RecordMonitoringVisitOutcomeInput,
  RecordNoJudgementInterimInput,
} from './judgement.types';

export interface JudgementResult {
  inspection: Inspection | null;
  /** The version of the judgements recorded; absent when there are user errors. */
  judgement?: JudgementRecord;
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

/** A setting's current four-point grade before `before` (CH-196), or null. */
async function currentGradeBefore(em: EntityManager, provider: Provider, before: LocalDate): Promise<Grade | null> {
  return (await new JudgementRepository(em).currentGrades([provider.id], before)).get(provider.id) ?? null;
}

/** Proposing judgements at feedback, and changing them (with the reason) until the draft report goes out. */
export class JudgementService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    /** How a long registered manager vacancy is read (configuration; Annex N's reading by default). */
    private readonly vacancyPolicy: ManagerVacancyPolicy = DEFAULT_MANAGER_VACANCY_POLICY,
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
      const latest = await new JudgementRepository(em).latestJudgement(inspection);
      if (whoMayProposeJudgements(inspection.status, latest !== null) === 'DECIDE') {
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
      return { inspection, judgement: record, userErrors: [] };
    });
  }

  proposeFull(input: ProposeFullInspectionJudgementsInput): Promise<JudgementResult> {
    return this.propose(input.inspectionId, {
      kind: JudgementKind.FULL_INSPECTION,
      changeReason: input.changeReason,
      decide: async ({ em, provider, feedbackDate }) => {
        const managerVacancyDays = await new ProviderRepository(em).vacancyDaysOn(provider, feedbackDate);
        const judgements = {
          overallExperiencesAndProgress: input.overallExperiencesAndProgress,
          helpedAndProtected: input.helpedAndProtected,
          leadersAndManagers: input.leadersAndManagers,
        };
        return {
          violations: validateFullJudgements(
            provider.settingType,
            judgements,
            {
              vacancyDays: managerVacancyDays,
              vacancyReason: input.vacancyReason,
            },
            this.vacancyPolicy,
          ),
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
        const managerVacancyDays = await new ProviderRepository(em).vacancyDaysOn(provider, feedbackDate);
        const violations = validateInterimJudgement(
          input.outcome,
          {
            previousInspectionId: previous?.id ?? null,
            vacancyDays: managerVacancyDays,
            reasonNotDeclined: input.reasonNotDeclined,
          },
          this.vacancyPolicy,
        );
        if (violations.length === 0) new InspectionRepository(em).setPreviousInspection(inspection, previous);
        return {
          violations,
          fields: {
            interimOutcome: input.outcome,
            declineSuggestsSeriousConcerns:
              input.outcome === InterimOutcome.DECLINED_IN_EFFECTIVENESS ? (input.declineSuggestsSeriousConcerns ?? false) : null,
            managerVacancyDays,
            vacancyReason: input.outcome === InterimOutcome.DECLINED_IN_EFFECTIVENESS ? null : input.reasonNotDeclined?.trim() || null,
          },
        };
      },
    });
  }

  /** The latest earlier full or interim inspection of the setting with a judgement (not a no-judgement interim). */
  private async previousJudgedInspection(em: EntityManager, inspection: Inspection): Promise<Inspection | null> {
    const earlier = await new InspectionRepository(em).fullOrInterimBefore(inspection);
    const records = await new JudgementRepository(em).latestJudgements(earlier.map((i) => i.id));
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
        const earlierInspections = await new InspectionRepository(em).countStartedBefore(inspection, provider);
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
          const openRequirements = await new RequirementRepository(em).countNotMetElsewhere(provider, inspection);
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
