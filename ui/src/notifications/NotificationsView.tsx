import type { Notification } from '../api/types';
import { ProblemAlert } from '../feedback/Feedback';
import { notificationText } from '../live/LiveProvider';
import { formatInstant } from '../time/format';

export function NotificationsView({
  notifications,
  error,
  onOpenStory,
}: {
  notifications: Notification[] | undefined;
  error: unknown;
  onOpenStory(storyId: string): void;
}) {
  return (
    <section aria-labelledby="notifications-title">
      <div className="view-head">
        <h1 id="notifications-title">Notifications</h1>
      </div>
      <ProblemAlert error={error} />
      {notifications?.length === 0 && <p>No notifications yet.</p>}
      <ul className="notifications" data-testid="notifications">
        {(notifications ?? []).map((n) => (
          <li key={n.notificationId} className={`notification kind-${n.kind.toLowerCase()}`}>
            <button type="button" className="link" onClick={() => onOpenStory(n.storyId)}>
              {notificationText(n)}
            </button>
            <span className="muted"> · {formatInstant(n.at)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
