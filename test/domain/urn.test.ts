import { URN_FORMAT_MESSAGE, isValidUrn } from '../../src/domain/urn';

// CH-230: the URN is the public search key for reports, so only the two official forms are accepted.
describe('isValidUrn', () => {
  test.each([
    ['legacy SC form', 'SC123456'],
    ['legacy SC form with zeros', 'SC000001'],
    ['seven-digit form', '2512345'],
    ['seven-digit form with a leading zero', '0123456'],
  ])('CH-230 accepts the %s (%j)', (_label, urn) => {
    expect(isValidUrn(urn)).toBe(true);
  });

  test.each([
    ['lowercase prefix', 'sc123456'],
    ['mixed-case prefix', 'Sc123456'],
    ['SC with 5 digits', 'SC12345'],
    ['SC with 7 digits', 'SC1234567'],
    ['5 digits', '12345'],
    ['6 digits', '123456'],
    ['8 digits', '12345678'],
    ['a space after the prefix', 'SC 123456'],
    ['a space inside the digits', '251 2345'],
    ['the empty string', ''],
    ['a different prefix', 'AB123456'],
    ['a letter among the digits', '25A2345'],
    ['a letter among the SC digits', 'SC12E456'],
    ['a leading space', ' 2512345'],
    ['a trailing space', '2512345 '],
    ['a trailing newline', '2512345\n'],
    ['leading and trailing whitespace around SC form', '\tSC123456 '],
    ['a suffix letter', 'SC123456A'],
    ['non-ASCII digits', '٢٥١٢٣٤٥'],
  ])('CH-230 rejects %s (%j)', (_label, urn) => {
    expect(isValidUrn(urn)).toBe(false);
  });

  test('the format message names both forms with examples', () => {
    expect(URN_FORMAT_MESSAGE).toContain('SC123456');
    expect(URN_FORMAT_MESSAGE).toContain('2512345');
  });
});
