import { QueryClient } from '@tanstack/react-query';

/**
 * The console's one query cache, shared with react-admin so that signing in can empty it:
 * react-admin's login refreshes only the permissions, and a second person signing in on the
 * same tab would otherwise be greeted, and shown "claimed by me", as the first.
 */
export const queryClient = new QueryClient();
