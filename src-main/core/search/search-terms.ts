/** At most this many words of a search are used; more only slow the query down. */
export const MAX_SEARCH_TERMS = 8;

/**
 * The words of what the creator typed, in order, lower-cased: letters and digits of any script,
 * everything else a separator. Each word is matched as a prefix, so the list updates while a
 * word is still being typed. Empty when nothing searchable was typed.
 */
export function searchTermsOf(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}
