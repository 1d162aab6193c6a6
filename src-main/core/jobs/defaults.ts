export const jobDefaults = {
  idPrefix: 'GEN-',
  idDigits: 6,
  /** Redraws before the id grows a digit; a clash at 6 digits is rare, twenty in a row is not a thing. */
  maxIdDraws: 20,
  /** Jobs rendering at once unless settings say otherwise (renderConcurrency, 1–8). */
  renderConcurrency: 2,
  listLimit: 100,
  /** Live progress events are sent when the percent moves by at least this much. */
  progressEventStep: 2,
} as const;
