package dev.strata.catalog.warehouse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One table's load into Redshift: the target table (schema, name, columns in the data files' order, key columns,
 * layout, VARCHAR lengths), where COPY reads the data (a manifest of Parquet files and the IAM role Redshift assumes)
 * and which server flavor runs the SQL. A table without key columns is replaced whole by each load.
 *
 * @param table       the target; its primary key is the MERGE key
 * @param manifestUrl {@code s3://…} manifest listing the Parquet files, for {@link CopyFromManifest}
 * @param iamRoleArn  the role Redshift assumes to read S3, for {@link CopyFromManifest}
 * @param flavor      Redshift, or PostgreSQL for tests
 */
public record LoadPlan(TableDefinition table, Optional<String> manifestUrl, Optional<String> iamRoleArn,
                       WarehouseFlavor flavor) {

    /** The names the load gives its temporary tables and its row-number column; a target cannot use them. */
    public static final String STAGE_TABLE = "strata_stage";
    public static final String UNIQUE_STAGE_TABLE = "strata_stage_unique";
    public static final String ROW_NUMBER_COLUMN = "strata_row";

    private static final Pattern IAM_ROLE_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}");

    public LoadPlan {
        Objects.requireNonNull(table, "table is null");
        Objects.requireNonNull(manifestUrl, "manifestUrl is null");
        Objects.requireNonNull(iamRoleArn, "iamRoleArn is null");
        Objects.requireNonNull(flavor, "flavor is null");
        if (table.name().equals(STAGE_TABLE) || table.name().equals(UNIQUE_STAGE_TABLE)) {
            throw new IllegalArgumentException("a loaded table cannot be named " + table.name()
                    + ": the load's staging tables have that name");
        }
        if (table.columnNames().contains(ROW_NUMBER_COLUMN)) {
            throw new IllegalArgumentException("a loaded table cannot have a column named " + ROW_NUMBER_COLUMN
                    + ": the load numbers duplicate rows with it");
        }
        manifestUrl = manifestUrl.map(TableDefinition::s3Location);
        iamRoleArn = iamRoleArn.map(LoadPlan::iamRole);
    }

    /** Checks an IAM role ARN and returns it. */
    static String iamRole(String arn) {
        Objects.requireNonNull(arn, "arn is null");
        if (!IAM_ROLE_ARN.matcher(arn).matches()) {
            throw new IllegalArgumentException("an IAM role ARN looks like arn:aws:iam::123456789012:role/name,"
                    + " cannot be: '" + arn + "'");
        }
        return arn;
    }

    /** A plan whose stage is filled some other way than COPY (for example {@link BatchInsert}). */
    public static LoadPlan withoutCopy(TableDefinition table, WarehouseFlavor flavor) {
        return new LoadPlan(table, Optional.empty(), Optional.empty(), flavor);
    }

    /** A plan that COPYs the Parquet files {@code manifestUrl} lists, as {@code iamRoleArn}. */
    public static LoadPlan fromManifest(TableDefinition table, String manifestUrl, String iamRoleArn,
                                        WarehouseFlavor flavor) {
        Objects.requireNonNull(manifestUrl, "manifestUrl is null");
        Objects.requireNonNull(iamRoleArn, "iamRoleArn is null");
        return new LoadPlan(table, Optional.of(manifestUrl), Optional.of(iamRoleArn), flavor);
    }

    /** The MERGE key: the table's primary key (empty: the table is replaced whole). */
    public List<String> keyColumns() {
        return table.primaryKey();
    }

    /** The COPY fill this plan's manifest and role describe. */
    public CopyFromManifest copyFromManifest() {
        String where = table.schema() + "." + table.name();
        return new CopyFromManifest(
                manifestUrl.orElseThrow(() -> new IllegalArgumentException("the load of " + where + " has no manifest URL")),
                iamRoleArn.orElseThrow(() -> new IllegalArgumentException("the load of " + where + " has no IAM role")));
    }
}
