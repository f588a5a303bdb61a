import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader, keyLoader } from '../shared/loader';
import { ManagerAppointment } from './manager-appointment.entity';
import { Provider } from './provider.entity';
import { RegisteredProvider } from './registered-provider.entity';

export function providerLoaders(em: EntityManager) {
  return {
    providerById: keyLoader(
      (ids: readonly string[]) => em.find(Provider, { id: { $in: [...ids] } }),
      (provider) => provider.id,
    ),
    registeredProviderById: keyLoader(
      (ids: readonly string[]) => em.find(RegisteredProvider, { id: { $in: [...ids] } }),
      (rp) => rp.id,
    ),
    managerAppointmentsByProvider: groupLoader(
      (ids: readonly string[]) => em.find(ManagerAppointment, { provider: { $in: [...ids] } }, { orderBy: { startDate: 'asc' } }),
      (appointment) => appointment.provider.id,
    ),
  };
}
