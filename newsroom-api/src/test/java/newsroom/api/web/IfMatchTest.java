package newsroom.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Story versions as entity tags, and the If-Match header read back as a version. */
class IfMatchTest {

    @Test
    void theETagIsTheQuotedVersion() {
        assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
        assertThat(IfMatch.etag(0)).isEqualTo("\"0\"");
    }

    @Test
    void anETagReadsBackAsItsVersion() {
        assertThat(IfMatch.version(IfMatch.etag(42))).isEqualTo(42L);
    }

    @Test
    void weakAndUnquotedTagsAreAccepted() {
        assertThat(IfMatch.version("W/\"3\"")).isEqualTo(3L);
        assertThat(IfMatch.version("3")).isEqualTo(3L);
        assertThat(IfMatch.version("  \"3\"  ")).isEqualTo(3L);
    }

    @Test
    void noHeaderOrAStarMeansNoCheck() {
        assertThat(IfMatch.version(null)).isNull();
        assertThat(IfMatch.version("")).isNull();
        assertThat(IfMatch.version("   ")).isNull();
        assertThat(IfMatch.version("*")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"-1\"", "\"1.5\"", "\"3\", \"4\"", "W/", "\"99999999999999999999\""})
    void anythingElseIsABadRequestNamingTheHeader(String header) {
        assertThatThrownBy(() -> IfMatch.version(header))
                .isInstanceOfSatisfying(BadRequest.class, e -> {
                    assertThat(e.problem().getStatus()).isEqualTo(400);
                    assertThat(e.problem().getProperties().get("errors"))
                            .isEqualTo(List.of(new FieldError("If-Match", "StoryVersion", e.getMessage())));
                    assertThat(e.getMessage()).contains("If-Match", header);
                });
    }
}
