package dev.strata.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.etl.UserError;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class SampleGeneratorsTest {

    @Test
    void theGeneratorsAreFoundOnTheLaunchersClassPath() {
        assertThat(SampleGenerators.available(SampleGenerators.class.getClassLoader())).isTrue();
        SampleGenerators.require("generate");
    }

    @Test
    void withoutThemTheCommandSaysWhatToDo() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThat(SampleGenerators.available(bare)).isFalse();
            assertThatThrownBy(() -> SampleGenerators.require("bench", bare))
                    .isInstanceOf(UserError.class)
                    .hasMessageContaining("./strata bench")
                    .hasMessageContaining("spark-submit --jars");
        }
    }

    @Test
    void theGenerateAndBenchCommandsAskForThemAndNoOtherDoes() {
        assertThat(new GenerateCommand().needsSampleGenerators()).isTrue();
        assertThat(new BenchCommand().needsSampleGenerators()).isTrue();
        assertThat(new SqlCommand().needsSampleGenerators()).isFalse();
    }
}
