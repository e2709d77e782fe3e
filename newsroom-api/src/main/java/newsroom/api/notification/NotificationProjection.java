package newsroom.api.notification;

import java.util.LinkedHashSet;
import java.util.Set;

import newsroom.api.push.Topics;
import newsroom.api.people.NewsroomUser;
import newsroom.api.people.UserDirectory;
import newsroom.api.story.StoryReadModel;
import newsroom.api.story.StoryView;
import newsroom.people.Role;
import newsroom.story.ChangesRequestedEvent;
import newsroom.story.PitchAcceptedEvent;
import newsroom.story.StoryAssignedEvent;
import newsroom.story.StoryCommentedEvent;
import newsroom.story.StorySubmittedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Personal notifications: assigned to you, approval requested from you (governance leads), your story
 * was sent back, you were mentioned. Kept per user and pushed to {@code /user/queue/notifications};
 * a rebuild refills the inboxes without pushing again.
 */
@Component
@ProcessingGroup("notifications")
class NotificationProjection {

    private final NotificationInbox inbox;
    private final StoryReadModel stories;
    private final UserDirectory users;
    private final SimpMessagingTemplate broker;

    NotificationProjection(NotificationInbox inbox, StoryReadModel stories, UserDirectory users,
                           SimpMessagingTemplate broker) {
        this.inbox = inbox;
        this.stories = stories;
        this.users = users;
        this.broker = broker;
    }

    @EventHandler
    void on(PitchAcceptedEvent event, DomainEventMessage<?> message, TrackingToken token) {
        if (event.assignee() != null) {
            notify(Set.of(event.assignee()), event.acceptedBy(), Notification.Kind.ASSIGNED, event.storyId(),
                    event.acceptedBy() + " accepted the pitch and assigned it to you", message, token);
        }
    }

    @EventHandler
    void on(StoryAssignedEvent event, DomainEventMessage<?> message, TrackingToken token) {
        notify(Set.of(event.assignee()), event.assignedBy(), Notification.Kind.ASSIGNED, event.storyId(),
                event.assignedBy() + " assigned the story to you", message, token);
    }

    @EventHandler
    void on(StorySubmittedEvent event, DomainEventMessage<?> message, TrackingToken token) {
        Set<String> leads = new LinkedHashSet<>();
        users.enabled().stream().filter(user -> user.roles().contains(Role.GOVERNANCE_LEAD))
                .map(NewsroomUser::username).forEach(leads::add);
        notify(leads, event.submittedBy(), Notification.Kind.APPROVAL_REQUESTED, event.storyId(),
                event.submittedBy() + " asks for approval: " + String.join(", ", event.requiredSteps()), message, token);
    }

    @EventHandler
    void on(ChangesRequestedEvent event, DomainEventMessage<?> message, TrackingToken token) {
        StoryView story = stories.find(event.storyId()).orElse(null);
        Set<String> authors = new LinkedHashSet<>();
        if (story != null) {
            authors.add(story.pitchedBy);
            if (story.assignee != null) {
                authors.add(story.assignee);
            }
        }
        notify(authors, event.requestedBy(), Notification.Kind.SENT_BACK, event.storyId(),
                event.requestedBy() + " sent the story back: " + event.comment(), message, token);
    }

    @EventHandler
    void on(StoryCommentedEvent event, DomainEventMessage<?> message, TrackingToken token) {
        notify(event.mentions(), event.author(), Notification.Kind.MENTIONED, event.storyId(),
                event.author() + " mentioned you: " + event.text(), message, token);
    }

    @ResetHandler
    void reset() {
        inbox.deleteAll();
    }

    private void notify(Set<String> recipients, String by, Notification.Kind kind, String storyId, String text,
                        DomainEventMessage<?> message, TrackingToken token) {
        long position = token.position().orElse(-1);
        StoryView story = stories.awaitVersion(storyId, message.getSequenceNumber());
        String title = story == null ? null : story.title;
        for (String recipient : recipients) {
            if (recipient == null || recipient.equals(by)) {
                continue; // nobody is notified of their own action
            }
            Notification notification = new Notification(position + ":" + kind + ":" + recipient, position, kind,
                    storyId, title, by, message.getTimestamp(), text);
            boolean added = inbox.add(recipient, notification);
            if (added && !ReplayToken.isReplay(token)) {
                broker.convertAndSendToUser(recipient, Topics.NOTIFICATIONS, notification);
            }
        }
    }

}
