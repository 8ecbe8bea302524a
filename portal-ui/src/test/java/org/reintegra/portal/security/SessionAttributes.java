package org.reintegra.portal.security;

import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** The container's HTTP session, reduced to its attributes, for tests of what a session keeps. */
final class SessionAttributes {

    final Map<String, Object> attributes = new HashMap<>();
    final HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HttpSession.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                default -> throw new UnsupportedOperationException(method.getName());
            });
}
