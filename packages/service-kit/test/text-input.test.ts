import { describe, expect, it } from 'vitest';
import { controlCharacterProblems, declaredCharset, INPUT_RULES, invalidUtf8Fields, isDecodablePath, queryProblems } from '../src/index.js';

describe(controlCharacterProblems.name, () => {
  const sut = controlCharacterProblems;

  it('allows tab, line feed and carriage return, and pairs of surrogates (emoji)', () => {
    expect(sut({ freeText: 'een\ttwee\r\ndrie 😀', list: ['a'] })).toEqual([]);
  });

  it.each([
    ['U+0000', 'a\u0000'],
    ['an escape character', '\u001b[31m'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085'],
    ['a lone surrogate', 'a\ud800'],
  ])('rejects %s naming the field by its dotted path', (_, value) => {
    expect(sut({ subjects: [{ name: value }] })).toEqual([{ field: 'subjects.0.name', ...INPUT_RULES.controlCharacters }]);
  });

  it('names a key with a control character without echoing it', () => {
    expect(sut({ location: { 'geheim\u0000': 'x' } })).toEqual([{ field: 'location.(unknown)', ...INPUT_RULES.controlCharacters }]);
  });

  it('calls the whole body `body` and never echoes a field name that is not identifier-shaped', () => {
    expect(sut('a\u0000')).toEqual([{ field: 'body', ...INPUT_RULES.controlCharacters }]);
    expect(sut({ 'Jan Jansen': 'a\u0000' })).toEqual([{ field: '(unknown)', ...INPUT_RULES.controlCharacters }]);
  });
});

describe(invalidUtf8Fields.name, () => {
  const sut = invalidUtf8Fields;

  it('finds escaped and raw invalid UTF-8 per field, and passes valid multi-byte text', () => {
    expect(sut('a=caf%C3%A9&b=%C3%28&c=ok')).toEqual(['b']);
    expect(sut(Buffer.concat([Buffer.from('a=ok&naam='), Buffer.from([0xff]), Buffer.from('&x[y]=%FF')]))).toEqual(['naam', 'x']);
    expect(sut(Buffer.from('a=caf\u00e9', 'utf8'))).toEqual([]);
  });
});

describe(queryProblems.name, () => {
  const sut = queryProblems;

  it('names a repeated, nested, invalid UTF-8 or control-character parameter', () => {
    expect(sut('/x?a=1&a=2', { a: ['1', '2'] })).toEqual([{ field: 'a', ...INPUT_RULES.repeated }]);
    expect(sut('/x?a[b]=1', { 'a[b]': '1' })).toEqual([{ field: 'a', ...INPUT_RULES.nested }]);
    expect(sut('/x?a=%FF', { a: '\ufffd' })).toEqual([{ field: 'a', ...INPUT_RULES.invalidUtf8 }]);
    expect(sut('/x?a=%00', { a: '\u0000' })).toEqual([{ field: 'a', ...INPUT_RULES.controlCharacters }]);
    expect(sut('/x?a=soest', { a: 'soest' })).toEqual([]);
  });
});

describe(isDecodablePath.name, () => {
  it('accepts encoded UTF-8 and refuses undecodable or control-character segments', () => {
    expect(isDecodablePath('/agenda/punten/caf%C3%A9')).toBe(true);
    expect(isDecodablePath('/agenda/punten/%C3%28')).toBe(false);
    expect(isDecodablePath('/agenda/punten/%E0%A4%A')).toBe(false);
    expect(isDecodablePath('/agenda/punten/%00')).toBe(false);
  });
});

describe(declaredCharset.name, () => {
  it('reads the charset of a Content-Type in lower case', () => {
    expect(declaredCharset('application/json; charset="UTF-16"')).toBe('utf-16');
    expect(declaredCharset('application/json')).toBeUndefined();
  });
});
