package dev.strata.catalog.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A real AWS API server for tests: moto's server ({@code moto[server]}), which speaks S3, Glue, SNS, SQS
 * and DynamoDB over HTTP, run on 127.0.0.1 at a free port. It is installed into a virtualenv on first use
 * ({@code $STRATA_MOTO_VENV}, by default {@code ~/.cache/strata/moto-venv}) and shared by every test class
 * of a JVM; it stops when the JVM exits. {@link #reset()} empties every service between tests.
 */
public final class MotoServer {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "testing";
    public static final String SECRET_KEY = "testing";

    private static final String REQUIREMENT = "moto[server]>=5,<6";
    private static MotoServer shared;

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = Objects.requireNonNull(process, "process is null");
        this.port = port;
    }

    /** The server of this JVM, started on first call. */
    public static synchronized MotoServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
            MotoServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "moto-server-stop"));
        }
        return shared;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** Forgets every bucket, table, topic and queue. */
    public void reset() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL()
                    .openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.getOutputStream().close();
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IllegalStateException("moto reset answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset moto at " + endpoint(), e);
        }
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static MotoServer start() {
        Path executable = installed();
        int port = freePort();
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "strata-moto-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p",
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AWS_DEFAULT_REGION", REGION);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
        MotoServer server = new MotoServer(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + log);
            }
            if (answers(server.endpoint())) {
                return server;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop();
        throw new IllegalStateException("moto_server did not answer on port " + port + " within 60 s; see " + log);
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path installed() {
        String configured = System.getenv("STRATA_MOTO_VENV");
        Path venv = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "strata", "moto-venv");
        Path executable = venv.resolve("bin").resolve("moto_server");
        if (Files.isExecutable(executable)) {
            return executable;
        }
        run(List.of(python(), "-m", "venv", venv.toString()), "create the virtualenv " + venv);
        run(List.of(venv.resolve("bin").resolve("pip").toString(), "install", "-q", REQUIREMENT),
                "pip install " + REQUIREMENT);
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("pip installed moto but " + executable + " is missing");
        }
        return executable;
    }

    private static String python() {
        for (String candidate : List.of("python3", "python")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, candidate))) {
                    return Path.of(dir, candidate).toString();
                }
            }
        }
        throw new IllegalStateException("python3 is needed to run moto's server for the AWS API tests");
    }

    private static void run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("could not " + what + " (" + String.join(" ", command) + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
