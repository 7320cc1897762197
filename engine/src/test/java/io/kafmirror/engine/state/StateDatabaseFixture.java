package io.kafmirror.engine.state;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For tests of one program on a state database: opened in a temporary folder before each test, with a {@link ManualClock}. */
abstract class StateDatabaseFixture {

    @TempDir
    Path dataDir;

    final ManualClock clock;
    StateDatabase db;

    private final String actor;
    private final Duration metricsRetention;

    StateDatabaseFixture(String actor, Instant start, Duration metricsRetention) {
        this.actor = actor;
        this.clock = new ManualClock(start);
        this.metricsRetention = metricsRetention;
    }

    @BeforeEach
    void open() {
        db = StateDatabase.open(dataDir, actor, clock, metricsRetention);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * {@code db} acting as the admin user {@code name}: the actor of its audit entries, as fixed as a program's name was
     * before there were users (the operating-system user differs from machine to machine).
     */
    static StateDatabase actingAs(StateDatabase db, String name) {
        db.audit().actAs(new Principal(name, Role.ADMIN, Principal.Kind.USER));
        return db;
    }

    /** Closes the database and opens it again, as a program does when it restarts. */
    void reopen() {
        close();
        open();
    }
}
