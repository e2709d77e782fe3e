package newsroom.api.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The feed URL carries its token: it names the configured public address, whatever Host the request sent. */
class CalendarFeedLinkTest {

    @BeforeEach
    void requestWithAForgedHost() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me/calendar-feed");
        request.setServerName("evil.example");
        request.setServerPort(80);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void forgetTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aConfiguredPublicUrlIsTheOnlyAddressUsed() {
        assertThat(CalendarFeedController.link("https://newsroom.example.com/", "t0ken").url())
                .isEqualTo("https://newsroom.example.com/calendar.ics?token=t0ken");
    }

    @Test
    void withoutOneTheRequestsAddressIsUsed() {
        assertThat(CalendarFeedController.link("", "t0ken").url()).isEqualTo("http://evil.example/calendar.ics?token=t0ken");
    }
}
