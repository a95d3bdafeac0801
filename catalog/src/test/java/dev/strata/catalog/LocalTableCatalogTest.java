package dev.strata.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTableCatalogTest {

    private static final Instant FIRST = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final Instant LATER = Instant.parse("2026-02-01T00:00:00Z");

    @TempDir
    Path lake;

    private LocalTableCatalog catalog() {
        return new LocalTableCatalog(lake.toString(), new Configuration());
    }

    private static TableEntry entry(String name, String location, Instant at) {
        return new TableEntry(TableName.parse(name), location, "delta", List.of("ingest_date"),
                Map.of("strata.pipeline", "311", "strata.mode", "merge"), at, at);
    }

    @Test
    void registersAndLooksUpAnEntry() {
        LocalTableCatalog catalog = catalog();
        TableEntry entry = entry("clean.service_requests", "/lake/clean/service_requests", FIRST);

        catalog.register(entry);

        assertThat(catalog.lookup(TableName.parse("clean.service_requests"))).contains(entry);
        assertThat(catalog.lookup(TableName.parse("clean.unknown"))).isEmpty();
        assertThat(catalog.lookup(TableName.parse("other.service_requests"))).isEmpty();
    }

    @Test
    void storesOneJsonFilePerTableWithIsoInstants() throws IOException {
        catalog().register(entry("clean.service_requests", "s3a://bucket/lake/clean/service_requests", FIRST));

        Path file = lake.resolve("_catalog/clean/service_requests.json");
        assertThat(file).isRegularFile();
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).contains("\"name\" : \"clean.service_requests\"",
                "\"location\" : \"s3a://bucket/lake/clean/service_requests\"", "\"format\" : \"delta\"",
                "\"registered_at\" : \"2026-01-02T03:04:05.123456Z\"", "\"updated_at\" : \"2026-01-02T03:04:05.123456Z\"");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void persistsAcrossInstances() {
        TableEntry orders = entry("clean.orders", "/lake/clean/orders", FIRST);
        TableEntry daily = new TableEntry(TableName.parse("curated.daily"), "/lake/curated/daily", "parquet",
                List.of(), Map.of(), FIRST, LATER);
        catalog().register(orders);
        catalog().register(daily);

        LocalTableCatalog reopened = new LocalTableCatalog(lake.toUri().toString(), new Configuration());

        assertThat(reopened.lookup(TableName.parse("clean.orders"))).contains(orders);
        assertThat(reopened.lookup(TableName.parse("curated.daily"))).contains(daily);
        assertThat(reopened.list()).containsExactly(orders, daily);
    }

    @Test
    void listsSortedByNameAndByZone() {
        LocalTableCatalog catalog = catalog();
        TableEntry cleanZ = entry("clean.zones", "/z", FIRST);
        TableEntry curatedA = entry("curated.accounts", "/a", FIRST);
        TableEntry cleanA = entry("clean.accounts", "/a2", FIRST);
        TableEntry cleanBA = entry("clean_b.accounts", "/a3", FIRST);
        catalog.register(cleanZ);
        catalog.register(curatedA);
        catalog.register(cleanA);
        catalog.register(cleanBA);

        assertThat(catalog.list()).containsExactly(cleanA, cleanZ, cleanBA, curatedA);
        assertThat(catalog.list("clean")).containsExactly(cleanA, cleanZ);
        assertThat(catalog.list("curated")).containsExactly(curatedA);
        assertThat(catalog.list("raw")).isEmpty();
    }

    @Test
    void listsNothingInAnEmptyLake() {
        assertThat(catalog().list()).isEmpty();
        assertThat(catalog().list("clean")).isEmpty();
    }

    @Test
    void reRegisteringTheSameDefinitionChangesNothing() throws IOException {
        LocalTableCatalog catalog = catalog();
        TableEntry first = entry("clean.orders", "/lake/clean/orders", FIRST);
        catalog.register(first);
        Path file = lake.resolve("_catalog/clean/orders.json");
        String before = Files.readString(file);

        catalog.register(entry("clean.orders", "/lake/clean/orders", LATER));
        catalog.register(entry("clean.orders", "/lake/clean/orders", LATER));

        assertThat(catalog.lookup(TableName.parse("clean.orders"))).contains(first);
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(catalog.list()).containsExactly(first);
    }

    @Test
    void anUpdateKeepsRegisteredAtAndTakesTheNewUpdatedAt() {
        LocalTableCatalog catalog = catalog();
        catalog.register(entry("clean.orders", "/lake/clean/orders", FIRST));

        TableEntry moved = new TableEntry(TableName.parse("clean.orders"), "/lake/v2/orders", "delta",
                List.of("ingest_date", "region"), Map.of("strata.mode", "replace"), LATER, LATER);
        catalog.register(moved);

        TableEntry stored = catalog.lookup(TableName.parse("clean.orders")).orElseThrow();
        assertThat(stored).isEqualTo(new TableEntry(TableName.parse("clean.orders"), "/lake/v2/orders", "delta",
                List.of("ingest_date", "region"), Map.of("strata.mode", "replace"), FIRST, LATER));
        assertThat(new LocalTableCatalog(lake.toString(), new Configuration()).list()).containsExactly(stored);
    }

    @Test
    void dropsAnEntryButNotItsNeighbours() {
        LocalTableCatalog catalog = catalog();
        TableEntry orders = entry("clean.orders", "/o", FIRST);
        TableEntry customers = entry("clean.customers", "/c", FIRST);
        catalog.register(orders);
        catalog.register(customers);

        assertThat(catalog.drop(TableName.parse("clean.orders"))).isTrue();
        assertThat(catalog.drop(TableName.parse("clean.orders"))).isFalse();
        assertThat(catalog.drop(TableName.parse("curated.never"))).isFalse();

        assertThat(catalog.lookup(TableName.parse("clean.orders"))).isEmpty();
        assertThat(catalog.list()).containsExactly(customers);
        assertThat(catalog().list()).containsExactly(customers);
    }

    @Test
    void aDroppedTableCanBeRegisteredAgainAsNew() {
        LocalTableCatalog catalog = catalog();
        catalog.register(entry("clean.orders", "/o", FIRST));
        catalog.drop(TableName.parse("clean.orders"));

        TableEntry again = entry("clean.orders", "/o", LATER);
        catalog.register(again);

        assertThat(catalog.lookup(TableName.parse("clean.orders"))).contains(again);
    }

    @Test
    void ignoresFilesThatAreNotEntries() throws IOException {
        LocalTableCatalog catalog = catalog();
        TableEntry orders = entry("clean.orders", "/o", FIRST);
        catalog.register(orders);
        Files.writeString(lake.resolve("_catalog/clean/.orders.json.abc.tmp"), "partial");
        Files.writeString(lake.resolve("_catalog/clean/notes.txt"), "not an entry");

        assertThat(catalog.list()).containsExactly(orders);
    }

    @Test
    void aDamagedEntrySaysWhichFile() throws IOException {
        Files.createDirectories(lake.resolve("_catalog/clean"));
        Files.writeString(lake.resolve("_catalog/clean/orders.json"), "{\"name\": \"clean.orders\"}");

        assertThatThrownBy(() -> catalog().lookup(TableName.parse("clean.orders")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orders.json")
                .hasMessageContaining("field 'location' is missing");
    }

    @Test
    void rejectsBadArguments() {
        LocalTableCatalog catalog = catalog();
        assertThatThrownBy(() -> catalog.list("Clean")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zone must match [a-z][a-z0-9_]*, cannot be: 'Clean'");
        assertThatThrownBy(() -> catalog.list("*")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'*'");
        assertThatThrownBy(() -> catalog.list(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("zone is null");
        assertThatThrownBy(() -> catalog.register(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("entry is null");
        assertThatThrownBy(() -> catalog.lookup(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("name is null");
        assertThatThrownBy(() -> catalog.drop(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("name is null");
        assertThatThrownBy(() -> new LocalTableCatalog(null, new Configuration()))
                .isInstanceOf(NullPointerException.class).hasMessage("lakeUri is null");
        assertThatThrownBy(() -> new LocalTableCatalog(lake.toString(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("conf is null");
        assertThatThrownBy(() -> new LocalTableCatalog(" ", new Configuration()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lakeUri cannot be blank");
    }

    @Test
    void entriesAreImmutableValues() {
        assertThatThrownBy(() -> entry("clean.orders", " ", FIRST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("location of clean.orders cannot be blank");
        TableEntry entry = entry("clean.orders", "/o", FIRST);
        assertThatThrownBy(() -> entry.partitionColumns().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entry.properties().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(entry.sameDefinition(entry("clean.orders", "/o", LATER))).isTrue();
        assertThat(entry.sameDefinition(entry("clean.orders", "/p", FIRST))).isFalse();
    }
}
