/**
 * Structural quality of a title (and caption): starts at 100, loses points for known weak
 * patterns. Fails below 60.
 */
export function checkPostQuality(
  title: string,
  caption = '',
): { score: number; passed: boolean; issues: string[] } {
  let score = 100;
  const issues: string[] = [];
  const penalise = (points: number, issue: string) => {
    score -= points;
    issues.push(issue);
  };
  const trimmed = title.trim();
  if (trimmed.length < 10) penalise(50, 'title shorter than 10 characters');
  if (trimmed.endsWith('.')) penalise(5, 'title ends with a period');
  if (/^\d/.test(trimmed)) penalise(15, 'title starts with a number');
  if (/[—–]/.test(trimmed)) penalise(5, 'title contains a long dash');
  if (trimmed.length > 150) penalise(10, 'title longer than 150 characters');
  else if (trimmed.length < 20) penalise(5, 'title shorter than 20 characters');
  if (caption) {
    const lower = caption.toLowerCase();
    if (caption.length < 100) penalise(10, 'caption shorter than 100 characters');
    if (!lower.includes('doi:') && !lower.includes('source:')) penalise(10, 'caption has no source');
    if (!lower.includes('disclaimer')) penalise(5, 'caption has no disclaimer');
  }
  score = Math.max(0, score);
  return { score, passed: score >= 60, issues };
}
