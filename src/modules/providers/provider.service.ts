import { LockMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { listScope, mayReachSetting, type Principal } from '../../domain/access';
import { assertMayReachSetting, listRegion, outOfScope } from '../auth';
import { FeedEventType } from '../../domain/feed';
import { settingChanged } from '../feeds';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toNormalised } from 'postcode';
import type { Clock } from '../../domain/clock';
import {
  ProviderStatus,
  RegisteredProviderKind,
  validateAddress,
  validateClosure,
  validateManagerChange,
  validateOpen,
  validateRegistration,
  validateSettingDetails,
  validateText,
  type AddressDetails,
  type SettingDetails,
} from '../../domain/provider-register';
import { notFound, type Violation } from '../../domain/rule-violation';
import { ReferenceRepository, type LocalAuthority } from '../reference';
import { keysetPage, toConnection, type ConnectionShape, type PageArgs } from '../shared/connection';
import { idFromGlobal } from '../shared/node';
import { toUserErrors, type UserError } from '../shared/user-error';
import { ManagerAppointment } from './manager-appointment.entity';
import { Provider } from './provider.entity';
import type {
  ChangeRegisteredManagerInput,
  CloseProviderInput,
  ProviderFilter,
  RegisterProviderInput,
  UpdateProviderInput,
} from './provider.types';
import { RegisteredProvider } from './registered-provider.entity';

export interface ProviderResult {
  provider: Provider | null;
  userErrors: UserError[];
}

const failed = (violations: Violation[]): ProviderResult => ({ provider: null, userErrors: toUserErrors(violations) });

function normaliseAddress(address: AddressDetails): AddressDetails {
  return {
    line1: address.line1.trim(),
    line2: address.line2?.trim() || null,
    town: address.town.trim(),
    postcode: toNormalised(address.postcode) ?? address.postcode,
  };
}

/**
 * The register of providers. One instance per request, on the request's own EntityManager.
 * Each change: load, validate with the domain rules, then write in one transaction.
 */
