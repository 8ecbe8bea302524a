package org.reintegra.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sticky-session proxy with the real nginx (Debian's nginx-light, which {@code .ci/run}
 * installs) in front of two small HTTP servers standing in for portal instances.
 */
class NginxProxyTest {

    @TempDir
    Path work;

    private HttpServer first;
    private HttpServer second;
    private final AtomicInteger postsToFirst = new AtomicInteger();
    private final AtomicInteger postsToSecond = new AtomicInteger();
    private NginxProxy proxy;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void startInstancesAndProxy() throws Exception {
        first = instance("first", postsToFirst);
        second = instance("second", postsToSecond);
        int proxyPort = freePort();
        proxy = NginxProxy.start(new NginxProxy.Settings(NginxProxy.executable(), work, proxyPort,
                List.of(new NginxProxy.Backend("a", first.getAddress().getPort()),
                        new NginxProxy.Backend("b", second.getAddress().getPort()))), Duration.ofSeconds(10));
    }

    @AfterEach
    void stopAll() {
        if (proxy != null) {
            proxy.close();
        }
        first.stop(0);
        second.stop(0);
    }

    @Test
    void aNewBrowserIsToldItsInstanceAndStaysOnIt() throws Exception {
        HttpResponse<String> firstVisit = get(null);
        String route = routeCookie(firstVisit).orElseThrow(() -> new AssertionError("no route cookie on a first visit"));
        String instance = firstVisit.body();
        assertEquals(route.equals("a") ? "first" : "second", instance, "the cookie names the instance that answered");
        assertTrue(firstVisit.headers().allValues("set-cookie").get(0).contains("HttpOnly"));

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> again = get(route);
            assertEquals(instance, again.body(), "request " + i + " went to another instance");
            assertFalse(routeCookie(again).isPresent(), "the cookie is not sent again while it is right");
        }
    }

    @Test
    void whenItsInstanceStopsTheBrowserGoesToTheOtherAndItsCookieFollows() throws Exception {
        assertEquals("first", get("a").body());
        first.stop(0);

        HttpResponse<String> moved = get("a");
        assertEquals(200, moved.statusCode());
        assertEquals("second", moved.body());
        assertEquals(Optional.of("b"), routeCookie(moved), "the cookie now names the instance that answered");
        assertEquals("second", get("b").body());

        // a POST to the stopped instance was never sent there, so it is passed on, once
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(proxy.baseUri() + "save"))
                .header("Cookie", NginxProxy.ROUTE_COOKIE + "=a")
                .POST(HttpRequest.BodyPublishers.ofString("note")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("second", posted.body());
        assertEquals(1, postsToSecond.get());
        assertEquals(0, postsToFirst.get());
    }

    @Test
    void anUnknownRouteIsTreatedAsNone() throws Exception {
        HttpResponse<String> response = get("z");
        assertEquals(200, response.statusCode());
        assertTrue(routeCookie(response).isPresent());
    }

    @Test
    void aRouteCannotBeOneOfNginxsOwnWords() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new NginxProxy.Backend("default", 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new NginxProxy.Backend("A b", 1));
    }

    private HttpResponse<String> get(String route) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proxy.baseUri() + "page")).GET();
        if (route != null) {
            request.header("Cookie", NginxProxy.ROUTE_COOKIE + "=" + route);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> routeCookie(HttpResponse<?> response) {
        return response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(NginxProxy.ROUTE_COOKIE + "="))
                .map(c -> c.substring(NginxProxy.ROUTE_COOKIE.length() + 1, c.indexOf(';')))
                .findFirst();
    }

    private static HttpServer instance(String name, AtomicInteger posts) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if ("POST".equals(exchange.getRequestMethod())) {
                posts.incrementAndGet();
            }
            exchange.getRequestBody().readAllBytes();
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
