package newsroom.calendar;

import java.util.List;

/** A collision between calendar entries (or of one entry with a blackout), with a message for people. */
public record Collision(CollisionKind kind, List<String> entryIds, String message) {

    public Collision {
        entryIds = List.copyOf(entryIds);
    }

    public boolean involves(String entryId) {
        return entryIds.contains(entryId);
    }
}
