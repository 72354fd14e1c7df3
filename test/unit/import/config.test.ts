import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeJsonError, parseConfigText } from '../../../lib/data/import';

const preset = readFileSync(new URL('../../fixtures/imports/config-small.json', import.meta.url), 'utf8');

describe('parseConfigText', () => {
  it('accepts a valid config, with or without a byte-order mark', () => {
    for (const text of [preset, `\ufeff${preset}`]) {
      const result = parseConfigText(text);
      expect(result.ok && [result.config.name, result.config.version]).toEqual(['Fixture health', '1.0']);
    }
  });

  it('gives the line and column of a syntax error', () => {
    const broken = preset.replace('"version": "1.0",', '"version": "1.0",,');
    const line = preset.split('\n').findIndex((l) => l.includes('"version"')) + 1;
    const result = parseConfigText(broken);
    expect(result).toEqual({ ok: false, kind: 'syntax', message: expect.stringMatching(new RegExp(`^invalid JSON at line ${line}, column \\d+: `)) });
  });

  it('passes a well-formed but wrong config on to validation, path by path', () => {
    const result = parseConfigText(JSON.stringify({ ...JSON.parse(preset), tiers: [] }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.kind === 'invalid' && result.issues.some((i) => i.path.startsWith('tiers'))).toBe(true);
  });
});

describe('describeJsonError', () => {
  const describeText = (text: string) => {
    try {
      JSON.parse(text);
      return 'parsed';
    } catch (error) {
      return describeJsonError(text, error);
    }
  };

  it.each([
    ['{"a": x}', 'invalid JSON at line 1, column 7: '],
    ['{\n  "a": 1,\n  "b": x\n}', 'invalid JSON at line 3, column 8: '],
    ['[1,,2]', 'invalid JSON at line 1, column 4: '],
    ['{"a":1,}', 'invalid JSON at line 1, column 8: '],
    ['{"a":', 'invalid JSON at line 1, column 6: '],
    ['', 'invalid JSON at line 1, column 1: '],
  ])('locates the error in %j', (text, prefix) => {
    expect(describeText(text).startsWith(prefix)).toBe(true);
  });

  it('never repeats the text of the document in its message', () => {
    expect(describeText('{"secret": nope}')).not.toContain('secret');
  });

  it('locates an error the engine gives no position for in a long document', () => {
    const items = Array.from({ length: 5000 }, (_, i) => `{"id":"a${i}"}`);
    const text = `[\n${items.join(',\n')},\nx]`;
    expect(describeText(text)).toMatch(/^invalid JSON at line 5002, column 1: /);
  });

  it('reads the positions SpiderMonkey writes', () => {
    const error = new SyntaxError('JSON.parse: expected property name or \'}\' at line 3 column 5 of the JSON data');
    expect(describeJsonError('{}', error)).toBe("invalid JSON at line 3, column 5: expected property name or '}'");
  });
});
