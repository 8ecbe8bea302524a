package org.reintegra.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Debian's nginx in front of several portal instances on loopback, with sticky sessions: the
 * instance that answered a browser is named in a cookie ({@value #ROUTE_COOKIE}), and that browser's
 * later requests go to the same instance. Open-source nginx has no {@code sticky} directive, so each
 * instance gets an upstream group of its own with the others as backups, and the cookie picks the
 * group: while the instance runs, its users stay on it; when it stops (connection refused, 502/503),
 * nginx passes the request to a backup, and the cookie is rewritten to the instance that answered.
 * A browser without the cookie goes to any instance, round robin. See ADR 0012.
 *
 * <p>A POST is passed on only if nothing of it reached the stopped instance (nginx never repeats a
 * POST it had sent), so a Vaadin action is never applied twice. A GET already sent is repeated on
 * a timeout or a 502/503; the portal's GETs read (a repeated download writes its audit row twice).
 */
public final class NginxProxy implements AutoCloseable {

    /** The cookie naming the instance that serves the browser. */
    public static final String ROUTE_COOKIE = "reintegra_route";

    private static final Pattern ROUTE = Pattern.compile("[a-z][a-z0-9]{0,15}");
    /** Words nginx's {@code map} block reads as its own. */
    private static final java.util.Set<String> MAP_KEYWORDS = java.util.Set.of("default", "hostnames", "include", "volatile");

    /** One portal instance behind the proxy: its route name (as the cookie says it) and its port. */
    public record Backend(String route, int port) {
        public Backend {
            if (!ROUTE.matcher(route).matches() || MAP_KEYWORDS.contains(route)) {
                throw new IllegalArgumentException("A route is a short lower-case name, not one of " + MAP_KEYWORDS + ": " + route);
            }
        }
    }

    /** The nginx program, its working directory, the port it listens on and the instances behind it. */
    public record Settings(Path executable, Path workDirectory, int port, List<Backend> backends) {
        public Settings {
            backends = List.copyOf(backends);
            if (backends.isEmpty()) {
                throw new IllegalArgumentException("The proxy needs at least one instance behind it");
            }
        }
    }

    private final Process process;
    private final Settings settings;

    private NginxProxy(Process process, Settings settings) {
        this.process = process;
        this.settings = settings;
    }

    /**
     * The nginx program: the setting {@code reintegra.nginx} if given, else {@code /usr/sbin/nginx}
     * (Debian's package {@code nginx-light}, which {@code .ci/run} installs).
     */
    public static Path executable() {
        return Path.of(StackConfig.value("reintegra.nginx", "/usr/sbin/nginx"));
    }

    /** Writes the configuration, starts nginx in the foreground and waits until it answers. */
    public static NginxProxy start(Settings settings, Duration timeout) throws IOException, InterruptedException {
        if (!Files.isExecutable(settings.executable())) {
            throw new IOException("nginx is not installed at " + settings.executable()
                    + " (Debian: apt-get install nginx-light; or set reintegra.nginx)");
        }
        Path work = settings.workDirectory();
        for (String temp : List.of("client-body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Files.createDirectories(work.resolve("temp").resolve(temp));
        }
        Path configuration = work.resolve("nginx.conf");
        Files.writeString(configuration, configuration(settings, runsAsRoot()), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(settings.executable().toString(), "-p", work.toString(),
                "-c", configuration.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("nginx.out").toFile()))
                .start();
        NginxProxy proxy = new NginxProxy(process, settings);
        try {
            proxy.awaitListening(timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    /**
     * The configuration. Every address is on loopback; temporary files and logs stay in the working
     * directory. Started by root, nginx would run its workers as {@code nobody}, who cannot enter a
     * working directory under {@code /root}: they then run as root too (a local proxy on loopback).
     */
    static String configuration(Settings settings, boolean asRoot) {
        Path work = settings.workDirectory();
        StringBuilder conf = new StringBuilder();
        conf.append("# written by Reintegra's devstack (NginxProxy): sticky sessions in front of the portal instances\n");
        conf.append("daemon off;\nmaster_process on;\nworker_processes 1;\n");
        if (asRoot) {
            conf.append("user root root;\n");
        }
        conf.append("pid ").append(work.resolve("nginx.pid")).append(";\n");
        conf.append("error_log ").append(work.resolve("error.log")).append(" warn;\n");
        conf.append("events { worker_connections 4096; }\n\nhttp {\n");
        conf.append("    log_format routed '$remote_addr [$time_local] \"$request\" $status $body_bytes_sent"
                + " route=$cookie_" + ROUTE_COOKIE + " upstream=$upstream_addr $request_time';\n");
        conf.append("    access_log ").append(work.resolve("access.log")).append(" routed;\n");
        conf.append("    client_body_temp_path ").append(work.resolve("temp/client-body")).append(";\n");
        conf.append("    proxy_temp_path ").append(work.resolve("temp/proxy")).append(";\n");
        conf.append("    fastcgi_temp_path ").append(work.resolve("temp/fastcgi")).append(";\n");
        conf.append("    uwsgi_temp_path ").append(work.resolve("temp/uwsgi")).append(";\n");
        conf.append("    scgi_temp_path ").append(work.resolve("temp/scgi")).append(";\n");
        conf.append("    client_max_body_size 25m;\n    server_tokens off;\n\n");

        // new browsers: any instance, round robin
        conf.append("    upstream portal_any {\n");
        for (Backend backend : settings.backends()) {
            conf.append("        server 127.0.0.1:").append(backend.port()).append(" max_fails=1 fail_timeout=5s;\n");
        }
        conf.append("        keepalive 32;\n    }\n");
        // a browser with a route: its instance, the others as backups
        for (Backend preferred : settings.backends()) {
            conf.append("    upstream portal_").append(preferred.route()).append(" {\n");
            conf.append("        server 127.0.0.1:").append(preferred.port()).append(" max_fails=1 fail_timeout=5s;\n");
            for (Backend other : settings.backends()) {
                if (!other.equals(preferred)) {
                    conf.append("        server 127.0.0.1:").append(other.port()).append(" backup;\n");
                }
            }
            conf.append("        keepalive 32;\n    }\n");
        }
        conf.append("    map $cookie_").append(ROUTE_COOKIE).append(" $portal_upstream {\n        default portal_any;\n");
        for (Backend backend : settings.backends()) {
            conf.append("        ").append(backend.route()).append(" portal_").append(backend.route()).append(";\n");
        }
        conf.append("    }\n");
        // the instance that answered: the last address nginx tried ("a:1, b:2" after a retry)
        conf.append("    map $upstream_addr $served_route {\n        default \"\";\n");
        for (Backend backend : settings.backends()) {
            conf.append("        \"~127\\.0\\.0\\.1:").append(backend.port()).append("$\" ").append(backend.route()).append(";\n");
        }
        conf.append("    }\n");
        // the cookie is (re)written only when the answering instance is not the one it names
        conf.append("    map \"$cookie_").append(ROUTE_COOKIE).append("|$served_route\" $route_cookie {\n");
        conf.append("        \"~\\|$\" \"\";\n");
        conf.append("        \"~^([a-z0-9]+)\\|\\1$\" \"\";\n");
        conf.append("        default \"").append(ROUTE_COOKIE).append("=$served_route; Path=/; HttpOnly; SameSite=Lax\";\n");
        conf.append("    }\n\n");

        conf.append("    server {\n");
        conf.append("        listen 127.0.0.1:").append(settings.port()).append(";\n");
        conf.append("        location = /proxy-health { access_log off; return 200 \"ok\\n\"; }\n");
        conf.append("        location / {\n");
        conf.append("            proxy_pass http://$portal_upstream;\n");
        conf.append("            proxy_http_version 1.1;\n");
        conf.append("            proxy_set_header Connection \"\";\n");
        conf.append("            proxy_set_header Host $http_host;\n");
        conf.append("            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n");
        conf.append("            proxy_set_header X-Forwarded-Proto $scheme;\n");
        conf.append("            proxy_connect_timeout 2s;\n");
        conf.append("            proxy_read_timeout 300s;\n");
        conf.append("            proxy_next_upstream error timeout http_502 http_503;\n");
        conf.append("            proxy_next_upstream_tries ").append(settings.backends().size()).append(";\n");
        conf.append("            add_header Set-Cookie $route_cookie always;\n");
        conf.append("        }\n    }\n}\n");
        return conf.toString();
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx stopped (exit " + process.exitValue() + "):\n" + output());
            }
            try (Socket socket = new Socket()) {
                // nginx's own answer, so that another program on the port is not taken for it
                socket.connect(new InetSocketAddress("127.0.0.1", settings.port()), 500);
                socket.setSoTimeout(2000);
                socket.getOutputStream().write(("GET /proxy-health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                if (answer.startsWith("HTTP/1.1 200") && answer.endsWith("ok\n") && process.isAlive()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IOException("nginx did not listen on port " + settings.port() + " within " + timeout + ":\n" + output());
    }

    private String output() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("nginx.out", "error.log")) {
            Path file = settings.workDirectory().resolve(name);
            try (InputStream in = Files.newInputStream(file)) {
                byte[] all = in.readAllBytes();
                int from = Math.max(0, all.length - 3000);
                text.append(name).append(":\n").append(new String(all, from, all.length - from, StandardCharsets.UTF_8));
            } catch (IOException missing) {
                // nothing written
            }
        }
        return text.toString();
    }

    /** The address browsers use. */
    public String baseUri() {
        return "http://127.0.0.1:" + settings.port() + "/";
    }

    public Path accessLog() {
        return settings.workDirectory().resolve("access.log");
    }

    @Override
    public void close() {
        // SIGTERM: nginx's fast shutdown
        ProcessTrees.stop(process, Duration.ofSeconds(5));
    }
}
