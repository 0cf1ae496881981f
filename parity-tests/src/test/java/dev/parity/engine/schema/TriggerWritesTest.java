package dev.parity.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The columns trigger bodies keep in other rows, read from real PL/pgSQL shapes. */
class TriggerWritesTest {

    @Test
    void aCounterKeptByAnAfterInsertTrigger() {
        String body =
                """
                begin
                  update store set staff_count = staff_count + 1 where id = new.store_id;
                  return new;
                end
                """;
        assertThat(TriggerWrites.of(body)).isEqualTo(Map.of("store", Set.of("staff_count")));
    }

    /** Under a Turkish default locale too, where JSqlParser reads some keywords with a dotted İ. */
    @Test
    @dev.parity.junit.PinLocale("tr-TR")
    void aCounterWithAKeywordNamedColumnUnderATurkishLocale() {
        String body =
                """
                begin
                  update store set time = now(), staff_count = staff_count + 1 where id = new.store_id;
                  return new;
                end
                """;
        assertThat(TriggerWrites.of(body))
                .isEqualTo(Map.of("store", Set.of("time", "staff_count")));
    }

    @Test
    void severalUpdatesQuotedAndQualifiedNamesAndAnIfAround() {
        String body =
                """
                BEGIN
                  IF (TG_OP = 'INSERT') THEN
                    UPDATE "Person" SET post_count = post_count + 1, "lastPost" = now() WHERE id = NEW.creator_id;
                    UPDATE forum.community_aggregates SET posts = posts + 1 WHERE community_id = NEW.community_id;
                  ELSIF (TG_OP = 'DELETE') THEN
                    UPDATE "Person" SET post_count = post_count - 1 WHERE id = OLD.creator_id;
                  END IF;
                  RETURN NULL;
                END
                """;
        Map<String, Set<String>> written = TriggerWrites.of(body);
        assertThat(written).containsOnlyKeys("Person", "forum.community_aggregates");
        assertThat(written.get("Person")).containsExactlyInAnyOrder("post_count", "lastPost");
        assertThat(written.get("forum.community_aggregates")).containsExactly("posts");
    }

    @Test
    void anUpdateWhoseTailJSqlParserCannotReadStillNamesWhatItSets() {
        String body =
                "begin update post_aggregates set comments = comments + 1 from (select (new).*::comment) c"
                        + " where post_aggregates.post_id = c.post_id; return null; end";
        assertThat(TriggerWrites.of(body)).containsEntry("post_aggregates", Set.of("comments"));
    }

    @Test
    void aBodyWithoutUpdatesAndTheWordInTextNamesNothing() {
        assertThat(
                        TriggerWrites.of(
                                "begin new.note := 'please update me'; raise notice 'update done'; return new; end"))
                .isEmpty();
        assertThat(TriggerWrites.of("begin insert into audit(what) values ('x'); return new; end"))
                .isEmpty();
    }
}
