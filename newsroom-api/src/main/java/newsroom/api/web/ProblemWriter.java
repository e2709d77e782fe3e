package newsroom.api.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes a problem straight to a servlet response, for the answers given before Spring MVC is reached (servlet
 * filters, Spring Security, the servlet container), in the same JSON as the controllers' problems.
 */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            // on the error page (/error) the request being answered is the one that failed
            Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            problem.setInstance(instance(failed != null ? failed.toString() : request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The problem as JSON text, for writers that manage their own stream. */
    public String toJson(ProblemDetail problem) throws IOException {
        return json.writeValueAsString(problem);
    }

    /**
     * The request path as a problem's {@code instance}. A refused path may not be a valid URI (a raw bracket,
     * a broken %-escape), so anything outside the characters a path may hold is %-encoded.
     */
    public static URI instance(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return null;
        }
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            boolean validEscape = c == '%' && i + 2 < rawPath.length() && isHex(rawPath.charAt(i + 1))
                    && isHex(rawPath.charAt(i + 2));
            if (validEscape || isPathCharacter(c)) {
                safe.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    safe.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        return URI.create(safe.toString());
    }

    private static boolean isPathCharacter(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
