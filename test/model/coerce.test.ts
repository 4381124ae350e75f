import { formatProblem, Read, readBoolean, readDate, readList, readNumber, readText } from '../../src/model/coerce';

/** A read as a person reads it: the value, or the problem as a sentence. */
const plain = <T>(read: Read<T>) => ({
  ...(read.value !== undefined && { value: read.value }),
  ...(read.problem && { problem: formatProblem(read.problem) }),
});

describe('readNumber', () => {
  it.each`
    description                  | raw               | bounds                  | value         | problem
    ${'a number'}                | ${250000}         | ${{}}                   | ${250000}     | ${undefined}
    ${'a numeric string'}        | ${'250000'}       | ${{}}                   | ${250000}     | ${undefined}
    ${'a decimal string'}        | ${'18.5'}         | ${{}}                   | ${18.5}       | ${undefined}
    ${'thousands separators'}    | ${'1,234,567.89'} | ${{}}                   | ${1234567.89} | ${undefined}
    ${'European grouping'}       | ${'1.234.567,89'} | ${{}}                   | ${1234567.89} | ${undefined}
    ${'a decimal comma'}         | ${'18,5'}         | ${{}}                   | ${18.5}       | ${undefined}
    ${'spaces as separators'}    | ${'1 234 567'}    | ${{}}                   | ${1234567}    | ${undefined}
    ${'a currency sign'}         | ${'$250,000'}     | ${{}}                   | ${250000}     | ${undefined}
    ${'a bigint'}                | ${BigInt(42)}     | ${{}}                   | ${42}         | ${undefined}
    ${'null'}                    | ${null}           | ${{}}                   | ${undefined}  | ${undefined}
    ${'an empty string'}         | ${'  '}           | ${{}}                   | ${undefined}  | ${undefined}
    ${'NaN'}                     | ${NaN}            | ${{}}                   | ${undefined}  | ${'expected a number, got a value that is not a number'}
    ${'Infinity'}                | ${Infinity}       | ${{}}                   | ${undefined}  | ${'expected a number, got an infinite number'}
    ${'text'}                    | ${'n/a'}          | ${{}}                   | ${undefined}  | ${'expected a number, got text'}
    ${'an object'}               | ${{ v: 1 }}       | ${{}}                   | ${undefined}  | ${'expected a number, got an object'}
    ${'a score above its range'} | ${120}            | ${{ min: 0, max: 100 }} | ${undefined}  | ${'120 is above the allowed maximum 100'}
    ${'a score below its range'} | ${-5}             | ${{ min: 0, max: 100 }} | ${undefined}  | ${'-5 is below the allowed minimum 0'}
    ${'an integer rounded'}      | ${'499.6'}        | ${{ integer: true }}    | ${500}        | ${undefined}
  `('$description', ({ raw, bounds, value, problem }) => {
    expect(plain(readNumber(raw, bounds))).toEqual({
      ...(value !== undefined && { value }),
      ...(problem && { problem }),
    });
  });
});

describe('readDate', () => {
  it.each`
    description                    | raw                               | value
    ${'an ISO date'}               | ${'2020-01-15'}                   | ${'2020-01-15'}
    ${'epoch milliseconds'}        | ${Date.UTC(2020, 0, 15)}          | ${'2020-01-15'}
    ${'epoch seconds'}             | ${Date.UTC(2020, 0, 15) / 1000}   | ${'2020-01-15'}
    ${'a numeric string of ms'}    | ${String(Date.UTC(2020, 0, 15))}  | ${'2020-01-15'}
    ${'an ISO datetime'}           | ${'2026-02-27T10:30:00Z'}         | ${'2026-02-27T10:30:00.000Z'}
    ${'a datetime with a space'}   | ${'2026-02-27 10:30:00'}          | ${'2026-02-27T10:30:00.000Z'}
    ${'a datetime with an offset'} | ${'2026-02-27T10:30:00+02:00'}    | ${'2026-02-27T08:30:00.000Z'}
    ${'a slashed date'}            | ${'2020/1/5'}                     | ${'2020-01-05'}
    ${'a Date object'}             | ${new Date(Date.UTC(2021, 5, 1))} | ${'2021-06-01'}
  `('reads $description', ({ raw, value }) => {
    expect(readDate(raw)).toEqual({ value });
  });

  it.each`
    description                    | raw
    ${'garbage'}                   | ${'not a date'}
    ${'a day that does not exist'} | ${'2024-02-31'}
    ${'a far-future placeholder'}  | ${'9999-12-31'}
    ${'an invalid Date'}           | ${new Date('x')}
    ${'an object'}                 | ${{ date: '2020-01-01' }}
    ${'an epoch beyond Date'}      | ${8640000000000001}
    ${'a bigint beyond Date'}      | ${BigInt('8640000000000001')}
  `('reports $description', ({ raw }) => {
    const read = readDate(raw);
    expect(read.value).toBeUndefined();
    expect(read.problem).toBeTruthy();
  });
});

describe('readList', () => {
  it.each`
    description          | raw               | value
    ${'comma-separated'} | ${'CRM, BI, API'} | ${['CRM', 'BI', 'API']}
    ${'an array'}        | ${['CRM', 'BI']}  | ${['CRM', 'BI']}
    ${'a JSON array'}    | ${'["CRM","BI"]'} | ${['CRM', 'BI']}
    ${'with duplicates'} | ${'CRM,CRM, ,BI'} | ${['CRM', 'BI']}
  `('reads $description', ({ raw, value }) => {
    expect(readList(raw)).toEqual({ value });
  });
});

test('readText trims and refuses objects; readBoolean reads the usual spellings', () => {
  expect(readText('  Acme ')).toEqual({ value: 'Acme' });
  expect(readText(42)).toEqual({ value: '42' });
  expect(plain(readText({})).problem).toBe('expected text, got an object');
  expect(readBoolean('yes')).toEqual({ value: true });
  expect(readBoolean(0)).toEqual({ value: false });
  expect(readBoolean('maybe').problem).toBeTruthy();
});
