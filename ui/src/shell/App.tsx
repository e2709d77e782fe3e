import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { ErrorBoundary } from '../feedback/Feedback';
import type { StoryContent } from '../api/types';
import { BoardView } from '../board/BoardView';
import { QuietPeriodsView } from '../blackouts/QuietPeriodsView';
import { CampaignsView } from '../campaigns/CampaignsView';
import { CrisisBanner, CrisisSwitch, useCrisis } from '../crisis/CrisisBanner';
import { CalendarView } from '../calendar/CalendarView';
import { InboxView } from '../inbox/InboxView';
import { keys } from '../live/cache';
import { LiveBanner, LiveProvider } from '../live/LiveProvider';
import { NotificationsView } from '../notifications/NotificationsView';
import { useRoute, type View } from '../router';
import { derivedContent } from '../story/derived';
import { PitchDialog } from '../story/PitchDialog';
import { EMPTY_CONTENT } from '../story/StoryContentForm';
import { StoryCommandsProvider } from '../story/commands/useStoryCommand';
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
      <StoryCommandsProvider>
        <Dashboard />
      </StoryCommandsProvider>
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
  const inCrisis = useCrisis().data?.active === true;
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
  const roles = me?.roles.map((r) => ROLE_TEXT[r] ?? r).join(', ') ?? '';
  // "Grace Governance (head of communications)": the name in the bar, the rest in its tooltip.
  const shortName = (me?.displayName ?? me?.username ?? '').replace(/\s*\(.*\)\s*$/, '');
  const openStory = (storyId: string) => navigate({ storyId });

  return (
    <div className={`app${inCrisis ? ' crisis-active' : ''}`} data-crisis={inCrisis ? 'on' : 'off'} data-testid="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash belongs to the router: move focus instead of navigating.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="topbar">
        <div className="brand" aria-label="Newsroom">
          <span className="brand-mark" aria-hidden="true">N</span> <span className="brand-text">Newsroom</span>
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
          <CrisisSwitch />
          {can(me, 'PITCH') && (
            <button type="button" className="primary" onClick={() => setPitching(EMPTY_CONTENT)} data-testid="new-pitch">
              New pitch
            </button>
          )}
          <span className="whoami" data-testid="whoami" title={`${me?.displayName ?? me?.username} · ${roles}`}>
            <span className="whoami-name">{shortName}</span>
            <span className="whoami-role">{roles}</span>
          </span>
          <button type="button" onClick={signOut} aria-label={`Sign out ${me?.username}`}>
            Sign out
          </button>
        </div>
      </header>
      <CrisisBanner />
      {me?.unknownPermissions && (
        <p className="notice" role="note">
          Your permissions could not be loaded, so every button is shown; the newsroom still refuses what your role
          does not allow.
        </p>
      )}
      <main className="content" id="main" tabIndex={-1}>
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
