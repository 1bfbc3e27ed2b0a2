import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { reviewRules } from '../../../../contract/channel-intake.ts';
import { api } from '../../../lib/api-client.ts';

export type ReviewRules = z.infer<typeof reviewRules>;

export const reviewRulesQueryKey = ['channels', 'review-rules'] as const;

/** Which reviews become tickets: the rating threshold, the keywords and the department of each location. */
export const getReviewRules = (signal?: AbortSignal): Promise<ReviewRules> => api<ReviewRules>('/channels/review-rules', { signal });

export const useReviewRules = () => useQuery(queryOptions({ queryKey: reviewRulesQueryKey, queryFn: ({ signal }) => getReviewRules(signal) }));
