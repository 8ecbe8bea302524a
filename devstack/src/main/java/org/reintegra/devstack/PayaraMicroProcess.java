package org.reintegra.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro serving the portal WAR on 127.0.0.1, with its Hazelcast data grid kept on loopback
 * too. The portal's configuration is handed over as environment variables (MicroProfile Config
 * reads them), so secrets never show in the process list.
 *
 * <p>Several instances form one cluster when each lists the others' data-grid ports
 * ({@link Settings#clusterMemberPorts()}): Hazelcast's TCP/IP discovery on loopback, no multicast.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    /**
     * Where to find things and which ports to use.
     *
     * @param clusterMemberPorts the data-grid ports of the other instances of the cluster (none: alone)
     * @param instanceName       the instance's name in the cluster and in its log
     * @param classDataSharing   start from a class-data archive, writing it at the first stop
     *                           ({@link ClassDataArchive}); off for throw-away instances, whose stop
     *                           would only be slower
     * @param youngHeap          the young generation of a fixed heap layout ({@link #heapOptions});
     *                           blank: the collector sizes the generations itself
     */
    public record Settings(Path payaraJar, Path war, Path workDirectory, int httpPort, int hazelcastPort,
                           List<Integer> clusterMemberPorts, String instanceName, boolean classDataSharing,
                           String maxHeap, String youngHeap, Map<String, String> environment, Path logFile) {

        public Settings {
            clusterMemberPorts = List.copyOf(clusterMemberPorts);
            environment = Map.copyOf(environment);
        }

        /** One instance on its own, as the run command starts it. */
        public static Settings alone(Path payaraJar, Path war, Path workDirectory, int httpPort, int hazelcastPort,
                                     String maxHeap, String youngHeap, Map<String, String> environment, Path logFile) {
            return new Settings(payaraJar, war, workDirectory, httpPort, hazelcastPort, List.of(), "portal", true,
                    maxHeap, youngHeap, environment, logFile);
        }

        /** The data-grid members this instance looks for: itself and the others, all on loopback. */
        String clusterMembers() {
            StringBuilder members = new StringBuilder("127.0.0.1:").append(hazelcastPort);
            clusterMemberPorts.forEach(port -> members.append(",127.0.0.1:").append(port));
            return members.toString();
        }
    }

    private final Process process;
    private final Settings settings;
    private final ClassDataArchive classes;
    private volatile boolean ready;

    private PayaraMicroProcess(Process process, Settings settings, ClassDataArchive classes) {
        this.process = process;
        this.settings = settings;
        this.classes = classes;
    }

    /** Starts the server; {@link #awaitReady(Duration)} waits for the portal to answer. */
    public static PayaraMicroProcess start(Settings settings) throws IOException {
        Files.createDirectories(settings.workDirectory());
        Path preboot = settings.workDirectory().resolve("preboot.asadmin");
        Files.writeString(preboot, String.join("\n",
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1",
                "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.enabled=false",
                "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size="
                        + httpThreads(),
                "") , StandardCharsets.UTF_8);
        Path tmp = settings.workDirectory().resolve("tmp");
        Files.createDirectories(tmp);
        ClassDataArchive classes = settings.classDataSharing()
                ? ClassDataArchive.of(settings.workDirectory().resolve("cds"), "payara",
                        List.of(settings.payaraJar(), settings.war()))
                : null;
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        if (classes != null) {
            command.addAll(classes.jvmOptions());
        }
        command.addAll(heapOptions(settings.maxHeap(), settings.youngHeap(), garbageCollector()));
        command.add(METASPACE_THRESHOLD);
        command.addAll(extraJvmOptions());
        command.addAll(List.of(
                "-Djava.io.tmpdir=" + tmp,
                "-Dhazelcast.socket.bind.any=false",
                "-Djava.net.preferIPv4Stack=true",
                "-jar", settings.payaraJar().toString(),
                "--deploy", settings.war().toString(),
                "--contextroot", "/",
                "--port", Integer.toString(settings.httpPort()),
                "--prebootcommandfile", preboot.toString(),
                "--clustermode", "tcpip:" + settings.clusterMembers(),
                "--startport", Integer.toString(settings.hazelcastPort()),
                "--name", settings.instanceName(),
                "--interfaces", "127.0.0.1",
                "--disablephonehome",
                "--nohostaware"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.workDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(settings.logFile().toFile()));
        builder.environment().putAll(settings.environment());
        return new PayaraMicroProcess(builder.start(), settings, classes);
    }

    /**
     * The class metadata the JVM fills before its first collection for it. With the default (about
     * 21 MB) Payara's start stopped for two full collections ("Metadata GC Threshold", 0.59 s
     * together) while it loaded the portal's classes from the class-data archive, four (0.71 s)
     * without the archive; with 256 MB, none (docs/benchmarks.md, stop 29). Later options
     * ({@code reintegra.payara.jvm-options}) override it.
     */
    private static final String METASPACE_THRESHOLD = "-XX:MetaspaceSize=256m";

    /**
     * The heap: at most {@code maxHeap}; with the parallel collector and a {@code youngHeap}, a fixed
     * layout instead of the collector's adaptive one: the whole heap from the start, {@code youngHeap}
     * of it young, survivor spaces of an eighth of that each, filled to 90% before anything is
     * promoted early, objects promoted after at most 15 collections. The screens a person has open
     * live for one think time (5 to 15 s at 500 users); the adaptive sizing kept the young
     * generation small, collected it every 3.5 s, promoted after one collection, and so every screen
     * reached the old generation, which then needed a full collection of about half a second every
     * 50 s. With the fixed layout no full collection ran in the measured windows (docs/benchmarks.md,
     * stop 28). A blank {@code youngHeap} leaves the collector's own sizing.
     */
    static List<String> heapOptions(String maxHeap, String youngHeap, String collector) {
        if (youngHeap == null || youngHeap.isBlank() || !collector.equals("-XX:+UseParallelGC")) {
            return List.of("-Xmx" + maxHeap, collector);
        }
        return List.of("-Xms" + maxHeap, "-Xmx" + maxHeap, collector, "-Xmn" + youngHeap.strip(),
                "-XX:SurvivorRatio=6", "-XX:-UseAdaptiveSizePolicy", "-XX:TargetSurvivorRatio=90",
                "-XX:MaxTenuringThreshold=15");
    }

    /**
     * The garbage collector, setting {@code reintegra.payara.gc}: {@code parallel} (default),
     * {@code serial}, {@code g1} or {@code shenandoah}. Measured at 500 users on two cores
     * (docs/benchmarks.md): the parallel collector's pauses are half the serial one's (p95 449 ms
     * against 841 with a 2 GB heap); G1's young pauses were longer than either (p95 1.2 s); Shenandoah,
     * whose marking runs beside the requests, could not keep up with their allocation on two cores and
     * stopped them for 50 degenerated collections of about a second each (stop 27).
     */
    static String garbageCollector() {
        String collector = StackConfig.value("reintegra.payara.gc", "parallel");
        return switch (collector) {
            case "g1" -> "-XX:+UseG1GC";
            case "serial" -> "-XX:+UseSerialGC";
            case "parallel" -> "-XX:+UseParallelGC";
            case "shenandoah" -> "-XX:+UseShenandoahGC";
            default -> throw new IllegalStateException("reintegra.payara.gc: parallel, serial, g1 or shenandoah, not "
                    + collector);
        };
    }

    /**
     * The most request threads, setting {@code reintegra.payara.http-threads} (default 48; Payara's
     * own default is 200). Measured at 500 users on two cores (docs/benchmarks.md, stop 24): with
     * 200 threads the request threads queued on Payara's synchronised security caches (about 3,700
     * contended monitor entries a minute) and 29–38 interactions a second got through; with 24 the
     * contention was gone but requests waited in the queue for a thread (19 a second); with 48,
     * 48 a second and the lowest latencies of the stop (one run).
     */
    static int httpThreads() {
        int threads = Integer.parseInt(StackConfig.value("reintegra.payara.http-threads", "48"));
        if (threads < 4) {
            throw new IllegalStateException("reintegra.payara.http-threads: at least 4, not " + threads);
        }
        return threads;
    }

    /**
     * More options for Payara's JVM, setting {@code reintegra.payara.jvm-options} (separated by
     * spaces; none by default): for measuring a collector's sizing, say, without a new build.
     */
    static List<String> extraJvmOptions() {
        String options = StackConfig.value("reintegra.payara.jvm-options", "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public Settings settings() {
        return settings;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public String baseUri() {
        return "http://127.0.0.1:" + settings.httpPort() + "/";
    }

    /** Waits until the portal answers (a redirect to sign-in counts), or fails with the log's tail. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Payara Micro stopped (exit " + process.exitValue() + "):\n" + logTail());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUri()))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 || response.statusCode() == 302 || response.statusCode() == 303) {
                    ready = true;
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IOException("Payara Micro did not answer within " + timeout + ":\n" + logTail());
    }

    public String logTail() {
        try (InputStream in = Files.newInputStream(settings.logFile())) {
            byte[] all = in.readAllBytes();
            int from = Math.max(0, all.length - 6000);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        // 20 s: a first run writes its class-data archive on the way out (about 10 s). The archive is
        // kept only from a server that was ready, still running when asked to stop, and stopped in time.
        boolean running = process.isAlive();
        boolean polite = ProcessTrees.stop(process, Duration.ofSeconds(20));
        if (classes != null) {
            classes.afterExit(ready && running && polite);
        }
    }

}
