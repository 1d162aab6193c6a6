/** Platform text limits and the app's own caption pieces, in one place. */
export const captionLimits = {
  /** Instagram rejects captions over 2,200 characters and more than 30 hashtags. */
  instagramMaxChars: 2200,
  instagramMaxHashtags: 30,
  /** The original cut Facebook descriptions to 400 characters at publish time; kept for parity. */
  facebookMaxChars: 400,
  facebookMaxHashtags: 3,
  /** YouTube refuses titles over 100 characters and descriptions over 5,000 bytes. */
  youtubeTitleMaxChars: 100,
  youtubeDescriptionMaxBytes: 5000,
  /** YouTube shows the first three above the title; more only add clutter. */
  youtubeMaxHashtags: 3,
} as const;

export const ctaTypes = ['follow_tips', 'none'] as const;
export type CtaType = (typeof ctaTypes)[number];

/** The reel image's last numbered line; one is drawn per job with the injected random. */
export const ctaLineVariants: Record<CtaType, readonly string[]> = {
  follow_tips: [
    'Follow for more simple ways to improve your health.',
    'Follow to learn more about what your body needs.',
    'Save this and follow for more tips like it.',
  ],
  none: [],
};

/** The caption's call to action; `{handle}` is the brand's Instagram handle (or its name). */
export const ctaCaptionTemplates: Record<CtaType, string | null> = {
  follow_tips: '💬 If you found this helpful, follow {handle} for more.',
  none: null,
};

/**
 * What the proposal prompt names as the handle when it knows none: a brand-less idea becomes a
 * job for every brand, so the real handle is only known per job and is filled in there. Matched
 * in any case, with or without "@" or braces, so no spelling of it is ever published.
 */
export const handlePlaceholder = /@?\{?\bbrandhandle\b\}?/gi;

/**
 * A caption already asks the reader to follow when the word "follow" is directly followed by
 * whom or what to follow: an @handle, the brand's name or bare handle, or one of these words
 * ("Follow us for Part 2", "follow for more tips"). Other words between "follow" and them make
 * prose, not a call to action: "researchers follow adults for more than a decade".
 */
export const followCtaWords = ['us', 'for more'] as const;

/** Used only when neither the proposal nor the job names any hashtag. */
export const defaultHashtags = [
  '#habits',
  '#interestingfacts',
  '#naturalhealing',
  '#healthtips',
  '#holistichealth',
];

/** Small words kept lower-case inside a Title Case YouTube title. */
export const titleCaseSmallWords = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'in',
  'nor',
  'of',
  'on',
  'or',
  'so',
  'the',
  'to',
  'up',
  'yet',
  'with',
]);
