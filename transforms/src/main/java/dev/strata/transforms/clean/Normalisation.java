package dev.strata.transforms.clean;

import java.util.Map;
import java.util.Objects;

/** How string values are tidied before they are typed: trimming, empty to null, letter case per column. */
public record Normalisation(boolean trim, boolean emptyAsNull, Map<String, CaseStyle> caseStyles) {

    public Normalisation {
        caseStyles = Map.copyOf(Objects.requireNonNull(caseStyles, "caseStyles is null"));
    }

    public static Normalisation defaults() {
        return new Normalisation(true, true, Map.of());
    }
}
