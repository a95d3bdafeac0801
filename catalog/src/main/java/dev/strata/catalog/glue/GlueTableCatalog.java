package dev.strata.catalog.glue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.catalog.CatalogServiceException;
import dev.strata.catalog.CatalogServiceException.Category;
import dev.strata.catalog.TableCatalog;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.TableName;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The Glue Data Catalog as Strata's catalog: each entry is one Glue table in its zone's database (see
 * {@link GlueDatabases}) that Athena engine v3 reads natively as Delta ({@code table_type=DELTA}),
 * with the real columns, the partition keys and a Parquet SerDe so that other engines see the layout.
 *
 * <p>The entry's properties become table parameters, beside Strata's own {@code strata.*} parameters
 * (format, original location, registration times, column order, property keys). Tables without them
 * were not registered by Strata and are left alone; so are the Spectrum tables that
 * {@link #registerSpectrum} writes beside an entry. Registering the same definition again makes no
 * UpdateTable call; a changed definition replaces the whole table input and keeps {@code registeredAt}.
 */
public final class GlueTableCatalog implements TableCatalog {

    static final String TABLE_TYPE = "table_type";
    static final String EXTERNAL = "EXTERNAL";
    static final String CLASSIFICATION = "classification";
    static final String FORMAT = "strata.format";
    static final String LOCATION = "strata.location";
    static final String REGISTERED_AT = "strata.registered_at";
    static final String UPDATED_AT = "strata.updated_at";
    static final String COLUMNS = "strata.columns";
    static final String PROPERTIES = "strata.properties";
    static final String SPECTRUM_OF = "strata.spectrum_of";

    private static final Set<String> RESERVED = Set.of(TABLE_TYPE, EXTERNAL, CLASSIFICATION, FORMAT, LOCATION,
            REGISTERED_AT, UPDATED_AT, COLUMNS, PROPERTIES, SPECTRUM_OF);
    private static final Set<String> FORMATS = Set.of("delta", "parquet");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GlueClient glue;
    private final GlueDatabases databases;
    private final SpectrumTables spectrum;

    public GlueTableCatalog(GlueClient glue, GlueDatabases databases) {
        this.glue = Objects.requireNonNull(glue, "glue is null");
        this.databases = Objects.requireNonNull(databases, "databases is null");
        this.spectrum = new SpectrumTables(glue, databases);
    }

    @Override
    public void register(TableEntry entry) {
        Objects.requireNonNull(entry, "entry is null");
        String database = databases.database(entry.name().zone());
        String table = GlueDatabases.requireName("Glue table", entry.name().table());
        requireRegistrable(entry);
        Optional<Table> existing = table(database, table);
        if (existing.isEmpty()) {
            ensureDatabase(glue, database);
            TableInput input = tableInput(entry, entry.registeredAt(), entry.updatedAt(), Map.of());
            try {
                glue.createTable(r -> r.databaseName(database).tableInput(input));
                return;
            } catch (SdkException e) {
                if (!"AlreadyExistsException".equals(GlueFailures.code(e))) {
                    throw GlueFailures.translate("CreateTable", "table " + database + "." + table, e);
                }
                existing = table(database, table); // registered meanwhile by another run: compare with it
                if (existing.isEmpty()) {
                    throw GlueFailures.translate("CreateTable", "table " + database + "." + table, e);
                }
            }
        }
        Table current = existing.get();
        if (!isEntry(current)) {
            throw new CatalogServiceException(Category.INVALID, "Glue table " + database + "." + table
                    + " exists but Strata did not register it: drop it or register the entry under another name", null);
        }
        Instant registeredAt = instant(current, REGISTERED_AT);
        Instant updatedAt = instant(current, UPDATED_AT);
        Map<String, String> kept = othersParameters(current);
        if (shape(tableInput(entry, registeredAt, updatedAt, kept)).equals(shape(current))) {
            return;
        }
        TableInput input = tableInput(entry, registeredAt, entry.updatedAt(), kept);
        GlueFailures.call("UpdateTable", "table " + database + "." + table,
                () -> glue.updateTable(r -> r.databaseName(database).tableInput(input)));
    }

    @Override
    public Optional<TableEntry> lookup(TableName name) {
        Objects.requireNonNull(name, "name is null");
        String database = databases.database(name.zone());
        return table(database, name.table()).filter(GlueTableCatalog::isEntry).map(t -> entry(name.zone(), t));
    }

    @Override
    public List<TableEntry> list() {
        List<TableEntry> entries = new ArrayList<>();
        List<Database> found = new ArrayList<>();
        GlueFailures.call("GetDatabases", "the catalog", () -> {
            glue.getDatabasesPaginator(r -> r.maxResults(100)).forEach(page -> found.addAll(page.databaseList()));
            return found;
        });
        for (Database database : found) {
            Optional<String> zone = databases.zone(database.name());
            if (zone.isPresent()) {
                entries.addAll(entries(database.name(), zone.get()));
            }
        }
        entries.sort((a, b) -> a.name().compareTo(b.name()));
        return List.copyOf(entries);
    }

    @Override
    public List<TableEntry> list(String zone) {
        String database = databases.database(Objects.requireNonNull(zone, "zone is null"));
        List<TableEntry> entries = new ArrayList<>(entries(database, zone));
        entries.sort((a, b) -> a.name().compareTo(b.name()));
        return List.copyOf(entries);
    }

    @Override
    public boolean drop(TableName name) {
        Objects.requireNonNull(name, "name is null");
        String database = databases.database(name.zone());
        Optional<Table> existing = table(database, name.table());
        if (existing.isEmpty() || !isEntry(existing.get())) {
            return false;
        }
        spectrum.drop(name);
        return deleteTable(glue, database, name.table());
    }

    /**
     * Writes the Redshift Spectrum table over the entry's symlink manifest, in the entry's database, and
     * one partition per manifest folder; see {@link SpectrumTables#register}.
     */
    public SpectrumRegistration registerSpectrum(TableEntry entry, String spectrumTableName,
            List<Map<String, String>> partitions) {
        return spectrum.register(entry, spectrumTableName, partitions);
    }

    @Override
    public String toString() {
        return "GlueTableCatalog[" + databases + "]";
    }

    /** The table, or empty when it or its database does not exist. */
    private Optional<Table> table(String database, String table) {
        return table(glue, database, table);
    }

    static Optional<Table> table(GlueClient glue, String database, String table) {
        try {
            return Optional.of(glue.getTable(r -> r.databaseName(database).name(table)).table());
        } catch (SdkException e) {
            if ("EntityNotFoundException".equals(GlueFailures.code(e))) {
                return Optional.empty();
            }
            throw GlueFailures.translate("GetTable", "table " + database + "." + table, e);
        }
    }

    /** The tables of a database; empty when the database does not exist. */
    static List<Table> tables(GlueClient glue, String database) {
        List<Table> tables = new ArrayList<>();
        try {
            glue.getTablesPaginator(r -> r.databaseName(database).maxResults(100))
                    .forEach(page -> tables.addAll(page.tableList()));
        } catch (SdkException e) {
            if ("EntityNotFoundException".equals(GlueFailures.code(e))) {
                return List.of();
            }
            throw GlueFailures.translate("GetTables", "database " + database, e);
        }
        return tables;
    }

    static void ensureDatabase(GlueClient glue, String database) {
        try {
            glue.createDatabase(r -> r.databaseInput(DatabaseInput.builder().name(database)
                    .description("Strata tables").build()));
        } catch (SdkException e) {
            if (!"AlreadyExistsException".equals(GlueFailures.code(e))) {
                throw GlueFailures.translate("CreateDatabase", "database " + database, e);
            }
        }
    }

    static boolean deleteTable(GlueClient glue, String database, String table) {
        try {
            glue.deleteTable(r -> r.databaseName(database).name(table));
            return true;
        } catch (SdkException e) {
            if ("EntityNotFoundException".equals(GlueFailures.code(e))) {
                return false;
            }
            throw GlueFailures.translate("DeleteTable", "table " + database + "." + table, e);
        }
    }

    /** True for a table that {@link #register} wrote (not a Spectrum twin, not another tool's table). */
    static boolean isEntry(Table table) {
        Map<String, String> parameters = table.parameters();
        return parameters != null && parameters.containsKey(FORMAT) && parameters.containsKey(REGISTERED_AT)
                && parameters.containsKey(UPDATED_AT) && !parameters.containsKey(SPECTRUM_OF);
    }

    private List<TableEntry> entries(String database, String zone) {
        return tables(glue, database).stream().filter(GlueTableCatalog::isEntry).map(t -> entry(zone, t)).toList();
    }

    private static void requireRegistrable(TableEntry entry) {
        if (!FORMATS.contains(entry.format().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the Glue catalog registers delta or parquet tables, " + entry.name()
                    + " cannot be: " + entry.format());
        }
        for (String key : entry.properties().keySet()) {
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException("property " + key + " of " + entry.name()
                        + " is a parameter the Glue catalog writes itself; rename the property");
            }
        }
    }

    /** The parameters other tools put on a Strata table; an update keeps them. */
    private static Map<String, String> othersParameters(Table table) {
        Map<String, String> others = new TreeMap<>(table.parameters());
        others.keySet().removeAll(RESERVED);
        others.keySet().removeAll(strings(table, PROPERTIES));
        return others;
    }

    private static TableInput tableInput(TableEntry entry, Instant registeredAt, Instant updatedAt,
            Map<String, String> kept) {
        boolean delta = entry.format().equalsIgnoreCase("delta");
        Map<String, String> parameters = new TreeMap<>(kept);
        parameters.putAll(entry.properties());
        parameters.put(EXTERNAL, "TRUE");
        if (delta) {
            parameters.put(TABLE_TYPE, "DELTA");
        }
        parameters.put(CLASSIFICATION, entry.format().toLowerCase(Locale.ROOT));
        parameters.put(FORMAT, entry.format());
        parameters.put(LOCATION, entry.location());
        parameters.put(REGISTERED_AT, registeredAt.toString());
        parameters.put(UPDATED_AT, updatedAt.toString());
        parameters.put(PROPERTIES, json(entry.properties().keySet().stream().sorted().toList()));
        if (!entry.schema().isEmpty()) {
            parameters.put(COLUMNS, json(List.of(entry.schema().fieldNames())));
        }
        StorageDescriptor storage = StorageDescriptor.builder()
                .location(GlueTableLayout.s3Location(entry.location()))
                .columns(GlueTableLayout.dataColumns(entry))
                .inputFormat(GlueTableLayout.PARQUET_INPUT)
                .outputFormat(GlueTableLayout.PARQUET_OUTPUT)
                .serdeInfo(GlueTableLayout.parquetSerDe())
                .build();
        return TableInput.builder()
                .name(entry.name().table())
                .tableType("EXTERNAL_TABLE")
                .parameters(parameters)
                .storageDescriptor(storage)
                .partitionKeys(GlueTableLayout.partitionKeys(entry))
                .build();
    }

    /** What decides whether a table must be updated: everything Strata writes but the update time. */
    private static Shape shape(TableInput input) {
        return new Shape(input.tableType(), withoutUpdateTime(input.parameters()),
                GlueTableLayout.storage(input.storageDescriptor()), GlueTableLayout.columns(input.partitionKeys()));
    }

    private static Shape shape(Table table) {
        return new Shape(table.tableType(), withoutUpdateTime(table.parameters()),
                GlueTableLayout.storage(table.storageDescriptor()), GlueTableLayout.columns(table.partitionKeys()));
    }

    private static Map<String, String> withoutUpdateTime(Map<String, String> parameters) {
        Map<String, String> copy = new HashMap<>(parameters == null ? Map.of() : parameters);
        copy.remove(UPDATED_AT);
        return Map.copyOf(copy);
    }

    private TableEntry entry(String zone, Table table) {
        TableName name = new TableName(zone, table.name());
        Map<String, String> parameters = table.parameters();
        StorageDescriptor storage = table.storageDescriptor();
        String location = parameters.getOrDefault(LOCATION, storage == null ? null : storage.location());
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("Glue table " + table.databaseName() + "." + table.name()
                    + " has no location");
        }
        List<Column> keys = table.partitionKeys() == null ? List.of() : table.partitionKeys();
        List<String> partitionColumns = keys.stream().map(Column::name).toList();
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : strings(table, PROPERTIES)) {
            String value = parameters.get(key);
            if (value != null) {
                properties.put(key, value);
            }
        }
        return new TableEntry(name, location, parameters.get(FORMAT), partitionColumns, schema(table, keys),
                properties, instant(table, REGISTERED_AT), instant(table, UPDATED_AT));
    }

    private static StructType schema(Table table, List<Column> keys) {
        List<Column> data = table.storageDescriptor() == null || table.storageDescriptor().columns() == null
                ? List.of() : table.storageDescriptor().columns();
        if (data.isEmpty() && !table.parameters().containsKey(COLUMNS)) {
            return new StructType();
        }
        Map<String, StructField> fields = new LinkedHashMap<>();
        List<Column> all = new ArrayList<>(data);
        all.addAll(keys);
        for (Column column : all) {
            StructField field;
            try {
                field = new StructField(column.name(), HiveTypes.sparkType(column.type()), true,
                        Metadata.empty());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("column " + column.name() + " of Glue table " + table.databaseName()
                        + "." + table.name() + ": " + e.getMessage(), e);
            }
            fields.put(column.name(), column.comment() == null ? field : field.withComment(column.comment()));
        }
        List<String> order = strings(table, COLUMNS);
        List<StructField> ordered = new ArrayList<>();
        if (order.size() == fields.size() && fields.keySet().containsAll(order)) {
            order.forEach(n -> ordered.add(fields.get(n)));
        } else {
            ordered.addAll(fields.values());
        }
        return new StructType(ordered.toArray(new StructField[0]));
    }

    private static Instant instant(Table table, String parameter) {
        String value = table.parameters().get(parameter);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException("Glue table " + table.databaseName() + "." + table.name() + " has "
                    + parameter + " '" + value + "', not an ISO-8601 instant", e);
        }
    }

    private static List<String> strings(Table table, String parameter) {
        String value = table.parameters().get(parameter);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(value, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Glue table " + table.databaseName() + "." + table.name() + " has "
                    + parameter + " that is not a JSON list of names", e);
        }
    }

    private static String json(List<String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of names as JSON", e);
        }
    }

    private record Shape(String tableType, Map<String, String> parameters, GlueTableLayout.Storage storage,
            List<GlueTableLayout.ColumnShape> partitionKeys) {
    }
}
