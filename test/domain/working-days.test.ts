import { addWorkingDays, isBankHoliday, isWorkingDay, workingDaysBetween } from '../../src/domain/working-days';

describe('working days in England (CH-025: timeframes are in working days)', () => {
  test.each([
    ['2026-01-01', "New Year's Day"],
    ['2026-04-03', 'Good Friday'],
    ['2026-04-06', 'Easter Monday'],
    ['2026-05-04', 'Early May bank holiday'],
    ['2026-05-25', 'Spring bank holiday'],
    ['2026-08-31', 'Summer bank holiday'],
    ['2026-12-25', 'Christmas Day'],
    ['2026-12-28', 'Boxing Day (substitute day)'],
    ['2027-12-27', 'Christmas Day (substitute day)'],
    ['2027-12-28', 'Boxing Day (substitute day)'],
  ])('%s (%s) is a bank holiday, not a working day', (date) => {
    expect(isBankHoliday(date)).toBe(true);
    expect(isWorkingDay(date)).toBe(false);
  });

  test.each(['2026-11-21', '2026-11-22'])('%s, a weekend day, is not a working day', (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });

  test("an ordinary weekday is a working day; St Patrick's Day is not an English bank holiday", () => {
    expect(isWorkingDay('2026-11-23')).toBe(true);
    expect(isWorkingDay('2026-03-17')).toBe(true);
  });

  test.each([
    ['2026-11-20', 10, '2026-12-04'], // Friday + 10: two full weeks
    ['2026-12-18', 5, '2026-12-29'], // over Christmas, the weekend and the Boxing Day substitute
    ['2026-12-24', 1, '2026-12-29'],
    ['2027-12-23', 3, '2027-12-30'], // both substitute days (Christmas and Boxing Day fall at a weekend)
    ['2027-12-30', 3, '2028-01-05'], // across the year end: New Year's Day is a Saturday, Monday 3 January its substitute
    ['2026-04-02', 1, '2026-04-07'], // Easter
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-12-04', -10, '2026-11-20'],
  ])('%s plus %d working days is %s', (from, count, expected) => {
    expect(addWorkingDays(from, count)).toBe(expected);
  });

  test('counting working days between two dates agrees with adding them', () => {
    expect(workingDaysBetween('2026-12-18', '2026-12-29')).toBe(5);
    expect(workingDaysBetween('2027-12-30', '2028-01-05')).toBe(3);
    expect(workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(workingDaysBetween('2026-11-23', '2026-11-20')).toBe(0);
  });
});