export class ProviderService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly principal: Principal,
  ) {}

  async findByUrn(urn: string): Promise<Provider | null> {
    const provider = await this.em.findOne(Provider, { urn });
    if (provider) await assertMayReachSetting(this.em, this.principal, provider);
    return provider;
  }

  /** A page of the register, ordered by URN (keyset pagination on the unique URN). */
  async list(filter: ProviderFilter | null | undefined, args: PageArgs): Promise<ConnectionShape<Provider>> {
    const page = keysetPage(args);
    const where: FilterQuery<Provider>[] = [this.filterQuery(filter), this.scopeQuery(filter)];
    if (page.after !== null) where.push({ urn: { $gt: page.after } });
    if (page.before !== null) where.push({ urn: { $lt: page.before } });
    const rows = await this.em.find(
      Provider,
      { $and: where },
      { orderBy: { urn: page.direction === 'forward' ? 'asc' : 'desc' }, limit: page.size + 1 },
    );
    return toConnection(page, rows, (provider) => provider.urn);
  }

  async count(filter: ProviderFilter | null | undefined): Promise<number> {
    return this.em.count(Provider, { $and: [this.filterQuery(filter), this.scopeQuery(filter)] });
  }

  /** The part of the register the caller may list: its region, its own URNs, or all of it. */
  private scopeQuery(filter: ProviderFilter | null | undefined): FilterQuery<Provider> {
    const scope = listScope(this.principal);
    switch (scope.kind) {
      case 'ALL':
        return {};
      case 'REGION':
        return { localAuthority: { region: listRegion(this.principal, filter?.region) } };
      case 'URNS':
        return { urn: { $in: [...scope.urns] } };
      case 'NONE':
        throw outOfScope('The register');
    }
  }

  /** A setting may be registered in, or moved to, an authority within the caller's scope only. */
  private assertMayPlaceIn(localAuthority: LocalAuthority, urn: string): void {
    const where = { urn, localAuthority: localAuthority.onsCode, region: localAuthority.region.code };
    if (!mayReachSetting(this.principal, where)) throw outOfScope(`Local authority ${localAuthority.onsCode}`);
  }

  private filterQuery(filter: ProviderFilter | null | undefined): FilterQuery<Provider> {
    const where: FilterQuery<Provider> = {};
    if (filter?.settingType) where.settingType = filter.settingType;
    if (filter?.status) where.status = filter.status;
    if (filter?.localAuthority) where.localAuthority = filter.localAuthority;
    if (filter?.region)
      where.localAuthority = { ...(filter.localAuthority ? { onsCode: filter.localAuthority } : {}), region: filter.region };
    return where;
  }

  async register(input: RegisterProviderInput): Promise<ProviderResult> {
    const today = this.clock.today();
    const violations: Violation[] = [];

    const localAuthority = await new ReferenceRepository(this.em).localAuthority(input.localAuthority);
    if (!localAuthority) violations.push(notFound(['localAuthority'], `No local authority has the ONS code "${input.localAuthority}"`));
    // Authorise before validating: a caller may not learn, from a URN conflict, what is on another region's register.
    else this.assertMayPlaceIn(localAuthority, input.urn);

    const registered = await this.resolveRegisteredProvider(input, violations);

    const details = {
      urn: input.urn,
      settingType: input.settingType,
      name: input.name,
      address: input.address,
      places: input.places ?? null,
      registrationDate: input.registrationDate,
      registeredProviderKind: registered?.kind ?? RegisteredProviderKind.ORGANISATION,
      responsibleIndividualName: input.responsibleIndividual?.name ?? null,
      registeredManager: input.registeredManager
        ? { name: input.registeredManager.name, startDate: input.registeredManager.startDate ?? input.registrationDate }
        : null,
      shortBreakService: input.shortBreakService ?? false,
      providesEducation: input.providesEducation ?? false,
      singlePersonAgency: input.singlePersonAgency ?? false,
    };
    violations.push(...validateRegistration(details, today).filter((v) => registered || v.field[0] !== 'responsibleIndividual'));
    if (violations.length === 0 && (await this.em.count(Provider, { urn: input.urn })) > 0) {
      violations.push({ field: ['urn'], code: 'CONFLICT', message: `URN ${input.urn} is already on the register` });
    }
    if (violations.length > 0 || !localAuthority || !registered) return failed(violations);

    try {
      const provider = await this.em.transactional(async (em) => {
        const registeredProvider =
          registered.existing ??
          em.create(RegisteredProvider, {
            kind: registered.kind,
            name: registered.name.trim(),
            address: normaliseAddress(registered.address),
          });
        const provider = em.create(Provider, {
          urn: details.urn,
          settingType: details.settingType,
          name: details.name.trim(),
          address: normaliseAddress(details.address),
          localAuthority,
          registeredProvider,
          responsibleIndividualName: details.responsibleIndividualName?.trim() || null,
          places: details.places,
          registrationDate: details.registrationDate,
          statusDate: details.registrationDate,
          shortBreakService: details.shortBreakService,
          providesEducation: details.providesEducation,
          singlePersonAgency: details.singlePersonAgency,
        });
        await settingChanged(em, provider, FeedEventType.PROVIDER_REGISTERED, details.registrationDate);
        if (details.registeredManager) {
          em.create(ManagerAppointment, {
            provider,
            name: details.registeredManager.name.trim(),
            startDate: details.registeredManager.startDate,
          });
        }
        return provider;
      });
      return { provider, userErrors: [] };
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        return failed([{ field: ['urn'], code: 'CONFLICT', message: `URN ${input.urn} is already on the register` }]);
      }
      throw error;
    }
  }

  private async resolveRegisteredProvider(
    input: RegisterProviderInput,
    violations: Violation[],
  ): Promise<
    | { kind: RegisteredProviderKind; existing: RegisteredProvider; name: string; address: AddressDetails }
    | { kind: RegisteredProviderKind; existing: null; name: string; address: AddressDetails }
    | null
  > {
    const given = input.registeredProvider;
    if (given.id) {
      if (given.kind || given.name || given.address) {
        violations.push({
          field: ['registeredProvider'],
          code: 'BAD_USER_INPUT',
          message: 'Give either the id of a registered provider on the register, or the kind, name and address of a new one',
        });
        return null;
      }
      const key = idFromGlobal(given.id, 'RegisteredProvider');
      const existing = key ? await this.em.findOne(RegisteredProvider, { id: key }) : null;
      if (!existing) {
        violations.push(notFound(['registeredProvider', 'id'], 'No registered provider has this ID'));
        return null;
      }
      return { kind: existing.kind, existing, name: existing.name, address: existing.address };
    }
    const problems: Violation[] = [];
    if (!given.kind)
      problems.push({
        field: ['registeredProvider', 'kind'],
        code: 'BAD_USER_INPUT',
        message: 'kind is required for a new registered provider',
      });
    problems.push(...validateText(['registeredProvider', 'name'], given.name, true));
    if (!given.address)
      problems.push({
        field: ['registeredProvider', 'address'],
        code: 'BAD_USER_INPUT',
        message: 'address is required for a new registered provider',
      });
    else problems.push(...validateAddress(['registeredProvider', 'address'], given.address));
    violations.push(...problems);
    if (problems.length > 0 || !given.kind || !given.name || !given.address) return null;
    return { kind: given.kind, existing: null, name: given.name, address: given.address };
  }

  /** Loads a setting by global ID inside a transaction, locking its row against concurrent changes. */
  private async lockProvider(em: EntityManager, providerId: string): Promise<Provider | null> {
    const key = idFromGlobal(providerId, 'Provider');
    return key ? em.findOne(Provider, { id: key }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  }

  async update(input: UpdateProviderInput): Promise<ProviderResult> {
    const localAuthority =
      input.localAuthority != null ? await new ReferenceRepository(this.em).localAuthority(input.localAuthority) : null;
    return this.em.transactional(async (em) => {
      const provider = await this.lockProvider(em, input.providerId);
      if (!provider) return failed([notFound(['providerId'], 'No setting has this ID')]);
      await assertMayReachSetting(em, this.principal, provider);
      const closed = validateOpen(provider.status);
      if (closed.length > 0) return failed(closed);
      const violations: Violation[] = [];
      if (input.localAuthority != null && !localAuthority) {
        violations.push(notFound(['localAuthority'], `No local authority has the ONS code "${input.localAuthority}"`));
      }
      if (localAuthority) this.assertMayPlaceIn(localAuthority, provider.urn);
      const next: SettingDetails = {
        settingType: provider.settingType,
        name: input.name ?? provider.name,
        address: input.address ?? provider.address,
        places: input.places !== undefined ? input.places : provider.places,
        registeredProviderKind: (await provider.registeredProvider.loadOrFail()).kind,
        responsibleIndividualName:
          input.responsibleIndividual !== undefined ? (input.responsibleIndividual?.name ?? null) : provider.responsibleIndividualName,
        shortBreakService: input.shortBreakService ?? provider.shortBreakService,
        providesEducation: input.providesEducation ?? provider.providesEducation,
        singlePersonAgency: input.singlePersonAgency ?? provider.singlePersonAgency,
      };
      violations.push(...validateSettingDetails(next));
      if (violations.length > 0) return failed(violations);

      em.assign(provider, {
        name: next.name.trim(),
        address: input.address ? normaliseAddress(input.address) : provider.address,
        places: next.places,
        responsibleIndividualName: next.responsibleIndividualName?.trim() || null,
        shortBreakService: next.shortBreakService,
        providesEducation: next.providesEducation,
        singlePersonAgency: next.singlePersonAgency,
        ...(localAuthority ? { localAuthority } : {}),
      });
      return { provider, userErrors: [] };
    });
  }

  async changeRegisteredManager(input: ChangeRegisteredManagerInput): Promise<ProviderResult> {
    return this.em.transactional(async (em) => {
      const provider = await this.lockProvider(em, input.providerId);
      if (!provider) return failed([notFound(['providerId'], 'No setting has this ID')]);
      await assertMayReachSetting(em, this.principal, provider);
      const appointments = await em.find(ManagerAppointment, { provider }, { orderBy: { startDate: 'asc' } });
      const change = { effectiveDate: input.effectiveDate, newManagerName: input.newManager?.name ?? null };
      const violations = validateManagerChange(
        { status: provider.status, registrationDate: provider.registrationDate, appointments },
        change,
        this.clock.today(),
      );
      if (violations.length > 0) return failed(violations);

      const inPost = appointments.find((a) => a.endDate === null);
      if (inPost) inPost.endDate = change.effectiveDate;
      if (change.newManagerName !== null) {
        // The leaving manager's row is written first: at most one manager is in post at a time.
        await em.flush();
        em.create(ManagerAppointment, { provider, name: change.newManagerName.trim(), startDate: change.effectiveDate });
      }
      return { provider, userErrors: [] };
    });
  }

  async close(input: CloseProviderInput): Promise<ProviderResult> {
    return this.em.transactional(async (em) => {
      const provider = await this.lockProvider(em, input.providerId);
      if (!provider) return failed([notFound(['providerId'], 'No setting has this ID')]);
      await assertMayReachSetting(em, this.principal, provider);
      const violations = validateClosure(provider, input.effectiveDate, this.clock.today());
      if (violations.length > 0) return failed(violations);

      provider.status = input.outcome === 'CLOSED' ? ProviderStatus.CLOSED : ProviderStatus.CANCELLED;
      provider.statusDate = input.effectiveDate;
      await settingChanged(
        em,
        provider,
        provider.status === ProviderStatus.CLOSED ? FeedEventType.PROVIDER_CLOSED : FeedEventType.PROVIDER_CANCELLED,
        input.effectiveDate,
      );
      // The registered manager's appointment ends with the registration.
      const inPost = await em.findOne(ManagerAppointment, { provider, endDate: null });
      if (inPost && inPost.startDate < input.effectiveDate) inPost.endDate = input.effectiveDate;
      else if (inPost) em.remove(inPost);
      return { provider, userErrors: [] };
    });
  }
}
