import { describe, expect, it } from 'vitest';
import { cleanName } from '../../src/shared/names.js';

const clean = (s: string) => cleanName(s, 'name', 20);

describe('cleanName', () => {
  it('keeps letters of every script, emoji and direction marks', () => {
    expect(clean('Zoë')).toBe('Zoë');
    expect(clean('محمد \u200fعلي')).toBe('محمد \u200fعلي');
    expect(clean('👨‍👩‍👧 family')).toBe('👨‍👩‍👧 family');
  });

  it('makes one line of white space and one form of accents', () => {
    expect(clean('  a\t\tb\r\nc\u00a0\u3000d ')).toBe('a b c d');
    expect(clean('\ufeffx')).toBe('x');
    expect(clean('e\u0301')).toBe('é');
    expect(clean(' \n ')).toBe('');
  });

  it('refuses control, bidi-control characters and broken text, naming the character', () => {
    expect(() => clean('a\u0000')).toThrow('name contains a control character (U+0000)');
    expect(() => clean('a\u0085b')).toThrow('(U+0085)');
    expect(() => clean('abc\u202Edef')).toThrow('a bidirectional text control (U+202E)');
    expect(() => clean('\u2067x\u2069')).toThrow('(U+2067)');
    expect(() => clean('a\ud800b')).toThrow('not valid Unicode text');
    expect(() => clean('x'.repeat(21))).toThrow('longer than 20 characters');
  });
});
