package newsroom.api.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import newsroom.api.storage.StoreFailures;
import newsroom.api.web.CarriesSecrets;
import newsroom.api.web.InputRule;
import newsroom.api.web.ProblemType;
import newsroom.api.web.ProblemWriter;
import newsroom.api.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on command requests: the first request with a key runs and its answer is kept;
 * a retry with the same key and the same request gets that answer again (marked
 * {@code Idempotency-Replayed: true}) and changes nothing. Keys are per user. Reusing a key for a
 * different request is refused (422); a retry while the first is still running gets 409.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Duration ABANDON_AFTER = Duration.ofMinutes(2);
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);
    private final IdempotencyRecords records;
    private final ProblemWriter problems;
    private final Clock clock;
    private final StoreFailures storeFailures;
    private final ObjectProvider<RequestMappingHandlerMapping> endpoints;

    IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems, Clock clock, StoreFailures storeFailures,
                      @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> endpoints) {
        this.records = records;
        this.problems = problems;
        this.clock = clock;
        this.storeFailures = storeFailures;
        this.endpoints = endpoints;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !COMMAND_METHODS.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || carriesSecrets(request);
    }

    /**
     * Whether the endpoint this request goes to declares {@link CarriesSecrets}: then the key is ignored, so no
     * password or token is kept in {@code idempotency_keys} or answered twice. Asked of the handler mapping that
     * dispatches the request, so a path spelled differently ({@code /api/admin/%75sers}) reaches the same answer.
     * When the mapping refuses the request (405, 406), nothing runs to be kept, and the key is ignored too.
     */
    private boolean carriesSecrets(HttpServletRequest request) {
        Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        try {
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain chain = endpoints.getObject().getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod endpoint
                    && endpoint.hasMethodAnnotation(CarriesSecrets.class);
        } catch (Exception refused) {
            return true;
        } finally {
            request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed); // null removes it
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response); // security answers it
            return;
        }
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(request, response, Problems.invalid(HEADER, InputRule.IDEMPOTENCY_KEY_FORMAT,
                    "an idempotency key is 1 to 255 visible ASCII characters"));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes(); // at most web.RequestBodyLimit's 1 MB
        String id = user.getName() + "\n" + key;
        String hash = hash(request, body);
        IdempotencyRecords.Claim claim;
        try {
            claim = records.claim(id, hash, clock.instant(), ABANDON_AFTER);
        } catch (RuntimeException e) {
            answerStoreUnavailableOrRethrow(request, response, e);
            return;
        }
        if (claim instanceof IdempotencyRecords.Claim.Done done) {
            replay(response, done.answer());
        } else if (claim instanceof IdempotencyRecords.Claim.DifferentRequest) {
            problems.write(request, response, Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request."));
        } else if (claim instanceof IdempotencyRecords.Claim.InProgress) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, Problems.of(ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed; retry shortly."));
        } else {
            runAndRemember(new CachedBodyRequest(request, body), response, chain, id);
        }
    }

    private void runAndRemember(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                String id) throws IOException, ServletException {
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(request, recorder);
            if (recorder.getStatus() < 500) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : REPLAYED_HEADERS) {
                    String value = recorder.getHeader(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                try {
                    records.complete(id, new IdempotencyRecords.Answer(recorder.getStatus(),
                            recorder.getContentType(), headers, recorder.getContentAsByteArray()));
                    remembered = true;
                } catch (RuntimeException e) {
                    // an answer that could not be made durable is not sent: a retry might not get it
                    recorder.reset();
                    answerStoreUnavailableOrRethrow(request, recorder, e);
                }
            }
        } finally {
            if (!remembered) {
                release(id); // a failure is not an answer: let a retry run again
            }
            recorder.copyBodyToResponse();
        }
    }

    private void release(String id) {
        try {
            records.release(id);
        } catch (RuntimeException e) {
            // the store is failing: the key stays claimed until it is abandoned (or the server restarts)
            logger.warn("Could not release the idempotency key after a failed request: " + e.getMessage());
        }
    }

    private void answerStoreUnavailableOrRethrow(HttpServletRequest request, HttpServletResponse response,
                                                 RuntimeException e) throws IOException {
        if (storeFailures.explain(e).isEmpty()) {
            throw e;
        }
        logger.warn("Answered 503: " + e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, Problems.STORE_RETRY_AFTER_SECONDS);
        problems.write(request, response, Problems.storeUnavailable());
    }

    private static void replay(HttpServletResponse response, IdempotencyRecords.Answer answer) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setHeader("Idempotency-Replayed", "true");
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        response.getOutputStream().write(answer.body());
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            // the version a command is for is part of the request: a retry for another version is another request
            String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
            if (ifMatch != null) {
                digest.update(("If-Match: " + ifMatch.strip() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Lets the controller read a body the filter has already read. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
