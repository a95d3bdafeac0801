package dev.strata.catalog.warehouse;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Redshift external schema over a Glue Data Catalog database, through which Redshift Spectrum reads the lake.
 *
 * @param schema     the external schema in Redshift
 * @param database   the Glue database
 * @param iamRoleArn the role Redshift assumes to read Glue and S3
 * @param region     the Glue database's region, when it is not the cluster's
 */
public record SpectrumSchema(String schema, String database, String iamRoleArn, Optional<String> region) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]");

    public SpectrumSchema {
        schema = SqlName.of("external schema", schema).value();
        database = SqlName.of("Glue database", database).value();
        iamRoleArn = LoadPlan.iamRole(Objects.requireNonNull(iamRoleArn, "iamRoleArn is null"));
        Objects.requireNonNull(region, "region is null");
        region.ifPresent(name -> {
            if (!REGION.matcher(name).matches()) {
                throw new IllegalArgumentException("a region looks like eu-west-1, cannot be: '" + name + "'");
            }
        });
    }

    /** An external schema over a database in the cluster's own region. */
    public SpectrumSchema(String schema, String database, String iamRoleArn) {
        this(schema, database, iamRoleArn, Optional.empty());
    }

    /** {@code CREATE EXTERNAL SCHEMA IF NOT EXISTS … FROM DATA CATALOG DATABASE … IAM_ROLE … [REGION …]}. */
    public String createStatement() {
        return "CREATE EXTERNAL SCHEMA IF NOT EXISTS " + new SqlName(schema).quoted()
                + " FROM DATA CATALOG DATABASE '" + database + "' IAM_ROLE '" + iamRoleArn + "'"
                + region.map(name -> " REGION '" + name + "'").orElse("");
    }
}
