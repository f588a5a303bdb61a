import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childrenLoader } from '../shared/loader';
import { ManagerAppointment } from './manager-appointment.entity';
import { Provider } from './provider.entity';
import { RegisteredProvider } from './registered-provider.entity';

export function providerLoaders(em: EntityManager) {
  return {
    providerById: byIdLoader(em, Provider),
    registeredProviderById: byIdLoader(em, RegisteredProvider),
    managerAppointmentsByProvider: childrenLoader(em, ManagerAppointment, 'provider', { orderBy: { startDate: 'asc' } }),
  };
}
