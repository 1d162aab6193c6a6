import { describe, expect, it } from 'vitest';
import { operationNames, operations } from '../../src-main/core/contract/operations';
import { assistantTools, operationOfTool, toolNameOf } from '../../src-main/mcp/tool-catalog';

describe('the MCP tool catalog, generated from the contract', () => {
  it('names tools in the characters every client accepts', () => {
    expect(toolNameOf('proposals.accept')).toBe('proposals_accept');
    expect(toolNameOf('proposals.bulkReview')).toBe('proposals_bulk_review');
    expect(toolNameOf('connections.metaLoginUrl')).toBe('connections_meta_login_url');
    expect(toolNameOf('app.info')).toBe('app_info');
    expect(toolNameOf('a.b.cD' as never)).toBe('a_b_c_d');
  });

  it('has exactly one tool per operation, uniquely named, and maps each name back', () => {
    const tools = assistantTools();
    expect(tools.map((tool) => tool.name)).toEqual(operationNames.map(toolNameOf));
    expect(new Set(tools.map((tool) => tool.name)).size).toBe(operationNames.length);
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-z0-9_]{1,64}$/);
      expect(toolNameOf(operationOfTool(tool.name)!)).toBe(tool.name);
    }
    expect(operationOfTool('proposals.accept')).toBeUndefined();
    expect(operationOfTool('nothing_here')).toBeUndefined();
  });

  it('describes each tool by its summary and says what it may do from mutates and destructive', () => {
    for (const tool of assistantTools()) {
      const definition = operations[operationOfTool(tool.name)!];
      expect(tool.title).toBe(definition.summary);
      expect(tool.description.startsWith(definition.summary)).toBe(true);
      expect(tool.annotations.readOnlyHint).toBe(!definition.mutates);
      // MCP reads a missing destructiveHint on a mutating tool as "destructive": always say it.
      if (definition.mutates) expect(typeof tool.annotations.destructiveHint).toBe('boolean');
      else expect(tool.annotations).not.toHaveProperty('destructiveHint');
    }
    const destructive = assistantTools()
      .filter((tool) => tool.annotations.destructiveHint)
      .map((tool) => tool.name);
    expect(destructive).toEqual([
      'brands_delete',
      'secrets_clear',
      'agents_retire',
      'jobs_cancel',
      'calendar_unschedule',
      'connections_disconnect',
      // The weekly evolution may retire agents.
      'learning_run_evolution',
      // Replaces the data with a backup (the current data is kept aside).
      'backups_restore',
    ]);
  });

  it("converts each input with zod's JSON Schema export: an object, the caller's side, no dialect line", () => {
    const byName = new Map(assistantTools().map((tool) => [tool.name, tool]));
    for (const tool of byName.values()) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.inputSchema).not.toHaveProperty('$schema');
    }
    expect(byName.get('proposals_accept')!.inputSchema).toMatchObject({
      type: 'object',
      properties: {
        proposalId: { type: 'string', minLength: 3, maxLength: 40 },
        note: { type: 'string', maxLength: 2000 },
      },
      required: ['proposalId'],
      additionalProperties: false,
    });
    // An operation without input still takes an (empty) object.
    expect(byName.get('maestro_overview')!.inputSchema).toMatchObject({ type: 'object' });
  });
});
