package newsroom.api.security.signin;

import java.time.Instant;

import newsroom.people.UserSignedInEvent;
import newsroom.people.UserSignedOutEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Files every sign-in and sign-out event under its day in {@code sign_in_days}. Idempotent and rebuildable. */
@Component
@ProcessingGroup(SignInRecordProjection.PROCESSING_GROUP)
class SignInRecordProjection {

    static final String PROCESSING_GROUP = "sign-ins";

    private final SignInRecordRepository record;

    SignInRecordProjection(SignInRecordRepository record) {
        this.record = record;
    }

    @EventHandler
    void on(UserSignedInEvent event, EventMessage<?> message, @Timestamp Instant at) {
        record.recordEvent(message.getIdentifier(), at, SignInEntry.Kind.SIGNED_IN, event.username(), event.method(),
                event.address());
    }

    @EventHandler
    void on(UserSignedOutEvent event, EventMessage<?> message, @Timestamp Instant at) {
        record.recordEvent(message.getIdentifier(), at, SignInEntry.Kind.SIGNED_OUT, event.username(), null,
                event.address());
    }

    @ResetHandler
    void reset() {
        record.deleteEvents();
    }
}
