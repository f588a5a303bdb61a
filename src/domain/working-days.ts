/**
 * Working days in England: Monday to Friday except England's bank holidays (substitute days
 * included), from the `date-holidays` package. The guidance's timeframes ("within 10 working
 * days of the end of the inspection", "20 working days' notice") are counted with these.
 */
import Holidays from 'date-holidays';
import { addDays, isLocalDate, type LocalDate } from './local-date';

const england = new Holidays('GB', 'ENG');
const byYear = new Map<number, ReadonlySet<LocalDate>>();

function bankHolidaysOf(year: number): ReadonlySet<LocalDate> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(
      england
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    byYear.set(year, days);
  }
  return days;
}

export function isBankHoliday(date: LocalDate): boolean {
  return bankHolidaysOf(Number(date.slice(0, 4))).has(date);
}

export function isWorkingDay(date: LocalDate): boolean {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date);
}

/**
 * The date `count` working days after `date` (before it, for a negative count). Day 0 is `date`
 * itself: "within 10 working days of 2026-11-20" is `addWorkingDays('2026-11-20', 10)`.
 */
export function addWorkingDays(date: LocalDate, count: number): LocalDate {
  if (!Number.isInteger(count)) throw new RangeError('count must be a whole number');
  const step = count < 0 ? -1 : 1;
  let remaining = Math.abs(count);
  let day = date;
  while (remaining > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day)) remaining -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}
