import { useCallback, useEffect, useState } from 'react';

// A tiny hash router: #/calendar, #/board, #/inbox, #/notifications, with ?story=<id> for the
// open story drawer and ?date=YYYY-MM-DD for the calendar. Links stay shareable and the server
// only has to serve index.html at "/".

export type View = 'calendar' | 'board' | 'inbox' | 'notifications';
export const VIEWS: View[] = ['calendar', 'board', 'inbox', 'notifications'];

export interface Route {
  view: View;
  storyId: string | null;
  date: string | null;
}

export function parseHash(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(search);
  const view = (VIEWS as string[]).includes(path) ? (path as View) : 'board';
  return { view, storyId: params.get('story') || null, date: params.get('date') || null };
}

export function formatHash(route: Route): string {
  const params = new URLSearchParams();
  if (route.storyId) params.set('story', route.storyId);
  if (route.date) params.set('date', route.date);
  const search = params.toString();
  return `#/${route.view}${search ? `?${search}` : ''}`;
}

export function useRoute(): [Route, (change: Partial<Route>) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((change: Partial<Route>) => {
    const next = { ...parseHash(window.location.hash), ...change };
    const hash = formatHash(next);
    if (hash !== window.location.hash) window.location.hash = hash;
  }, []);
  return [route, navigate];
}
