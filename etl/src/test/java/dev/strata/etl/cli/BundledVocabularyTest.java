package dev.strata.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledVocabularyTest {

    @TempDir
    Path dir;

    @Test
    void theBundledSubsetIsRecognisedByItsNotes() {
        assertThat(BundledVocabulary.isAt(Path.of("../data-samples/mimic/vocabulary").toString())).isTrue();
    }

    @Test
    void anotherFolderAUriOrAFolderWithOtherNotesIsNot() throws Exception {
        assertThat(BundledVocabulary.isAt(dir.toString())).isFalse();
        assertThat(BundledVocabulary.isAt("s3a://bucket/athena")).isFalse();
        Files.writeString(dir.resolve("NOTES.md"), "# Athena download of 2024-05-01\n");
        assertThat(BundledVocabulary.isAt(dir.toString())).isFalse();
        Files.writeString(dir.resolve("NOTES.md"), BundledVocabulary.MARKER + " (copied)\n");
        assertThat(BundledVocabulary.isAt(dir.toString())).isTrue();
    }

    @Test
    void theNoticeSaysHowToGiveARealVocabulary() {
        assertThat(BundledVocabulary.NOTICE).contains("https://athena.ohdsi.org").contains("strata omop --vocab DIR");
    }
}
