package dev.strata.etl.run;

import java.util.Objects;
import java.util.Optional;

/** Where a pipeline's lock lives, and the few operations a lock needs of it. */
interface LockStore extends AutoCloseable {

    /** The lock as it is: who holds it, and the version of it that was read. */
    record Held(String owner, String version) {
        public Held {
            Objects.requireNonNull(owner, "owner is null");
            Objects.requireNonNull(version, "version is null");
        }
    }

    /** Where the lock is, for messages. */
    String location();

    /** Creates the lock for {@code owner} only if there is none: true if this call created it. */
    boolean create(String owner);

    /** The lock, if there is one. */
    Optional<Held> read();

    /** Replaces the lock that was read, and only that version of it, by one for {@code owner}: true if done. */
    boolean replace(Held stale, String owner);

    /** Removes the lock. */
    void delete();

    @Override
    void close();
}
