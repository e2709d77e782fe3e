package newsroom.channel;

import static newsroom.governance.GovernanceRuleMatcher.violates;
import static newsroom.people.MissingRoleMatcher.missingRole;

import java.time.Duration;

import newsroom.governance.GovernanceRule;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule of running channels as data. */
class ChannelDefinitionTest {

    private static final Actor ADMIN = Actor.of("ada", Role.ADMIN);
    private static final ChannelSettings SOCIAL = new ChannelSettings(ChannelKind.SOCIAL, "#0a66c2", null,
            Duration.ofHours(2));

    private FixtureConfiguration<ChannelDefinition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChannelDefinition.class);
    }

    private static ChannelAddedEvent added() {
        return new ChannelAddedEvent("mastodon", "Mastodon", SOCIAL, "ada");
    }

    @Test
    void anAdminAddsAChannel() {
        fixture.givenNoPriorActivity().when(new AddChannelCommand("mastodon", " Mastodon ", SOCIAL, ADMIN))
                .expectEvents(added());
    }

    @Test
    void onlyAnAdminRunsChannels() {
        fixture.givenNoPriorActivity()
                .when(new AddChannelCommand("mastodon", "Mastodon", SOCIAL, Actor.of("erik", Role.EDITOR)))
                .expectException(missingRole(Action.MANAGE_CHANNELS));
    }

    @Test
    void aChannelIdIsUsedOnceEvenAfterRetiring() {
        fixture.given(added(), new ChannelRetiredEvent("mastodon", "gone", "ada"))
                .when(new AddChannelCommand("mastodon", "Mastodon", SOCIAL, ADMIN))
                .expectException(violates(GovernanceRule.CHANNEL_ALREADY_EXISTS));
    }

    @Test
    void aChannelIdIsASlug() {
        fixture.givenNoPriorActivity().when(new AddChannelCommand("mast_odon", "Mastodon", SOCIAL, ADMIN))
                .expectException(violates(GovernanceRule.CHANNEL_ID_FORMAT));
    }

    @Test
    void aChannelHasAName() {
        fixture.givenNoPriorActivity().when(new AddChannelCommand("mastodon", " ", SOCIAL, ADMIN))
                .expectException(violates(GovernanceRule.CHANNEL_NAME_REQUIRED));
    }

    @Test
    void aColourIsWrittenHex() {
        fixture.givenNoPriorActivity().when(new AddChannelCommand("mastodon", "Mastodon",
                        new ChannelSettings(ChannelKind.SOCIAL, "blue", null, Duration.ZERO), ADMIN))
                .expectException(violates(GovernanceRule.COLOUR_FORMAT));
    }

    @Test
    void theMinimumGapIsNotNegative() {
        fixture.givenNoPriorActivity().when(new AddChannelCommand("mastodon", "Mastodon",
                        new ChannelSettings(ChannelKind.SOCIAL, "#000000", null, Duration.ofMinutes(-5)), ADMIN))
                .expectException(violates(GovernanceRule.MINIMUM_GAP_INVALID));
    }

    @Test
    void renamingAndChangingSettingsRecordOnlyWhatChanged() {
        ChannelSettings moved = new ChannelSettings(ChannelKind.SOCIAL, "#6364ff", "social-strict", Duration.ofHours(1));
        fixture.given(added()).when(new ChangeChannelCommand("mastodon", "Mastodon", moved, ADMIN, null))
                .expectEvents(new ChannelSettingsChangedEvent("mastodon", SOCIAL, moved, "ada"));
        fixture.given(added()).when(new ChangeChannelCommand("mastodon", "Fediverse", SOCIAL, ADMIN, null))
                .expectEvents(new ChannelRenamedEvent("mastodon", "Mastodon", "Fediverse", "ada"));
    }

    @Test
    void aRetiredChannelIsNotChangedOrRetiredAgain() {
        fixture.given(added(), new ChannelRetiredEvent("mastodon", "gone", "ada"))
                .when(new ChangeChannelCommand("mastodon", "Fediverse", SOCIAL, ADMIN, null))
                .expectException(violates(GovernanceRule.CHANNEL_ALREADY_RETIRED));
        fixture.given(added(), new ChannelRetiredEvent("mastodon", "gone", "ada"))
                .when(new RetireChannelCommand("mastodon", "again", ADMIN, null))
                .expectException(violates(GovernanceRule.CHANNEL_ALREADY_RETIRED));
    }

    @Test
    void anAdminRetiresAChannel() {
        fixture.given(added()).when(new RetireChannelCommand("mastodon", "we left", ADMIN, null))
                .expectEvents(new ChannelRetiredEvent("mastodon", "we left", "ada"));
    }
}
