package dev.strata.catalog.glue;

import dev.strata.catalog.CatalogServiceException;
import dev.strata.catalog.CatalogServiceException.Category;
import dev.strata.catalog.TableEntry;
import dev.strata.catalog.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchDeletePartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionFailureEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionResponse;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The Redshift Spectrum twin of a Delta table: a Glue table over the Delta symlink manifest
 * ({@code <location>/_symlink_format_manifest/}, written by {@code GENERATE symlink_format_manifest})
 * with {@code SymlinkTextInputFormat} and the Parquet SerDe, and one Glue partition per manifest folder.
 *
 * <p>Partitions are given as maps from each partition column to its raw value (Delta writes a null value
 * as the folder {@code __HIVE_DEFAULT_PARTITION__}: pass that string). Their folders are written the way
 * Spark and Delta escape partition values. New partitions are created with BatchCreatePartition (100 a
 * call); a partition that already exists is updated with BatchUpdatePartition (100 a call) only when its
 * definition differs; partitions whose folder is no longer listed are deleted (25 a call). Glue's
 * per-partition errors are returned, not thrown.
 */
public final class SpectrumTables {

    static final int CREATE_BATCH = 100;
    static final int UPDATE_BATCH = 100;
    static final int DELETE_BATCH = 25;
    static final int GET_BATCH = 1000;

    private final GlueClient glue;
    private final GlueDatabases databases;

    public SpectrumTables(GlueClient glue, GlueDatabases databases) {
        this.glue = Objects.requireNonNull(glue, "glue is null");
        this.databases = Objects.requireNonNull(databases, "databases is null");
    }

    /**
     * Creates or updates the Spectrum table {@code spectrumTableName} in the entry's database and brings
     * its partitions in line with {@code partitions}; a second identical call changes nothing.
     */
    public SpectrumRegistration register(TableEntry entry, String spectrumTableName,
            List<Map<String, String>> partitions) {
        Objects.requireNonNull(entry, "entry is null");
        Objects.requireNonNull(partitions, "partitions is null");
        GlueDatabases.requireName("Spectrum table", spectrumTableName);
        if (entry.schema().isEmpty()) {
            throw new IllegalArgumentException("the Spectrum table of " + entry.name()
                    + " needs the entry's columns, and its schema is empty");
        }
        if (spectrumTableName.equals(entry.name().table())) {
            throw new IllegalArgumentException("the Spectrum table of " + entry.name()
                    + " needs a name of its own, cannot be: " + spectrumTableName);
        }
        String database = databases.database(entry.name().zone());
        String target = database + "." + spectrumTableName;
        Map<List<String>, PartitionInput> wanted = partitionInputs(entry, partitions);

        SpectrumRegistration.Change change = registerTable(entry, database, spectrumTableName);
        Map<List<String>, Partition> existing = existingPartitions(database, spectrumTableName);

        List<String> errors = new ArrayList<>();
        List<PartitionInput> toCreate = new ArrayList<>();
        List<PartitionInput> toCompare = new ArrayList<>();
        for (Map.Entry<List<String>, PartitionInput> e : wanted.entrySet()) {
            (existing.containsKey(e.getKey()) ? toCompare : toCreate).add(e.getValue());
        }
        int created = 0;
        List<PartitionInput> alreadyThere = new ArrayList<>();
        for (List<PartitionInput> batch : batches(toCreate, CREATE_BATCH)) {
            BatchCreatePartitionResponse response = GlueFailures.call("BatchCreatePartition", "table " + target,
                    () -> glue.batchCreatePartition(r -> r.databaseName(database).tableName(spectrumTableName)
                            .partitionInputList(batch)));
            int failed = 0;
            for (PartitionError error : response.errors()) {
                failed++;
                if ("AlreadyExistsException".equals(code(error.errorDetail()))) {
                    alreadyThere.add(wanted.get(error.partitionValues()));
                } else {
                    errors.add(line("create", target, error.partitionValues(), error.errorDetail()));
                }
            }
            created += batch.size() - failed;
        }
        if (!alreadyThere.isEmpty()) {
            existing.putAll(partitionsByValues(database, spectrumTableName, alreadyThere));
            toCompare.addAll(alreadyThere);
        }

        int unchanged = 0;
        List<PartitionInput> toUpdate = new ArrayList<>();
        for (PartitionInput input : toCompare) {
            Partition current = existing.get(input.values());
            if (current != null && GlueTableLayout.storage(current.storageDescriptor())
                    .equals(GlueTableLayout.storage(input.storageDescriptor()))) {
                unchanged++;
            } else {
                toUpdate.add(input);
            }
        }
        int updated = 0;
        for (List<PartitionInput> batch : batches(toUpdate, UPDATE_BATCH)) {
            List<BatchUpdatePartitionRequestEntry> entries = batch.stream()
                    .map(p -> BatchUpdatePartitionRequestEntry.builder().partitionValueList(p.values())
                            .partitionInput(p).build())
                    .toList();
            BatchUpdatePartitionResponse response = GlueFailures.call("BatchUpdatePartition", "table " + target,
                    () -> glue.batchUpdatePartition(r -> r.databaseName(database).tableName(spectrumTableName)
                            .entries(entries)));
            for (BatchUpdatePartitionFailureEntry error : response.errors()) {
                errors.add(line("update", target, error.partitionValueList(), error.errorDetail()));
            }
            updated += batch.size() - response.errors().size();
        }

        List<PartitionValueList> toDelete = existing.keySet().stream().filter(values -> !wanted.containsKey(values))
                .map(values -> PartitionValueList.builder().values(values).build()).toList();
        int deleted = 0;
        for (List<PartitionValueList> batch : batches(toDelete, DELETE_BATCH)) {
            BatchDeletePartitionResponse response = GlueFailures.call("BatchDeletePartition", "table " + target,
                    () -> glue.batchDeletePartition(r -> r.databaseName(database).tableName(spectrumTableName)
                            .partitionsToDelete(batch)));
            for (PartitionError error : response.errors()) {
                if (!"EntityNotFoundException".equals(code(error.errorDetail()))) { // else deleted meanwhile
                    errors.add(line("delete", target, error.partitionValues(), error.errorDetail()));
                }
            }
            deleted += batch.size() - response.errors().size();
        }
        return new SpectrumRegistration(target, change, created, updated, deleted, unchanged, errors);
    }

