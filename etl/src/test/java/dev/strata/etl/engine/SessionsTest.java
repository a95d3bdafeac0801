package dev.strata.etl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SessionsTest {

    @Test
    void aSiblingSessionCarriesTheSettingsMadeSinceAndKeepsItsOwnApart() {
        SparkSession parent = EngineTestSession.get().newSession();
        parent.conf().set("spark.strata.views.maxFilesPerTrigger", "1");
        parent.conf().set("spark.sql.shuffle.partitions", "3");
        SparkSession sibling = Sessions.sibling(parent);
        assertThat(sibling.sparkContext()).isSameAs(parent.sparkContext());
        assertThat(sibling.conf().get("spark.strata.views.maxFilesPerTrigger")).isEqualTo("1");
        assertThat(sibling.conf().get("spark.sql.shuffle.partitions")).isEqualTo("3");
        assertThat(parent.newSession().conf().contains("spark.strata.views.maxFilesPerTrigger"))
                .as("a bare new session would have lost it").isFalse();
        sibling.conf().set("spark.databricks.delta.commitInfo.userMetadata", "mine");
        assertThat(parent.conf().contains("spark.databricks.delta.commitInfo.userMetadata")).isFalse();
    }
}
