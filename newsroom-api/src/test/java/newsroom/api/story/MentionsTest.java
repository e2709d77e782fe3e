package newsroom.api.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void findsEachMentionOnceAndIgnoresEmailAddresses() {
        assertThat(Mentions.in("@lena please check, and @grace.  Thanks @lena. Mail me at carla@example.com"))
                .containsExactly("lena", "grace");
    }

    @Test
    void aTextWithoutMentionsHasNone() {
        assertThat(Mentions.in("No one to bother @ all")).isEmpty();
    }
}
