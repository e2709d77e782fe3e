package newsroom.api.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body is at most {@link #MAX_BYTES}, refused with 413 before it is read into memory: a declared
 * {@code Content-Length} over it before anything else runs (sign-in and role checks included), a chunked body as
 * soon as reading it passes the limit. Without it a few parallel bodies of 20 MB ran a 256 MB heap out of memory
 * while being parsed. The largest request Newsroom takes, a story of 100,000 characters, is ~600 KB of JSON even
 * with every character written as a six-byte escape.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before Spring Security and before FormContentFilter reads a form body
class RequestBodyLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 1024 * 1024;

    private final ProblemWriter problems;

    RequestBodyLimit(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            problems.write(request, response, problem());
            return;
        }
        boolean mayHaveBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!mayHaveBody) {
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(new Limited(request), response);
        } catch (TooLarge tooLarge) {
            // read by a servlet filter (Idempotency-Key), before Spring MVC could answer it
            if (response.isCommitted()) {
                throw tooLarge;
            }
            response.reset();
            problems.write(request, response, problem());
        }
    }

    static ProblemDetail problem() {
        return Problems.of(ProblemType.BODY_TOO_LARGE, "Request bodies are limited to " + MAX_BYTES + " bytes (1 MB).");
    }

    /** Whether reading the body failed because it passed the limit (Spring MVC wraps the failure). */
    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body passed the limit while being read. An {@link IOException}, like any failure to read a body, so Jackson
     * passes it on as it is rather than as a field's error.
     */
    static final class TooLarge extends IOException {

        TooLarge() {
            super("the request body is larger than " + MAX_BYTES + " bytes", null);
        }
    }

    /** Counts what is read of the body and refuses to read past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream());
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream body;
        private long read;

        LimitedStream(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws TooLarge {
            read += bytes;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
