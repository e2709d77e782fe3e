package newsroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A server that cannot start ends, with an error, instead of staying alive without serving: a process manager
 * (or a person at the terminal) then sees the failure and its reason. Seen when the web server's port was taken:
 * the start failed, but the process kept running, and a health check waited for minutes.
 */
class FailedStartIT {

    @Test
    void aServerWhosePortIsTakenEndsWithAnError() throws Exception {
        Path dataDir = Files.createTempDirectory("newsroom-failed-start").resolve("data");
        File output = Files.createTempFile("newsroom-failed-start", ".log").toFile();
        try (ServerSocket taken = new ServerSocket(ServerProcess.freePort(), 1, InetAddress.getLoopbackAddress())) {
            ProcessBuilder start = new ProcessBuilder("/bin/sh", "start.sh", "--spring.profiles.active=demo",
                    "--server.address=127.0.0.1", "--server.port=" + taken.getLocalPort(), "--newsroom.mongodb.uri=",
                    "--newsroom.mongodb.data-dir=" + dataDir.toAbsolutePath())
                    .redirectErrorStream(true).redirectOutput(output);
            start.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Process process = start.start();
            boolean ended = process.waitFor(3, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String log = Files.readString(output.toPath());

            assertThat(ended).as("the process ended; its output:%n%s", log).isTrue();
            assertThat(process.exitValue()).as(log).isNotZero();
            assertThat(log).contains("Port " + taken.getLocalPort() + " was already in use");
        }
    }
}
