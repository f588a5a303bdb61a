import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader } from '../shared/loader';
import { JudgementRepository } from './judgement.repository';

export function judgementLoaders(em: EntityManager) {
  return {
    /** Every version of each inspection's judgements, the first proposal first. */
    judgementHistoryByInspection: groupLoader(
      (ids: readonly string[]) => new JudgementRepository(em).historiesOf(ids),
      (record) => record.inspection.id,
    ),
  };
}
