import { localDateAt, type LocalDate } from './local-date';

/**
 * Where "now" and "today" come from. Every rule that depends on the date takes a Clock, so tests
 * (and the API's own test setups) can fix or move time.
 */
export interface Clock {
  now(): Date;
  /** Today's date in England (Europe/London). */
  today(): LocalDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => localDateAt(new Date()),
};

/** A clock that stands still at the given instant until moved; for tests and simulations. */
export class FixedClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant);
  }
  today(): LocalDate {
    return localDateAt(this.instant);
  }
  set(instant: Date): void {
    this.instant = instant;
  }
}
