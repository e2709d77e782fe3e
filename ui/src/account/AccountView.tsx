import { useMe } from '../auth/AuthContext';
import { rolesText } from '../auth/roles';
import { useToasts } from '../feedback/Feedback';
import { formatHash } from '../router';
import { ApiTokens } from './ApiTokens';
import { PasswordForm } from './PasswordForm';

// My account: who I am in the newsroom, my password, my API tokens, and the way to my calendar feed.

export function AccountView() {
  const me = useMe();
  const toasts = useToasts();
  return (
    <section aria-labelledby="account-title" className="account-view">
      <div className="view-head">
        <h1 id="account-title">My account</h1>
      </div>
      <div className="account-grid">
        <section className="card account-section" aria-labelledby="me-title">
          <h2 id="me-title">You</h2>
          <dl className="facts" data-testid="my-details">
            <dt>Name</dt>
            <dd>{me.displayName || me.username}</dd>
            <dt>User name</dt>
            <dd>{me.username}</dd>
            <dt>Roles</dt>
            <dd>{rolesText(me.roles) || '—'}</dd>
            <dt>Groups</dt>
            <dd>{me.groups?.length ? me.groups.join(', ') : '—'}</dd>
          </dl>
          <p className="muted">Roles and groups are given by an admin.</p>
          <h2 id="feed-link-title">Calendar feed</h2>
          <p>
            Your personal calendar feed puts the newsroom’s plan into Outlook, Google Calendar or Apple Calendar.{' '}
            <a href={formatHash({ view: 'calendar', storyId: null, date: null, feed: true })} data-testid="feed-link">
              Get your calendar feed address
            </a>
            .
          </p>
        </section>
        <section className="card account-section" aria-labelledby="password-title">
          <h2 id="password-title">Password</h2>
          <PasswordForm username={me.username} onChanged={() => toasts.success('Your password is changed')} />
        </section>
      </div>
      <ApiTokens />
    </section>
  );
}
