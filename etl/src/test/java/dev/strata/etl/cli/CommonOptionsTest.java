package dev.strata.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.etl.UserError;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;

class CommonOptionsTest {

    private static CommandLine line(String... args) throws ParseException {
        return new DefaultParser().parse(CommonOptions.lake(new Options()), args);
    }

    @Test
    void theS3OptionsBecomeTheirS3aSettings() throws Exception {
        Map<String, String> conf = CommonOptions.conf(line("--s3-endpoint", "http://127.0.0.1:5000/",
                "--s3-region", "eu-west-1", "--s3-path-style", "--conf", "spark.hadoop.fs.s3a.access.key=k"));
        assertThat(conf).containsExactlyInAnyOrderEntriesOf(Map.of(
                "spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:5000",
                "spark.hadoop.fs.s3a.endpoint.region", "eu-west-1",
                "spark.hadoop.fs.s3a.path.style.access", "true",
                "spark.hadoop.fs.s3a.access.key", "k"));
        assertThat(CommonOptions.conf(line())).isEmpty();
    }

    @Test
    void anOptionAndAConfThatAgreeAreFineAndThatDisagreeAreAMistake() throws Exception {
        assertThat(CommonOptions.conf(line("--s3-path-style", "--conf", "spark.hadoop.fs.s3a.path.style.access=TRUE")))
                .containsEntry("spark.hadoop.fs.s3a.path.style.access", "true");
        assertThatThrownBy(() -> CommonOptions.conf(line("--s3-endpoint", "http://a:1", "--conf",
                "spark.hadoop.fs.s3a.endpoint=http://b:2")))
                .isInstanceOf(UserError.class)
                .hasMessage("--s3-endpoint http://a:1 and --conf spark.hadoop.fs.s3a.endpoint=http://b:2 disagree; "
                        + "give one of them");
    }

    @Test
    void badS3OptionsAreMistakes() {
        for (String endpoint : new String[] {"127.0.0.1:5000", "ftp://host", "http://", "http://host/path", "not a url"}) {
            assertThatThrownBy(() -> CommonOptions.conf(line("--s3-endpoint", endpoint))).as(endpoint)
                    .isInstanceOf(UserError.class)
                    .hasMessage("--s3-endpoint must be an http:// or https:// URL with a host and no path, "
                            + "e.g. http://127.0.0.1:5000, not '" + endpoint + "'");
        }
        assertThatThrownBy(() -> CommonOptions.conf(line("--s3-region", "EU West")))
                .isInstanceOf(UserError.class)
                .hasMessage("--s3-region must be a region name such as eu-west-1, not 'EU West'");
    }

    @Test
    void aMalformedConfHoldingACredentialIsNotEchoed() {
        assertThatThrownBy(() -> CommonOptions.conf(line("--conf", "spark.hadoop.fs.s3a.secret.key:hunter2")))
                .isInstanceOf(UserError.class)
                .hasMessage("--conf takes KEY=VALUE, not 'spark.hadoop.fs.s3a.secret.key...'");
    }
}