    /** Drops the Spectrum tables registered for an entry; the number dropped. */
    public int drop(TableName entry) {
        Objects.requireNonNull(entry, "entry is null");
        String database = databases.database(entry.zone());
        int dropped = 0;
        for (Table table : GlueTableCatalog.tables(glue, database)) {
            if (table.parameters() != null
                    && entry.toString().equals(table.parameters().get(GlueTableCatalog.SPECTRUM_OF))
                    && GlueTableCatalog.deleteTable(glue, database, table.name())) {
                dropped++;
            }
        }
        return dropped;
    }

    private SpectrumRegistration.Change registerTable(TableEntry entry, String database, String table) {
        TableInput input = tableInput(entry, table);
        Optional<Table> existing = GlueTableCatalog.table(glue, database, table);
        if (existing.isEmpty()) {
            GlueTableCatalog.ensureDatabase(glue, database);
            try {
                glue.createTable(r -> r.databaseName(database).tableInput(input));
                return SpectrumRegistration.Change.CREATED;
            } catch (SdkException e) {
                existing = "AlreadyExistsException".equals(GlueFailures.code(e))
                        ? GlueTableCatalog.table(glue, database, table) : Optional.empty();
                if (existing.isEmpty()) { // else created meanwhile by another run: compare with it
                    throw GlueFailures.translate("CreateTable", "table " + database + "." + table, e);
                }
            }
        }
        Table current = existing.get();
        Map<String, String> parameters = current.parameters() == null ? Map.of() : current.parameters();
        if (!entry.name().toString().equals(parameters.get(GlueTableCatalog.SPECTRUM_OF))) {
            throw new CatalogServiceException(Category.INVALID, "Glue table " + database + "." + table
                    + " exists and is not the Spectrum table of " + entry.name()
                    + ": drop it or choose another Spectrum table name", null);
        }
        if (Objects.equals(current.tableType(), input.tableType())
                && parameters.equals(input.parameters())
                && GlueTableLayout.storage(current.storageDescriptor())
                        .equals(GlueTableLayout.storage(input.storageDescriptor()))
                && GlueTableLayout.columns(current.partitionKeys()).equals(GlueTableLayout.columns(input.partitionKeys()))) {
            return SpectrumRegistration.Change.UNCHANGED;
        }
        GlueFailures.call("UpdateTable", "table " + database + "." + table,
                () -> glue.updateTable(r -> r.databaseName(database).tableInput(input)));
        return SpectrumRegistration.Change.UPDATED;
    }

