package newsroom.api.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The iCalendar feed: a personal token instead of a password, parsed back with ical4j. */
class CalendarFeedIT extends ApiIntegrationTest {

    private static final DateTimeFormatter UTC_DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void eachPlacementCarriesTheStatusCalendarAppsActOnAndAChangeReplacesTheOldCopy() {
        Instant slot = Instant.now().plus(12, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String storyId = pitch("carla", content("Feed statuses", uniqueDesk()));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of()));
        ok(api.as("eddie").post(path(storyId, "placements"), placement("press", "press-release", slot, "Release")));
        ok(api.as("eddie").post(path(storyId, "placements"), placement("social", "linkedin", slot, "Post")));
        ok(api.as("eddie").post(path(storyId, "placements"), placement("live", "livestream", slot, "Live")));
        ok(api.as("eddie").post(path(storyId, "placements"), placement("fair", "event", slot, "Booth")));

        // planned, not approved: tentative; a post is a moment, a livestream and an event take time
        VEvent press = awaitEvent(storyId, "press", "TENTATIVE");
        assertThat(value(press, "DTSTART")).isEqualTo(UTC_DATE_TIME.format(slot));
        assertThat(value(press, "DTEND")).isEqualTo(UTC_DATE_TIME.format(slot));
        assertThat(value(press, "TRANSP")).isEqualTo("TRANSPARENT");
        assertThat(value(press, "SUMMARY")).isEqualTo("[Press release] Feed statuses");
        assertThat(value(press, "CATEGORIES")).contains("Planned");
        assertThat(value(awaitEvent(storyId, "live", "TENTATIVE"), "DTEND"))
                .isEqualTo(UTC_DATE_TIME.format(slot.plus(Duration.ofHours(1))));
        assertThat(value(awaitEvent(storyId, "fair", "TENTATIVE"), "DTEND"))
                .isEqualTo(UTC_DATE_TIME.format(slot.plus(Duration.ofHours(2))));
        int plannedSequence = Integer.parseInt(value(press, "SEQUENCE"));

        // approved: confirmed
        ok(api.as("carla").post(path(storyId, "submit")));
        ok(api.as("grace").post(path(storyId, "approvals"), Map.of("step", "communications")));
        ok(api.as("lena").post(path(storyId, "approvals"), Map.of("step", "legal")));
        VEvent scheduled = awaitEvent(storyId, "press", "CONFIRMED");
        assertThat(value(scheduled, "CATEGORIES")).contains("Scheduled");
        assertThat(value(scheduled, "UID")).isEqualTo(value(press, "UID"));
        assertThat(Integer.parseInt(value(scheduled, "SEQUENCE"))).isGreaterThan(plannedSequence);

        // published: still confirmed, and it says so
        ok(api.as("eddie").post(path(storyId, "placements/social/publish")));
        VEvent published = awaitEvent(storyId, "social", "CONFIRMED", "(published)");
        assertThat(value(published, "SUMMARY")).isEqualTo("[LinkedIn] Feed statuses (published)");
        assertThat(value(published, "CATEGORIES")).contains("LinkedIn", "Published");
        assertThat(value(published, "DESCRIPTION")).contains("Published:", "by eddie");

        // cancelled: stays in the feed as cancelled, same UID, a higher sequence and a modification no
        // earlier than before (iCalendar times have whole seconds, so a fast test may see the same second)
        ok(api.as("eddie").post(path(storyId, "placements/press/cancel"), Map.of("reason", "Pulled by legal")));
        VEvent cancelled = awaitEvent(storyId, "press", "CANCELLED");
        assertThat(value(cancelled, "UID")).isEqualTo(value(press, "UID"));
        assertThat(Integer.parseInt(value(cancelled, "SEQUENCE")))
                .isGreaterThan(Integer.parseInt(value(scheduled, "SEQUENCE")));
        assertThat(value(cancelled, "LAST-MODIFIED")).isGreaterThanOrEqualTo(value(press, "LAST-MODIFIED"));
        assertThat(value(cancelled, "DTSTAMP")).isEqualTo(value(cancelled, "LAST-MODIFIED"));
        assertThat(value(cancelled, "SUMMARY")).endsWith("(cancelled)");
        assertThat(value(cancelled, "DESCRIPTION")).contains("Pulled by legal");
    }

    /** The placement's event once the feed shows it with this status (read models follow commands closely). */
    private VEvent awaitEvent(String storyId, String placementId, String status, String... inSummary) {
        String uid = storyId + ":" + placementId + "@newsroom";
        VEvent[] found = new VEvent[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Optional<VEvent> event = feedEvents().stream().filter(e -> uid.equals(value(e, "UID"))).findFirst();
            assertThat(event).as("event %s", uid).isPresent();
            assertThat(value(event.get(), "STATUS")).isEqualTo(status);
            for (String words : inSummary) {
                assertThat(value(event.get(), "SUMMARY")).contains(words);
            }
            found[0] = event.get();
        });
        return found[0];
    }

    private List<VEvent> feedEvents() throws Exception {
        URI feed = URI.create(ok(api.as("victor").get("/api/me/calendar-feed")).body().path("url").asText());
        Response ics = api.anonymous().get(feed.getPath() + "?" + feed.getQuery());
        assertThat(ics.status()).isEqualTo(200);
        return new CalendarBuilder().build(new StringReader(ics.rawBody())).getComponents("VEVENT");
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void theFeedListsUpcomingPlacementsAndParsesAsICalendar() throws Exception {
        Instant slot = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String storyId = pitch("carla", content("Feed story", uniqueDesk()));
        ok(api.as("eddie").post(path(storyId, "accept"), Map.of()));
        ok(api.as("eddie").post(path(storyId, "placements"), placement("pod", "podcast", slot, "Podcast episode")));

        String url = ok(api.as("victor").get("/api/me/calendar-feed")).body().path("url").asText();
        URI feedUri = URI.create(url);
        Response feed = api.anonymous().get(feedUri.getPath() + "?" + feedUri.getQuery());

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.rawBody()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        VEvent event = events.stream()
                .filter(e -> e.getUid().map(uid -> uid.getValue().equals(storyId + ":pod@newsroom")).orElse(false))
                .findFirst().orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo("[Podcast] Feed story");
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(slot);

        Response podcastOnly = api.anonymous().get(feedUri.getPath() + "?" + feedUri.getQuery() + "&channel=linkedin");
        assertThat(podcastOnly.rawBody()).doesNotContain(storyId);
    }

    @Test
    void anUnknownOrRotatedTokenIsRefused() {
        String url = ok(api.as("victor").get("/api/me/calendar-feed")).body().path("url").asText();
        URI old = URI.create(url);
        ok(api.as("victor").post("/api/me/calendar-feed/rotate"));

        Response rotated = api.anonymous().get(old.getPath() + "?" + old.getQuery());
        assertThat(rotated.status()).isEqualTo(401);
        assertThat(rotated.contentType()).startsWith("application/problem+json");
        assertThat(api.anonymous().get("/calendar.ics?token=made-up").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/api/me/calendar-feed").status()).isEqualTo(401);
    }
}
