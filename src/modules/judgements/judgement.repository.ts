import type { EntityManager } from '@mikro-orm/postgresql';
import { overallGradeOf, type Grade } from '../../domain/judgements';
import type { LocalDate } from '../../domain/local-date';
import { InspectionRepository, type Inspection } from '../inspections';
import { groupBy } from '../shared/loader';
import { JudgementRecord } from './judgement.entity';

/** The judgements as they now stand, from an inspection's history (version order): its latest version; null before any. */
export const latestOf = (history: readonly JudgementRecord[]): JudgementRecord | null => history.at(-1) ?? null;

/** What inspections concluded, as other modules read it. */
export class JudgementRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every version of these inspections' judgements, each inspection's in version order (the proposal at feedback first). */
  historiesOf(inspectionIds: readonly string[]): Promise<JudgementRecord[]> {
    if (inspectionIds.length === 0) return Promise.resolve([]);
    return this.em.find(JudgementRecord, { inspection: { $in: [...inspectionIds] } }, { orderBy: { version: 'asc' } });
  }

  /** Every version of one inspection's judgements, the proposal at feedback first. */
  history(inspection: Inspection): Promise<JudgementRecord[]> {
    return this.historiesOf([inspection.id]);
  }

  /** The judgements of each inspection as they now stand (its latest version), by inspection ID; none for an inspection without any. */
  async latestJudgements(inspectionIds: readonly string[]): Promise<Map<string, JudgementRecord>> {
    const histories = groupBy(await this.historiesOf(inspectionIds), (record) => record.inspection.id);
    return new Map([...histories].map(([id, history]) => [id, latestOf(history)!]));
  }

  /** One inspection's judgements as they now stand, or null before they are proposed at feedback. */
  async latestJudgement(inspection: Inspection): Promise<JudgementRecord | null> {
    return latestOf(await this.history(inspection));
  }

  /**
   * Settings' current four-point grades before `before` (CH-196): the latest full-inspection overall
   * judgement, or a later new judgement at a monitoring visit; interim judgements never replace it.
   * Two statements for any number of settings.
   */
  async currentGrades(providerIds: readonly string[], before: LocalDate): Promise<Map<string, Grade>> {
    const grades = new Map<string, Grade>();
    const earlier = await new InspectionRepository(this.em).gradedBefore(providerIds, before);
    const records = await this.latestJudgements(earlier.map((i) => i.id));
    for (const inspection of earlier) {
      if (grades.has(inspection.provider.id)) continue;
      const record = records.get(inspection.id);
      const grade = record ? overallGradeOf(record) : null;
      if (grade) grades.set(inspection.provider.id, grade);
    }
    return grades;
  }
}
