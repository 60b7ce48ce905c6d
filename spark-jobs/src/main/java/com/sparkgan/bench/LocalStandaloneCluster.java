package com.sparkgan.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Spark standalone cluster on 127.0.0.1 built from the Maven jars alone: a folder
 * serving as SPARK_HOME whose jars/ links every jar of the runtime classpath, a master and
 * two one-core workers, each in its own JVM. Executors get their own JVMs too. The benchmark
 * starts one to measure SparkGAN on a real cluster, and so do the cluster tests.
 */
public final class LocalStandaloneCluster implements AutoCloseable {
    private final Path home;
    private final int port;
    private final String opens;
    private final List<Process> daemons = new ArrayList<>();

    public LocalStandaloneCluster(Path dir, Path classpathFile, String opens, int workers)
            throws IOException, InterruptedException {
        this.home = dir.resolve("spark-home");
        this.opens = opens;
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String jar : Files.readString(classpathFile).trim().split(":")) {
            Path source = Path.of(jar);
            Files.createSymbolicLink(jars.resolve(source.getFileName()), source);
        }
        Files.writeString(home.resolve("RELEASE"), "Spark from Maven jars\n");
        port = freePort();
        daemons.add(start(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port",
                String.valueOf(freePort())));
        waitFor(dir.resolve("master.log"), "I have been elected leader", Duration.ofSeconds(60));
        for (int i = 0; i < workers; i++) {
            Path log = dir.resolve("worker-" + i + ".log");
            daemons.add(start(log, "org.apache.spark.deploy.worker.Worker", "--host",
                    "127.0.0.1", "--cores", "1", "--memory", "2g", "--webui-port",
                    String.valueOf(freePort()), "--work-dir",
                    Files.createDirectories(dir.resolve("work-" + i)).toString(), master()));
            waitFor(log, "Successfully registered with master", Duration.ofSeconds(60));
        }
    }

    public String master() {
        return "spark://127.0.0.1:" + port;
    }

    /** A process running {@code mainClass} with Spark's jars, as the launcher scripts would. */
    public ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        command.addAll(List.of(opens.trim().split("\\s+")));
        command.addAll(List.of("-cp", home.resolve("jars") + "/*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment());
        return builder;
    }

    /** What the cluster's processes and a submit command need in their environment. */
    public Map<String, String> environment() {
        return Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.12",
                "SPARK_LOCAL_IP", "127.0.0.1", "OMP_NUM_THREADS", "1",
                "OMP_WAIT_POLICY", "PASSIVE");
    }

    private Process start(Path log, String mainClass, String... args) throws IOException {
        return java(mainClass, args).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** Waits until {@code log} contains {@code text}. */
    public static void waitFor(Path log, String text, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("'" + text + "' did not appear in " + log + ":\n"
                + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Stops every daemon this cluster started, by its own process handle. */
    @Override
    public void close() {
        for (Process daemon : daemons) {
            daemon.descendants().forEach(ProcessHandle::destroyForcibly);
            daemon.destroyForcibly();
        }
    }
}
