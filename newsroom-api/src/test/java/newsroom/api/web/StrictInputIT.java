package newsroom.api.web;

import static newsroom.api.ProblemAssert.assertFieldError;
import static newsroom.api.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import newsroom.api.ApiClient;
import newsroom.api.ApiClient.Response;
import newsroom.api.ApiIntegrationTest;
import newsroom.api.OpenApi;
import newsroom.api.OpenApi.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input is read strictly: a JSON value of the wrong type is a 400 naming the field and what it must be, never
 * silently coerced; error bodies never name the server's types; unknown or repeated query parameters are
 * refused. The endpoints come from the served OpenAPI document, so a new endpoint is tested without being
 * listed here.
 */
class StrictInputIT extends ApiIntegrationTest {

    private static final String WEEK = "from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z";

    private String storyId;
    private Map<String, String> pathValues;

    @BeforeEach
    void aStory() {
        storyId = plannedStory(uniqueDesk());
        pathValues = Map.of("storyId", storyId, "placementId", PRESS, "campaignId", "strict-input",
                "blackoutId", "no-such-blackout", "name", "stories", "username", "carla", "channelId", "linkedin",
                "policyId", "strict-input", "delegationId", "no-such-delegation", "tokenId", "no-such-token");
    }

    @Test
    void everyEndpointThatTakesABodyRefusesMalformedBodiesWithoutNamingInternals() {
        List<String> malformed = List.of("[]", "[1, 2]", "\"a text\"", "42", "true", "{", "{\"title\": \"x\"} {",
                "{\"noSuchField\": 1}");
        List<Operation> withBodies = OpenApi.of(api).operations().stream().filter(op -> op.bodySchema() != null)
                .toList();
        assertThat(withBodies).hasSizeGreaterThanOrEqualTo(15);
        JsonNode before = story(storyId);

        for (Operation operation : withBodies) {
            for (String body : malformed) {
                Response refused = api.as("ada").send(operation.method(), operation.pathWith(pathValues),
                        "application/json", body);
                JsonNode problem = assertProblem(refused, 400);
                assertThat(problem.path("errors").get(0).path("rule").asText()).as("%s %s", operation, body)
                        .isIn("WrongType", "MalformedJson", "UnknownField");
            }
        }
        assertThat(story(storyId)).isEqualTo(before);
    }

