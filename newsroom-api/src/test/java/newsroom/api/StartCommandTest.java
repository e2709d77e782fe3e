package newsroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The server has one start command, {@code newsroom-api/start.sh} with the JVM options of {@code jvm.options}
 * next to it: every way of starting the server that this repository writes down goes through it, and none sets
 * memory options of its own.
 */
class StartCommandTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void everyWayOfStartingTheServerGoesThroughTheStartScript() throws IOException {
        assertThat(Files.readString(ROOT.resolve("README.md")))
                .contains("./mvnw -B -DskipTests package && newsroom-api/start.sh --spring.profiles.active=demo");
        assertThat(Files.readString(ROOT.resolve("Dockerfile")))
                .contains("COPY newsroom-api/start.sh newsroom-api/jvm.options /app/")
                .contains("ENTRYPOINT [\"/app/start.sh\"]");
        assertThat(Files.readString(ROOT.resolve("ui/e2e/server.ts")))
                .contains("resolve(UI, '..', 'newsroom-api', 'start.sh')").contains("START_SCRIPT,");
        assertThat(Files.readString(Path.of("start.sh")))
                .contains("@\"$here/jvm.options\" $JAVA_OPTS -jar").contains("MALLOC_ARENA_MAX");
        assertThat(Files.isExecutable(Path.of("start.sh"))).isTrue();
        assertThat(ServerProcess.jvmOptions())
                .contains("-Xmx256m", "-XX:MaxDirectMemorySize=64m", "-Djdk.nio.maxCachedBufferSize=262144")
                .allMatch(option -> option.startsWith("-"));
    }

    @Test
    void noOtherFileSetsTheServersMemory() throws IOException {
        for (Path file : new Path[] {ROOT.resolve("README.md"), ROOT.resolve("ui/README.md"), ROOT.resolve("Dockerfile"),
                ROOT.resolve("docker-compose.yml"), ROOT.resolve("ui/e2e/server.ts"), ROOT.resolve(".ci/run")}) {
            assertThat(Files.readString(file)).as("%s", file).doesNotContain("java -").doesNotContain("java @")
                    .doesNotContain("MaxDirectMemorySize=");
        }
        try (Stream<Path> scripts = Files.list(ROOT.resolve("docs"))) {
            scripts.filter(path -> path.toString().endsWith(".sh")).forEach(script -> {
                try {
                    assertThat(Files.readString(script)).as("%s", script).doesNotContain("java -");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
