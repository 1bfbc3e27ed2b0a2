import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { PutReviewRulesBody } from '../review-rules-form.ts';
import { type ReviewRules, reviewRulesQueryKey } from './get-review-rules.ts';

export const saveReviewRules = (body: PutReviewRulesBody): Promise<ReviewRules> => api<ReviewRules>('/channels/review-rules', { method: 'PUT', body });

/** Replaces the review rules; the answer is the rules as saved (keywords each once, locations trimmed). */
export function useSaveReviewRules() {
  const client = useQueryClient();
  return useMutation({ mutationFn: saveReviewRules, onSuccess: (saved) => client.setQueryData(reviewRulesQueryKey, saved) });
}
