import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { LocalDate } from '../../domain/local-date';
import type { InspectionDue } from '../../domain/scheduling';
import type { Provider } from '../providers/provider.entity';
import { dueFor } from './scheduling.service';

export function schedulingLoaders(em: EntityManager, today: () => LocalDate) {
  return {
    dueByProvider: new DataLoader<Provider, InspectionDue[], string>(
      async (providers) => {
        const due = await dueFor(em, providers, today());
        return providers.map((p) => due.get(p.id) ?? []);
      },
      { cacheKeyFn: (p) => p.id },
    ),
  };
}
