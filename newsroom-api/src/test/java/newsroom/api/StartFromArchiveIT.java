package newsroom.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The package phase prepared a faster start ({@code prepare-start.sh}) and the start command uses it: the JVM
 * that {@code start.sh} runs maps the class data sharing archive. {@code -Xshare:on} turns an archive the JVM
 * cannot use (made by another JVM, or for other files) into a failed start instead of a silently slower one.
 */
class StartFromArchiveIT {

    private static final Path ARCHIVE = Path.of("target", "newsroom-api-cds", "newsroom-api.jsa");

    @Test
    void theStartCommandMapsTheArchiveMadeForThisJar() throws IOException, InterruptedException {
        assumeFalse(Boolean.getBoolean("newsroom.skipPrepareStart"), "built with -DskipPrepareStart");
        assertThat(ARCHIVE).isRegularFile();
        assertThat(Files.getLastModifiedTime(ARCHIVE))
                .isGreaterThan(Files.getLastModifiedTime(Path.of("target", "newsroom-api.jar")));

        // the start as start.sh runs it, up to a refreshed application context (no port), on an empty store of its own
        Path dataDir = Files.createTempDirectory("newsroom-start-from-archive").resolve("data");
        ProcessBuilder start = new ProcessBuilder("/bin/sh", "start.sh", "--newsroom.mongodb.uri=",
                "--newsroom.mongodb.data-dir=" + dataDir.toAbsolutePath()).redirectErrorStream(true);
        start.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        start.environment().put("JAVA_OPTS", "-Xshare:on -Xlog:cds=info -Dspring.context.exit=onRefresh");
        Process process = start.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("Opened archive \\S*newsroom-api-cds/newsroom-api\\.jsa");
    }
}
