/**
 * The steps of a render, in order, with their share of the progress bar. Each step writes its
 * files under temporary names and renames them when done, then is recorded as completed; a
 * restart skips completed steps and redoes at most the one that was interrupted.
 */
export const reelSteps = [
  { name: 'background', label: 'Preparing the background', weight: 8 },
  { name: 'reel-image', label: 'Laying out the reel', weight: 8 },
  { name: 'thumbnail', label: 'Drawing the thumbnail', weight: 6 },
  { name: 'video', label: 'Encoding the video', weight: 68 },
  { name: 'youtube-thumbnail', label: 'Saving the YouTube thumbnail', weight: 5 },
  { name: 'captions', label: 'Writing the captions', weight: 5 },
] as const;

export const carouselSteps = [
  { name: 'background', label: 'Preparing the background', weight: 20 },
  { name: 'cover', label: 'Drawing the cover slide', weight: 25 },
  { name: 'slides', label: 'Drawing the text slides', weight: 45 },
  { name: 'captions', label: 'Writing the captions', weight: 10 },
] as const;

export type StepName = (typeof reelSteps)[number]['name'] | (typeof carouselSteps)[number]['name'];
export interface StepDefinition {
  name: StepName;
  label: string;
  weight: number;
}

export function stepsFor(variant: 'light' | 'dark' | 'post'): readonly StepDefinition[] {
  return variant === 'post' ? carouselSteps : reelSteps;
}

/**
 * Percent done: the weights of completed steps plus the running step's share, floored so the bar
 * reaches 100 only when every step is done.
 */
export function progressPercent(
  steps: readonly StepDefinition[],
  completed: readonly string[],
  running?: { name: string; fraction: number },
): number {
  const total = steps.reduce((sum, s) => sum + s.weight, 0);
  const done = new Set(completed);
  let sum = 0;
  for (const step of steps) {
    if (done.has(step.name)) sum += step.weight;
    else if (running && running.name === step.name)
      sum += step.weight * Math.min(1, Math.max(0, running.fraction));
  }
  const percent = Math.floor((sum / total) * 100);
  return steps.every((s) => done.has(s.name)) ? 100 : Math.min(99, percent);
}

/** The next step to run, or undefined when all are done. */
export function nextStep(
  steps: readonly StepDefinition[],
  completed: readonly string[],
): StepDefinition | undefined {
  return steps.find((s) => !completed.includes(s.name));
}
