package newsroom.api.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import newsroom.api.notification.NotificationStories.StoryFacts;
import newsroom.api.projection.AppliedEvent;
import newsroom.api.projection.ProjectionBatch;
import newsroom.api.projection.ReadModelProgress;
import newsroom.api.push.Topics;
import newsroom.api.security.KnownUsers;
import newsroom.people.Role;
import newsroom.story.ChangesRequestedEvent;
import newsroom.story.DraftEditedEvent;
import newsroom.story.PitchAcceptedEvent;
import newsroom.story.PlacementDeliveryFailedEvent;
import newsroom.story.PlacementPublicationHeldEvent;
import newsroom.story.StoryAssignedEvent;
import newsroom.story.StoryCommentedEvent;
import newsroom.story.StoryPitchedEvent;
import newsroom.story.StorySubmittedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Personal notifications: assigned to you, approval requested (from the governance leads), your story
 * was sent back, you were mentioned. The stored inboxes depend on the event stream only: the projection
 * folds what it needs of each story (title, who pitched it, who is assigned) from the story's events,
 * and addresses approval requests to the role, which is resolved to people when an inbox is read or a
 * notification pushed. A rebuild therefore gives every notification its title and recipients as they
 * were at the time, and pushes nothing again.
 */
@Component
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
class NotificationProjection {

    static final String PROCESSING_GROUP = "notifications";

    private final NotificationStories stories;
    private final NotificationInbox inboxes;
    private final ReadModelProgress progress;
    private final KnownUsers people;
    private final SimpMessagingTemplate broker;

    NotificationProjection(NotificationStories stories, NotificationInbox inboxes, ReadModelProgress progress,
                           KnownUsers people, SimpMessagingTemplate broker) {
        this.stories = stories;
        this.inboxes = inboxes;
        this.progress = progress;
        this.people = people;
        this.broker = broker;
    }

    /** A notification to be, before it has its id and position. */
    private record Notice(Recipient to, Notification.Kind kind, String by, String text) {
    }

    @EventHandler
    void on(StoryPitchedEvent event, DomainEventMessage<?> message) {
        fold(message, facts -> new StoryFacts(event.storyId(), message.getSequenceNumber(),
                event.content().title(), event.pitchedBy(), null), facts -> List.of());
    }

    @EventHandler
    void on(DraftEditedEvent event, DomainEventMessage<?> message) {
        fold(message, facts -> new StoryFacts(facts.storyId(), message.getSequenceNumber(),
                event.content().title(), facts.pitchedBy(), facts.assignee()), facts -> List.of());
    }

    @EventHandler
    void on(PitchAcceptedEvent event, DomainEventMessage<?> message) {
        fold(message, facts -> new StoryFacts(facts.storyId(), message.getSequenceNumber(), facts.title(),
                        facts.pitchedBy(), event.assignee() != null ? event.assignee() : facts.assignee()),
                facts -> event.assignee() == null ? List.of()
                        : List.of(new Notice(Recipient.person(event.assignee()), Notification.Kind.ASSIGNED,
                                event.acceptedBy(), event.acceptedBy() + " accepted the pitch and assigned it to you")));
    }

    @EventHandler
    void on(StoryAssignedEvent event, DomainEventMessage<?> message) {
        fold(message, facts -> new StoryFacts(facts.storyId(), message.getSequenceNumber(), facts.title(),
                        facts.pitchedBy(), event.assignee()),
                facts -> List.of(new Notice(Recipient.person(event.assignee()), Notification.Kind.ASSIGNED,
                        event.assignedBy(), event.assignedBy() + " assigned the story to you")));
    }

    @EventHandler
    void on(StorySubmittedEvent event, DomainEventMessage<?> message) {
        fold(message, facts -> advanced(facts, message),
                facts -> List.of(new Notice(Recipient.everyone(Role.GOVERNANCE_LEAD),
                        Notification.Kind.APPROVAL_REQUESTED, event.submittedBy(),
                        event.submittedBy() + " asks for approval: " + String.join(", ", event.requiredSteps()))));
    }

    @EventHandler
    void on(ChangesRequestedEvent event, DomainEventMessage<?> message) {
        fold(message, facts -> advanced(facts, message), facts -> {
            List<Notice> notices = new ArrayList<>();
            String text = event.requestedBy() + " sent the story back: " + event.comment();
            notices.add(new Notice(Recipient.person(facts.pitchedBy()), Notification.Kind.SENT_BACK,
                    event.requestedBy(), text));
            if (facts.assignee() != null && !facts.assignee().equals(facts.pitchedBy())) {
                notices.add(new Notice(Recipient.person(facts.assignee()), Notification.Kind.SENT_BACK,
                        event.requestedBy(), text));
            }
            return notices;
        });
    }

