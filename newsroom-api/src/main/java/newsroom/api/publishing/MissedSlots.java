package newsroom.api.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a placement missed its slot. It did when the slot had passed by more than {@code late-after}
 * before this server first found it due and free to go: no server was running at the slot, or the placement was
 * held (by a rule or a pause) until long after it. Publishing itself taking long on a busy server does not make a
 * placement late: that is measured from when the server found it due, not from when the command went through.
 * A server that starts again forgets what it saw, so a slot that passed during the restart by more than
 * {@code late-after} counts as missed. A hold starts the watch afresh: a placement held past its slot and freed
 * later is late when freed.
 */
final class MissedSlots {

    private final Duration lateAfter;
    /** Placement at slot → when this server first found it due and not held. */
    private final Map<String, Instant> dueSince = new ConcurrentHashMap<>();

    MissedSlots(Duration lateAfter) {
        this.lateAfter = lateAfter;
    }

    /**
     * The server sees the placement not held, due now or before the next look: the first sighting counts. One seen
     * ahead of its slot is due at its slot, however late a busy server then gets to it.
     */
    void seen(PublicationSchedule.Entry entry, Instant now) {
        dueSince.putIfAbsent(key(entry), entry.slot().isAfter(now) ? entry.slot() : now);
    }

    /** The placement is held, gone or published: a later sighting is a new one. */
    void forget(PublicationSchedule.Entry entry) {
        dueSince.remove(key(entry));
    }

    /** Forgets every placement not among these (they left the schedule, or moved to another slot). */
    void retainOnly(Set<String> keys) {
        dueSince.keySet().retainAll(keys);
    }

    /** Whether the placement missed its slot; one never found due (not yet looked at) has not. */
    boolean missed(PublicationSchedule.Entry entry) {
        Instant since = dueSince.get(key(entry));
        return since != null && Duration.between(entry.slot(), since).compareTo(lateAfter) > 0;
    }

    static String key(PublicationSchedule.Entry entry) {
        return entry.storyId() + "/" + entry.placementId() + "@" + entry.slot();
    }
}
