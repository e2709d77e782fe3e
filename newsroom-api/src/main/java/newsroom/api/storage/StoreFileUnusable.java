package newsroom.api.storage;

import java.nio.file.Path;

/**
 * The embedded store's file cannot be opened. The message names the file, says what is wrong with it
 * and what to do; {@link StoreFileFailureAnalyzer} prints it instead of a stack trace when the server
 * does not start.
 */
public class StoreFileUnusable extends RuntimeException {

    /** What is wrong with the file. */
    public enum Problem {
        DAMAGED("is damaged and cannot be read",
                "Restore it from your latest backup, or move it aside (e.g. rename it to newsroom.mv.damaged) to "
                        + "start with an empty store. Keep the damaged file: it may still be recoverable."),
        IN_USE("is already in use by another process",
                "Stop the other Newsroom server that uses this data directory, or give this one its own "
                        + "(NEWSROOM_DATA_DIR)."),
        NOT_WRITABLE("cannot be written",
                "Make the data directory and the file writable for the user running the server, free disk "
                        + "space if the disk is full, or point NEWSROOM_DATA_DIR at a writable directory.");

        private final String state;
        private final String action;

        Problem(String state, String action) {
            this.state = state;
            this.action = action;
        }
    }

    private final Path file;
    private final Problem problem;

    public StoreFileUnusable(Path file, Problem problem, Throwable cause) {
        super("The store file " + file + " " + problem.state + " (" + reason(cause) + ")", cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }

    /** What the operator should do about it. */
    public String action() {
        if (problem == Problem.DAMAGED && file.getFileName().toString().equals(StoreFiles.READ_MODELS_FILE)) {
            // nothing in it is the only copy: the read models are rebuilt from the events file
            return "Move it aside (e.g. rename it to " + StoreFiles.READ_MODELS_FILE + ".damaged): the next start "
                    + "rebuilds the read models from the events in " + StoreFiles.EVENTS_FILE + ".";
        }
        return problem.action;
    }

    private static String reason(Throwable cause) {
        Throwable innermost = cause;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return innermost == cause ? message : message + "; " + innermost.getClass().getSimpleName()
                + (innermost.getMessage() == null ? "" : ": " + innermost.getMessage());
    }
}
