package newsroom.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code target/newsroom-api.jar}) started as a separate process on 127.0.0.1 with
 * a free port, the demo users and its own data directory, for tests that must crash it ({@code kill -9})
 * or limit it, and for benchmarks that measure its memory. Its output goes to a log file in the data
 * directory's parent.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "newsroom-api.jar");
    /** Linux's USER_HZ, the unit of {@code /proc/<pid>/stat}'s times; 100 on every common kernel. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    /** The start command (README, Docker image, browser tests): a script that runs the jar with jvm.options. */
    private static final Path START_SCRIPT = Path.of("start.sh");
    private static final Path JVM_OPTIONS = Path.of("jvm.options");

    private final Process process;
    private final int port;
    private final Path log;
    private final long startedAt = System.nanoTime();

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with the start command on the given data directory. */
    public static ServerProcess start(Path dataDir, String... extraArguments) {
        return startLimited(dataDir, "", extraArguments);
    }

    /**
     * Starts the jar with the start command ({@code start.sh}, with its JVM options and environment).
     * {@code -Dbenchmark.serverJvmOptions=} adds JVM options, e.g. a flight recording to profile the server.
     *
     * @param shellPrefix a shell command run first in the same shell, e.g. {@code ulimit -f 20000}; empty for none
     */
    public static ServerProcess startLimited(Path dataDir, String shellPrefix, String... extraArguments) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the tests with ./mvnw verify");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                (shellPrefix.isBlank() ? "" : shellPrefix + " && ") + "exec /bin/sh \"$@\"", "sh"));
        command.add(START_SCRIPT.toAbsolutePath().toString());
        command.addAll(List.of("--spring.profiles.active=demo", "--server.address=127.0.0.1", "--server.port=" + port,
                "--newsroom.mongodb.uri=", "--newsroom.mongodb.data-dir=" + dataDir.toAbsolutePath()));
        command.addAll(Arrays.asList(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("NEWSROOM_JAR", JAR.toAbsolutePath().toString());
        builder.environment().put("JAVA_OPTS", System.getProperty("benchmark.serverJvmOptions", "").trim());
        try {
            Path log = Files.createTempFile(dataDir.toAbsolutePath().getParent(), "server-", ".log");
            Process process = builder.redirectOutput(log.toFile()).start();
            return new ServerProcess(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + JAR, e);
        }
    }

    /** The JVM options of the start command, as the JVM reads {@code jvm.options}: {@code #} starts a comment. */
    public static List<String> jvmOptions() {
        try {
            List<String> options = new ArrayList<>();
            for (String line : Files.readAllLines(JVM_OPTIONS)) {
                String withoutComment = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                Arrays.stream(withoutComment.trim().split("\\s+")).filter(option -> !option.isBlank())
                        .forEach(options::add);
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until health answers UP; returns the time since the process was started.
     *
     * @throws IllegalStateException if the process ends or the time is up first
     */
    public Duration awaitReady(Duration atMost) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server ended with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - startedAt);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(50));
        }
        throw new IllegalStateException("the server was not ready within " + atMost + ":\n" + output());
    }

    /** Waits for the process to end by itself (e.g. a failed start); returns its exit code. */
    public int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the server did not end within " + atMost);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The resident memory of the process in KB, from {@code /proc/<pid>/status}. */
    public long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The CPU time the process has used so far (user + system, from {@code /proc/<pid>/stat}), in ms: on a
     * shared machine a steadier measure of work done than wall time.
     */
    public long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
            // the fields after the command name (which may hold spaces) start after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The machine's load average over the last minute, from {@code /proc/loadavg}. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Everything the server printed so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** {@code kill -9}: the process gets no chance to write anything more. */
    public void kill() {
        process.destroyForcibly();
        awaitEnd();
    }

    /** A clean stop (SIGTERM), as an operator or a container runtime does it. */
    public void stop() {
        process.destroy();
        awaitEnd();
    }

    private void awaitEnd() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * A free port below the range the system hands out for "any port" (32768 and up on Linux). The server's
     * embedded store listens on such a port of its own; a port from that range, free when picked here, was
     * once taken by the store a moment later, and the web server then failed to start.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    /** Sleeps; an interruption ends the test. */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
