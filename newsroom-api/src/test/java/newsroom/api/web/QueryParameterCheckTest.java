package newsroom.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** How the raw query string is read for the unknown- and repeated-parameter checks. */
class QueryParameterCheckTest {

    @Test
    void namesAreDecodedAndCountedAndEmptyPartsSkipped() {
        assertThat(QueryParameterCheck.queryParameterNames("status=A&st%61tus=B&desk=&&flag&=x"))
                .containsExactly(Map.entry("status", 2), Map.entry("desk", 1), Map.entry("flag", 1));
    }

    @Test
    void noQueryHasNoNames() {
        assertThat(QueryParameterCheck.queryParameterNames(null)).isEmpty();
        assertThat(QueryParameterCheck.queryParameterNames("")).isEmpty();
    }
}