    @Test
    void everyFieldOfEveryBodyRefusesAValueOfTheWrongJsonTypeNamingTheField() {
        OpenApi openApi = OpenApi.of(api);
        int checked = 0;
        for (Operation operation : openApi.operations()) {
            if (operation.bodySchema() == null) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> properties = operation.bodySchema().path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                for (WrongValue wrong : wrongValuesFor(openApi.resolve(property.getValue()))) {
                    String body = "{\"" + property.getKey() + "\": " + wrong.json() + "}";
                    Response refused = api.as("ada").send(operation.method(), operation.pathWith(pathValues),
                            "application/json", body);
                    JsonNode error = assertProblem(refused, 400).path("errors").get(0);
                    assertThat(error.path("field").asText()).as("%s %s", operation, body)
                            .isEqualTo(property.getKey() + wrong.pathSuffix());
                    assertThat(error.path("rule").asText()).as("%s %s", operation, body).isIn("WrongType",
                            "InvalidFormat");
                    assertThat(error.path("message").asText()).as("%s %s", operation, body).startsWith("must be")
                            .contains(wrong.expectedWords());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    /** A wrong JSON value for a field, where it is reported ("" or "[1]"), and words the message must use. */
    private record WrongValue(String json, String pathSuffix, String expectedWords) {
    }

    private static List<WrongValue> wrongValuesFor(JsonNode schema) {
        List<WrongValue> wrong = new ArrayList<>();
        String type = schema.path("type").asText();
        if (type.equals("array")) {
            for (String notAnArray : List.of("\"one\"", "12", "{\"a\": 1}", "true")) {
                wrong.add(new WrongValue(notAnArray, "", "JSON array"));
            }
            // a valid first element, so the error is the second one's (an array of choices takes one of them)
            JsonNode items = schema.path("items");
            if (items.has("$ref") || items.path("type").asText().equals("object")) {
                wrong.add(new WrongValue("[{}, 2]", "[1]", "JSON object")); // an array of objects, e.g. policy steps
                return wrong;
            }
            JsonNode choices = items.path("enum");
            wrong.add(choices.isEmpty() ? new WrongValue("[\"one\", 2]", "[1]", "text")
                    : new WrongValue("[\"" + choices.get(0).asText() + "\", 2]", "[1]", "one of " + choices.get(0).asText()));
            return wrong;
        }
        if (!type.equals("string")) {
            return wrong;
        }
        String words;
        if (schema.has("enum")) {
            words = "one of " + schema.path("enum").get(0).asText();
        } else if ("date-time".equals(schema.path("format").asText())) {
            words = "date-time in ISO-8601 with an offset";
        } else if ("date".equals(schema.path("format").asText())) {
            words = "date in ISO-8601";
        } else {
            words = "text";
        }
        for (String notAString : List.of("12345", "1.5", "true", "[\"a\"]", "{\"a\": 1}")) {
            wrong.add(new WrongValue(notAString, "", words));
        }
        return wrong;
    }

    /**
     * A year of more than four digits is ISO-8601 that Java reads, but no stored date, calendar day or feed holds
     * it: a slot in the year 999999999 was stored and then stopped the publication schedule for everybody.
     */
    @Test
    void everyDateOfEveryBodyAndQueryIsInTheYears1To9999() {
        OpenApi openApi = OpenApi.of(api);
        JsonNode before = story(storyId);
        Map<String, List<String>> outOfRange = Map.of(
                "date-time", List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                        "0000-12-31T23:59:59Z"),
                "date", List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31"));
        int checked = 0;
        for (Operation operation : openApi.operations()) {
            if (operation.bodySchema() != null) {
                Iterator<Map.Entry<String, JsonNode>> properties = operation.bodySchema().path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    String format = openApi.resolve(property.getValue()).path("format").asText();
                    for (String value : outOfRange.getOrDefault(format, List.of())) {
                        Response refused = api.as("ada").send(operation.method(), operation.pathWith(pathValues),
                                "application/json", "{\"" + property.getKey() + "\": \"" + value + "\"}");
                        JsonNode error = assertFieldError(refused, property.getKey(), "InvalidFormat");
                        assertThat(error.path("message").asText()).as("%s %s", operation, value)
                                .contains("years 1 to 9999");
                        checked++;
                    }
                }
            }
            for (String parameter : operation.dateQueryParameters()) {
                for (String value : outOfRange.get("date-time")) {
                    StringBuilder query = new StringBuilder();
                    for (String other : operation.dateQueryParameters()) {
                        String sent = other.equals(parameter) ? value
                                : other.equals("to") ? "2027-03-08T00:00:00Z" : "2027-03-01T00:00:00Z";
                        query.append(query.isEmpty() ? "?" : "&").append(other).append('=')
                                .append(sent.replace("+", "%2B"));
                    }
                    Response refused = api.as("ada").send(operation.method(), operation.pathWith(pathValues) + query,
                            "application/json", "{}");
                    assertThat(assertFieldError(refused, parameter, "InvalidFormat").path("message").asText())
                            .as("%s %s", operation, value).contains("years 1 to 9999");
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(40);
        assertThat(story(storyId)).isEqualTo(before);
        assertThat(ok(api.as("victor").get("/api/calendar?from=0001-01-01T00:00:00Z&to=0001-01-08T00:00:00Z")).body()
                .path("entries")).isEmpty();
    }

    @Test
    void numbersAndBooleansAreNotCoercedIntoTextsChoicesOrDates() {
        JsonNode before = story(storyId);
        String desk = before.path("desk").asText();

        Map<String, Object> numberTitle = content("placeholder", desk);
        numberTitle.put("title", 12345);
        assertThat(refusedDraft(numberTitle, "title").path("message").asText())
                .isEqualTo("must be a text (a JSON string); got 12345");

        Map<String, Object> numberPriority = content("Apprentices", desk);
        numberPriority.put("priority", 2);
        assertThat(refusedDraft(numberPriority, "priority").path("message").asText())
                .startsWith("must be one of LOW, NORMAL, HIGH");

        Map<String, Object> numberAudience = content("Apprentices", desk);
        numberAudience.put("audience", 0);
        assertThat(refusedDraft(numberAudience, "audience").path("message").asText())
                .startsWith("must be one of B2B, B2C, INTERNAL");

        Map<String, Object> numberEmbargo = content("Apprentices", desk);
        numberEmbargo.put("embargo", 1_800_000_000);
        assertThat(refusedDraft(numberEmbargo, "embargo").path("message").asText())
                .startsWith("must be a date-time in ISO-8601 with an offset, in the years 1 to 9999, e.g. 2027-03-04T09:00:00Z");

        Map<String, Object> localEmbargo = content("Apprentices", desk);
        localEmbargo.put("embargo", "2027-03-04T09:00:00");
        assertThat(refusedDraft(localEmbargo, "embargo").path("rule").asText()).isEqualTo("InvalidFormat");

        Map<String, Object> booleanDesk = content("Apprentices", desk);
        booleanDesk.put("desk", true);
        refusedDraft(booleanDesk, "desk");

        assertThat(story(storyId)).isEqualTo(before);
        assertThat(ok(api.as("carla").put(path(storyId, "draft"), content("Accepted as it is", desk))).body()
                .path("title").asText()).isEqualTo("Accepted as it is");
    }

    private JsonNode refusedDraft(Map<String, Object> content, String field) {
        Response refused = api.as("carla").put(path(storyId, "draft"), content);
        JsonNode error = assertFieldError(refused, field, refused.body().path("errors").get(0).path("rule").asText());
        assertThat(error.path("rule").asText()).isIn("WrongType", "InvalidFormat");
        return error;
    }

    @Test
    void aFieldGivenTwiceIsRefusedNamingItRatherThanTheLastOneWinning() {
        JsonNode before = story(storyId);
        String desk = before.path("desk").asText();
        Response refused = api.as("carla").send("PUT", path(storyId, "draft"), "application/json",
                "{\"title\": \"Apprentices\", \"desk\": \"" + desk + "\", \"title\": \"Something else\"}");
        JsonNode error = assertFieldError(refused, "title", "MalformedJson");
        assertThat(error.path("message").asText()).contains("given twice");
        assertThat(story(storyId)).isEqualTo(before);
    }

    @Test
    void anElementOfAListIsNamedByItsIndex() {
        Map<String, Object> blackout = new LinkedHashMap<>();
        blackout.put("name", "Quiet");
        blackout.put("channels", List.of("linkedin", 1));
        blackout.put("from", "2027-05-01T00:00:00Z");
        blackout.put("to", "2027-05-02T00:00:00Z");
        blackout.put("reason", "results");

        Response refused = api.as("grace").post("/api/blackouts", blackout);

        JsonNode error = assertFieldError(refused, "channels[1]", "WrongType");
        assertThat(error.path("message").asText()).startsWith("must be a text");
    }

    @Test
    void campaignDatesAreDatesNotNumbers() {
        Response numberDate = api.as("eddie").put("/api/campaigns/strict-dates",
                Map.of("name", "Strict", "startsOn", 20270304));
        assertThat(assertFieldError(numberDate, "startsOn", "WrongType").path("message").asText())
                .contains("date in ISO-8601, in the years 1 to 9999, e.g. 2027-03-04");

        Response impossibleDate = api.as("eddie").put("/api/campaigns/strict-dates",
                Map.of("name", "Strict", "startsOn", "2027-13-01"));
        assertFieldError(impossibleDate, "startsOn", "InvalidFormat");
        assertProblem(api.as("victor").get("/api/campaigns/strict-dates"), 404);
    }

    @Test
    void everyEndpointRefusesAQueryParameterItDoesNotTakeNamingTheOnesItDoes() {
        List<Operation> operations = OpenApi.of(api).operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(35);
        for (Operation operation : operations) {
            Response refused = api.as("ada").send(operation.method(),
                    operation.pathWith(pathValues) + "?nosuchparameter=1", "application/json", "{}");
            JsonNode error = assertFieldError(refused, "nosuchparameter", "UnknownParameter");
            // the ones it takes are the ones the OpenAPI document lists
            for (String accepted : operation.queryParameters()) {
                assertThat(error.path("message").asText()).as("%s", operation).contains(accepted);
            }
        }
    }

    @Test
    void aTypoInAFilterIsRefusedOnListsCalendarExportFeedAndCatchUp() {
        assertThat(assertFieldError(api.as("victor").get("/api/stories?stauts=PITCHED"), "stauts", "UnknownParameter")
                .path("message").asText()).contains("status", "desk", "campaign", "limit");
        assertFieldError(api.as("victor").get("/api/calendar?" + WEEK + "&chanel=linkedin"), "chanel",
                "UnknownParameter");
        assertFieldError(api.as("victor").get("/api/calendar/export.csv?" + WEEK + "&stauts=PLANNED"), "stauts",
                "UnknownParameter");
        assertFieldError(api.as("victor").get("/api/live/updates?after=0&limit=5"), "limit", "UnknownParameter");

        URI feed = URI.create(ok(api.as("victor").get("/api/me/calendar-feed")).body().path("url").asText());
        Response feedTypo = api.anonymous().get(feed.getPath() + "?" + feed.getQuery() + "&chanel=linkedin");
        assertThat(assertFieldError(feedTypo, "chanel", "UnknownParameter").path("message").asText())
                .contains("token", "channel", "campaign");
    }

    @Test
    void aSingleValuedParameterGivenTwiceIsRefusedAndAListParameterMayRepeat() {
        assertThat(assertFieldError(api.as("victor").get("/api/stories?status=PITCHED&status=DECLINED"), "status",
                "RepeatedParameter").path("message").asText()).contains("2 times");
        assertFieldError(api.as("victor").get("/api/calendar?" + WEEK + "&from=2027-03-02T00:00:00Z"), "from",
                "RepeatedParameter");
        assertFieldError(api.as("victor").get("/api/stories?desk=a&desk=b"), "desk", "RepeatedParameter");

        JsonNode both = ok(api.as("victor").get("/api/calendar?" + WEEK + "&status=PLANNED&status=SCHEDULED"
                + "&channel=press-release&channel=linkedin")).body();
        assertThat(both.path("entries").findValuesAsText("storyId")).contains(storyId);
    }

    @Test
    void queryDatesAreIsoDateTimesNotNumbers() {
        JsonNode error = assertFieldError(api.as("victor").get("/api/calendar?from=1800000000000&to=2027-03-08T00:00:00Z"),
                "from", "InvalidFormat");
        assertThat(error.path("message").asText()).contains("ISO-8601");
        assertFieldError(api.as("victor").get("/api/calendar/collisions?from=2027-03-01T00:00:00&to=2027-03-08T00:00:00Z"),
                "from", "InvalidFormat");
    }

    @Test
    void aBodyMayNotBeMissingWhereOneIsRequired() {
        Response missing = api.as("eddie").send("POST", path(storyId, "decline"), "application/json", "");

        assertFieldError(missing, "body", "Required");
        ApiClient.Response nullBody = api.as("eddie").send("POST", path(storyId, "decline"), "application/json", "null");
        assertFieldError(nullBody, "body", "Required");
    }
}
