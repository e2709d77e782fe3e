package newsroom.api.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error page, as problem+json. Requests Tomcat refuses before they reach Spring (a malformed request
 * line, characters that must be %-encoded, an encoded slash, headers that are too large) would otherwise get
 * Tomcat's HTML page. Everything that reaches the application has written its own problem by the time this
 * runs, so this only writes when nothing was written.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final Supplier<ProblemWriter> writer;
    private final int maxHeaderBytes;

    ProblemErrorReportValve(Supplier<ProblemWriter> writer, int maxHeaderBytes) {
        this.writer = writer;
        this.maxHeaderBytes = maxHeaderBytes;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = problemFor(status, response.getMessage(), throwable);
        // a request line Tomcat could not parse may have no URI at all; then the problem has no instance
        String uri = request.getRequestURI() != null ? request.getRequestURI()
                : request.getCoyoteRequest().requestURI().toString();
        problem.setInstance(ProblemWriter.instance(uri));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter out = response.getReporter();
            if (out != null) {
                out.write(writer.get().toJson(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more: nothing left to tell
            containerLog.debug("Could not write the problem for HTTP " + status, e);
        }
    }

    /** Tomcat's reason, in words for the client; Tomcat's own messages are not passed on. */
    ProblemDetail problemFor(int status, String message, Throwable throwable) {
        String reason = ((message == null ? "" : message) + " "
                + (throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage()))
                .toLowerCase(Locale.ROOT);
        if (status == 400) {
            if (reason.contains("too large")) {
                return Problems.invalid("headers", InputRule.HEADERS_TOO_LARGE, "the request line and headers are "
                        + "larger than the server accepts (" + maxHeaderBytes / 1024 + " KB)");
            }
            if (reason.contains("request target")) {
                return Problems.invalid("request", InputRule.UNENCODED_CHARACTER, "the address contains a character "
                        + "that must be %-encoded (e.g. [ ] { } | \\ ^ ` \" < > or a space): send [ as %5B and ] as %5D");
            }
            if (reason.contains("uri")) {
                return Problems.invalid("path", InputRule.DISALLOWED_PATH, "the path is not allowed: it contains an "
                        + "encoded slash or backslash (%2F, %5C), a '..' segment or a broken %-escape");
            }
            return Problems.invalid("request", InputRule.MALFORMED_REQUEST, "the request is not valid HTTP and was "
                    + "not processed");
        }
        return ProblemType.forStatus(status) == ProblemType.UNEXPECTED
                ? Problems.of(ProblemType.UNEXPECTED, "Something went wrong on the server.")
                : Problems.of(ProblemType.forStatus(status), status, "The request was refused (HTTP " + status + ").");
    }
}
