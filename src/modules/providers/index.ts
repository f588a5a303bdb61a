/**
 * The providers module's public face: the register of providers (settings, their registered
 * providers and managers) as GraphQL types, and how other modules read it.
 */
export { Provider } from './provider.entity';
export { RegisteredProvider } from './registered-provider.entity';
export { ManagerAppointment } from './manager-appointment.entity';
export { ProviderRepository, type AreaCodes } from './provider.repository';
export { providerLoaders } from './provider.loaders';
export type { ProviderService } from './provider.service';