    private static TableInput tableInput(TableEntry entry, String table) {
        String root = GlueTableLayout.manifestRoot(entry.location());
        Map<String, String> parameters = Map.of(
                GlueTableCatalog.EXTERNAL, "TRUE",
                GlueTableCatalog.CLASSIFICATION, "parquet",
                GlueTableCatalog.SPECTRUM_OF, entry.name().toString(),
                GlueTableCatalog.LOCATION, entry.location());
        return TableInput.builder()
                .name(table)
                .tableType("EXTERNAL_TABLE")
                .parameters(parameters)
                .storageDescriptor(storage(entry, root))
                .partitionKeys(GlueTableLayout.partitionKeys(entry))
                .build();
    }

    private static StorageDescriptor storage(TableEntry entry, String location) {
        return StorageDescriptor.builder()
                .location(location)
                .columns(GlueTableLayout.dataColumns(entry))
                .inputFormat(GlueTableLayout.SYMLINK_INPUT)
                .outputFormat(GlueTableLayout.IGNORE_KEY_OUTPUT)
                .serdeInfo(GlueTableLayout.parquetSerDe())
                .build();
    }

    private static Map<List<String>, PartitionInput> partitionInputs(TableEntry entry,
            List<Map<String, String>> partitions) {
        List<String> columns = entry.partitionColumns();
        if (columns.isEmpty() && !partitions.isEmpty()) {
            throw new IllegalArgumentException(entry.name() + " has no partition columns, so its Spectrum table "
                    + "takes no partitions; " + partitions.size() + " given");
        }
        String root = GlueTableLayout.manifestRoot(entry.location());
        Map<List<String>, PartitionInput> inputs = new LinkedHashMap<>();
        for (Map<String, String> partition : partitions) {
            Objects.requireNonNull(partition, "partition is null");
            if (!partition.keySet().equals(Set.copyOf(columns))) {
                throw new IllegalArgumentException("a partition of " + entry.name() + " gives values for "
                        + partition.keySet() + ", it needs exactly " + columns);
            }
            List<String> values = new ArrayList<>();
            StringBuilder folder = new StringBuilder(root);
            for (String column : columns) {
                String value = partition.get(column);
                if (value == null) {
                    throw new IllegalArgumentException("partition value of " + column + " in " + entry.name()
                            + " is null; pass __HIVE_DEFAULT_PARTITION__ for a null partition");
                }
                values.add(value);
                folder.append(ExternalCatalogUtils.escapePathName(column)).append('=')
                        .append(ExternalCatalogUtils.escapePathName(value)).append('/');
            }
            inputs.put(List.copyOf(values), PartitionInput.builder().values(values)
                    .storageDescriptor(storage(entry, folder.toString())).build());
        }
        return inputs;
    }

    private Map<List<String>, Partition> existingPartitions(String database, String table) {
        Map<List<String>, Partition> partitions = new LinkedHashMap<>();
        GlueFailures.call("GetPartitions", "table " + database + "." + table, () -> {
            glue.getPartitionsPaginator(r -> r.databaseName(database).tableName(table))
                    .forEach(page -> page.partitions().forEach(p -> partitions.put(List.copyOf(p.values()), p)));
            return partitions;
        });
        return partitions;
    }

    private Map<List<String>, Partition> partitionsByValues(String database, String table,
            List<PartitionInput> inputs) {
        Map<List<String>, Partition> found = new LinkedHashMap<>();
        for (List<PartitionInput> batch : batches(inputs, GET_BATCH)) {
            List<PartitionValueList> keys = batch.stream()
                    .map(p -> PartitionValueList.builder().values(p.values()).build()).toList();
            GlueFailures.call("BatchGetPartition", "table " + database + "." + table,
                    () -> glue.batchGetPartition(r -> r.databaseName(database).tableName(table)
                            .partitionsToGet(keys)))
                    .partitions().forEach(p -> found.put(List.copyOf(p.values()), p));
        }
        return found;
    }

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return batches;
    }

    private static String code(ErrorDetail detail) {
        return detail == null || detail.errorCode() == null ? "" : detail.errorCode();
    }

    private static String line(String action, String table, List<String> values, ErrorDetail detail) {
        StringJoiner shown = new StringJoiner(", ", "(", ")");
        (values == null ? List.<String>of() : values).forEach(shown::add);
        String message = detail == null ? "no details given" : GlueFailures.detail(detail.errorMessage());
        String code = code(detail).isEmpty() ? "UnknownError" : code(detail);
        return "cannot " + action + " partition " + shown + " of " + table + ": " + message + " (" + code + ")";
    }
}
