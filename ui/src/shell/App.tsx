import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { AccountView } from '../account/AccountView';
import { useAuth } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { rolesText } from '../auth/roles';
import { ErrorBoundary } from '../feedback/Feedback';
import type { StoryContent } from '../api/types';
import { AuditView } from '../audit/AuditView';
import { BoardView } from '../board/BoardView';
import { QuietPeriodsView } from '../blackouts/QuietPeriodsView';
import { CampaignsView } from '../campaigns/CampaignsView';
import { CrisisBanner, CrisisSwitch, useCrisis } from '../crisis/CrisisBanner';
import { CalendarView } from '../calendar/CalendarView';
import { ChannelsView } from '../governance/ChannelsView';
import { signsApprovals } from '../governance/governance';
import { PoliciesView } from '../governance/PoliciesView';
import { InboxView } from '../inbox/InboxView';
import { keys } from '../live/cache';
import { LiveBanner, LiveProvider } from '../live/LiveProvider';
import { NotificationsView } from '../notifications/NotificationsView';
import { PeopleView } from '../people-admin/PeopleView';
import { ReadModelsView } from '../projections/ReadModelsView';
import { ConnectorsView } from '../publishing/ConnectorsView';
import { useRoute, type View } from '../router';
import { derivedContent } from '../story/derived';
import { PitchDialog } from '../story/PitchDialog';
import { EMPTY_CONTENT } from '../story/StoryContentForm';
import { StoryCommandsProvider } from '../story/commands/useStoryCommand';
import { StoryDrawer } from '../story/StoryDrawer';
import { AuthGate } from './AuthGate';

export function App() {
  return (
    <AuthGate>
      <LiveProvider>
        <StoryCommandsProvider>
          <Dashboard />
        </StoryCommandsProvider>
      </LiveProvider>
    </AuthGate>
  );
}

function Dashboard() {
  const { me, signOut } = useAuth();
  const [route, navigate] = useRoute();
  // The content the pitch dialog opens with (null: closed); a derived story starts from its source.
  const [pitching, setPitching] = useState<StoryContent | null>(null);
  const notifications = useQuery({ queryKey: keys.notifications, queryFn: api.notifications, retry: false });
  // a member signing under a lead's delegation has an inbox too
  const delegations = useQuery({ queryKey: keys.delegations, queryFn: api.delegations, retry: false });
  const showInbox = signsApprovals(me, delegations.data ?? []);
  // Admins manage the accounts, auditors read them (READ_AUDIT_TRAIL, as the server checks).
  const showPeople = can(me, 'READ_AUDIT_TRAIL');
  const showAudit = can(me, 'READ_AUDIT_TRAIL');
  const showConnectors = can(me, 'MANAGE_CONNECTORS');
  const showReadModels = can(me, 'MANAGE_PROJECTIONS');
  const inCrisis = useCrisis().data?.active === true;
  const inbox = useQuery({ queryKey: keys.inbox, queryFn: api.inbox, enabled: showInbox, retry: false });

  const tabs: { view: View; label: string; badge?: number }[] = [
    { view: 'calendar', label: 'Calendar' },
    { view: 'board', label: 'Board' },
    ...(showInbox ? [{ view: 'inbox' as View, label: 'Approvals', badge: inbox.data?.length }] : []),
    { view: 'campaigns', label: 'Campaigns' },
    { view: 'quiet-periods', label: 'Quiet periods' },
    { view: 'notifications', label: 'Notifications', badge: notifications.data?.length },
    ...(can(me, 'MANAGE_CHANNELS') ? [{ view: 'channels' as View, label: 'Channels' }] : []),
    ...(can(me, 'MANAGE_APPROVAL_POLICIES') ? [{ view: 'policies' as View, label: 'Policies' }] : []),
    ...(showConnectors ? [{ view: 'connectors' as View, label: 'Connectors' }] : []),
    ...(showPeople ? [{ view: 'people' as View, label: 'People' }] : []),
    ...(showAudit ? [{ view: 'audit' as View, label: 'Audit' }] : []),
    ...(showReadModels ? [{ view: 'read-models' as View, label: 'Read models' }] : []),
  ];
  const view =
    (route.view === 'inbox' && !showInbox) || (route.view === 'people' && !showPeople) ||
    (route.view === 'audit' && !showAudit) ||
    (route.view === 'connectors' && !showConnectors) ||
    (route.view === 'read-models' && !showReadModels)
      ? 'board'
      : route.view;
  const roles = rolesText(me?.roles ?? []);
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
          <a
            href="#/account"
            className={`whoami ${view === 'account' ? 'active' : ''}`}
            data-testid="whoami"
            title={`My account: ${me?.displayName ?? me?.username} · ${roles}`}
            aria-current={view === 'account' ? 'page' : undefined}
          >
            <span className="whoami-name">{shortName}</span>
            <span className="whoami-role">{roles}</span>
            <span className="sr-only"> — my account</span>
          </a>
          <button type="button" onClick={() => void signOut()} aria-label={`Sign out ${me?.username}`} data-testid="sign-out">
            Sign out
          </button>
        </div>
      </header>
      <CrisisBanner />
      <main className="content" id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={view}>
          {view === 'calendar' && (
            <CalendarView onOpenStory={openStory} date={route.date} campaign={route.campaign} feed={route.feed} />
          )}
          {view === 'board' && <BoardView onOpenStory={openStory} />}
          {view === 'inbox' && showInbox && <InboxView onOpenStory={openStory} />}
          {view === 'campaigns' && <CampaignsView onShowOnCalendar={(campaign) => navigate({ view: 'calendar', campaign })} />}
          {view === 'quiet-periods' && <QuietPeriodsView />}
          {view === 'channels' && <ChannelsView />}
          {view === 'policies' && <PoliciesView />}
          {view === 'audit' && showAudit && <AuditView onOpenStory={openStory} />}
          {view === 'connectors' && showConnectors && <ConnectorsView />}
          {view === 'read-models' && showReadModels && <ReadModelsView />}
          {view === 'notifications' && (
            <NotificationsView notifications={notifications.data} error={notifications.error} onOpenStory={openStory} />
          )}
          {view === 'people' && showPeople && <PeopleView openUser={route.user ?? null} onOpenUser={(user) => navigate({ user })} />}
          {view === 'account' && <AccountView />}
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
