package dev.strata.etl.run;

import dev.strata.etl.ServiceFailure;
import dev.strata.etl.lake.Lake;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One run of a pipeline at a time: a lock file {@code <lake>/_locks/<pipeline>.lock} created only if
 * absent. A second run waits up to its patience, then stops with a message naming the holder. A lock
 * left by a process that died on this host is taken over. Delta's optimistic concurrency still guards
 * each table underneath.
 */
public final class PipelineLock implements AutoCloseable {

    private final Lake lake;
    private final Path path;
    private final String owner;
    private boolean held;

    private PipelineLock(Lake lake, Path path, String owner) {
        this.lake = lake;
        this.path = path;
        this.owner = owner;
    }

    public static PipelineLock acquire(Lake lake, String pipeline, String runId, Duration patience, Clock clock) {
        Objects.requireNonNull(lake, "lake is null");
        Path path = new Path(lake.locks() + "/" + pipeline + ".lock");
        String owner = "run=" + runId + " pid=" + ProcessHandle.current().pid() + " host=" + host() + " since="
                + clock.instant();
        PipelineLock lock = new PipelineLock(lake, path, owner);
        Instant deadline = clock.instant().plus(patience);
        while (true) {
            if (lock.tryCreate()) {
                return lock;
            }
            String holder = lake.exists(path.toString()) ? lake.readText(path.toString()).trim() : "";
            if (isStale(holder)) {
                lock.delete();
                continue;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new PipelineBusy("pipeline " + pipeline + " is already running (" + holder
                        + "); wait for it to finish or pass --wait SECONDS");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineBusy("interrupted while waiting for pipeline " + pipeline);
            }
        }
    }

    private boolean tryCreate() {
        FileSystem fs = lake.fileSystem(path.toString());
        try {
            fs.mkdirs(path.getParent());
            try (OutputStream out = fs.create(path, false)) {
                out.write(owner.getBytes(StandardCharsets.UTF_8));
            }
            held = true;
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (lake.exists(path.toString())) {
                return false;
            }
            throw new ServiceFailure("cannot create lock " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean isStale(String holder) {
        String pid = field(holder, "pid");
        String host = field(holder, "host");
        if (pid == null || host == null || !host.equals(host())) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String field(String text, String name) {
        for (String part : text.split("\\s+")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void delete() {
        try {
            lake.fileSystem(path.toString()).delete(path, false);
        } catch (IOException e) {
            throw new ServiceFailure("cannot remove stale lock " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (held) {
            delete();
            held = false;
        }
    }

    /** Another run holds the pipeline. */
    public static final class PipelineBusy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PipelineBusy(String message) {
            super(message);
        }
    }
}
