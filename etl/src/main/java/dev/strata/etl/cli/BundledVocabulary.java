package dev.strata.etl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The small cut of the OHDSI vocabulary bundled with the MIMIC-III sample ({@code data-samples/mimic/vocabulary}),
 * which knows only the sample's codes: a conversion on it maps little of real data, so {@code strata omop} says so
 * at the start. The folder is recognised by how the first line of its {@code NOTES.md} begins.
 */
final class BundledVocabulary {

    /** How the first line of the bundled subset's NOTES.md begins. */
    static final String MARKER = "# MIMIC-III sample vocabulary subset";

    static final String NOTICE = String.join(System.lineSeparator(),
            "vocabulary: the bundled MIMIC-III sample subset (data-samples/mimic/vocabulary), which holds only the",
            "  sample's codes; real data will be mostly unmapped. For real work download the vocabularies from",
            "  https://athena.ohdsi.org (SNOMED, ICD9CM, ICD9Proc, LOINC, UCUM, RxNorm, RxNorm Extension, NDC, CPT4,",
            "  Gender, Race, Ethnicity, Visit, Type Concept, Condition Status, Note Type, Language, DRG), unzip the",
            "  bundle and give its folder: strata omop --vocab DIR (or --var vocab=DIR with strata run).");

    private BundledVocabulary() {
    }

    /** Whether {@code location} is a local folder holding the bundled subset; false for a URI or another folder. */
    static boolean isAt(String location) {
        Objects.requireNonNull(location, "location is null");
        if (location.contains("://")) {
            return false;
        }
        Path notes = Path.of(location, "NOTES.md");
        if (!Files.isRegularFile(notes)) {
            return false;
        }
        try (var lines = Files.lines(notes)) {
            return lines.findFirst().map(first -> first.strip().startsWith(MARKER)).orElse(false);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
