/**
 * The channels a ticket arrives by (DESIGN.md §2). A leaf module: workspace settings name
 * channels too, and the ticket contract imports the workspace contract through customers.
 */
export const channels = ['web', 'email', 'phone', 'in_store', 'review', 'marketplace', 'api', 'chat'] as const;
export type Channel = (typeof channels)[number];
