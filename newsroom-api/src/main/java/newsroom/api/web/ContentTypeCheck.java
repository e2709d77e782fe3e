package newsroom.api.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A {@code Content-Type} that is no media type at all ({@code application/*}, {@code json}) is the client's
 * mistake: answered 415 like any other unsupported type, where Spring would fail reading the headers (500).
 */
class ContentTypeCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        String contentType = request.getContentType();
        if (!(handler instanceof HandlerMethod) || contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isConcrete()) {
                return true;
            }
        } catch (InvalidMediaTypeException notAMediaType) {
            // refused below
        }
        throw new HttpMediaTypeNotSupportedException(contentType, List.of(MediaType.APPLICATION_JSON));
    }
}
