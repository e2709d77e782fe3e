package newsroom.api.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import newsroom.api.security.ActionNotAllowed;
import newsroom.people.Action;
import newsroom.people.Actor;
import newsroom.people.MissingRole;
import newsroom.people.Role;
import newsroom.story.SubmitStoryCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class StoryCommandSenderTest {

    @Test
    void aRoleRefusalFromTheAggregateIsAnswered403LikeTheControllersOwnCheck() {
        Actor viewer = Actor.of("victor", Role.VIEWER);
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any(), any(MetaData.class))).thenThrow(new MissingRole(Action.SUBMIT, viewer));
        StoryCommandSender sender = new StoryCommandSender(gateway, mock(EventStore.class), mock(StoryReadModel.class));

        assertThatThrownBy(() -> sender.send("s-1", new SubmitStoryCommand("s-1", viewer, null), viewer))
                .isInstanceOfSatisfying(ActionNotAllowed.class, refusal -> {
                    assertThat(refusal.problem().getStatus())
                            .isEqualTo(HttpStatus.FORBIDDEN.value());
                    assertThat(refusal.problem().getProperties())
                            .containsEntry("action", "SUBMIT");
                });
    }
}
