package dev.strata.etl.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.etl.UserError;
import dev.strata.etl.lake.Lake;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawZoneTest {

    @TempDir
    Path dir;

    private RawZone zone(String instant) {
        return new RawZone(new Lake(dir.resolve("lake").toString(), new Configuration()),
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void copiesFilesWithAManifestAndSkipsContentAlreadyIngested() throws Exception {
        Path incoming = Files.createDirectories(dir.resolve("in"));
        Files.writeString(incoming.resolve("a.csv"), "id\n1\n");
        Files.writeString(incoming.resolve("b.csv"), "id\n2\n");
        Files.writeString(incoming.resolve("README.md"), "not data");

        IngestResult first = zone("2026-01-02T03:04:05Z").ingest("requests", incoming.toString());
        BatchManifest batch = first.batch().orElseThrow();
        assertThat(batch.batchId()).startsWith("20260102T030405Z-");
        assertThat(batch.ingestDate()).isEqualTo("2026-01-02");
        assertThat(batch.files()).extracting(IngestedFile::name).containsExactly("a.csv", "b.csv");
        assertThat(batch.files().get(0).sha256()).isEqualTo(sha256("id\n1\n"));
        assertThat(batch.files().get(0).bytes()).isEqualTo(5);
        Path copied = Path.of(java.net.URI.create(batch.location())).resolve("a.csv");
        assertThat(Files.readString(copied)).isEqualTo("id\n1\n");

        IngestResult again = zone("2026-01-03T00:00:00Z").ingest("requests", incoming.toString());
        assertThat(again.batch()).isEmpty();
        assertThat(again.alreadyIngested()).hasSize(2);

        Files.writeString(incoming.resolve("c.csv"), "id\n3\n");
        IngestResult third = zone("2026-01-04T00:00:00Z").ingest("requests", incoming.toString());
        assertThat(third.batch().orElseThrow().files()).extracting(IngestedFile::name).containsExactly("c.csv");
        assertThat(third.alreadyIngested()).hasSize(2);
        assertThat(zone("2026-01-05T00:00:00Z").batches("requests")).hasSize(2);
    }

    @Test
    void aBatchWithoutManifestIsIgnored() throws Exception {
        Path incoming = Files.createDirectories(dir.resolve("in"));
        Files.writeString(incoming.resolve("a.csv"), "id\n1\n");
        Path interrupted = dir.resolve("lake/raw/requests/ingest_date=2026-01-01/batch_id=x");
        Files.createDirectories(interrupted);
        Files.writeString(interrupted.resolve("a.csv"), "id\n1\n");
        RawZone zone = zone("2026-01-02T00:00:00Z");
        assertThat(zone.batches("requests")).isEmpty();
        assertThat(zone.ingest("requests", incoming.toString()).batch()).isPresent();
        try (Stream<Path> files = Files.walk(interrupted)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void missingSourcePathIsAUserError() {
        assertThatThrownBy(() -> zone("2026-01-02T00:00:00Z").ingest("requests", dir.resolve("nope").toString()))
                .isInstanceOf(UserError.class).hasMessageContaining("does not exist");
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
