package dev.strata.catalog.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/** How a load puts its rows into the stage table, inside the load's transaction. */
public interface StageFill {

    /** A short name of what this fill runs, for error messages ("COPY", "INSERT"). */
    String kind();

    /** The statements this fill runs against {@code stage}, as they are logged. */
    List<String> statements(StageTable stage);

    /** Fills {@code stage}; every statement goes to {@code statementLog} before it runs. */
    void fill(Connection connection, StageTable stage, Consumer<String> statementLog) throws SQLException;
}
