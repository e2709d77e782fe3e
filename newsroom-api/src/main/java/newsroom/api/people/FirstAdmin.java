package newsroom.api.people;

import java.util.Set;

import newsroom.people.Actor;
import newsroom.people.PasswordPolicy;
import newsroom.people.Role;
import newsroom.people.UserAccount;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty store, creates exactly one administrator, {@code admin}, so somebody can sign
 * in and register everyone else. Its password comes from {@code NEWSROOM_ADMIN_PASSWORD}
 * ({@code newsroom.admin.password}); without one, a strong one-time password is generated and printed to the log
 * once, and must be changed at the first sign-in. Once {@code admin} exists (even disabled), nothing happens.
 */
@Component
class FirstAdmin {

    static final String USERNAME = "admin";
    private static final String DISPLAY_NAME = "Administrator";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final Actor FIRST_START = Actor.system("first-start");

    private final UserCommands users;
    private final EventStore events;
    private final String configuredPassword;

    FirstAdmin(UserCommands users, EventStore events, @Value("${newsroom.admin.password:}") String configuredPassword) {
        this.users = users;
        this.events = events;
        this.configuredPassword = configuredPassword;
    }

    void ensure() {
        if (events.lastSequenceNumberFor(UserAccount.idOf(USERNAME)).isPresent()) {
            return;
        }
        if (!configuredPassword.isEmpty()) {
            // never echo the password; say which rule it breaks
            PasswordPolicy.check(configuredPassword, USERNAME, DISPLAY_NAME).ifPresent(rule -> {
                throw new IllegalStateException("NEWSROOM_ADMIN_PASSWORD (newsroom.admin.password) breaks the rule "
                        + rule.ruleName() + ": " + rule.description() + ". Choose another one and start again.");
            });
            users.registerWithPassword(FIRST_START, USERNAME, DISPLAY_NAME, Set.of(Role.ADMIN), Set.of(),
                    configuredPassword, false);
            log.info("First start: created the administrator '{}' with the password from NEWSROOM_ADMIN_PASSWORD.",
                    USERNAME);
            return;
        }
        UserCommands.Registered admin = users.register(FIRST_START, USERNAME, DISPLAY_NAME, Set.of(Role.ADMIN),
                Set.of());
        log.warn("""

                ==========================================================================================
                First start: created the administrator '{}' with the one-time password

                    {}

                Sign in as '{}' with it and set your own password (POST /api/me/password); until then
                the account can do nothing else. This password is shown only now, never again.
                ==========================================================================================
                """, USERNAME, admin.oneTimePassword(), USERNAME);
    }
}
