package io.firebreak.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A query parameter an endpoint does not take is refused (400 naming it and what the endpoint takes), rather than
 * ignored: a misspelt or unsupported filter ({@code ?phone=}) would otherwise answer the unfiltered list as if it
 * were the answer. What an endpoint takes is read once from its method's {@code @RequestParam}s. Only Firebreak's own
 * controllers are checked (not the actuator's), and not one that binds any parameter (a map or a bound object).
 */
public class KnownParameters implements HandlerInterceptor {

    private static final String OWN = "io.firebreak.";
    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    /** Per handler method, the names it takes; empty when it takes any. */
    private final Map<Method, Optional<Set<String>>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String query = request.getQueryString();
        if (query == null
                || query.isEmpty()
                || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith(OWN)) {
            return true;
        }
        Optional<Set<String>> takes = known.computeIfAbsent(method.getMethod(), m -> takes(method));
        if (takes.isEmpty()) return true;
        Set<String> unknown = new TreeSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (!takes.get().contains(name)) unknown.add(name);
        }
        if (unknown.isEmpty()) return true;
        String accepted = takes.get().isEmpty() ? "none" : String.join(", ", takes.get());
        List<Map<String, String>> errors = new ArrayList<>();
        for (String name : unknown) {
            errors.add(Map.of("field", name, "reason", "is not a parameter of this endpoint; it takes: " + accepted));
        }
        Problems.write(
                response,
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "Unknown parameter" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                        + "; this endpoint takes: " + accepted,
                Map.of(),
                Map.of("errors", errors));
        return false;
    }

    /** The query parameters a handler method takes, or empty when it takes any. */
    private Optional<Set<String>> takes(HandlerMethod method) {
        Set<String> takes = new TreeSet<>();
        String[] declared = names.getParameterNames(method.getMethod());
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (param != null) {
                if (Map.class.isAssignableFrom(type)) return Optional.empty();
                String name = !param.name().isEmpty()
                        ? param.name()
                        : !param.value().isEmpty()
                                ? param.value()
                                : declared == null ? null : declared[parameter.getParameterIndex()];
                if (name == null) return Optional.empty();
                takes.add(name);
            } else if (parameter.getParameterAnnotations().length == 0
                    && !BeanUtils.isSimpleProperty(type)
                    && type.getName().startsWith(OWN)) {
                return Optional.empty(); // an object bound from the parameters: it takes what it has
            }
        }
        return Optional.of(takes);
    }
}
