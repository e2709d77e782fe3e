package newsroom.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import newsroom.api.ApiIntegrationTest;
import newsroom.api.OpenApi;
import newsroom.api.OpenApi.Operation;
import org.junit.jupiter.api.Test;

/**
 * The README and {@code docs/} name only endpoints the server has, and the README's API table names every
 * endpoint under {@code /api}: both checked against the OpenAPI document the server serves.
 */
class ApiDocumentationIT extends ApiIntegrationTest {

    private static final Path ROOT = Path.of("..");
    /** "METHOD /path" as written in prose and tables, e.g. {@code `PUT /api/campaigns/{id}`}. */
    private static final Pattern ENDPOINT = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) (/[^\\s`'\",)|]*)");
    /** "POST …/rotate": an abbreviated path cannot be checked, so it is not allowed. */
    private static final Pattern ABBREVIATED = Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) (…|\\.\\.\\.)");
    /** Served by Spring Boot's actuator, which the OpenAPI document leaves out. */
    private static final Set<String> NOT_IN_OPENAPI = Set.of("GET /actuator/health");

    @Test
    void everyEndpointTheDocsNameExists() throws IOException {
        Set<String> served = OpenApi.of(api).operations().stream().map(Operation::signature)
                .collect(Collectors.toSet());
        List<Path> docs = documentation();
        List<String> unknown = new ArrayList<>();
        int named = 0;
        for (Path doc : docs) {
            String text = withoutCodeBlocks(Files.readString(doc));
            assertThat(ABBREVIATED.matcher(text).find()).as("%s abbreviates a path; write it out", doc).isFalse();
            Matcher endpoint = ENDPOINT.matcher(text);
            while (endpoint.find()) {
                String signature = Operation.signature(endpoint.group(1), pathOnly(endpoint.group(2)));
                named++;
                if (!served.contains(signature) && !NOT_IN_OPENAPI.contains(signature)) {
                    unknown.add(ROOT.relativize(doc) + ": " + endpoint.group());
                }
            }
        }
        assertThat(named).isGreaterThan(40);
        assertThat(unknown).as("endpoints the docs name but the server does not have").isEmpty();
    }

    @Test
    void theReadmeApiTableNamesEveryEndpoint() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String table = readme.substring(readme.indexOf("## The API"));
        table = table.substring(0, table.indexOf("\n## ", 1));
        Set<String> inTable = new TreeSet<>();
        Matcher endpoint = ENDPOINT.matcher(table);
        while (endpoint.find()) {
            inTable.add(Operation.signature(endpoint.group(1), pathOnly(endpoint.group(2))));
        }
        List<String> missing = OpenApi.of(api).operations().stream()
                .filter(operation -> operation.path().startsWith("/api/"))
                .map(Operation::signature)
                .filter(signature -> !inTable.contains(signature))
                .sorted().toList();
        assertThat(missing).as("endpoints under /api missing from the README's API table").isEmpty();
    }

    private static List<Path> documentation() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<Path> all = new ArrayList<>(docs.filter(path -> path.toString().endsWith(".md")).sorted().toList());
            all.add(0, ROOT.resolve("README.md"));
            return all;
        }
    }

    /** Fenced examples may show refused requests on purpose (e.g. a DELETE answered 405). */
    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "");
    }

    /** {@code /api/stories?status=&desk=} is {@code /api/stories}; a trailing full stop is prose. */
    private static String pathOnly(String written) {
        String path = written.contains("?") ? written.substring(0, written.indexOf('?')) : written;
        return path.replaceAll("[.:;]+$", "");
    }
}
