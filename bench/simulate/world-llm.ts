import { contentLlm, effects, subjects } from '../../test/fakes/fake-content-llm';
import type { FakeReply, FakeRequest } from '../../test/fakes/fake-openai-server';

const angles = [
  'MORNINGS',
  'EVENINGS',
  'WINTER',
  'SUMMER',
  'WEEKENDS',
  'TRAVEL',
  'DESK',
  'KITCHEN',
  'GARDEN',
  'COMMUTE',
  'RECOVERY',
  'AGEING',
  'HABITS',
  'ROUTINE',
  'BUDGET',
  'FAMILY',
  'STUDENTS',
  'RUNNERS',
  'PARENTS',
  'NIGHTS',
  'SEASONS',
  'FASTING',
  'BREAKFAST',
  'DINNER',
  'SNACKS',
  'HYDRATION',
  'POSTURE',
  'STRESS',
  'WORKOUTS',
  'HOLIDAYS',
];
const hooks = ['WHY', 'HOW', 'WHAT'];

/**
 * The simulation's LLM: the test suite's content LLM (plausible reels, carousels and examiner
 * grades), with titles from a larger space so twelve weeks of three brands never run out of
 * distinct ideas (20 subjects × 12 effects × 30 angles). Titles follow the order of requests,
 * which the simulation makes deterministic (one LLM call at a time).
 */
export function worldLlm(): { respond(request: FakeRequest): FakeReply } {
  const base = contentLlm();
  let next = 0;
  return {
    respond(request) {
      const answer = base.respond(request);
      if (answer.kind !== 'json' || typeof answer.value !== 'object' || answer.value === null) return answer;
      const value = answer.value as Record<string, unknown>;
      if (typeof value.title !== 'string') return answer;
      const n = next++;
      const subject = subjects[n % subjects.length]!;
      const effect = effects[Math.floor(n / subjects.length) % effects.length]!;
      const angle = angles[Math.floor(n / (subjects.length * effects.length)) % angles.length]!;
      const hook = hooks[n % hooks.length]!;
      const title = `${hook} ${subject} CHANGES YOUR ${effect} (${angle})`;
      const caption =
        typeof value.caption === 'string' ? value.caption.replace(value.title, title) : value.caption;
      return { ...answer, value: { ...value, title, caption } };
    },
  };
}
