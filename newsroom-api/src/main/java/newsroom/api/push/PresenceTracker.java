package newsroom.api.push;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Presence: clients say which story they view or edit ({@code /app/presence}); everyone subscribed to
 * the story's presence topic gets the new list. A session's presence ends when it says LEFT or its
 * connection ends (closed, or missed heartbeats).
 */
@Controller
class PresenceTracker {

    /** storyId → sessionId → person. In memory: presence is about connections to this server. */
    private final Map<String, Map<String, Presence.Person>> byStory = new ConcurrentHashMap<>();
    private final SimpMessagingTemplate broker;

    PresenceTracker(SimpMessagingTemplate broker) {
        this.broker = broker;
    }

    record PresenceMessage(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String storyId,
                           @NotNull Presence.Mode mode) {
    }

    @MessageMapping("/presence")
    void update(@Valid @Payload PresenceMessage message, Principal user,
                @Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
        Map<String, Presence.Person> sessions = byStory.computeIfAbsent(message.storyId(), id -> new ConcurrentHashMap<>());
        // one change and its broadcast at a time per story: messages handled on two threads would otherwise
        // go out in either order, and the last one a client keeps could be a stale list
        synchronized (sessions) {
            if (message.mode() == Presence.Mode.LEFT) {
                sessions.remove(sessionId);
            } else {
                sessions.put(sessionId, new Presence.Person(user.getName(), message.mode()));
            }
            broadcast(message.storyId());
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        byStory.forEach((storyId, sessions) -> {
            synchronized (sessions) {
                if (sessions.remove(event.getSessionId()) != null) {
                    broadcast(storyId);
                }
            }
        });
    }

    Presence presence(String storyId) {
        Map<String, Presence.Person> sessions = byStory.getOrDefault(storyId, Map.of());
        // one line per person; editing wins over viewing when they have several tabs open
        Map<String, Presence.Person> byPerson = new ConcurrentHashMap<>();
        sessions.values().forEach(person -> byPerson.merge(person.username(), person,
                (a, b) -> a.mode() == Presence.Mode.EDITING ? a : b));
        List<Presence.Person> people = new ArrayList<>(byPerson.values());
        people.sort(Comparator.comparing(Presence.Person::username));
        return new Presence(storyId, people);
    }

    private void broadcast(String storyId) {
        broker.convertAndSend(Topics.presence(storyId), presence(storyId));
    }

}
