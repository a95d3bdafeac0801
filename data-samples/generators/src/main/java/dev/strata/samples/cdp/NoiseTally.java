package dev.strata.samples.cdp;

import java.util.EnumMap;
import java.util.Map;

/** Counts the noise applied during one run, by kind. */
final class NoiseTally {

    private final long[] counts = new long[NoiseKind.values().length];

    void add(NoiseKind kind) {
        counts[kind.ordinal()]++;
    }

    Map<NoiseKind, Long> counts() {
        Map<NoiseKind, Long> map = new EnumMap<>(NoiseKind.class);
        for (NoiseKind kind : NoiseKind.values()) {
            map.put(kind, counts[kind.ordinal()]);
        }
        return map;
    }
}
