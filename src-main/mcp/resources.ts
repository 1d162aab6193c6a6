import type { InputOf, OperationName } from '../core/contract/operations';

/** What the calendar resource covers, from now. */
export const CALENDAR_RESOURCE_DAYS = 7;
/** Proposals listed in the review queue resource; the tool pages further. */
export const REVIEW_QUEUE_LIMIT = 100;

type Call = { [K in OperationName]: { operation: K; input: InputOf<K> } }[OperationName];

export interface AssistantResource {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: 'application/json';
  /** The one read that answers it, as of `now`. */
  call(now: Date): Call;
}

/**
 * The views an assistant most often needs as context, each a read the UI makes too. Reading one
 * is an ordinary operation call through the dispatcher.
 */
export const assistantResources: readonly AssistantResource[] = [
  {
    uri: 'maestro://today',
    name: 'today',
    title: "Today's burst",
    description:
      "Today's burst: whether Maestro is paused, the latest burst and its counts, each brand's reels and posts against today's targets, and when the next daily burst runs.",
    mimeType: 'application/json',
    call: () => ({ operation: 'maestro.overview', input: {} }),
  },
  {
    uri: 'maestro://review-queue',
    name: 'review-queue',
    title: 'Review queue',
    description: `Proposals waiting for the creator's decision (pending or needing review), newest first, up to ${REVIEW_QUEUE_LIMIT}, with the examiner's scores.`,
    mimeType: 'application/json',
    call: () => ({
      operation: 'proposals.list',
      input: { statuses: ['pending', 'needs_review'], limit: REVIEW_QUEUE_LIMIT },
    }),
  },
  {
    uri: 'maestro://calendar/next-7-days',
    name: 'calendar-next-7-days',
    title: 'Calendar, next 7 days',
    description: `Posts scheduled from now through the next ${CALENDAR_RESOURCE_DAYS} days, with each platform's progress.`,
    mimeType: 'application/json',
    call: (now) => ({
      operation: 'calendar.list',
      input: {
        from: now.toISOString(),
        to: new Date(now.getTime() + CALENDAR_RESOURCE_DAYS * 86_400_000).toISOString(),
      },
    }),
  },
];

export function resourceAt(uri: string): AssistantResource | undefined {
  return assistantResources.find((resource) => resource.uri === uri);
}
