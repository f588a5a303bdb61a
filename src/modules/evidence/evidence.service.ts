import type { EntityManager } from '@mikro-orm/postgresql';
import { idFromGlobal } from '../shared/node';
import type { Principal } from '../../domain/access';
import { initialsOf, validateEvidence } from '../../domain/evidence';
import { validateEvidenceMayBeRecorded } from '../../domain/inspection-lifecycle';
import { badInput, notFound, type Violation } from '../../domain/rule-violation';
import { lockInspection } from '../inspections';
import { toUserErrors, type UserError } from '../shared/user-error';
import { Evidence, ProtectedPerson } from './evidence.entity';
import type { RecordEvidenceInput } from './evidence.types';

export interface EvidenceResult {
  evidence: Evidence | null;
  userErrors: UserError[];
}

const failed = (violations: Violation[]): EvidenceResult => ({ evidence: null, userErrors: toUserErrors(violations) });

/** Evidence and the protected register of the people it names. One instance per request. */
export class EvidenceService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
  ) {}

  async record(input: RecordEvidenceInput): Promise<EvidenceResult> {
    return this.em.transactional(async (em) => {
      const found = await lockInspection(em, input.inspectionId, this.principal, 'RECORD');
      if (!found) return failed([notFound(['inspectionId'], 'No inspection has this ID')]);
      const { inspection, provider } = found;
      const stateProblems = validateEvidenceMayBeRecorded(inspection.status, inspection.draftSentOn !== null);
      if (stateProblems.length > 0) return failed(stateProblems);

      const register = await em.find(ProtectedPerson, { inspection });
      const violations: Violation[] = [];
      const named: ProtectedPerson[] = [];
      const added: { name: string; role: NonNullable<RecordEvidenceInput['people']>[number]['role'] }[] = [];
      (input.people ?? []).forEach((person, i) => {
        if (person.id) {
          const id = idFromGlobal(person.id, 'ProtectedPerson');
          const existing = register.find((p) => p.id === id);
          if (!existing)
            violations.push(notFound(['people', String(i), 'id'], "No one in this inspection's protected register has this ID"));
          else named.push(existing);
        } else if (person.name?.trim() && person.role) {
          added.push({ name: person.name.trim(), role: person.role });
        } else {
          violations.push(badInput(['people', String(i)], 'Give the id of a person in the register, or the name and role of a new one'));
        }
      });

      violations.push(
        ...validateEvidence({
          settingType: provider.settingType,
          source: input.source,
          judgementArea: input.judgementArea,
          evaluationCriterion: input.evaluationCriterion ?? null,
          finding: input.finding,
          narrative: input.narrative,
          interviewTime: input.interviewTime ?? null,
          intervieweeRole: input.intervieweeRole ?? null,
          peopleNamed: [...named.map((p) => p.name), ...added.map((p) => p.name)],
          identificationJustification: input.identificationJustification ?? null,
          registeredNames: [...register.map((p) => p.name), ...added.map((p) => p.name)],
        }),
      );
      if (violations.length > 0) return failed(violations);

      const evidence = em.create(Evidence, {
        inspection,
        source: input.source,
        judgementArea: input.judgementArea,
        evaluationCriterion: input.evaluationCriterion ?? null,
        finding: input.finding,
        narrative: input.narrative.trim(),
        interviewTime: input.interviewTime ?? null,
        intervieweeRole: input.intervieweeRole?.trim() || null,
        identificationJustification: input.identificationJustification?.trim() || null,
      });
      for (const person of added) {
        named.push(em.create(ProtectedPerson, { inspection, name: person.name, initials: initialsOf(person.name), role: person.role! }));
      }
      evidence.people.set(named);
      return { evidence, userErrors: [] };
    });
  }
}
