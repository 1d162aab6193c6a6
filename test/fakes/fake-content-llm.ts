/**
 * Plays the LLM for bursts against the fake OpenAI server: answers proposal requests with
 * plausible, distinct reels and posts, and examiner requests with scores. Which proposals the
 * examiner rejects is decided by the test (by title), so outcomes are predictable.
 */
import type { FakeReply, FakeRequest } from './fake-openai-server';
import { reply } from './fake-openai-server';

export const subjects = [
  'MAGNESIUM',
  'GINGER',
  'WALKING',
  'SAUNA',
  'OATS',
  'BERRIES',
  'COLLAGEN',
  'SUNLIGHT',
  'CINNAMON',
  'KEFIR',
  'BREATHING',
  'SPINACH',
  'WALNUTS',
  'TURMERIC',
  'LENTILS',
  'MUSHROOMS',
  'CACAO',
  'STRETCHING',
  'SEAWEED',
  'AVOCADO',
];
export const effects = [
  'SLEEP',
  'MEMORY',
  'JOINTS',
  'DIGESTION',
  'ENERGY',
  'SKIN',
  'MOOD',
  'HEART',
  'FOCUS',
  'BALANCE',
  'HORMONES',
  'IMMUNITY',
];
const hooks = ['WHY', 'HOW', 'WHAT', 'NOBODY TELLS YOU', 'THE TRUTH ABOUT', 'STOP IGNORING'];

export interface ContentLlmOptions {
  /** Titles for which the examiner gives a failing score. */
  rejectTitle?: (title: string) => boolean;
  /** The examiner answers with garbage for these titles (the call fails, proposal needs review). */
  examinerFailsFor?: (title: string) => boolean;
}

export interface ContentLlm {
  respond(request: FakeRequest): FakeReply;
  /** Titles handed out so far, in order. */
  titles: string[];
  examined: string[];
}

function messagesOf(request: FakeRequest): { system: string; user: string } {
  const messages = (request.body?.messages ?? []) as Array<{ role: string; content: string }>;
  return {
    system: messages.find((m) => m.role === 'system')?.content ?? '',
    user: messages.find((m) => m.role === 'user')?.content ?? '',
  };
}

/** A title whose keyword set no earlier title has: subject × effect × hook, then a number word. */
function titleFor(n: number): string {
  const subject = subjects[n % subjects.length]!;
  const effect = effects[Math.floor(n / subjects.length) % effects.length]!;
  const hook = hooks[Math.floor(n / (subjects.length * effects.length)) % hooks.length]!;
  const round = Math.floor(n / (subjects.length * effects.length * hooks.length));
  return `${hook} ${subject} CHANGES YOUR ${effect}${round ? ` VOLUME${round}` : ''}`;
}

export function contentLlm(options: ContentLlmOptions = {}): ContentLlm {
  const titles: string[] = [];
  const examined: string[] = [];
  let next = 0;
  return {
    titles,
    examined,
    respond(request) {
      const { system, user } = messagesOf(request);
      if (system.includes('examiner')) {
        const title = /TITLE: (.*)/.exec(user)?.[1] ?? '';
        examined.push(title);
        if (options.examinerFailsFor?.(title)) return reply.content('I cannot grade this, sorry.');
        const low = options.rejectTitle?.(title) ?? false;
        return reply.json({
          avatar_fit: low ? 3 : 8,
          engagement_potential: low ? 4 : 7.5,
          content_quality: low ? 3 : 8,
          verdict: low ? 'reject' : 'accept',
          reason: low ? 'Weak hook for this audience.' : 'Useful and well framed.',
          red_flags_found: low ? ['Clickbait hook with no substance'] : [],
        });
      }
      const title = titleFor(next++);
      titles.push(title);
      if (user.includes('slide_texts')) {
        return reply.json({
          title,
          slide_texts: [
            `${title.toLowerCase()} starts with one small habit. It is easier than it sounds.`,
            'Researchers followed adults for twelve weeks and saw steady changes.',
            'Start with one serving a day and notice how you feel after a week.',
          ],
          image_prompt:
            'Soft morning light on a kitchen table. No text, no letters, no numbers, no symbols, no logos.',
          caption: `${title}\n\nSource: Doe J. (2024). A study. Journal, 1(2), 3-4. DOI: 10.1000/xyz\nDisclaimer: educational only. #wellness #health`,
          reasoning: 'A fresh angle on an everyday habit.',
        });
      }
      return reply.json({
        title,
        content_lines: [
          'Morning light - sets your internal clock for the day',
          'Magnesium - supports over 300 enzyme reactions',
          'Walking after meals - steadies blood sugar',
          'Fibre - feeds the bacteria that calm inflammation',
          'Hydration - even mild dehydration lowers focus',
          'Deep breathing - switches on the rest-and-digest system',
        ],
        image_prompt:
          'A calm bowl of berries on linen. No text, no letters, no numbers, no symbols, no logos.',
        caption: `${title}\n\nFollow @brand for more.\nDisclaimer: educational only. #wellness #health`,
        reasoning: 'Explores a lesser-known angle.',
      });
    },
  };
}
