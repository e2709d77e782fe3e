package newsroom.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The server's mention rule against the table of cases the dashboard's tests read too. */
class MentionsTest {

    private static JsonNode cases() throws IOException {
        try (InputStream in = MentionsTest.class.getResourceAsStream("mention-cases.json")) {
            return new ObjectMapper().readTree(in).path("cases");
        }
    }

    @TestFactory
    Stream<DynamicTest> everySharedCaseFindsExactlyItsMentions() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : cases()) {
            List<String> expected = new ArrayList<>();
            testCase.path("mentions").forEach(name -> expected.add(name.asText()));
            String text = testCase.path("text").asText();
            tests.add(DynamicTest.dynamicTest(testCase.path("why").asText() + ": " + text,
                    () -> assertThat(Mentions.in(text)).containsExactlyElementsOf(expected)));
        }
        return tests.stream();
    }

    @Test
    void theTableIsNotEmptyAndCoversEmailAddresses() throws IOException {
        assertThat(cases().size()).isGreaterThan(10);
        assertThat(cases().findValuesAsText("text")).anyMatch(text -> text.contains("@example.com"));
    }

    @Test
    void noTextHasNoMentions() {
        assertThat(Mentions.in(null)).isEmpty();
    }
}
