package dev.strata.etl.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.catalog.testing.MotoServer;
import dev.strata.etl.ServiceFailure;
import dev.strata.etl.UserError;
import dev.strata.etl.lake.Lake;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The pipeline lock of an S3 lake, on moto's S3: exclusive between runs that race for it. */
class S3PipelineLockTest {

    private static final String BUCKET = "strata-lock-test";
    private static final Clock CLOCK = Clock.systemUTC();

    static MotoServer moto;
    static S3Client s3;

    @BeforeAll
    static void startS3() {
        moto = MotoServer.shared();
        s3 = dev.strata.etl.lake.S3Clients.forBucket(conf(moto.endpoint().toString()), BUCKET);
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void closeClient() {
        s3.close();
    }

    /** The S3A settings a command gets from --s3-endpoint, --s3-path-style and keys in --conf. */
    static Configuration conf(String endpoint) {
        Configuration conf = new Configuration(false);
        conf.set("fs.s3a.endpoint", endpoint);
        conf.set("fs.s3a.endpoint.region", MotoServer.REGION);
        conf.set("fs.s3a.path.style.access", "true");
        conf.set("fs.s3a.access.key", MotoServer.ACCESS_KEY);
        conf.set("fs.s3a.secret.key", MotoServer.SECRET_KEY);
        return conf;
    }

    private static Lake lake(String prefix) {
        return new Lake("s3a://" + BUCKET + "/" + prefix, conf(moto.endpoint().toString()));
    }

    private static Optional<String> lockObject(String prefix, String pipeline) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(prefix + "/_locks/" + pipeline + ".lock"))
                    .asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Two runs racing for the lock, each released at the same instant; what each got. */
    private static List<Object> race(Lake lake, int runs) throws Exception {
        CyclicBarrier start = new CyclicBarrier(runs);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        try {
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String runId = "run-" + i;
                outcomes.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        return PipelineLock.acquire(lake, "p", runId, Duration.ZERO, CLOCK);
                    } catch (PipelineLock.PipelineBusy e) {
                        return e;
                    }
                }));
            }
            List<Object> result = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                result.add(outcome.get(60, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ofTwoRunsRacingForOneLakeExactlyOneHoldsTheLock() throws Exception {
        Lake lake = lake("race");
        for (int round = 0; round < 5; round++) {
            List<Object> outcomes = race(lake, 2);
            List<PipelineLock> winners = outcomes.stream().filter(PipelineLock.class::isInstance)
                    .map(PipelineLock.class::cast).toList();
            List<PipelineLock.PipelineBusy> losers = outcomes.stream().filter(PipelineLock.PipelineBusy.class::isInstance)
                    .map(PipelineLock.PipelineBusy.class::cast).toList();
            assertThat(winners).as("round " + round).hasSize(1);
            assertThat(losers).as("round " + round).hasSize(1);
            String winner = outcomes.get(0) instanceof PipelineLock ? "run-0" : "run-1";
            String loser = winner.equals("run-0") ? "run-1" : "run-0";
            assertThat(lockObject("race", "p")).hasValueSatisfying(owner -> assertThat(owner)
                    .startsWith("run=" + winner + " "));
            assertThat(losers.get(0)).hasMessageContaining("pipeline p is already running (run=" + winner + " ");
            assertThat(winners.get(0).location()).isEqualTo("s3a://" + BUCKET + "/race/_locks/p.lock");

            winners.get(0).close();
            assertThat(lockObject("race", "p")).isEmpty();
            try (PipelineLock after = PipelineLock.acquire(lake, "p", loser, Duration.ZERO, CLOCK)) {
                assertThat(lockObject("race", "p")).hasValueSatisfying(owner -> assertThat(owner)
                        .startsWith("run=" + loser + " "));
            }
            assertThat(lockObject("race", "p")).isEmpty();
        }
    }

    @Test
    void aSecondRunWaitsForTheFirstWithItsPatience() throws Exception {
        Lake lake = lake("patience");
        PipelineLock first = PipelineLock.acquire(lake, "p", "run-1", Duration.ZERO, CLOCK);
        CyclicBarrier waiting = new CyclicBarrier(2);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<PipelineLock> second = pool.submit(() -> {
                waiting.await(30, TimeUnit.SECONDS);
                return PipelineLock.acquire(lake, "p", "run-2", Duration.ofSeconds(60), CLOCK);
            });
            waiting.await(30, TimeUnit.SECONDS);
            first.close();
            try (PipelineLock lock = second.get(60, TimeUnit.SECONDS)) {
                assertThat(lockObject("patience", "p")).hasValueSatisfying(o -> assertThat(o).startsWith("run=run-2 "));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLockLeftByADeadProcessOnThisHostIsTakenOverByOneRunOnly() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        String stale = "run=old pid=" + dead.pid() + " host=" + InetAddress.getLocalHost().getHostName()
                + " since=2026-01-01T00:00:00Z";
        for (int round = 0; round < 3; round++) {
            s3.putObject(b -> b.bucket(BUCKET).key("stale/_locks/p.lock"), RequestBody.fromString(stale));
            List<Object> outcomes = race(lake("stale"), 2);
            assertThat(outcomes).as("round " + round).filteredOn(PipelineLock.class::isInstance).hasSize(1);
            assertThat(outcomes).as("round " + round).filteredOn(PipelineLock.PipelineBusy.class::isInstance)
                    .hasSize(1);
            assertThat(lockObject("stale", "p")).hasValueSatisfying(o -> assertThat(o).doesNotContain("run=old"));
            outcomes.stream().filter(PipelineLock.class::isInstance).map(PipelineLock.class::cast)
                    .forEach(PipelineLock::close);
        }
    }

    @Test
    void aLockHeldByALiveProcessElsewhereIsNotTakenOver() {
        s3.putObject(b -> b.bucket(BUCKET).key("elsewhere/_locks/p.lock"),
                RequestBody.fromString("run=other pid=1 host=another-host since=2026-01-01T00:00:00Z"));
        assertThatThrownBy(() -> PipelineLock.acquire(lake("elsewhere"), "p", "run-new", Duration.ZERO, CLOCK))
                .isInstanceOf(PipelineLock.PipelineBusy.class)
                .hasMessage("pipeline p is already running (run=other pid=1 host=another-host "
                        + "since=2026-01-01T00:00:00Z); wait for it to finish or pass --wait SECONDS");
    }

    @Test
    void aBucketThatIsNotThereIsAUserMistake() {
        Lake lake = new Lake("s3a://strata-no-such-bucket/lake", conf(moto.endpoint().toString()));
        assertThatThrownBy(() -> PipelineLock.acquire(lake, "p", "run-1", Duration.ZERO, CLOCK))
                .isInstanceOf(UserError.class)
                .hasMessage("the lake's bucket 'strata-no-such-bucket' does not exist "
                        + "(s3a://strata-no-such-bucket/lake/_locks/p.lock)");
    }

    @Test
    void anUnreachableEndpointIsAServiceFailureOfOneLineWithoutCredentials() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Configuration conf = conf("http://127.0.0.1:" + closedPort);
        conf.set("fs.s3a.access.key", "AKIAABCDEFGHIJKLMNOP");
        conf.set("fs.s3a.secret.key", "a-secret-value");
        Lake lake = new Lake("s3a://" + BUCKET + "/unreachable", conf);
        assertThatThrownBy(() -> PipelineLock.acquire(lake, "p", "run-1", Duration.ZERO, CLOCK))
                .isInstanceOf(ServiceFailure.class)
                .hasMessageStartingWith("cannot reach S3 for PutObject on s3a://" + BUCKET
                        + "/unreachable/_locks/p.lock: check --s3-endpoint, --s3-region, the credentials and the network")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("a-secret-value")
                        .doesNotContain("AKIAABCDEFGHIJKLMNOP"));
    }
}
