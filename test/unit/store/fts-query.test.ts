import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toFtsPrefixQuery } from '../../../main/core/store/fts-query';

describe('toFtsPrefixQuery', () => {
  it('turns each word into a quoted prefix term', () => {
    expect(toFtsPrefixQuery('ana')).toBe('"ana"*');
    expect(toFtsPrefixQuery('  Ana   Ruiz ')).toBe('"Ana"* "Ruiz"*');
    expect(toFtsPrefixQuery('ana.ruiz@acme.com')).toBe('"ana"* "ruiz"* "acme"* "com"*');
  });

  it('drops FTS operators’ syntax: quotes, stars, parentheses, column filters', () => {
    expect(toFtsPrefixQuery('"ana" OR bob*')).toBe('"ana"* "OR"* "bob"*');
    expect(toFtsPrefixQuery('NEAR(ana bob, 3)')).toBe('"NEAR"* "ana"* "bob"* "3"*');
    expect(toFtsPrefixQuery('first_name:ana ^x -y')).toBe('"first"* "name"* "ana"* "x"* "y"*');
  });

  it('keeps letters of any script and normalises to NFC', () => {
    expect(toFtsPrefixQuery('José')).toBe('"José"*');
    expect(toFtsPrefixQuery('Jose\u0301')).toBe('"José"*');
    expect(toFtsPrefixQuery('山田 太郎')).toBe('"山田"* "太郎"*');
  });

  it('returns null when there is no word', () => {
    for (const text of ['', '   ', '"', '***', '()', '🙂', '—', '\u0000'])
      expect(toFtsPrefixQuery(text)).toBeNull();
  });

  it('bounds the number and length of terms', () => {
    expect(toFtsPrefixQuery('a b c d e f g h i j')?.split(' ')).toHaveLength(8);
    expect(toFtsPrefixQuery('x'.repeat(500))).toBe(`"${'x'.repeat(64)}"*`);
  });

  it('always yields only quoted terms without inner quotes, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const query = toFtsPrefixQuery(text);
        if (query === null) return;
        expect(query).toMatch(/^"[^"\s]+"\*( "[^"\s]+"\*)*$/u);
      }),
      { numRuns: 500 },
    );
  });
});
