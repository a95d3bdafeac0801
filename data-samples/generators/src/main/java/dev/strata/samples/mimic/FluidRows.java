package dev.strata.samples.mimic;

import dev.strata.samples.Weighted;
import dev.strata.samples.Dice;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes the fluid balance of each ICU stay: OUTPUTEVENTS (urine and drains, about three a day) and
 * the inputs of the stay's system, INPUTEVENTS_MV for a MetaVision stay (orders with start and end,
 * rate changes as new rows linked by LINKORDERID) or INPUTEVENTS_CV for a CareVue stay (hourly charted
 * amounts of an order, NEWBOTTLE on its first row). ORDERIDs are {@value #ORDER_BASE} plus the ROW_ID
 * of the order's first row, so they are unique within each table.
 */
final class FluidRows implements PatientRows {

    static final long ORDER_BASE = 1_000_000;
    private static final long SALT = 0x464C_5549_44L;
    private static final String[] CAREVUE_SITES = {"Peripheral IV", "Central Line", "Peripheral IV", null};

    private final long seed;
    private final Caregivers caregivers;
    private final Weighted<FluidItem> metavisionInputs;
    private final Weighted<FluidItem> carevueInputs;
    private final Weighted<FluidItem> metavisionOutputs;
    private final Weighted<FluidItem> carevueOutputs;

    FluidRows(long seed, Caregivers caregivers) {
        this.seed = seed;
        this.caregivers = Objects.requireNonNull(caregivers, "caregivers is null");
        this.metavisionInputs = draw(true, false);
        this.carevueInputs = draw(false, false);
        this.metavisionOutputs = draw(true, true);
        this.carevueOutputs = draw(false, true);
    }

    private static Weighted<FluidItem> draw(boolean metavision, boolean output) {
        List<FluidItem> items = FluidItem.ALL.stream().filter(i -> i.metavision() == metavision
                && (i.kind() == FluidItem.Kind.OUTPUT) == output).toList();
        return Weighted.of("fluid items", items, FluidItem::weight);
    }

    @Override
    public void write(Patient patient, TableFiles files) throws IOException {
        Dice dice = Dice.of(seed, patient.subjectId(), SALT);
        for (Admission a : patient.admissions()) {
            for (IcuStay stay : a.icuStays()) {
                outputs(patient, a, stay, dice, files.writer(MimicTable.OUTPUTEVENTS));
                int orders = 1 + dice.rounded(2.0 * Minutes.days(stay.minutes()));
                for (int i = 0; i < orders; i++) {
                    if (stay.metavision()) {
                        metavision(patient, a, stay, dice, files.writer(MimicTable.INPUTEVENTS_MV));
                    } else {
                        carevue(patient, a, stay, dice, files.writer(MimicTable.INPUTEVENTS_CV));
                    }
                }
            }
        }
    }

    private void outputs(Patient patient, Admission a, IcuStay stay, Dice dice, TableWriter out) throws IOException {
        int count = Math.max(1, dice.rounded(3.0 * Minutes.days(stay.minutes())));
        double interval = stay.minutes() / (double) count;
        Weighted<FluidItem> items = stay.metavision() ? metavisionOutputs : carevueOutputs;
        for (int i = 0; i < count; i++) {
            FluidItem item = items.draw(dice);
            long time = stay.inTime() + (long) ((i + dice.uniform(0.2, 0.8)) * interval);
            double value = Math.max(5, dice.logNormal(item.amount(), 0.5));
            out.integer(out.nextRowId()).integer(patient.subjectId()).integer(a.hadmId()).integer(stay.icustayId())
                    .time(time).integer(item.itemId()).decimal(value, 0).text(item.amountUom())
                    .time(time + dice.between(1, 60))
                    .integer(caregivers.onShift(Caregivers.Role.NURSE, stay.icustayId(), time)).empty().empty().empty()
                    .end();
        }
    }

    private void metavision(Patient patient, Admission a, IcuStay stay, Dice dice, TableWriter out)
            throws IOException {
        FluidItem item = metavisionInputs.draw(dice);
        long start = stay.inTime() + dice.below((int) Math.max(1, stay.minutes() - 30));
        long linkOrderId = ORDER_BASE + out.nextRowId();
        int cgid = caregivers.onShift(Caregivers.Role.NURSE, stay.icustayId(), start);
        boolean millilitres = item.amountUom().equals("mL");
        if (item.kind() == FluidItem.Kind.BOLUS) {
            long end = Math.min(stay.outTime(), start + (item.orderCategoryDescription().equals("Drug Push") ? 1 : 30));
            double amount = item.amountUom().equals("dose") ? 1 : item.amount() * dice.logNormal(1, 0.2);
            metavisionRow(out, patient, a, stay, item, start, end, amount, Double.NaN, millilitres ? amount : 50, cgid,
                    linkOrderId, dice.chance(0.95) ? "FinishedRunning" : "Rewritten", dice);
            return;
        }
        long end = Math.min(stay.outTime(), start + dice.between(60, 12 * 60));
        int pieces = end - start > 180 && dice.chance(0.4) ? 2 + dice.below(2) : 1;
        double bag = millilitres ? (dice.chance(0.5) ? 500 : 1000) : (dice.chance(0.5) ? 100 : 250);
        long pieceStart = start;
        for (int p = 0; p < pieces; p++) {
            long pieceEnd = p == pieces - 1 ? end : pieceStart + (end - pieceStart) / (pieces - p);
            double factor = dice.logNormal(1, 0.35);
            double amount = item.amount() * factor * Minutes.hours(pieceEnd - pieceStart);
            String status = p < pieces - 1 ? "Changed"
                    : dice.chance(0.85) ? "FinishedRunning" : dice.chance(0.6) ? "Stopped" : "Rewritten";
            metavisionRow(out, patient, a, stay, item, pieceStart, pieceEnd, amount, item.rate() * factor, bag, cgid,
                    linkOrderId, status, dice);
            pieceStart = pieceEnd;
        }
    }

    /** One INPUTEVENTS_MV row; {@code rate} is NaN for a bolus. */
    private static void metavisionRow(TableWriter out, Patient patient, Admission a, IcuStay stay, FluidItem item,
            long start, long end, double amount, double rate, double totalAmount, int cgid, long linkOrderId,
            String status, Dice dice) throws IOException {
        long rowId = out.nextRowId();
        int amountDecimals = amount < 10 ? 4 : 2;
        out.integer(rowId).integer(patient.subjectId()).integer(a.hadmId()).integer(stay.icustayId()).time(start)
                .time(end).integer(item.itemId()).decimal(amount, amountDecimals).text(item.amountUom());
        if (Double.isNaN(rate)) {
            out.empty().empty();
        } else {
            out.decimal(rate, rate < 1 ? 4 : 2).text(item.rateUom());
        }
        out.time(end + dice.between(0, 60)).integer(cgid).integer(ORDER_BASE + rowId).integer(linkOrderId)
                .text(item.orderCategory()).empty().text("Main order parameter").text(item.orderCategoryDescription())
                .decimal(patient.weightKg(), 1).decimal(totalAmount, 0).text("mL").integer(0).integer(0).integer(0)
                .text(status);
        if (status.equals("Rewritten")) {
            out.text("RN").empty().time(end + dice.between(5, 120));
        } else {
            out.empty().empty().empty();
        }
        out.decimal(amount, amountDecimals);
        if (Double.isNaN(rate)) {
            out.empty();
        } else {
            out.decimal(rate, rate < 1 ? 4 : 2);
        }
        out.end();
    }

    private void carevue(Patient patient, Admission a, IcuStay stay, Dice dice, TableWriter out) throws IOException {
        FluidItem item = carevueInputs.draw(dice);
        long start = stay.inTime() + dice.below((int) Math.max(1, stay.minutes() - 30));
        long orderId = ORDER_BASE + out.nextRowId();
        String site = CAREVUE_SITES[dice.below(CAREVUE_SITES.length)];
        boolean continuous = item.kind() == FluidItem.Kind.CONTINUOUS;
        int rows = continuous ? 1 + dice.below(4) : 1;
        double factor = dice.logNormal(1, 0.3);
        for (int r = 0; r < rows; r++) {
            long time = start + r * Minutes.HOUR;
            if (time >= stay.outTime()) {
                break;
            }
            double amount = continuous ? item.amount() * factor : item.amount() * dice.logNormal(1, 0.2);
            int amountDecimals = amount < 10 ? 4 : 2;
            out.integer(out.nextRowId()).integer(patient.subjectId()).integer(a.hadmId()).integer(stay.icustayId())
                    .time(time).integer(item.itemId()).decimal(amount, amountDecimals).text(item.amountUom());
            if (continuous) {
                out.decimal(item.rate() * factor, item.rate() < 1 ? 4 : 2).text(item.rateUom());
            } else {
                out.empty().empty();
            }
            boolean last = r == rows - 1 || time + Minutes.HOUR >= stay.outTime();
            String stopped = continuous && last && dice.chance(0.2) ? (dice.chance(0.75) ? "Stopped" : "D/C'd")
                    : null;
            out.time(time + dice.between(1, 60)).integer(caregivers.onShift(Caregivers.Role.NURSE, stay.icustayId(),
                    time)).integer(orderId).integer(orderId).text(stopped);
            if (continuous && r == 0) {
                out.integer(1);
            } else {
                out.empty();
            }
            out.decimal(amount, amountDecimals).text(item.amountUom()).text(item.route());
            if (continuous) {
                out.decimal(item.rate() * factor, item.rate() < 1 ? 4 : 2).text(item.rateUom());
            } else {
                out.empty().empty();
            }
            out.text(site).end();
        }
    }
}
