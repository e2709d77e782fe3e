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
    WebMvcRegistrations jsonByDefault() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new JsonByDefaultMapping();
            }
        };
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
