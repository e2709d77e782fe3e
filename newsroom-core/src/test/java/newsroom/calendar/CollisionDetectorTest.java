package newsroom.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CollisionDetectorTest {

    private final CollisionDetector detector = new CollisionDetector(new CollisionPolicy(
            Map.of("linkedin", Duration.ofHours(2)), Duration.ofHours(1), 2, ZoneId.of("Europe/Berlin")));

    private static ScheduledItem item(String id, String channel, String slot, boolean high) {
        return new ScheduledItem(id, channel, channel, Instant.parse(slot), high);
    }

    @Test
    void twoPlacementsOnOneChannelCloserThanItsMinimumGapCollide() {
        List<Collision> collisions = detector.detect(List.of(
                item("a", "linkedin", "2027-03-05T09:00:00Z", false),
                item("b", "linkedin", "2027-03-05T10:30:00Z", false),
                item("c", "x", "2027-03-05T09:30:00Z", false)), List.of());

        assertThat(collisions).singleElement().satisfies(collision -> {
            assertThat(collision.kind()).isEqualTo(CollisionKind.CHANNEL_GAP);
            assertThat(collision.entryIds()).containsExactly("a", "b");
            assertThat(collision.message()).contains("1 h 30 min apart", "at least 2 h");
        });
    }

    @Test
    void theSameItemsGiveTheSameCollisionsInWhateverOrderTheyAreRead() {
        List<ScheduledItem> items = List.of(
                item("b", "linkedin", "2027-03-05T09:00:00Z", true),
                item("a", "linkedin", "2027-03-05T09:00:00Z", true),
                item("c", "x", "2027-03-05T09:00:00Z", true));
        List<ScheduledItem> reversed = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(reversed);

        assertThat(detector.detect(reversed, List.of())).isEqualTo(detector.detect(items, List.of()));
        assertThat(detector.detect(items, List.of())).extracting(Collision::entryIds)
                .containsExactly(List.of("a", "b"), List.of("a", "b", "c"));
    }

    @Test
    void placementsFarEnoughApartOrOnOtherChannelsDoNotCollide() {
        assertThat(detector.detect(List.of(
                item("a", "linkedin", "2027-03-05T09:00:00Z", false),
                item("b", "linkedin", "2027-03-05T11:00:00Z", false),
                item("c", "x", "2027-03-05T09:00:00Z", false)), List.of())).isEmpty();
    }

    @Test
    void moreHighPriorityPlacementsOnOneDayThanAllowedCollideCountingDaysInTheNewsroomsZone() {
        // 23:30 UTC on the 4th is already the 5th in Berlin
        List<Collision> collisions = detector.detect(List.of(
                item("a", "x", "2027-03-04T23:30:00Z", true),
                item("b", "blog", "2027-03-05T09:00:00Z", true),
                item("c", "intranet", "2027-03-05T15:00:00Z", true),
                item("d", "newsletter", "2027-03-05T16:00:00Z", false)), List.of());

        assertThat(collisions).singleElement().satisfies(collision -> {
            assertThat(collision.kind()).isEqualTo(CollisionKind.HIGH_PRIORITY_DAY);
            assertThat(collision.entryIds()).containsExactly("a", "b", "c");
            assertThat(collision.message()).contains("2027-03-05");
        });
    }

    @Test
    void aPlacementInsideAQuietPeriodOfItsChannelCollidesButNotOnOtherChannelsOrAfterTheEnd() {
        Blackout results = new Blackout("q1", "Q1 results", Set.of("linkedin", "x"),
                Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-03-05T00:00:00Z"));
        Blackout everything = new Blackout("all", "Plant incident", Set.of(),
                Instant.parse("2027-03-10T00:00:00Z"), Instant.parse("2027-03-11T00:00:00Z"));

        List<Collision> collisions = detector.detect(List.of(
                item("inside", "linkedin", "2027-03-04T09:00:00Z", false),
                item("other-channel", "blog", "2027-03-04T09:00:00Z", false),
                item("at-the-end", "x", "2027-03-05T00:00:00Z", false),
                item("all-channels", "podcast", "2027-03-10T12:00:00Z", false)), List.of(results, everything));

        assertThat(collisions).extracting(Collision::kind).containsOnly(CollisionKind.BLACKOUT);
        assertThat(collisions).flatExtracting(Collision::entryIds).containsExactlyInAnyOrder("inside", "all-channels");
    }
}
