package org.reintegra.portal.logging;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.reintegra.tenancy.CurrentTenant;
import org.reintegra.tenancy.TenantId;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is a plain token, otherwise
 * a new one), returns it in the response header, and makes it and the signed-in tenant known to
 * the log lines written while the request is served.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestContextFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Inject
    transient CurrentTenant currentTenant;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestId = requestIdOf(request.getHeader(HEADER));
        response.setHeader(HEADER, requestId);
        String tenant = null;
        try {
            tenant = currentTenant == null ? null : currentTenant.get().map(TenantId::value).orElse(null);
        } catch (RuntimeException noTenantYet) {
            // not signed in (yet): the line says so by leaving the tenant out
        }
        LogContext.enter(requestId, tenant);
        try {
            chain.doFilter(request, response);
        } finally {
            LogContext.leave();
        }
    }

    static String requestIdOf(String offered) {
        return offered != null && ACCEPTED.matcher(offered).matches() ? offered : newRequestId();
    }

    /**
     * A random (version 4) UUID from the thread's own generator. A request id only ties log lines
     * together and grants nothing, so it needs no cryptographic generator; {@code UUID.randomUUID()}
     * draws from one shared {@code SecureRandom}, whose lock request threads queued on at 500 users
     * (docs/benchmarks.md, stop 24).
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }
}
