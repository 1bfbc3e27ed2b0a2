/**
 * Subject keywords of routing rules: a keyword (a word or a phrase) matches a subject when its
 * words appear there in a row as whole words, ignoring case and accents. "refund" matches
 * "REFUND please" and "réfund", not "refunded"; "not working" matches "Screen not  working!".
 */

/** Lower case without accents: NFKD splits "é" into "e" and a combining mark, which goes. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The folded words of a text: runs of letters and digits; everything else separates them. */
export function wordsOf(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A rule's keywords, each as its folded words; keywords with no word (never saved) are dropped. */
export function compileKeywords(keywords: readonly string[]): string[][] {
  return keywords.map(wordsOf).filter((words) => words.length > 0);
}

const containsRun = (haystack: readonly string[], needle: readonly string[]): boolean => {
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((word, i) => haystack[start + i] === word)) return true;
  }
  return false;
};

/** Whether any of the compiled keywords occurs in the subject as whole words. */
export function subjectHasKeyword(subject: string, compiled: readonly (readonly string[])[]): boolean {
  const words = wordsOf(subject);
  return compiled.some((keyword) => containsRun(words, keyword));
}
