package dev.strata.etl.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.etl.lake.Lake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunStopsWithTheHolderNamed() {
        Lake lake = new Lake(dir.toString(), new Configuration());
        try (PipelineLock first = PipelineLock.acquire(lake, "p", "run-1", Duration.ZERO, Clock.systemUTC())) {
            assertThatThrownBy(() -> PipelineLock.acquire(lake, "p", "run-2", Duration.ofMillis(600),
                    Clock.systemUTC()))
                    .isInstanceOf(PipelineLock.PipelineBusy.class)
                    .hasMessageContaining("pipeline p is already running")
                    .hasMessageContaining("run=run-1");
        }
        try (PipelineLock again = PipelineLock.acquire(lake, "p", "run-3", Duration.ZERO, Clock.systemUTC())) {
            assertThat(Files.exists(dir.resolve("_locks/p.lock"))).isTrue();
        }
        assertThat(Files.exists(dir.resolve("_locks/p.lock"))).isFalse();
    }

    @Test
    void aLockLeftByADeadProcessOnThisHostIsTakenOver() throws Exception {
        Lake lake = new Lake(dir.toString(), new Configuration());
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.createDirectories(dir.resolve("_locks"));
        Files.writeString(dir.resolve("_locks/p.lock"), "run=old pid=" + dead.pid() + " host="
                + java.net.InetAddress.getLocalHost().getHostName() + " since=2026-01-01T00:00:00Z");
        try (PipelineLock lock = PipelineLock.acquire(lake, "p", "run-new", Duration.ZERO, Clock.systemUTC())) {
            assertThat(Files.readString(dir.resolve("_locks/p.lock"))).contains("run=run-new");
        }
    }
}
