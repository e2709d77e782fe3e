package newsroom.story;

/**
 * Where the {@link Story} aggregate learns the {@link Restraints} in force when it decides a command (injected like
 * the approval policy). The server answers from the crisis mode's own events and the quiet periods read model.
 */
@FunctionalInterface
public interface RestraintsSource {

    Restraints current();

    /** No crisis and no quiet period, ever: for tests and tools that do not need them. */
    static RestraintsSource none() {
        return () -> Restraints.NONE;
    }
}
