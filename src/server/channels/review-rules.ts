/**
 * Which reviews become tickets (issue 7): a rating at or below the workspace's threshold, or text
 * naming one of its keywords whatever the rating; a review of a location with a department goes
 * to that department. Plain functions: the intake route and its tests share them.
 */
export interface ReviewRules {
  /** 0: no rating alone makes a ticket. */
  maxRating: number;
  keywords: readonly string[];
  locations: readonly { location: string; departmentId: number }[];
}

export interface ReviewFacts {
  rating: number;
  text: string;
  location?: string | null;
}

export type ReviewDecision =
  | { ticket: true; reason: 'rating' | 'keyword'; keyword?: string; departmentId: number | null }
  | { ticket: false };

/** Lower case, accents and case folded, so "Kecewa", "KECEWA" and "kécewa" are one word. */
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Letters and digits in runs: a keyword (or phrase) matches whole words only ("bad" not in "badminton"). */
const words = (s: string): string[] => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** The first keyword whose words appear in a row in the text, or null. */
export function matchKeyword(text: string, keywords: readonly string[]): string | null {
  const textWords = words(text);
  for (const keyword of keywords) {
    const kw = words(keyword);
    if (kw.length === 0) continue;
    for (let i = 0; i + kw.length <= textWords.length; i += 1) {
      if (kw.every((w, j) => textWords[i + j] === w)) return keyword;
    }
  }
  return null;
}

/** The department of a location, compared without case and surrounding space. */
export function departmentOfLocation(location: string | null | undefined, locations: ReviewRules['locations']): number | null {
  if (!location) return null;
  const key = fold(location.trim());
  return locations.find((l) => fold(l.location.trim()) === key)?.departmentId ?? null;
}

export function decideReview(rules: ReviewRules, review: ReviewFacts): ReviewDecision {
  const departmentId = departmentOfLocation(review.location, rules.locations);
  if (review.rating <= rules.maxRating) return { ticket: true, reason: 'rating', departmentId };
  const keyword = matchKeyword(review.text, rules.keywords);
  if (keyword !== null) return { ticket: true, reason: 'keyword', keyword, departmentId };
  return { ticket: false };
}

/** Two locations that fold to the same key would make the rule ambiguous; the index of the second, or -1. */
export function duplicateLocation(locations: readonly { location: string }[]): number {
  const seen = new Set<string>();
  return locations.findIndex((l) => {
    const key = fold(l.location.trim());
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}
