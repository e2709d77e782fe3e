package newsroom.api.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web's JSON is read strictly: a value of the wrong JSON type is refused (400 naming the field) instead
 * of being coerced. {@code "title": 12345} is not a title, {@code "priority": 2} is not HIGH, a number is not
 * a date, and a field given twice is refused rather than the last one winning. Only the HTTP mapper is configured here; stored events and read models have mappers of their own.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictInput() {
        return builder -> builder
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        // {"title": "a", "title": "b"} is not a title: which one was meant?
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .deserializerByType(Instant.class, new StrictDeserializer<>(Instant.class, StrictJson::instant))
                .deserializerByType(LocalDate.class, new StrictDeserializer<>(LocalDate.class, StrictJson::date))
                .postConfigurer(StrictJson::refuseCoercions);
    }

    private static void refuseCoercions(ObjectMapper mapper) {
        CoercionInputShape[] scalars = {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean};
        for (CoercionInputShape scalar : scalars) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(scalar, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(scalar, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // "" is not an absent object, list or value of a fixed set
        for (LogicalType type : new LogicalType[] {LogicalType.POJO, LogicalType.Collection, LogicalType.Map,
                LogicalType.Array, LogicalType.Enum, LogicalType.DateTime}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
    }

    /** The first instant a request may name: years have four digits in ISO-8601, iCalendar and CSV. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The last one (the days after it are in years of five digits). */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /**
     * ISO-8601 with an offset ({@code Z} or {@code +01:00}); a local time would be ambiguous. Years 1 to 9999
     * only: Java reads years of up to nine digits, which a stored date (milliseconds in 64 bits), a calendar day
     * or a feed cannot hold; read as they were, one such slot stopped the publication schedule.
     */
    static Instant instant(String text) {
        Instant instant = OffsetDateTime.parse(text).toInstant();
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new DateTimeParseException("outside the years 1 to 9999", text, 0);
        }
        return instant;
    }

    /** ISO-8601, years 1 to 9999 (see {@link #instant}). */
    static LocalDate date(String text) {
        LocalDate date = LocalDate.parse(text);
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new DateTimeParseException("outside the years 1 to 9999", text, 0);
        }
        return date;
    }

    /**
     * Reads a date or time from a JSON string only: numbers (epoch seconds or days) and arrays are refused,
     * where Jackson's own readers would accept them.
     */
    static final class StrictDeserializer<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> parse;

        StrictDeserializer(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Class<T> type = (Class<T>) handledType();
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(type, parser);
            }
            String text = parser.getText().strip();
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                return (T) context.handleWeirdStringValue(type, text, e.getMessage());
            }
        }
    }
}
