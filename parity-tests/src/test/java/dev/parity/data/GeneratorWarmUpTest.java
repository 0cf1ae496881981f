package dev.parity.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.engine.Engine;
import dev.parity.engine.mariadb.MariaDbEngine;
import dev.parity.engine.postgres.PostgresEngine;
import dev.parity.engine.sql.TabSeparatedBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The warm-up's table plans and makes its rows on both engines, stops when told, and leaves a load's rows alone. */
class GeneratorWarmUpTest {

    private static final List<Engine> ENGINES = List.of(new PostgresEngine(), new MariaDbEngine());

    @Test
    void makesEveryRowAskedForOnEitherEngine() {
        for (Engine engine : ENGINES) {
            assertThat(GeneratorWarmUp.make(engine, 10_000, () -> false))
                    .as(engine.id() + ": a plan that fails makes none")
                    .isEqualTo(10_000);
        }
    }

    @Test
    void stopsAtTheChunkAfterItIsTold() {
        AtomicInteger asked = new AtomicInteger();
        long made =
                GeneratorWarmUp.make(
                        new PostgresEngine(), 100_000, () -> asked.incrementAndGet() > 2);
        assertThat(made).isEqualTo(2L * DatasetLoader.CHUNK_ROWS);
        assertThat(GeneratorWarmUp.make(new PostgresEngine(), 100_000, () -> true)).isZero();
    }

    @Test
    void rowsAreTheSameBeforeAndAfterAWarmUp() throws Exception {
        Engine engine = new PostgresEngine();
        TablePlan before = GeneratorWarmUp.plan(engine, 5_000);
        byte[] first = TabSeparatedBuffer.encode(before.cursor(), before.width(), 0, 5_000);
        GeneratorWarmUp.make(engine, 20_000, () -> false);
        TablePlan after = GeneratorWarmUp.plan(engine, 5_000);
        byte[] again = TabSeparatedBuffer.encode(after.cursor(), after.width(), 0, 5_000);
        assertThat(again).isEqualTo(first);
        assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8))
                .as("every column written")
                .contains("@");
    }
}
