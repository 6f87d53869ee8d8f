import { describe, expect, it } from 'vitest';
import { checkPin, decodePin, makePin } from './pin';

describe('ПИН checks (DOMAIN.md §8)', () => {
  const woman = { sex: 'F' as const, birthDate: '2006-03-14' };

  it('accepts a ПИН whose sex digit and date agree with the record', () => {
    expect(checkPin('11403200600123', woman)).toEqual([]);
  });

  it('treats anything but 14 digits as an error', () => {
    for (const bad of ['1140320060012', '114032006001234', '1140320060012a', '']) {
      expect(checkPin(bad, woman)).toEqual([{ level: 'error', code: 'pin.format' }]);
    }
  });

  it('ignores spaces and dashes typed by a clerk', () => {
    expect(checkPin('1 14032006 00123', woman)).toEqual([]);
    expect(checkPin('1-14032006-00123', woman)).toEqual([]);
  });

  it('warns, naming the sex part, when the first digit disagrees with the recorded sex', () => {
    const issues = checkPin('21403200600123', woman);
    expect(issues).toEqual([{ level: 'warning', code: 'pin.sexMismatch', part: 'sex', pinValue: '2', recorded: 'F' }]);
  });

  it('warns when the first digit is not a sex code at all', () => {
    expect(checkPin('31403200600123', woman)[0]).toMatchObject({ code: 'pin.sexDigit', part: 'sex' });
  });

  it('warns, naming the birth-date part, when the date digits disagree (a typo)', () => {
    const issues = checkPin('11503200600123', woman);
    expect(issues).toEqual([
      { level: 'warning', code: 'pin.birthDateMismatch', part: 'birthDate', pinValue: '15032006', recorded: '2006-03-14' },
    ]);
  });

  it('warns when the date digits are not a real date (31 February)', () => {
    expect(checkPin('13102200600123', woman)[0]).toMatchObject({ code: 'pin.birthDateInvalid', part: 'birthDate' });
  });

  it('round-trips through makePin and decodePin', () => {
    const pin = makePin('M', '1999-12-31', 42);
    expect(pin).toBe('23112199900042');
    expect(decodePin(pin)).toEqual({ sex: 'M', birthDate: '1999-12-31' });
  });
});
