import { FixedClock, systemClock } from '../../src/domain/clock';
import { addDays, compareDates, daysBetween, isLocalDate, localDateAt, minDate } from '../../src/domain/local-date';

describe('isLocalDate', () => {
  test.each(['2024-02-29', '2026-01-01', '2026-12-31', '2000-02-29', '2026-04-30'])('accepts the calendar date %s', (value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  test.each([
    ['29 February in a non-leap year', '2026-02-29'],
    ['29 February in a century year that is not a leap year', '1900-02-29'],
    ['month 13', '2026-13-01'],
    ['month 00', '2026-00-10'],
    ['day 00', '2026-01-00'],
    ['31 April', '2026-04-31'],
    ['day 32', '2026-01-32'],
    ['no zero padding', '2026-1-5'],
    ['a time of day', '2026-01-05T00:00:00Z'],
    ['a slash-separated date', '2026/01/05'],
    ['day-first order', '05-01-2026'],
    ['surrounding whitespace', ' 2026-01-05 '],
    ['the empty string', ''],
    ['free text', 'yesterday'],
  ])('rejects %s (%j)', (_label, value) => {
    expect(isLocalDate(value)).toBe(false);
  });
});

describe('addDays', () => {
  test.each([
    ['within a month', '2026-03-10', 5, '2026-03-15'],
    ['zero days', '2026-03-10', 0, '2026-03-10'],
    ['across a 31-day month end', '2026-01-31', 1, '2026-02-01'],
    ['across a 30-day month end', '2026-04-30', 1, '2026-05-01'],
    ['across February in a leap year', '2024-02-28', 1, '2024-02-29'],
    ['across February in a non-leap year', '2026-02-28', 1, '2026-03-01'],
    ['across the year end', '2026-12-31', 1, '2027-01-01'],
    ['backwards across the year end', '2027-01-01', -1, '2026-12-31'],
    ['backwards across a month end', '2026-03-01', -1, '2026-02-28'],
    ['over the spring clock change', '2026-03-28', 2, '2026-03-30'],
    ['over the autumn clock change', '2026-10-24', 2, '2026-10-26'],
    ['a whole year', '2026-01-01', 365, '2027-01-01'],
    ['26 weeks', '2026-01-01', 182, '2026-07-02'],
  ])('%s: %s + %i days = %s', (_label, date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  test('throws a RangeError for something that is not a calendar date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  test.each([
    ['the same day', '2026-05-01', '2026-05-01', 0],
    ['the next day', '2026-05-01', '2026-05-02', 1],
    ['a later date across the year end', '2026-12-30', '2027-01-02', 3],
    ['a leap year', '2024-01-01', '2025-01-01', 366],
    ['a non-leap year', '2026-01-01', '2027-01-01', 365],
    ['across the spring clock change', '2026-03-28', '2026-03-30', 2],
    ['across the autumn clock change', '2026-10-24', '2026-10-26', 2],
    ['an earlier date (negative)', '2026-05-02', '2026-05-01', -1],
    ['an earlier date across the year end (negative)', '2027-01-02', '2026-12-30', -3],
  ])('%s: from %s to %s is %i days', (_label, from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  test('is the inverse of addDays', () => {
    expect(daysBetween('2026-01-15', addDays('2026-01-15', 400))).toBe(400);
    expect(daysBetween('2026-01-15', addDays('2026-01-15', -400))).toBe(-400);
  });

  test('throws a RangeError for something that is not a calendar date', () => {
    expect(() => daysBetween('2026-01-01', '2026-13-01')).toThrow(RangeError);
  });
});

describe('compareDates and minDate', () => {
  test('order calendar dates chronologically', () => {
    expect(compareDates('2026-01-31', '2026-02-01')).toBeLessThan(0);
    expect(compareDates('2026-02-01', '2026-01-31')).toBeGreaterThan(0);
    expect(compareDates('2026-02-01', '2026-02-01')).toBe(0);
    expect(minDate('2026-12-31', '2027-01-01')).toBe('2026-12-31');
    expect(minDate('2027-01-01', '2026-12-31')).toBe('2026-12-31');
  });
});

describe('localDateAt (Europe/London by default)', () => {
  test.each([
    // Summer time (BST, UTC+1): late evening UTC is already the next day in London.
    ['late on 30 June UTC is 1 July in London (BST)', '2026-06-30T23:30:00Z', '2026-07-01'],
    ['just before midnight BST is still the same day', '2026-06-30T22:59:59Z', '2026-06-30'],
    ['midnight BST starts the next day', '2026-06-30T23:00:00Z', '2026-07-01'],
    // Winter (GMT, UTC+0): London's date is the UTC date.
    ['late on 31 December UTC is still 31 December in London (GMT)', '2026-12-31T23:30:00Z', '2026-12-31'],
    ['midnight GMT on New Year', '2027-01-01T00:00:00Z', '2027-01-01'],
    // Clock change, spring: 29 March 2026 at 01:00 UTC.
    ['the evening before the spring change is still GMT', '2026-03-28T23:30:00Z', '2026-03-28'],
    ['the evening after the spring change is BST', '2026-03-29T23:30:00Z', '2026-03-30'],
    // Clock change, autumn: 25 October 2026 at 01:00 UTC.
    ['the evening before the autumn change is still BST', '2026-10-24T23:30:00Z', '2026-10-25'],
    ['the evening after the autumn change is GMT', '2026-10-25T23:30:00Z', '2026-10-25'],
  ])('%s (%s -> %s)', (_label, instant, expected) => {
    expect(localDateAt(new Date(instant))).toBe(expected);
  });

  test('returns a calendar date in YYYY-MM-DD form', () => {
    expect(isLocalDate(localDateAt(new Date('2026-06-30T12:00:00Z')))).toBe(true);
  });

  test('honours another time zone when given one', () => {
    const instant = new Date('2026-06-30T23:30:00Z');
    expect(localDateAt(instant, 'UTC')).toBe('2026-06-30');
    expect(localDateAt(instant, 'Asia/Tokyo')).toBe('2026-07-01');
    expect(localDateAt(new Date('2026-07-01T02:00:00Z'), 'America/New_York')).toBe('2026-06-30');
  });
});

describe('FixedClock', () => {
  test('now() and today() stand still at the given instant', () => {
    const clock = new FixedClock(new Date('2026-06-30T23:30:00Z'));
    expect(clock.now().toISOString()).toBe('2026-06-30T23:30:00.000Z');
    expect(clock.today()).toBe('2026-07-01'); // London's date, not UTC's
    expect(clock.today()).toBe('2026-07-01');
  });

  test('now() returns a copy, so callers cannot move the clock by mutating it', () => {
    const clock = new FixedClock(new Date('2026-01-15T12:00:00Z'));
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-01-15T12:00:00.000Z');
  });

  test('set() moves the clock', () => {
    const clock = new FixedClock(new Date('2026-01-15T12:00:00Z'));
    clock.set(new Date('2026-12-31T23:30:00Z'));
    expect(clock.now().toISOString()).toBe('2026-12-31T23:30:00.000Z');
    expect(clock.today()).toBe('2026-12-31');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.today()).toBe('2027-01-01');
  });
});

describe('systemClock', () => {
  test("today() is today's date in London", () => {
    const before = localDateAt(new Date());
    const today = systemClock.today();
    const after = localDateAt(new Date());
    expect([before, after]).toContain(today);
    expect(isLocalDate(today)).toBe(true);
  });
});
