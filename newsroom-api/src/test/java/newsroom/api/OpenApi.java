package newsroom.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The OpenAPI document the server serves ({@code /v3/api-docs}): its operations and their body schemas. */
public final class OpenApi {

    private final JsonNode document;

    private OpenApi(JsonNode document) {
        this.document = document;
    }

    public static OpenApi of(ApiClient api) {
        ApiClient.Response docs = api.as("victor").get("/v3/api-docs");
        assertThat(docs.status()).as("%s", docs).isEqualTo(200);
        return new OpenApi(docs.body());
    }

    /** One operation: {@code GET /api/stories/{storyId}}, with its body schema (resolved) if it takes one. */
    /** @param dateQueryParameters the query parameters that take a date or a date-time */
    public record Operation(String method, String path, List<String> queryParameters, JsonNode bodySchema,
                            List<String> dateQueryParameters) {

        /** The path with each {@code {name}} replaced by the value given for it. */
        public String pathWith(Map<String, String> values) {
            String filled = path;
            for (Map.Entry<String, String> value : values.entrySet()) {
                filled = filled.replace("{" + value.getKey() + "}", value.getValue());
            }
            assertThat(filled).as("no value for a variable of %s", path).doesNotContain("{");
            return filled;
        }

        /** {@code GET /api/stories/{}}: variables unnamed, so paths written with other names still match. */
        public String signature() {
            return signature(method, path);
        }

        public static String signature(String method, String path) {
            return method.toUpperCase(Locale.ROOT) + " " + path.replaceAll("\\{[^}]*}", "{}");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                List<String> query = new ArrayList<>();
                List<String> dates = new ArrayList<>();
                method.getValue().path("parameters").forEach(parameter -> {
                    if ("query".equals(parameter.path("in").asText())) {
                        query.add(parameter.path("name").asText());
                        if (List.of("date", "date-time").contains(resolve(parameter.path("schema")).path("format").asText())) {
                            dates.add(parameter.path("name").asText());
                        }
                    }
                });
                JsonNode schema = method.getValue().path("requestBody").path("content").path("application/json")
                        .path("schema");
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), query,
                        schema.isMissingNode() ? null : resolve(schema), dates));
            }
        }
        return operations;
    }

    /** A schema with its {@code $ref} followed. */
    public JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null) {
            return schema;
        }
        JsonNode resolved = document;
        for (String part : ref.substring(2).split("/")) {
            resolved = resolved.path(part);
        }
        return resolved;
    }
}
