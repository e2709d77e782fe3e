package newsroom.api.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** When a placement counts as having missed its slot: decided by when a server first found it due, not by how long publishing took. */
class MissedSlotsTest {

    private static final Instant SLOT = Instant.parse("2027-06-01T09:00:00Z");
    private static final Duration LATE_AFTER = Duration.ofSeconds(60);

    private final MissedSlots missedSlots = new MissedSlots(LATE_AFTER);
    private final PublicationSchedule.Entry entry = new PublicationSchedule.Entry("story-1", "p1", "newsletter", SLOT, null);

    @Test
    void aPlacementSeenAheadOfItsSlotIsOnTimeHoweverLongABusyServerThenTakes() {
        missedSlots.seen(entry, SLOT.minusMillis(400));
        missedSlots.seen(entry, SLOT.plusSeconds(300)); // still waiting for a sender five minutes later

        assertThat(missedSlots.missed(entry)).isFalse();
    }

    @Test
    void aPlacementFirstFoundDueWithinLateAfterOfItsSlotIsOnTime() {
        missedSlots.seen(entry, SLOT.plusSeconds(59)); // e.g. a restart of a few seconds around the slot

        assertThat(missedSlots.missed(entry)).isFalse();
    }

    @Test
    void aPlacementFirstFoundDueMoreThanLateAfterAfterItsSlotMissedIt() {
        missedSlots.seen(entry, SLOT.plusSeconds(61)); // no server ran at the slot

        assertThat(missedSlots.missed(entry)).isTrue();
    }

    @Test
    void aHoldStartsTheWatchAfresh() {
        missedSlots.seen(entry, SLOT.minusMillis(100));
        missedSlots.forget(entry); // held by a rule at its slot
        missedSlots.seen(entry, SLOT.plus(Duration.ofHours(2))); // freed two hours later

        assertThat(missedSlots.missed(entry)).isTrue();
    }

    @Test
    void aPlacementMovedToAnotherSlotIsWatchedAtItsNewSlot() {
        missedSlots.seen(entry, SLOT.plusSeconds(120));
        assertThat(missedSlots.missed(entry)).isTrue();

        PublicationSchedule.Entry moved = new PublicationSchedule.Entry("story-1", "p1", "newsletter",
                SLOT.plusSeconds(3600), null);
        missedSlots.retainOnly(Set.of(MissedSlots.key(moved))); // an editor rescheduled it
        missedSlots.seen(moved, SLOT.plusSeconds(3599));

        assertThat(missedSlots.missed(moved)).isFalse();
        assertThat(missedSlots.missed(entry)).as("the old slot is forgotten").isFalse();
    }
}
