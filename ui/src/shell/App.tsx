import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { ErrorBoundary } from '../components/Feedback';
import type { StoryContent } from '../api/types';
import { BoardView } from '../board/BoardView';
import { QuietPeriodsView } from '../blackouts/QuietPeriodsView';
import { CampaignsView } from '../campaigns/CampaignsView';
import { CalendarView } from '../calendar/CalendarView';
import { InboxView } from '../inbox/InboxView';
import { keys } from '../live/cache';
import { LiveBanner, LiveProvider } from '../live/LiveProvider';
import { NotificationsView } from '../notifications/NotificationsView';
import { useRoute, type View } from '../router';
import { derivedContent } from '../story/derived';
import { PitchDialog } from '../story/PitchDialog';
import { EMPTY_CONTENT } from '../story/StoryContentForm';
import { StoryDrawer } from '../story/StoryDrawer';
import { SignIn } from './SignIn';

export function App() {
  const { me, restoring } = useAuth();
  if (restoring) {
    return (
      <main className="signin" aria-busy="true">
        <p>Signing in…</p>
      </main>
    );
  }
  if (!me) return <SignIn />;
  return (
    <LiveProvider>
      <Dashboard />
    </LiveProvider>
  );
}

const ROLE_TEXT: Record<string, string> = {
  CONTRIBUTOR: 'Contributor',
  EDITOR: 'Editor',
  GOVERNANCE_LEAD: 'Governance lead',
  ADMIN: 'Admin',
  VIEWER: 'Viewer',
};

function Dashboard() {
  const { me, signOut } = useAuth();
  const [route, navigate] = useRoute();
  // The content the pitch dialog opens with (null: closed); a derived story starts from its source.
  const [pitching, setPitching] = useState<StoryContent | null>(null);
  const notifications = useQuery({ queryKey: keys.notifications, queryFn: api.notifications, retry: false });
  const showInbox = can(me, 'APPROVE');
  const inbox = useQuery({ queryKey: keys.inbox, queryFn: api.inbox, enabled: showInbox, retry: false });

  const tabs: { view: View; label: string; badge?: number }[] = [
    { view: 'calendar', label: 'Calendar' },
    { view: 'board', label: 'Board' },
    ...(showInbox ? [{ view: 'inbox' as View, label: 'Approvals', badge: inbox.data?.length }] : []),
    { view: 'campaigns', label: 'Campaigns' },
    { view: 'quiet-periods', label: 'Quiet periods' },
    { view: 'notifications', label: 'Notifications', badge: notifications.data?.length },
  ];
  const view = route.view === 'inbox' && !showInbox ? 'board' : route.view;
  const openStory = (storyId: string) => navigate({ storyId });

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand" aria-label="Newsroom">
          <span className="brand-mark" aria-hidden="true">N</span> Newsroom
        </div>
        <nav aria-label="Views" className="tabs">
          {tabs.map((tab) => (
            <a
              key={tab.view}
              href={`#/${tab.view}`}
              className={`tab ${view === tab.view ? 'active' : ''}`}
              aria-current={view === tab.view ? 'page' : undefined}
              data-testid={`tab-${tab.view}`}
            >
              {tab.label}
              {tab.badge ? (
                <span className="badge" aria-label={`${tab.badge} items`}>
                  {tab.badge}
                </span>
              ) : null}
            </a>
          ))}
        </nav>
        <div className="topbar-right">
          <LiveBanner />
          {can(me, 'PITCH') && (
            <button type="button" className="primary" onClick={() => setPitching(EMPTY_CONTENT)} data-testid="new-pitch">
              New pitch
            </button>
          )}
          <span className="whoami" data-testid="whoami">
            <span className="whoami-name">{me?.displayName ?? me?.username}</span>
            <span className="muted"> · {me?.roles.map((r) => ROLE_TEXT[r] ?? r).join(', ')}</span>
          </span>
          <button type="button" onClick={signOut} aria-label={`Sign out ${me?.username}`}>
            Sign out
          </button>
        </div>
      </header>
      {me?.unknownPermissions && (
        <p className="notice" role="note">
          This server does not report your permissions (no GET /api/me), so every button is shown; the server still
          refuses what your role does not allow.
        </p>
      )}
      <main className="content" id="main">
        <ErrorBoundary resetKey={view}>
          {view === 'calendar' && <CalendarView onOpenStory={openStory} date={route.date} campaign={route.campaign} />}
          {view === 'board' && <BoardView onOpenStory={openStory} />}
          {view === 'inbox' && showInbox && <InboxView onOpenStory={openStory} />}
          {view === 'campaigns' && <CampaignsView onShowOnCalendar={(campaign) => navigate({ view: 'calendar', campaign })} />}
          {view === 'quiet-periods' && <QuietPeriodsView />}
          {view === 'notifications' && (
            <NotificationsView notifications={notifications.data} error={notifications.error} onOpenStory={openStory} />
          )}
        </ErrorBoundary>
      </main>
      {route.storyId && (
        <ErrorBoundary resetKey={route.storyId}>
          <StoryDrawer
            storyId={route.storyId}
            onClose={() => navigate({ storyId: null })}
            onOpenStory={openStory}
            onCreateDerived={(source) => setPitching(derivedContent(source))}
          />
        </ErrorBoundary>
      )}
      {pitching && (
        <PitchDialog
          initial={pitching}
          onClose={() => setPitching(null)}
          onPitched={(storyId) => {
            setPitching(null);
            navigate({ storyId });
          }}
        />
      )}
    </div>
  );
}
