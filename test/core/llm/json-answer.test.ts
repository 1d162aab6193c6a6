import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractJsonCandidate, parseJsonAnswer } from '../../../src-main/core/llm/json-answer';

const schema = z.object({ title: z.string(), tags: z.array(z.string()).default([]) });

describe('extractJsonCandidate', () => {
  it.each([
    ['a bare object', '{"a":1}', '{"a":1}'],
    ['a fenced block with a language', 'Here:\n```json\n{"a":1}\n```\nBye', '{"a":1}'],
    ['a fenced block without a language', '```\n{"a":1}\n```', '{"a":1}'],
    ['an unclosed fence (cut off)', '```json\n{"a": [1, 2', '{"a": [1, 2'],
    ['prose on both sides', 'Sure: {"a": {"b": 2}} done', '{"a": {"b": 2}}'],
    ['no closing brace (cut off)', 'x {"a": "unfinished', '{"a": "unfinished'],
    ['backticks inside a string, no fence', '{"code": "use ```js``` here"}', '{"code": "use ```js``` here"}'],
    ['no object at all', 'nothing here', null],
  ])('%s', (_label, content, expected) => {
    expect(extractJsonCandidate(content)).toBe(expected);
  });
});

describe('parseJsonAnswer', () => {
  it('accepts valid JSON without repair and applies schema defaults', () => {
    expect(parseJsonAnswer('{"title":"x"}', schema)).toEqual({
      ok: true,
      value: { title: 'x', tags: [] },
      repaired: false,
    });
  });

  it.each([
    ['trailing comma', '{"title": "x", "tags": ["a",],}'],
    ['single quotes and bare keys', "{title: 'x', tags: ['a']}"],
    ['a comment', '{"title": "x", // note\n "tags": ["a"]}'],
    ['cut off mid-array', '{"title": "x", "tags": ["a"'],
    ['python literals', '{"title": "x", "tags": ["a"], "extra": None}'],
  ])('repairs %s once', (_label, content) => {
    const answer = parseJsonAnswer(content, schema);
    expect(answer).toMatchObject({ ok: true, repaired: true, value: { title: 'x' } });
  });

  it('reports an answer that cannot be repaired', () => {
    expect(parseJsonAnswer('{"title": "a"} {"title": "b"}', schema)).toMatchObject({
      ok: false,
      repaired: false,
      reason: expect.stringContaining('could not be repaired'),
    });
  });

  it('reports a repaired answer of the wrong shape as repaired but not ok', () => {
    expect(parseJsonAnswer('{title: 5,}', schema)).toMatchObject({
      ok: false,
      repaired: true,
      reason: expect.stringContaining('title:'),
    });
  });

  it.each([null, undefined, '', '   '])('reports an empty answer (%j)', (content) => {
    expect(parseJsonAnswer(content, schema)).toEqual({
      ok: false,
      repaired: false,
      reason: 'the answer was empty',
    });
  });
});
