package newsroom.api.people;

import java.util.List;
import java.util.Set;

import newsroom.governance.ApprovalPolicy;
import newsroom.people.Actor;
import newsroom.people.Role;
import newsroom.people.UserAccount;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The documented demo people (profile {@code demo} only; every password is {@code newsroom-demo}), registered
 * through the same commands as anyone else. Someone already registered is left as they are, so a restart adds
 * nothing and keeps what an admin changed since.
 */
@Component
@Profile("demo")
class DemoPeople {

    static final String PASSWORD = "newsroom-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);
    private static final Actor DEMO = Actor.system("demo");

    record Person(String username, String displayName, Set<Role> roles, Set<String> groups) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("carla", "Carla Contributor (HR desk)", Set.of(Role.CONTRIBUTOR), Set.of("hr")),
            new Person("eddie", "Eddie Editor (newsdesk)", Set.of(Role.EDITOR), Set.of("newsdesk")),
            new Person("grace", "Grace Governance (head of communications)", Set.of(Role.GOVERNANCE_LEAD),
                    Set.of(ApprovalPolicy.COMMUNICATIONS)),
            new Person("lena", "Lena Legal (legal counsel)", Set.of(Role.GOVERNANCE_LEAD), Set.of(ApprovalPolicy.LEGAL)),
            new Person("nora", "Nora Newsdesk (managing editor, also approves for communications)",
                    Set.of(Role.EDITOR, Role.GOVERNANCE_LEAD), Set.of("newsdesk", ApprovalPolicy.COMMUNICATIONS)),
            new Person("leo", "Leo Legal (paralegal, signs for legal under a delegation)", Set.of(Role.CONTRIBUTOR),
                    Set.of(ApprovalPolicy.LEGAL)),
            new Person("ada", "Ada Admin (operations)", Set.of(Role.ADMIN), Set.of()),
            new Person("victor", "Victor Viewer (agency)", Set.of(Role.VIEWER), Set.of()),
            new Person("otto", "Otto Auditor (internal audit)", Set.of(Role.AUDITOR), Set.of()));

    private final UserCommands users;
    private final EventStore events;

    DemoPeople(UserCommands users, EventStore events) {
        this.users = users;
        this.events = events;
    }

    void ensure() {
        int added = 0;
        for (Person person : PEOPLE) {
            if (events.lastSequenceNumberFor(UserAccount.idOf(person.username())).isEmpty()) {
                users.registerWithPassword(DEMO, person.username(), person.displayName(), person.roles(),
                        person.groups(), PASSWORD, false);
                added++;
            }
        }
        if (added > 0) {
            log.info("Demo profile: registered {} demo people (password '{}'); never use this profile in production.",
                    added, PASSWORD);
        }
    }
}
