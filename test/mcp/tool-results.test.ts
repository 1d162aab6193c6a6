import { describe, expect, it } from 'vitest';
import { assistantCallEntry } from '../../src-main/mcp/assistant-activity';
import { MAX_TEXT_CHARS, structuredFormOf, toolErrorOf, toolResultOf } from '../../src-main/mcp/tool-results';

describe('tool results', () => {
  it('gives the typed output as structured content (lists as items) with a short text form', () => {
    expect(structuredFormOf({ paused: true })).toEqual({ paused: true });
    expect(structuredFormOf([1, 2])).toEqual({ items: [1, 2] });
    expect(structuredFormOf('x')).toEqual({ value: 'x' });

    const list = toolResultOf('brands.list', { ok: true, value: [{ id: 'a' }] });
    expect(list).toEqual({
      content: [{ type: 'text', text: 'brands.list: 1 item.\n{"items":[{"id":"a"}]}' }],
      structuredContent: { items: [{ id: 'a' }] },
    });
    const page = toolResultOf('proposals.list', {
      ok: true,
      value: { items: [], counts: {}, hasMore: true },
    });
    expect(page.content[0]!.text).toMatch(/^proposals\.list: 0 items \(more exist: page on\)\.\n/);
    expect(toolResultOf('maestro.pause', { ok: true, value: { paused: true } }).content[0]!.text).toBe(
      'maestro.pause: done.\n{"paused":true}',
    );
  });

  it('cuts only the text of a huge answer; the structured content keeps all of it', () => {
    const items = Array.from({ length: 2000 }, (_, i) => ({ id: `item-${i}`, text: 'x'.repeat(20) }));
    const result = toolResultOf('jobs.list', { ok: true, value: items });
    expect(result.content[0]!.text.length).toBeLessThan(MAX_TEXT_CHARS + 200);
    expect(result.content[0]!.text).toMatch(/cut at 20000 characters; structuredContent has all of it\)$/);
    expect(result.structuredContent).toEqual({ items });
  });

  it('returns a failure as a tool error with the typed error and one line per field', () => {
    const error = {
      code: 'invalid_input' as const,
      message: 'Invalid input for brands.create: id: Required',
      details: { fields: [{ path: 'id', message: 'Required' }] },
    };
    expect(toolResultOf('brands.create', { ok: false, error })).toEqual({
      content: [
        {
          type: 'text',
          text: 'invalid_input: Invalid input for brands.create: id: Required\n- id: Required',
        },
      ],
      structuredContent: { error },
      isError: true,
    });
    expect(toolErrorOf({ code: 'conflict', message: 'Already accepted.' })).toMatchObject({
      content: [{ text: 'conflict: Already accepted.' }],
      isError: true,
    });
  });
});

describe('the activity entry for an assistant call', () => {
  it('names the call, keeps secrets out, and files changes, reads and refusals apart', () => {
    expect(
      assistantCallEntry(
        'secrets.set',
        { key: 'llm.apiKey', value: 'sk-live-abcdefghijkl' },
        { ok: true, value: {} },
      ),
    ).toEqual({
      agent: 'assistant',
      action: 'Assistant: Store a secret encrypted',
      detail: 'secrets.set {"key":"llm.apiKey","value":"[redacted]"} (tool) → done',
      level: 'action',
      emoji: '🤖',
    });
    expect(
      assistantCallEntry(
        'connections.metaPages',
        { brandId: 'a', userToken: 'EAAB123' },
        { ok: true, value: {} },
      ).detail,
    ).toBe('connections.metaPages {"brandId":"a","userToken":"[redacted]"} (tool) → done');
    expect(assistantCallEntry('maestro.overview', {}, { ok: true, value: {} }, 'resource')).toMatchObject({
      detail: 'maestro.overview {} (resource) → done',
      level: 'api',
    });
    expect(
      assistantCallEntry(
        'proposals.accept',
        { proposalId: 'HC-001' },
        {
          ok: false,
          error: { code: 'conflict', message: 'HC-001 is accepted and cannot be accepted now.' },
        },
      ),
    ).toMatchObject({
      detail:
        'proposals.accept {"proposalId":"HC-001"} (tool) → refused, conflict: HC-001 is accepted and cannot be accepted now.',
      level: 'error',
    });
    const long = assistantCallEntry(
      'calendar.update',
      { caption: 'y'.repeat(5000) },
      { ok: true, value: {} },
    );
    expect(long.detail!.length).toBeLessThan(700);
  });
});
