package newsroom.api.security.signin;

import java.time.Clock;
import java.time.Instant;

import newsroom.api.axon.MessageMetadata;
import newsroom.api.security.SecurityProperties;
import newsroom.people.SignInMethod;
import newsroom.people.UserSignedInEvent;
import newsroom.people.UserSignedOutEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records every sign-in, failed sign-in and sign-out with its time, username and client address. Successes and
 * sign-outs are events in the event store, the one record the audit reads; they happen only to people who proved
 * who they are, so nobody can flood the store with them. Failures can come from anyone: they go to a collection of
 * their own that forgets them after a while and never holds more than a bounded number.
 */
@Component
public class SignInRecords {

    /** The longest username kept for a failure; whatever was typed beyond is cut off. */
    private static final int MAX_USERNAME = 64;

    private final EventGateway events;
    private final SignInRecordRepository record;
    private final SecurityProperties.SignInRecord settings;
    private final Clock clock;

    SignInRecords(EventGateway events, SignInRecordRepository record, SecurityProperties properties, Clock clock) {
        this.events = events;
        this.record = record;
        this.settings = properties.signInRecord();
        this.clock = clock;
    }

    public void signedIn(String username, SignInMethod method, String address) {
        publish(username, new UserSignedInEvent(username, method, address));
    }

    public void signedOut(String username, String address) {
        publish(username, new UserSignedOutEvent(username, address));
    }

    /** A failed sign-in; {@code username} as typed (it may be nobody's), {@code reason} e.g. WRONG_CREDENTIALS. */
    public void failed(String username, String address, String reason) {
        Instant now = clock.instant();
        String typed = username == null ? "" : username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME)
                : username;
        record.recordFailure(now, typed, address, reason, now.plus(settings.failureRetention()));
    }

    /** Every ten minutes: drops expired failures and keeps at most the configured number. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void prune() {
        record.prune(clock.instant(), settings.maxFailures());
    }

    private void publish(String username, Object event) {
        events.publish(GenericEventMessage.asEventMessage(event)
                .andMetaData(MetaData.with(MessageMetadata.USERNAME, username)));
    }
}
