package newsroom.api.web;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** How Newsroom's endpoints read requests: strict query parameters and dates, JSON unless said otherwise. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ContentTypeCheck());
        registry.addInterceptor(new QueryParameterCheck());
    }

    /** Query dates as strict as body dates: ISO-8601 with an offset, no epoch numbers. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
            @Override
            public Instant parse(String text, Locale locale) throws java.text.ParseException {
                try {
                    return StrictJson.instant(text.strip());
                } catch (DateTimeParseException e) {
                    throw new java.text.ParseException(text, e.getErrorIndex());
                }
            }

            @Override
            public String print(Instant instant, Locale locale) {
                return instant.toString();
            }
        });
    }

    /**
     * An endpoint that declares no {@code produces} answers JSON, and a request whose Accept header rules JSON
     * out is refused with 406 <em>before</em> the endpoint runs (content negotiation after a command would
     * answer 406 for a change already made). Exports declare their own media types.
     */
    @Bean
    WebMvcRegistrations jsonByDefault(ProblemWriter problems) {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                JsonByDefaultMapping mapping = new JsonByDefaultMapping();
                mapping.setCorsProcessor(new ProblemCorsProcessor(problems));
                return mapping;
            }
        };
    }

    /**
     * No endpoint allows another site's scripts (the dashboard is served from the same origin), so Spring refuses
     * every cross-origin preflight; it answered in plain text, now as a problem like every other refusal.
     */
    static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private final ProblemWriter problems;

        ProblemCorsProcessor(ProblemWriter problems) {
            this.problems = problems;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws java.io.IOException {
            if (response instanceof ServletServerHttpResponse servlet
                    && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
                problems.write(request.getRequest(), servlet.getServletResponse(), Problems.of(
                        ProblemType.CROSS_ORIGIN_REFUSED, "Requests from another site's pages are not allowed: "
                                + "use the dashboard, or call the API from a script with a personal API token."));
                return;
            }
            super.rejectRequest(response);
        }
    }

    static final class JsonByDefaultMapping extends RequestMappingHandlerMapping {

        @Override
        protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
            RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
            if (info == null || !info.getProducesCondition().isEmpty()
                    || !handlerType.getPackageName().startsWith("newsroom.")
                    || ErrorController.class.isAssignableFrom(handlerType)) {
                return info;
            }
            return info.mutate().produces(MediaType.APPLICATION_JSON_VALUE).build();
        }
    }
}
