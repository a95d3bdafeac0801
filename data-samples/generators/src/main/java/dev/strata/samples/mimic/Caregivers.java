package dev.strata.samples.mimic;

import dev.strata.samples.Weighted;
import dev.strata.samples.Dice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hospital's caregivers (the CAREGIVERS table): a fixed staff of {@link #COUNT} with CGIDs from
 * 14001, drawn once from the seed, and who charted what. The same key always gives the same caregiver,
 * so a nurse keeps a patient for a 12-hour shift.
 */
final class Caregivers {

    /** The size of the staff: the same whatever the number of patients. */
    static final int COUNT = 400;
    static final int FIRST_CGID = 14_001;

    /** What a caregiver does, which decides what they chart. */
    enum Role { NURSE, PHYSICIAN, RESPIRATORY, OTHER }

    /** A kind of caregiver as CAREGIVERS labels it (the description is null for many CareVue users). */
    record Kind(String label, String description, Role role, double weight) {

        Kind {
            Objects.requireNonNull(label, "label is null");
            Objects.requireNonNull(role, "role is null");
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("RN", "RN", Role.NURSE, 45),
            new Kind("RN", null, Role.NURSE, 12),
            new Kind("MD", "Resident/Fellow/PA/NP", Role.PHYSICIAN, 11),
            new Kind("MD", "Attending", Role.PHYSICIAN, 4),
            new Kind("RRT", "Respiratory", Role.RESPIRATORY, 7),
            new Kind("RO", "Read Only", Role.OTHER, 5),
            new Kind("PharmD", "Pharmacist", Role.OTHER, 3),
            new Kind("RD", "Dietitian", Role.OTHER, 2),
            new Kind("PCT", "Nursing Assistant", Role.OTHER, 3),
            new Kind("SW", "Social Worker", Role.OTHER, 1));
    private static final long SALT = 0x4341_5245_4749_5645L;

    private final long seed;
    private final List<Kind> staff;
    private final Map<Role, int[]> cgidsByRole = new EnumMap<>(Role.class);

    Caregivers(long seed) {
        this.seed = seed;
        Dice dice = Dice.of(seed, 0, SALT);
        Weighted<Kind> kinds = Weighted.of("caregiver kinds", KINDS, Kind::weight);
        List<Kind> staff = new ArrayList<>(COUNT);
        Map<Role, List<Integer>> byRole = new EnumMap<>(Role.class);
        for (int i = 0; i < COUNT; i++) {
            Kind kind = kinds.draw(dice);
            staff.add(kind);
            byRole.computeIfAbsent(kind.role(), r -> new ArrayList<>()).add(FIRST_CGID + i);
        }
        this.staff = List.copyOf(staff);
        for (Role role : Role.values()) {
            List<Integer> cgids = byRole.getOrDefault(role, List.of(FIRST_CGID));
            cgidsByRole.put(role, cgids.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** The CGID of a caregiver of {@code role} chosen by {@code key} (a stay and shift, say). */
    int cgid(Role role, long key) {
        int[] cgids = cgidsByRole.get(role);
        return cgids[(int) Math.floorMod(Dice.key(seed, key, SALT), (long) cgids.length)];
    }

    /** The CGID of the caregiver of {@code role} charting in ICU stay {@code icustayId} at {@code time}. */
    int onShift(Role role, long icustayId, long time) {
        return cgid(role, icustayId * 1_000_003L + Math.floorDiv(time - 7 * Minutes.HOUR, 12 * Minutes.HOUR));
    }

    /** Writes the CAREGIVERS table. */
    void write(TableWriter out) throws IOException {
        for (int i = 0; i < staff.size(); i++) {
            Kind kind = staff.get(i);
            out.integer(out.nextRowId()).integer(FIRST_CGID + i).text(kind.label()).text(kind.description()).end();
        }
    }
}
