package newsroom.api.web;

/**
 * One broken input rule, as reported in a 400 problem's {@code errors}.
 *
 * @param field   the JSON path of the field, e.g. {@code content.title}; {@code body} for the whole body
 * @param rule    the rule, e.g. {@code NotBlank}, {@code Size}, {@code InvalidFormat}
 * @param message what is wrong, for people
 */
public record FieldError(String field, String rule, String message) {
}
