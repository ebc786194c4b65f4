package io.firebreak.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * A request whose body was read whole (it is small: bounded by the size limit), to be read again: its stream, its
 * reader, a Content-Length in place of any Transfer-Encoding, and a form's parameters parsed from the body (the
 * container would parse them from the stream already read).
 */
public final class BufferedRequest extends HttpServletRequestWrapper {
    private final byte[] body;
    private final ByteArrayInputStream in;
    private final ServletInputStream stream;
    private Map<String, String[]> parameters;

    public BufferedRequest(HttpServletRequest request, byte[] body) {
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
        names.removeIf(n ->
                n.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING) || n.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH));
        names.add(HttpHeaders.CONTENT_LENGTH);
        return Collections.enumeration(names);
    }

    // A proxy rebuilds a form post's body, and Spring binds a form, from the request parameters, which the container
    // would parse from the stream already read here: they are parsed from the buffered body instead (with the query
    // string's).
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
                // A malformed escape: that pair is left out, and what reads the request judges what remains.
            }
        }
    }
}
