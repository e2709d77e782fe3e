package newsroom.api.people;

import java.util.Optional;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes sure there is somebody to sign in before the server takes requests: the first admin on an empty store,
 * and in the {@code demo} profile the demo people. Runs after Axon has started (commands and the users
 * projection work) and before the web server opens its port, so nobody sees a newsroom without its people.
 */
@Component
class PeopleStartup implements SmartLifecycle {

    /** After Axon's configuration (Integer.MAX_VALUE - 3072), before the web server (Integer.MAX_VALUE - 2048). */
    private static final int PHASE = Integer.MAX_VALUE - 2560;

    private final FirstAdmin firstAdmin;
    private final Optional<DemoPeople> demoPeople;
    private volatile boolean running;

    PeopleStartup(FirstAdmin firstAdmin, Optional<DemoPeople> demoPeople) {
        this.firstAdmin = firstAdmin;
        this.demoPeople = demoPeople;
    }

    @Override
    public void start() {
        firstAdmin.ensure();
        demoPeople.ifPresent(DemoPeople::ensure);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
