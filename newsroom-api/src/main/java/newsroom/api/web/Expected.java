package newsroom.api.web;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.lang.Nullable;

/**
 * What a value must be, in the words of the API's users rather than the server's types: "one of B2B, B2C,
 * INTERNAL", "a date-time in ISO-8601 with an offset". Error messages never name a Java type.
 */
public final class Expected {

    public static final String DATE_TIME = "a date-time in ISO-8601 with an offset, in the years 1 to 9999, "
            + "e.g. 2027-03-04T09:00:00Z";
    public static final String DATE = "a date in ISO-8601, in the years 1 to 9999, e.g. 2027-03-04";

    private Expected() {
    }

    /** E.g. "a text (a JSON string)" or "one of LOW, NORMAL, HIGH". */
    public static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a text (a JSON string)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return DATE_TIME;
        }
        if (type == LocalDate.class) {
            return DATE;
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (type.isRecord()) {
            return "a JSON object with the fields " + Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.joining(", "));
        }
        return "a JSON object";
    }

    /** For a query or path value: a collection parameter is described by what each of its values must be. */
    public static String describe(@Nullable TypeDescriptor type) {
        if (type == null) {
            return describe((Class<?>) null);
        }
        if ((type.isCollection() || type.isArray()) && type.getElementTypeDescriptor() != null) {
            return describe(type.getElementTypeDescriptor().getType());
        }
        return describe(type.getType());
    }
}
