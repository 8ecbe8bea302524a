package org.reintegra.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whether Keycloak answers is asked by one request at a time, against a stand-in for its discovery
 * document on loopback (Keycloak itself is outside this unit).
 */
class KeycloakAvailabilityTest {

    private HttpServer discovery;
    private final AtomicInteger asked = new AtomicInteger();
    private volatile int status = 200;
    private volatile long answerAfterMillis = 300;

    @BeforeEach
    void startDiscovery() throws Exception {
        discovery = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        discovery.createContext("/realms/test/.well-known/openid-configuration", exchange -> {
            asked.incrementAndGet();
            try {
                Thread.sleep(answerAfterMillis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        discovery.setExecutor(Executors.newCachedThreadPool());
        discovery.start();
    }

    @AfterEach
    void stopDiscovery() {
        discovery.stop(0);
    }

    private KeycloakAvailability availability() {
        KeycloakAvailability availability = new KeycloakAvailability();
        availability.providerUri = "http://127.0.0.1:" + discovery.getAddress().getPort() + "/realms/test";
        return availability;
    }

    @Test
    void manyRequestsAtOnceAskKeycloakOnce() throws Exception {
        KeycloakAvailability availability = availability();
        int requests = 24;
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return availability.reachable();
                }));
            }
            start.countDown();
            for (Future<Boolean> answer : answers) {
                assertTrue(answer.get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, asked.get(), "one probe for all the requests that arrived together");
        assertTrue(availability.reachable());
        assertEquals(1, asked.get(), "the answer is remembered");
    }

    @Test
    void aRefusingKeycloakIsNotReachableAndOthersKeepTheLastAnswerMeanwhile() throws Exception {
        status = 503;
        answerAfterMillis = 500;
        KeycloakAvailability availability = availability();
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> prober = threads.submit(availability::reachable);
            while (asked.get() == 0) {
                Thread.sleep(5);
            }
            assertTrue(availability.reachable(), "while the probe waits, the last answer (reachable) holds");
            assertFalse(prober.get(), "the probe's own answer");
        } finally {
            threads.shutdownNow();
        }
        assertFalse(availability.reachable());
        assertEquals(503, availability.lastStatus());
        assertEquals(1, asked.get());
    }
}
