package dev.strata.catalog.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Fills the stage with Redshift's {@code COPY … FORMAT AS PARQUET MANIFEST} from the Parquet files a manifest lists.
 * Parquet columns load by position, so the files' columns must be the stage's columns in the same order. Access is
 * through an IAM role only; access keys are not offered.
 */
public final class CopyFromManifest implements StageFill {

    private final String manifestUrl;
    private final String iamRoleArn;

    /** Both arguments are checked as {@link LoadPlan} checks them. */
    public CopyFromManifest(String manifestUrl, String iamRoleArn) {
        this.manifestUrl = TableDefinition.s3Location(Objects.requireNonNull(manifestUrl, "manifestUrl is null"));
        this.iamRoleArn = LoadPlan.iamRole(Objects.requireNonNull(iamRoleArn, "iamRoleArn is null"));
    }

    @Override
    public String kind() {
        return "COPY";
    }

    @Override
    public List<String> statements(StageTable stage) {
        Objects.requireNonNull(stage, "stage is null");
        return List.of("COPY " + stage.quotedName() + " FROM '" + manifestUrl + "' IAM_ROLE '" + iamRoleArn
                + "' FORMAT AS PARQUET MANIFEST");
    }

    @Override
    public void fill(Connection connection, StageTable stage, Consumer<String> statementLog) throws SQLException {
        Objects.requireNonNull(connection, "connection is null");
        Objects.requireNonNull(statementLog, "statementLog is null");
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(stage)) {
                statementLog.accept(sql);
                statement.execute(sql);
            }
        }
    }
}
