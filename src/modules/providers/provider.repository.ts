import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '../../domain/local-date';
import { OPEN_STATUSES, currentVacancy, registrationEndedOn } from '../../domain/provider-register';
import { ManagerAppointment } from './manager-appointment.entity';
import { Provider } from './provider.entity';

/** ONS codes of a region and a local authority, either or both, already checked. */
export interface AreaCodes {
  region?: string | null;
  localAuthority?: string | null;
}

/** The register of providers as other modules read it: settings and their registered managers. */
export class ProviderRepository {
  constructor(private readonly em: EntityManager) {}

  /** The setting with this ID (a row key, not a global ID), or null. */
  byId(id: string): Promise<Provider | null> {
    return this.em.findOne(Provider, { id });
  }

  /** The setting with this URN, or null. */
  byUrn(urn: string): Promise<Provider | null> {
    return this.em.findOne(Provider, { urn });
  }

  /** Every registered manager appointment of a setting, past and present. */
  managerAppointments(provider: Provider): Promise<ManagerAppointment[]> {
    return this.em.find(ManagerAppointment, { provider });
  }

  /** Days the registered manager post has been vacant on `asOf`, from the register; null when filled. */
  async vacancyDaysOn(provider: Provider, asOf: LocalDate): Promise<number | null> {
    const appointments = await this.managerAppointments(provider);
    const endedOn = registrationEndedOn(provider.status, provider.statusDate);
    return currentVacancy(provider.registrationDate, appointments, asOf, endedOn)?.days ?? null;
  }

  /** Open settings (registered or suspended) in an area, in URN order. */
  openSettingsIn(area: AreaCodes): Promise<Provider[]> {
    const where: Record<string, unknown> = { status: { $in: [...OPEN_STATUSES] } };
    if (area.localAuthority) where.localAuthority = area.localAuthority;
    if (area.region) where.localAuthority = { ...(area.localAuthority ? { onsCode: area.localAuthority } : {}), region: area.region };
    return this.em.find(Provider, where, { orderBy: { urn: 'asc' } });
  }

  /**
   * A batch of the whole register in URN order, after `afterUrn`, in an area (by the local
   * authority each setting is registered in now), with each setting's registered provider loaded.
   */
  registerBatch(area: AreaCodes, afterUrn: string | null, limit: number): Promise<Provider[]> {
    const where: FilterQuery<Provider>[] = [];
    if (area.localAuthority) where.push({ localAuthority: area.localAuthority });
    if (area.region) where.push({ localAuthority: { region: area.region } });
    if (afterUrn !== null) where.push({ urn: { $gt: afterUrn } });
    return this.em.find(Provider, where.length ? { $and: where } : {}, {
      populate: ['registeredProvider'],
      orderBy: { urn: 'asc' },
      limit,
    });
  }
}
