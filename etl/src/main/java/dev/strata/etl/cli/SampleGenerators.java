package dev.strata.etl.cli;

import dev.strata.etl.UserError;

/**
 * Whether the sample-data generators ({@code strata-generators}, under {@code data-samples/generators}) can be
 * loaded. The local launcher has them on its class path; the spark-submit jar leaves them out, since sample data
 * is made on one machine and the cluster only runs the pipelines.
 */
final class SampleGenerators {

    /** A class of the generators' module, looked up by name so that nothing else of it is loaded. */
    static final String PROBE = "dev.strata.samples.ServiceRequestGenerator";

    private SampleGenerators() {
    }

    /** Fails with what to do when {@code command} cannot run here for want of the generators. */
    static void require(String command) {
        require(command, SampleGenerators.class.getClassLoader());
    }

    static void require(String command, ClassLoader loader) {
        if (!available(loader)) {
            throw new UserError("the sample-data generators are not in this jar (the spark-submit jar leaves them"
                    + " out): run ./strata " + command + " on a machine with the repository, or add"
                    + " the strata-generators jar (data-samples/generators/target/) to the class path (spark-submit --jars)");
        }
    }

    static boolean available(ClassLoader loader) {
        try {
            Class.forName(PROBE, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
