package newsroom.api.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** The iCalendar feed: a personal token instead of a password, parsed back with ical4j. */
class CalendarFeedIT extends ApiIntegrationTest {

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
