package io.firebreak.gateway.limits;

import io.firebreak.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request body on {@code /api/**} and {@code /survey/*} in whole (it is small: bounded by the size limit) before the request
 * is proxied, so that a chunked body over the limit is refused with 413 and never reaches a service, and the
 * service gets the body with its length. Reading goes through the platform's limited stream, whose overflow
 * the platform's body size filter turns into 413; the check here covers the same limit in case it is lower.
 */
class BodyBufferFilter extends OncePerRequestFilter {

    private final long maxBytes;

    BodyBufferFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/survey/"))
                || (request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The request body is larger than the limit of " + maxBytes + " bytes.",
                    Map.of("Connection", "close"));
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    /** The request with its body in memory and a Content-Length in place of any Transfer-Encoding. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;
        private final ByteArrayInputStream in;
        private final ServletInputStream stream;
        private Map<String, String[]> parameters;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            this.in = new ByteArrayInputStream(body);
            this.stream = new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buf, int off, int len) {
                    return in.read(buf, off, len);
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
                    throw new IllegalStateException("The body is already read; use blocking reads");
                }
            };
        }

        @Override
        public ServletInputStream getInputStream() {
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(in, charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) return String.valueOf(body.length);
            if (HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name)) return null;
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                return Collections.enumeration(Set.of(String.valueOf(body.length)));
            }
            if (HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name)) return Collections.emptyEnumeration();
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.removeIf(n -> n.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING)
                    || n.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH));
            names.add(HttpHeaders.CONTENT_LENGTH);
            return Collections.enumeration(names);
        }

        // The proxy rebuilds a form post's body from the request parameters, which the container would parse from
        // the stream already read here: they are parsed from the buffered body instead (with the query string's).
        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) parameters = parameters();
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        private Map<String, String[]> parameters() {
            String type = getContentType();
            if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                return super.getParameterMap();
            }
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            Map<String, java.util.List<String>> found = new java.util.LinkedHashMap<>();
            addPairs(found, getQueryString(), charset);
            addPairs(found, new String(body, charset), charset);
            Map<String, String[]> result = new java.util.LinkedHashMap<>();
            found.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
            return Collections.unmodifiableMap(result);
        }

        private static void addPairs(Map<String, java.util.List<String>> into, String encoded, Charset charset) {
            if (encoded == null || encoded.isEmpty()) return;
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                try {
                    String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                    String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), charset);
                    into.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
                } catch (IllegalArgumentException e) {
                    // A malformed escape: that pair is left out, and the service judges what remains.
                }
            }
        }
    }
}
