import { toolNameOf } from './tool-catalog';

export interface AssistantPrompt {
  name: string;
  title: string;
  description: string;
  /** The resource whose current contents are attached to the prompt. */
  attaches: string;
  instructions(): string;
}

export const REVIEW_PROMPT = 'review_todays_proposals';

export const assistantPrompts: readonly AssistantPrompt[] = [
  {
    name: REVIEW_PROMPT,
    title: "Review today's proposals with me",
    description:
      'Go through the proposals waiting in the review queue with the creator, one at a time, and accept or reject each as they decide.',
    attaches: 'maestro://review-queue',
    instructions: () =>
      [
        "Let's review the proposals waiting in Maestro together. The review queue is attached (newest first).",
        "For each proposal, one at a time: show me its title, brand, agent, content type and the examiner's score and reason in two or three lines, say what you would decide and why, then wait for my answer.",
        `When I decide, call ${toolNameOf('proposals.accept')} or ${toolNameOf('proposals.reject')} with its proposalId, and pass my reason as the note.`,
        `If I agree with several at once, use ${toolNameOf('proposals.bulkReview')} for them.`,
        'Accepting a proposal queues its renders; nothing is published until it is on the calendar. Never decide for me.',
        'If the queue is empty, tell me, and offer to show the state of today\u2019s burst (resource maestro://today).',
      ].join('\n'),
  },
];

export function promptNamed(name: string): AssistantPrompt | undefined {
  return assistantPrompts.find((prompt) => prompt.name === name);
}
