import { LocalAuthority } from '../modules/reference/local-authority.entity';
import { Region } from '../modules/reference/region.entity';
import { ManagerAppointment } from '../modules/providers/manager-appointment.entity';
import { Provider } from '../modules/providers/provider.entity';
import { RegisteredProvider } from '../modules/providers/registered-provider.entity';
import { Address } from '../modules/shared/address';

/** Every entity, listed explicitly: no folder scanning, so the build and the tests see the same set. */
export const entities = [Region, LocalAuthority, RegisteredProvider, Provider, ManagerAppointment, Address];
