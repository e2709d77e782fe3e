package newsroom.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Sends a request exactly as written over a plain socket. Java's HTTP clients normalise or refuse the
 * request lines this is for ({@code GET /api/../x}, {@code %2F}, {@code ;}, raw brackets, huge headers), so
 * tests of how the server refuses them need the bytes to go out untouched.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** HTTP Basic credentials of a demo user, as a header line. */
    public static String basic(String username) {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** Sends {@code requestLine} (e.g. {@code GET /api/../x HTTP/1.1}) with the given extra header lines. */
    public Answer send(String requestLine, String... headerLines) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n")
                .append("Host: localhost:").append(port).append("\r\n");
        for (String header : headerLines) {
            request.append(header.endsWith("\r\n") ? header : header + "\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return sendRaw(request.toString());
    }

    /** Sends the bytes as they are and reads the answer until the server closes the connection. */
    public Answer sendRaw(String request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Answer.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("raw request failed: " + request.lines().findFirst().orElse(""), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        try {
            while ((read = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, read);
            }
        } catch (java.net.SocketException resetAfterAnswer) {
            // the server may reset a connection it refused once the answer is out; keep what arrived
        }
        return bytes.toByteArray();
    }

    /** The status, headers (lower-case names) and body of an answer, with a chunked body put together. */
    public record Answer(int status, Map<String, String> headers, String rawBody) {

        static Answer parse(byte[] bytes) {
            String latin = new String(bytes, StandardCharsets.ISO_8859_1); // one char per byte
            int end = latin.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("no HTTP answer: " + latin);
            }
            String[] lines = latin.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] chunked) {
            String latin = new String(chunked, StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (at < latin.length()) {
                int lineEnd = latin.indexOf("\r\n", at);
                int size = Integer.parseInt(latin.substring(at, lineEnd).split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                body.write(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toByteArray();
        }

        public String contentType() {
            return headers.get("content-type");
        }

        public JsonNode json() {
            try {
                return rawBody.isBlank() ? MissingNode.getInstance() : ApiClient.JSON.readTree(rawBody);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + headers + " " + rawBody;
        }
    }
}
