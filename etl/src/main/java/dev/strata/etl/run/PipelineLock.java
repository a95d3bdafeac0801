package dev.strata.etl.run;

import dev.strata.etl.lake.Lake;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a pipeline at a time: a lock {@code <lake>/_locks/<pipeline>.lock} created only if absent. On a
 * local or HDFS lake it is a file created exclusively; on an S3 lake ({@code s3a://}, {@code s3://}) an object
 * written with S3's conditional put ({@code If-None-Match: *}), which S3 makes exclusive where a plain put is
 * not. A second run waits up to its patience, then stops with a message naming the holder. A lock left by a
 * process that died on this host is taken over. Delta's optimistic concurrency still guards each table
 * underneath.
 */
public final class PipelineLock implements AutoCloseable {

    private final LockStore store;
    private boolean held;

    private PipelineLock(LockStore store) {
        this.store = store;
    }

    public static PipelineLock acquire(Lake lake, String pipeline, String runId, Duration patience, Clock clock) {
        Objects.requireNonNull(lake, "lake is null");
        Objects.requireNonNull(pipeline, "pipeline is null");
        Objects.requireNonNull(runId, "runId is null");
        Objects.requireNonNull(patience, "patience is null");
        Objects.requireNonNull(clock, "clock is null");
        String location = lake.locks() + "/" + pipeline + ".lock";
        LockStore store = lake.inS3() ? S3LockStore.at(location, lake.conf()) : new FileSystemLockStore(lake, location);
        try {
            PipelineLock lock = new PipelineLock(store);
            lock.take(pipeline, runId, patience, clock);
            return lock;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private void take(String pipeline, String runId, Duration patience, Clock clock) {
        String owner = "run=" + runId + " pid=" + ProcessHandle.current().pid() + " host=" + host() + " since="
                + clock.instant();
        Instant deadline = clock.instant().plus(patience);
        while (true) {
            if (store.create(owner)) {
                held = true;
                return;
            }
            Optional<LockStore.Held> holder = store.read();
            if (holder.isEmpty()) {
                continue; // released between the two calls: try again at once
            }
            if (isStale(holder.get().owner())) {
                if (store.replace(holder.get(), owner)) {
                    held = true;
                    return;
                }
                continue;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new PipelineBusy("pipeline " + pipeline + " is already running (" + holder.get().owner()
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

    /** Where the lock is. */
    public String location() {
        return store.location();
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

    @Override
    public void close() {
        try {
            if (held) {
                store.delete();
                held = false;
            }
        } finally {
            store.close();
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
