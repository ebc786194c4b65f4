package io.firebreak.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 problem+json for a body over the limit ({@link BodyLimits}: larger on the paths that take a settings
 * document): at once when Content-Length says so, and for a chunked body as soon as the limit is crossed while reading.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final BodyLimits limits;

    public BodySizeLimitFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limits.limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            reject(response, maxBytes);
            return;
        }
        Limited limited = new Limited(request, maxBytes);
        try {
            chain.doFilter(limited, response);
        } catch (RuntimeException | IOException | ServletException e) {
            if (limited.exceeded && !response.isCommitted()) {
                response.reset();
                reject(response, maxBytes);
                return;
            }
            throw e;
        }
    }

    private static void reject(HttpServletResponse response, long maxBytes) throws IOException {
        Problems.write(
                response,
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large",
                "The request body is larger than the limit of " + maxBytes + " bytes.",
                Map.of("Connection", "close"));
    }

    /** Thrown while reading a body past the limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException() {
            super("Request body too large");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private boolean exceeded;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) count(1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0) count(n);
                        return n;
                    }

                    private void count(int n) throws IOException {
                        count += n;
                        if (count > max) {
                            exceeded = true;
                            throw new TooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
