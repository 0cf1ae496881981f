package dev.parity.engine.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parity's parts of {@code init_connect}, beside someone else's, read back exactly as written. */
class InitConnectTest {

    @Test
    void partsInOrderJoinedAsTheServerRunsThem() {
        InitConnect value =
                InitConnect.parse("set names utf8mb4")
                        .withTimeout("shop", new BigDecimal("0.250"))
                        .withTimeout("it's", new BigDecimal("2"))
                        .admitting(true);

        assertThat(value.text())
                .isEqualTo(
                        "set names utf8mb4; set session max_statement_time = case database()"
                                + " when 'shop' then 0.250 when 'it''s' then 2 else @@session.max_statement_time end; "
                                + InitConnect.ADMIT);
    }

    @Test
    void clearingEveryPartGivesBackWhatWasThere() {
        InitConnect value =
                InitConnect.parse("set names utf8mb4")
                        .withTimeout("shop", BigDecimal.ONE)
                        .admitting(true);

        InitConnect cleared =
                InitConnect.parse(value.text()).withoutTimeout("shop").admitting(false);

        assertThat(cleared.text()).isEqualTo("set names utf8mb4");
        assertThat(InitConnect.parse(null).text()).isEmpty();
        assertThat(
                        InitConnect.parse("")
                                .withTimeout("a", BigDecimal.TEN)
                                .withoutTimeout("a")
                                .text())
                .isEmpty();
    }

    /** Any database names (quotes, backslashes, SQL-looking text), any earlier value: parse(text()) is the value. */
    @Test
    void parsingWhatWasWrittenGivesTheSameParts() {
        long base = Long.getLong("parity.initConnect.seed", System.nanoTime());
        for (int i = 0; i < 500; i++) {
            long seed = base + i;
            Random random = new Random(seed);
            Map<String, BigDecimal> timeouts = new LinkedHashMap<>();
            int databases = random.nextInt(4);
            for (int d = 0; d < databases; d++) {
                timeouts.put(
                        name(random), new BigDecimal(random.nextInt(100_000)).movePointLeft(3));
            }
            InitConnect written = new InitConnect(theirs(random), timeouts, random.nextBoolean());

            InitConnect read = InitConnect.parse(written.text());

            assertThat(read)
                    .as("seed %d (-Dparity.initConnect.seed=%d): %s", seed, seed, written.text())
                    .isEqualTo(written);
            assertThat(new ArrayList<>(read.timeouts().keySet()))
                    .as("seed %d: the order they were set in", seed)
                    .containsExactlyElementsOf(timeouts.keySet());
        }
    }

    private static final List<String> PIECES =
            List.of(
                    "a", "'", "''", "\\", "\\'", " then ", "when '", " end", "; ", "é", "x_1",
                    "case");

    private static String name(Random random) {
        StringBuilder name = new StringBuilder();
        int pieces = 1 + random.nextInt(5);
        for (int p = 0; p < pieces; p++) {
            name.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return name.toString();
    }

    /** Someone else's statements: none, one or two, as a DBA's or an image's init_connect holds. */
    private static String theirs(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> "set names utf8mb4";
            default -> "set @app = '" + name(random).replace("'", "''") + "'; set autocommit = 1";
        };
    }
}
