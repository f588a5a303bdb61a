import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Grade } from '../../domain/judgements';
import { addDays, type LocalDate } from '../../domain/local-date';
import { JudgementRepository } from '../judgements';
import type { InspectionDue, SchedulingPolicy } from '../../domain/scheduling';
import type { Provider } from '../providers';
import { dueFor } from './scheduling.service';

export function schedulingLoaders(em: EntityManager, today: () => LocalDate, policy: SchedulingPolicy) {
  return {
    /** The current four-point grade of each setting (CH-196), as of today. */
    currentGradeByProvider: new DataLoader<string, Grade | null>(async (ids) => {
      const grades = await new JudgementRepository(em).currentGrades(ids, addDays(today(), 1));
      return ids.map((id) => grades.get(id) ?? null);
    }),
    dueByProvider: new DataLoader<Provider, InspectionDue[], string>(
      async (providers) => {
        const due = await dueFor(em, providers, today(), policy);
        return providers.map((p) => due.get(p.id) ?? []);
      },
      { cacheKeyFn: (p) => p.id },
    ),
  };
}