    @EventHandler
    void on(StoryCommentedEvent event, DomainEventMessage<?> message) {
        fold(message, facts -> advanced(facts, message), facts -> event.mentions().stream().sorted()
                .map(mentioned -> new Notice(Recipient.person(mentioned), Notification.Kind.MENTIONED, event.author(),
                        event.author() + " mentioned you: " + event.text()))
                .toList());
    }

    /** Every editor hears of a delivery that gave up: one of them redelivers it or calls the channel's people. */
    @EventHandler
    void on(PlacementDeliveryFailedEvent event, DomainEventMessage<?> message) {
        fold(message, facts -> advanced(facts, message),
                facts -> List.of(new Notice(Recipient.everyone(Role.EDITOR), Notification.Kind.DELIVERY_FAILED,
                        message.getMetaData().getOrDefault("username", "system:delivery").toString(),
                        "Delivery of placement " + event.placementId() + " to " + event.channelId() + " failed after "
                                + event.attempts() + " attempts (" + event.detail() + "); redeliver it from the story")));
    }

    /** Every editor hears of a placement automatic publication left to them. */
    @EventHandler
    void on(PlacementPublicationHeldEvent event, DomainEventMessage<?> message) {
        fold(message, facts -> advanced(facts, message),
                facts -> List.of(new Notice(Recipient.everyone(Role.EDITOR), Notification.Kind.PUBLICATION_HELD,
                        event.heldBy(), "Placement " + event.placementId() + " on " + event.channelId()
                                + " was not published at its slot (" + event.rule() + "): " + event.reason())));
    }

    @ResetHandler
    void reset() {
        stories.deleteAll();
        inboxes.deleteAll();
    }

    private static StoryFacts advanced(StoryFacts facts, DomainEventMessage<?> message) {
        return new StoryFacts(facts.storyId(), message.getSequenceNumber(), facts.title(), facts.pitchedBy(),
                facts.assignee());
    }

    /**
     * Folds the event into what is known of its story and files the notices it causes; ignores an event
     * already folded in (idempotent). At the batch's last event, writes and pushes.
     */
    private void fold(DomainEventMessage<?> message, UnaryOperator<StoryFacts> change,
                      Function<StoryFacts, List<Notice>> notices) {
        Batch batch = ProjectionBatch.current(PROCESSING_GROUP, Batch::new);
        String storyId = message.getAggregateIdentifier();
        StoryFacts facts = batch.facts.computeIfAbsent(storyId, stories::find).orElse(null);
        boolean pitch = message.getPayload() instanceof StoryPitchedEvent;
        boolean fresh = pitch ? facts == null : facts != null && message.getSequenceNumber() > facts.version();
        AppliedEvent applied = AppliedEvent.of(PROCESSING_GROUP, message);
        if (fresh) {
            StoryFacts after = change.apply(facts);
            batch.facts.put(storyId, Optional.of(after));
            batch.changedFacts.put(storyId, after);
            for (Notice notice : notices.apply(after)) {
                file(batch, notice, after, message, applied.position(), applied.replay());
            }
        }
        batch.applied.add(applied);
        if (ProjectionBatch.atLastEvent()) {
            stories.write(batch.changedFacts.values());
            inboxes.write(batch.changedInboxes);
            batch.toPush.forEach(this::push);
            progress.announce(batch.applied);
        }
    }

    private void file(Batch batch, Notice notice, StoryFacts story, DomainEventMessage<?> message, long position,
                      boolean replay) {
        String person = notice.to().username();
        if (notice.to().role() == null && (person == null || person.equals(notice.by()))) {
            return; // nobody is notified of their own action
        }
        Notification notification = new Notification(position + ":" + notice.kind() + ":" + notice.to().key(), position,
                notice.kind(), story.storyId(), story.title(), notice.by(), message.getTimestamp(), notice.text(),
                notice.to().key());
        List<Notification> inbox = batch.changedInboxes.computeIfAbsent(notice.to().key(),
                key -> inboxes.load(List.of(key)).get(key));
        if (inbox.stream().noneMatch(existing -> existing.notificationId().equals(notification.notificationId()))) {
            inbox.add(notification);
            if (!replay) {
                batch.toPush.put(notification, notice.to());
            }
        }
    }

    /** Sends the notification to whoever it is for now: the person, or everyone holding the role but its author. */
    private void push(Notification notification, Recipient to) {
        List<String> readers = to.role() == null ? List.of(to.username())
                : people.withRole(to.role()).stream().filter(user -> !user.equals(notification.by())).toList();
        readers.forEach(reader -> broker.convertAndSendToUser(reader, Topics.NOTIFICATIONS, notification));
    }

    private static final class Batch {
        private final Map<String, Optional<StoryFacts>> facts = new HashMap<>();
        private final Map<String, StoryFacts> changedFacts = new LinkedHashMap<>();
        private final Map<String, List<Notification>> changedInboxes = new LinkedHashMap<>();
        private final Map<Notification, Recipient> toPush = new LinkedHashMap<>();
        private final List<AppliedEvent> applied = new ArrayList<>();
    }
}
