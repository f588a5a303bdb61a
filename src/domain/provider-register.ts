/**
 * The register of providers: who runs a setting, who manages it, and what must hold for a
 * registration, a change of registered manager and a closure to be recorded. Pure rules; the
 * providers service applies them before anything is written.
 */
import { isValid as isValidPostcode } from 'postcode';
import { compareDates, daysBetween, isLocalDate, minDate, type LocalDate } from './local-date';
import { badInput, ruleViolation, type Violation } from './rule-violation';
import { SETTING_TYPES, SettingType, byFamily, isChildrensHome } from './setting-types';
import { URN_FORMAT_MESSAGE, isValidUrn } from './urn';

export enum RegisteredProviderKind {
  ORGANISATION = 'ORGANISATION',
  INDIVIDUAL = 'INDIVIDUAL',
}

export enum ProviderStatus {
  REGISTERED = 'REGISTERED',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

/** How a registration ends: the provider closed the setting, or Ofsted cancelled the registration. */
export type ClosureOutcome = ProviderStatus.CLOSED | ProviderStatus.CANCELLED;

/** The statuses of a registration that stands (a suspended setting is still registered). */
export const OPEN_STATUSES: readonly ProviderStatus[] = [ProviderStatus.REGISTERED, ProviderStatus.SUSPENDED];

export const isOpen = (status: ProviderStatus): boolean => OPEN_STATUSES.includes(status);

/** Nothing is changed or planned at a setting whose registration has ended (CONFLICT). */
export function validateOpen(status: ProviderStatus): Violation[] {
  return isOpen(status)
    ? []
    : [{ field: ['providerId'], code: 'CONFLICT', message: `The setting's registration is ${status.toLowerCase()}` }];
}

/** The day a registration ended (closed or cancelled), or null while it stands. */
export const registrationEndedOn = (status: ProviderStatus, statusDate: LocalDate): LocalDate | null =>
  isOpen(status) ? null : statusDate;

export interface AddressDetails {
  line1: string;
  line2?: string | null;
  town: string;
  postcode: string;
}

/** What the register holds about a setting, as far as the rules below need it. */
export interface SettingDetails {
  settingType: SettingType;
  name: string;
  address: AddressDetails;
  places: number | null;
  registeredProviderKind: RegisteredProviderKind;
  responsibleIndividualName: string | null;
  shortBreakService: boolean;
  providesEducation: boolean;
  singlePersonAgency: boolean;
}

export interface RegistrationDetails extends SettingDetails {
  urn: string;
  registrationDate: LocalDate;
  registeredManager: { name: string; startDate: LocalDate } | null;
}

const MAX_TEXT = 200;

/** "An adoption support agency", "A children's home": sentence-initial, with the right article. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'An' : 'A'} ${noun}`;
}

export function validateText(field: string[], value: string | null | undefined, required: boolean): Violation[] {
  if (value == null || value.trim() === '') {
    return required ? [badInput(field, `${field[field.length - 1]} must not be empty`)] : [];
  }
  if (value.length > MAX_TEXT) return [badInput(field, `${field[field.length - 1]} must be at most ${MAX_TEXT} characters`)];
  return [];
}

export function validateAddress(field: string[], address: AddressDetails): Violation[] {
  return [
    ...validateText([...field, 'line1'], address.line1, true),
    ...validateText([...field, 'line2'], address.line2, false),
    ...validateText([...field, 'town'], address.town, true),
    ...(isValidPostcode(address.postcode) ? [] : [badInput([...field, 'postcode'], `"${address.postcode}" is not a UK postcode`)]),
  ];
}

export function validateDate(field: string[], value: LocalDate, today: LocalDate): Violation[] {
  if (!isLocalDate(value)) return [badInput(field, `"${value}" is not a calendar date (YYYY-MM-DD)`)];
  if (compareDates(value, today) > 0) return [badInput(field, `${field[field.length - 1]} cannot be in the future`)];
  return [];
}

/**
 * The rules every version of a setting's details must satisfy: on registration and after every
 * update. Field paths are those of the registration input.
 */
export function validateSettingDetails(details: SettingDetails): Violation[] {
  const profile = SETTING_TYPES[details.settingType];
  const violations: Violation[] = [
    ...validateText(['name'], details.name, true),
    ...validateAddress(['address'], details.address),
    ...validateText(['responsibleIndividual', 'name'], details.responsibleIndividualName, false),
  ];

  const aSetting = withArticle(profile.label.toLowerCase());
  if (details.places == null && profile.placesRequired) {
    violations.push(badInput(['places'], `${aSetting} is registered for a number of places`));
  }
  if (details.places != null && !profile.residential) {
    violations.push(badInput(['places'], `${aSetting} has no registered places`));
  }
  if (details.places != null && (!Number.isInteger(details.places) || details.places < 0)) {
    violations.push(badInput(['places'], 'places must be a whole number, zero or more'));
  }

  // An organisation must name a responsible individual (Reg 26(4) for children's homes; the SCCIF
  // for family centres and adoption support agencies). An individual provider is accountable in person.
  if (
    details.registeredProviderKind === RegisteredProviderKind.ORGANISATION &&
    (details.responsibleIndividualName == null || details.responsibleIndividualName.trim() === '')
  ) {
    violations.push(
      ruleViolation(
        ['responsibleIndividual'],
        byFamily(details.settingType, {
          CHILDRENS_HOMES: 'CHA-181',
          RESIDENTIAL_FAMILY_CENTRES: 'RFC-108',
          ADOPTION_SUPPORT_AGENCIES: 'ASA-125',
        }),
        'A setting run by an organisation must have a responsible individual',
      ),
    );
  }

  // A home may be both secure and a short-break service: the flags are independent (EC-46).
  if (details.shortBreakService && !isChildrensHome(details.settingType)) {
    violations.push(
      badInput(['shortBreakService'], "Only a children's home or secure children's home is registered as a short-break service"),
    );
  }
  if (details.providesEducation && !isChildrensHome(details.settingType)) {
    violations.push(
      badInput(['providesEducation'], "Only a children's home or secure children's home records that it also provides education"),
    );
  }
  if (details.singlePersonAgency) {
    if (details.settingType !== SettingType.ADOPTION_SUPPORT_AGENCY) {
      violations.push(badInput(['singlePersonAgency'], 'Only an adoption support agency can be a single-person agency'));
    } else if (details.registeredProviderKind !== RegisteredProviderKind.INDIVIDUAL) {
      violations.push(
        ruleViolation(
          ['singlePersonAgency'],
          'ASA-043',
          'A single-person adoption support agency is run by an individual registered provider, not an organisation',
        ),
      );
    }
  }
  return violations;
}

export function validateRegistration(details: RegistrationDetails, today: LocalDate): Violation[] {
  const violations: Violation[] = [];
  if (!isValidUrn(details.urn)) violations.push(badInput(['urn'], `"${details.urn}" is not a valid URN. ${URN_FORMAT_MESSAGE}`));
  violations.push(...validateDate(['registrationDate'], details.registrationDate, today));
  violations.push(...validateSettingDetails(details));
  if (details.registeredManager) {
    const { name, startDate } = details.registeredManager;
    violations.push(...validateText(['registeredManager', 'name'], name, true));
    const dateProblems = validateDate(['registeredManager', 'startDate'], startDate, today);
    violations.push(...dateProblems);
    if (dateProblems.length === 0 && isLocalDate(details.registrationDate) && startDate < details.registrationDate) {
      violations.push(badInput(['registeredManager', 'startDate'], 'A registered manager cannot start before the setting is registered'));
    }
  }
  return violations;
}

// ---------------------------------------------------------------------------------------------
// Registered managers and vacancies

/** A registered manager's time in post: from `startDate` up to, not including, `endDate`. */
export interface ManagerAppointmentPeriod {
  startDate: LocalDate;
  endDate: LocalDate | null;
}

/** A period with no registered manager in post: from `startDate` up to, not including, `endDate`. */
export interface VacancyPeriod {
  startDate: LocalDate;
  /** The day a registered manager took up post again, or null while the post is still vacant. */
  endDate: LocalDate | null;
  /** Days vacant: to `endDate`, or to the date asked about while the vacancy is open. */
  days: number;
}

/**
 * The periods since registration in which the setting had no registered manager, measured on
 * `asOf` (today, or the date of an inspection). A vacancy still open on `asOf` counts up to it;
 * appointments are read from the register, never typed in (Annex N counts vacancy weeks from them).
 */
export function managerVacancies(
  registrationDate: LocalDate,
  appointments: readonly ManagerAppointmentPeriod[],
  asOf: LocalDate,
  closedOn: LocalDate | null = null,
): VacancyPeriod[] {
  const horizon = closedOn ? minDate(asOf, closedOn) : asOf;
  const sorted = [...appointments].filter((a) => a.startDate <= horizon).sort((a, b) => compareDates(a.startDate, b.startDate));
  const vacancies: VacancyPeriod[] = [];
  let coveredUntil: LocalDate | null = registrationDate; // first day not yet covered; null = covered for good
  for (const appointment of sorted) {
    if (coveredUntil !== null && appointment.startDate > coveredUntil) {
      vacancies.push({
        startDate: coveredUntil,
        endDate: appointment.startDate,
        days: daysBetween(coveredUntil, appointment.startDate),
      });
    }
    if (appointment.endDate === null) coveredUntil = null;
    else if (coveredUntil !== null && appointment.endDate > coveredUntil) coveredUntil = appointment.endDate;
  }
  // A post left on `asOf` is vacant that day (0 days so far); a registration that ended is not.
  const endedAtHorizon = closedOn !== null && closedOn <= horizon;
  if (coveredUntil !== null && (coveredUntil < horizon || (coveredUntil === horizon && !endedAtHorizon))) {
    vacancies.push({ startDate: coveredUntil, endDate: null, days: daysBetween(coveredUntil, horizon) });
  }
  return vacancies;
}

/** The vacancy open on `asOf`, if the post is vacant then. */
export function currentVacancy(
  registrationDate: LocalDate,
  appointments: readonly ManagerAppointmentPeriod[],
  asOf: LocalDate,
  closedOn: LocalDate | null = null,
): VacancyPeriod | null {
  return managerVacancies(registrationDate, appointments, asOf, closedOn).find((v) => v.endDate === null) ?? null;
}

export interface ManagerChange {
  effectiveDate: LocalDate;
  newManagerName: string | null;
}

export interface RegisterState {
  status: ProviderStatus;
  registrationDate: LocalDate;
  appointments: readonly ManagerAppointmentPeriod[];
}

/**
 * A change of registered manager takes effect on one day: the manager in post (if any) leaves
 * on it and the new one (if any) starts on it. It cannot rewrite history before the latest change
 * already on the register.
 */
export function validateManagerChange(state: RegisterState, change: ManagerChange, today: LocalDate): Violation[] {
  const closed = validateOpen(state.status);
  if (closed.length) return closed;
  const violations = validateDate(['effectiveDate'], change.effectiveDate, today);
  if (change.newManagerName !== null) violations.push(...validateText(['newManager', 'name'], change.newManagerName, true));
  if (violations.length) return violations;

  if (change.effectiveDate < state.registrationDate) {
    violations.push(badInput(['effectiveDate'], 'A change of manager cannot take effect before the setting was registered'));
  }
  const latest = state.appointments.reduce<LocalDate | null>((acc, a) => {
    const last = a.endDate && a.endDate > a.startDate ? a.endDate : a.startDate;
    return acc === null || last > acc ? last : acc;
  }, null);
  if (latest !== null && change.effectiveDate <= latest) {
    violations.push(
      badInput(['effectiveDate'], `The register already records a change of manager on ${latest}; a new change must take effect after it`),
    );
  }
  const inPost = state.appointments.some((a) => a.endDate === null);
  if (!inPost && change.newManagerName === null) {
    violations.push({ field: ['newManager'], code: 'CONFLICT', message: 'No registered manager is in post, so none can leave' });
  }
  return violations;
}

export function validateClosure(
  state: Pick<RegisterState, 'status' | 'registrationDate'>,
  effectiveDate: LocalDate,
  today: LocalDate,
): Violation[] {
  if (!isOpen(state.status)) {
    return [{ field: ['providerId'], code: 'CONFLICT', message: `The setting's registration is already ${state.status.toLowerCase()}` }];
  }
  const violations = validateDate(['effectiveDate'], effectiveDate, today);
  if (violations.length === 0 && effectiveDate < state.registrationDate) {
    violations.push(badInput(['effectiveDate'], 'A registration cannot end before it began'));
  }
  return violations;
}
