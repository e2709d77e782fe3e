import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { keys } from '../live/cache';

/** GET /api/users, loaded once per session (people change rarely); errors leave pickers as free text. */
export function usePeople() {
  return useQuery({ queryKey: keys.users, queryFn: api.users, staleTime: 600_000, retry: false });
}

/** A username → the person's display name (the username until the list has loaded). */
export function useNameOf(): (username: string) => string {
  const people = usePeople();
  return (username: string) => people.data?.find((p) => p.username === username)?.displayName || username;
}
