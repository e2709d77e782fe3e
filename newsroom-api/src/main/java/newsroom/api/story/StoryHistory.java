package newsroom.api.story;

import java.util.List;

import newsroom.api.axon.EventHistory;
import org.springframework.stereotype.Component;

/** A story's history, read straight from the event store: the record of who did what, when. */
@Component
class StoryHistory {

    private final EventHistory events;

    StoryHistory(EventHistory events) {
        this.events = events;
    }

    /** The story's events; none for an id that is not a story's. */
    List<EventHistory.Entry> of(String storyId) {
        return events.of(storyId, "Story");
    }
}
