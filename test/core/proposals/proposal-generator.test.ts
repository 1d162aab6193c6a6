import { afterEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../../src-main/core/activity/activity-log';
import { findAgentRow } from '../../../src-main/core/agents/agents-repository';
import { seededRandom } from '../../../src-main/core/ports/random';
import { ContentHistory } from '../../../src-main/core/proposals/content-history';
import { ProposalGenerator, type GenerateRequest } from '../../../src-main/core/proposals/proposal-generator';
import { reply } from '../../fakes/fake-openai-server';
import { openBurstHarness, type BurstHarness } from '../../helpers/burst-harness';

let h: BurstHarness;
afterEach(async () => {
  await h?.close();
});

/**
 * The generator as the app builds it, on the harness's real SQLite file and real LLM client;
 * the fake OpenAI server answers from the replies each test queues.
 */
async function generator(): Promise<{
  generate(
    request: Partial<GenerateRequest> & Pick<GenerateRequest, 'contentType'>,
  ): ReturnType<ProposalGenerator['generate']>;
}> {
  const { core, clock } = h.t;
  const db = core.store.db;
  const agent = (await findAgentRow(db, 'toby'))!;
  const generator = new ProposalGenerator({
    db,
    clock,
    random: seededRandom(7),
    llm: core.llm,
    history: new ContentHistory(db, clock),
    activity: new ActivityLog(db, clock, core.events),
    events: core.events,
  });
  return {
    generate: (request) => generator.generate({ agent, brand: null, count: 1, burstDay: null, ...request }),
  };
}

const calmLines = [
  'Morning light - sets your internal clock for the day',
  'Magnesium - supports over 300 enzyme reactions',
  'Walking after meals - steadies blood sugar',
];

function reel(title: string, extra: Record<string, unknown> = {}) {
  return reply.json({
    title,
    content_lines: calmLines,
    image_prompt: 'A calm bowl of berries on linen.',
    caption: 'Short caption.',
    reasoning: 'A fresh angle.',
    ...extra,
  });
}

describe('ProposalGenerator against the fake OpenAI server', () => {
  it('scores a proposal by its title alone, as the reference does, not by its caption', async () => {
    h = await openBurstHarness({ brands: 0 });
    // "Short caption." would cost 10 (under 100 characters) + 10 (no source) + 5 (no disclaimer)
    // if it were scored; the title alone is 40 characters, no period, no number, no dash: 100.
    h.fake.enqueue(reel('WHY MAGNESIUM CHANGES YOUR SLEEP FOREVER'));
    const result = await (await generator()).generate({ contentType: 'reel' });
    expect(result.created.map((p) => p.quality_score)).toEqual([100]);
    expect(h.query('SELECT quality_score FROM content_history')).toEqual([{ quality_score: 100 }]);
  });

  it('keeps a reel whose content_lines come back as one newline-joined string, one line each', async () => {
    h = await openBurstHarness({ brands: 0 });
    h.fake.enqueue(reel('WHY MAGNESIUM CHANGES YOUR SLEEP FOREVER', { content_lines: calmLines.join('\n') }));
    const result = await (await generator()).generate({ contentType: 'reel' });
    expect(result).toMatchObject({ failedCalls: 0, dropped: [] });
    expect(result.created).toHaveLength(1);
    const [stored] = h.query<{ content_lines: string }>('SELECT content_lines FROM proposals');
    expect(JSON.parse(stored!.content_lines)).toEqual(calmLines);
  });

  it('drops the second of two answers with the same idea for a brand, and says so in the activity feed', async () => {
    h = await openBurstHarness({ brands: 1 });
    const brand = await h.t.call('brands.get', { id: 'brand-1' });
    // The same three content words (magnesium, improves, sleep), in another order.
    h.fake.enqueue(reel('WHY MAGNESIUM IMPROVES YOUR SLEEP'), reel('YOUR SLEEP IMPROVES WITH MAGNESIUM'));
    const result = await (await generator()).generate({ contentType: 'reel', brand, count: 2 });
    expect(h.fake.answered).toHaveLength(2);
    expect(result.created.map((p) => p.title)).toEqual(['WHY MAGNESIUM IMPROVES YOUR SLEEP']);
    expect(result.dropped).toEqual([
      { reason: 'already used for this brand: "WHY MAGNESIUM IMPROVES YOUR SLEEP"' },
    ]);
    expect(h.query('SELECT title FROM proposals')).toEqual([{ title: 'WHY MAGNESIUM IMPROVES YOUR SLEEP' }]);
    expect(h.query("SELECT agent, detail FROM activity_log WHERE action = 'Duplicate blocked'")).toEqual([
      {
        agent: 'toby',
        detail:
          'YOUR SLEEP IMPROVES WITH MAGNESIUM: already used for this brand: "WHY MAGNESIUM IMPROVES YOUR SLEEP"',
      },
    ]);
  });
});
