package newsroom.api.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters an endpoint does not take, so a typo ({@code stauts=}) is a 400 naming it and the
 * accepted ones instead of a filter silently left out; and refuses a single-valued parameter given twice
 * ({@code status=A&status=B}), which would otherwise be joined or half ignored. The accepted names are read
 * from the handler method itself ({@code @RequestParam}s and the components of a query record), so every new
 * endpoint is covered without further code.
 */
class QueryParameterCheck implements HandlerInterceptor {

    private final Map<Method, Accepted> accepted = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST
                || !isNewsroomEndpoint(method.getBeanType())) {
            return true;
        }
        Accepted parameters = accepted.computeIfAbsent(method.getMethod(), any -> Accepted.of(method));
        if (parameters.any()) {
            return true;
        }
        queryParameterNames(request.getQueryString()).forEach((name, count) -> {
            Boolean multiValued = parameters.names().get(name);
            if (multiValued == null) {
                throw new BadRequest(name, InputRule.UNKNOWN_PARAMETER, "'" + name + "' is not a query parameter of "
                        + request.getMethod() + " " + request.getRequestURI() + "; " + parameters.describe());
            }
            if (count > 1 && !multiValued) {
                throw new BadRequest(name, InputRule.REPEATED_PARAMETER,
                        "'" + name + "' takes one value here; it was given " + count + " times");
            }
        });
        return true;
    }

    private static boolean isNewsroomEndpoint(Class<?> controller) {
        return controller.getPackageName().startsWith("newsroom.") && !ErrorController.class.isAssignableFrom(controller);
    }

    /** Each parameter name of the raw query string and how often it occurs, in order. */
    static Map<String, Integer> queryParameterNames(String query) {
        Map<String, Integer> names = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            if (rawName.isEmpty()) {
                continue;
            }
            String name;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException brokenEscape) {
                name = rawName;
            }
            names.merge(name, 1, Integer::sum);
        }
        return names;
    }

    /**
     * The query parameters a handler takes, each with whether it may repeat (a collection); {@code any} when it
     * takes a map of all parameters.
     */
    record Accepted(Map<String, Boolean> names, boolean any) {

        private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

        static Accepted of(HandlerMethod method) {
            Map<String, Boolean> names = new TreeMap<>();
            for (MethodParameter declared : method.getMethodParameters()) {
                MethodParameter parameter = new MethodParameter(declared);
                parameter.initParameterNameDiscovery(NAMES);
                Class<?> type = parameter.getParameterType();
                RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
                if (requestParam != null) {
                    if (Map.class.isAssignableFrom(type)) {
                        return new Accepted(Map.of(), true);
                    }
                    String name = StringUtils.hasText(requestParam.name()) ? requestParam.name()
                            : parameter.getParameterName();
                    names.put(name, isMultiValued(type));
                } else if (parameter.hasParameterAnnotation(ModelAttribute.class) || isQueryRecord(parameter)) {
                    // the components of a query record are its parameters
                    addProperties(type, names);
                }
            }
            return new Accepted(names, false);
        }

        String describe() {
            return names.isEmpty() ? "it takes none"
                    : "it takes " + names.keySet().stream().collect(Collectors.joining(", "));
        }

        /**
         * A parameter of one of our own types that no other binding annotation claims (a body, a header, a path
         * variable) binds the query, e.g. {@code CalendarQuery}.
         */
        private static boolean isQueryRecord(MethodParameter parameter) {
            if (!parameter.getParameterType().getPackageName().startsWith("newsroom.")) {
                return false;
            }
            for (var annotation : parameter.getParameterAnnotations()) {
                if (annotation.annotationType().getPackageName().equals(RequestParam.class.getPackageName())) {
                    return false;
                }
            }
            return true;
        }

        private static void addProperties(Class<?> type, Map<String, Boolean> names) {
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    names.put(component.getName(), isMultiValued(component.getType()));
                }
                return;
            }
            for (var property : BeanUtils.getPropertyDescriptors(type)) {
                if (property.getWriteMethod() != null) {
                    names.put(property.getName(), isMultiValued(property.getPropertyType()));
                }
            }
        }

        private static boolean isMultiValued(Class<?> type) {
            return type.isArray() || Collection.class.isAssignableFrom(type);
        }
    }
}
