import type { ContentProfile } from '../contract/brands';
import type { StrategyFamily } from '../agents/strategies';
import type { Random } from '../ports/random';
import type { Intelligence } from './intelligence';
import type { Topic } from './topics';

type ContentType = 'reel' | 'post';

const imageSuffix = 'No text, no letters, no numbers, no symbols, no logos.';

/** The agent's system prompt: identity, personality, audience rules and the content template. */
export function systemPrompt(
  agentName: string,
  personality: string,
  profile: ContentProfile,
  contentType: ContentType,
): string {
  const common = [
    `You are ${agentName}, an expert content strategist for ${profile.niche} on Instagram.`,
    `YOUR PERSONALITY: ${personality}`,
    `AUDIENCE (internal only): ${profile.audience}`,
    'Never mention the audience or its demographics in the content. Appeal universally and let the topic attract the audience.',
  ];
  const template =
    contentType === 'reel'
      ? [
          'Write one short-form video reel with four parts:',
          '1. TITLE: an ALL CAPS hook, no period unless it has two parts.',
          '2. CONTENT LINES: 6 to 8 lines, each "Topic or claim - supporting fact". No call-to-action line (the system adds it).',
          `3. IMAGE PROMPT: soft, minimal photography, subject centred in the upper area (the bottom third is covered by text). End with: "${imageSuffix}"`,
          '4. CAPTION: expand the title with surprising science in 2-3 short paragraphs, a follow call-to-action with the brand handle, a save/share line, an educational disclaimer, 5-8 hashtags.',
        ]
      : [
          'Write one carousel post with four parts:',
          '1. TITLE: an ALL CAPS statement of 8 to 14 words (55-90 characters) that fills three cover lines.',
          '2. SLIDE TEXTS: 3 or 4 standalone paragraphs of 3-6 sentences each, calm and authoritative.',
          `3. IMAGE PROMPT: a 1080x1350 portrait cover, subject centre or upper area. End with: "${imageSuffix}"`,
          '4. CAPTION: hook, the science, a takeaway, a "Source:" line with a real, verifiable reference (never invent one), a disclaimer, 5-8 hashtags.',
        ];
  const rules = [
    `Stay in the niche (${profile.niche}). Educational tone, plausible science: about 60% validating, 40% surprising.`,
    'No medical or cure claims. No emojis in the title or lines. No em or en dashes in the lines.',
    'Think like a human creator making data-driven decisions, and explain your reasoning.',
    'Answer with one JSON object only.',
  ];
  return [...common, '', ...template, '', ...rules].join('\n');
}

function pick<T>(random: Random, items: readonly T[]): T | undefined {
  return items.length ? items[Math.floor(random.next() * items.length)] : undefined;
}

export interface UserPromptInput {
  family: StrategyFamily;
  contentType: ContentType;
  brandId: string | null;
  handle: string | null;
  topic: Topic;
  intel: Intelligence;
  recentTitles: readonly string[];
  avoidance: string;
  random: Random;
}

/** The request: what to write about, from which angle, what to avoid, and the JSON shape. */
export function userPrompt(input: UserPromptInput): { text: string; trendingItemId: number | null } {
  const { family, contentType, topic, intel, random } = input;
  const format = contentType === 'post' ? 'carousel post with slide_texts' : 'reel with content_lines';
  let context: string;
  let trendingItemId: number | null = null;
  if (family === 'iterate') {
    const weak = pick(random, intel.underperformers);
    context = weak
      ? `This piece underperformed (score ${weak.score}): "${weak.title}". Its hook was weak or its angle over-covered. Write a better version with a stronger hook and a more specific claim.`
      : `Write the strongest possible hook about ${topic.description}.`;
  } else if (family === 'double_down') {
    const winner = pick(random, intel.topPerformers.slice(0, 5));
    context = winner
      ? `This piece performed very well (score ${winner.score}): "${winner.title}". Write a variation in the same domain from a different angle: same energy, new information.`
      : `Write the most engaging piece you can about ${topic.description}.`;
  } else if (family === 'trending') {
    const item = pick(random, intel.trending.slice(0, 5));
    trendingItemId = item?.id ?? null;
    context = item
      ? `This post is going viral (${item.likes} likes, ${item.account ?? 'a hashtag search'}): "${item.caption.slice(0, 200)}". Adapt its format, not its content, to our niche and voice.`
      : `Use a proven viral format (myth-busting, "most people get this wrong", a surprising contrast) about ${topic.description}.`;
  } else {
    const avoid = input.recentTitles.slice(0, 20);
    context = [
      `Generate a fresh ${format} about: ${topic.description}.`,
      'Find an unexpected or lesser-known angle within that topic.',
      avoid.length ? `Avoid duplicating these recent titles:\n${avoid.map((t) => `- ${t}`).join('\n')}` : '',
    ]
      .filter(Boolean)
      .join('\n');
  }
  const blocks: string[] = [];
  if (intel.ownTopPosts.length) {
    blocks.push(
      'What worked with our own audience:\n' +
        intel.ownTopPosts
          .slice(0, 5)
          .map((p) => `- @${p.account ?? 'us'}: ${p.likes} likes | ${p.caption.slice(0, 100)}`)
          .join('\n') +
        '\nReuse the angles and tones that worked.',
    );
  }
  if (intel.crossBrandTop.length) {
    blocks.push(
      'Top performers across our other brands:\n' +
        intel.crossBrandTop
          .map((p) => `- [${p.brandId}] ${p.title.slice(0, 60)} (score ${p.score}, ${p.views} views)`)
          .join('\n') +
        '\nLearn from their hooks and angles.',
    );
  }
  if (intel.lessons) blocks.push(`${intel.lessons}\nApply these learnings.`);
  const shape =
    contentType === 'post'
      ? '{"title": "...", "slide_texts": ["...", "..."], "image_prompt": "...", "caption": "...", "reasoning": "..."}'
      : '{"title": "...", "content_lines": ["...", "..."], "image_prompt": "...", "caption": "...", "reasoning": "..."}';
  const text = [
    `Create one ${format}.`,
    `Brand: ${input.brandId ?? 'generic'}`,
    `Instagram handle: ${input.handle ?? '@brandhandle'}`,
    '',
    context,
    ...(blocks.length ? ['', ...blocks] : []),
    ...(input.avoidance ? ['', input.avoidance] : []),
    '',
    `Respond with JSON exactly like: ${shape}`,
  ].join('\n');
  return { text, trendingItemId };
}
