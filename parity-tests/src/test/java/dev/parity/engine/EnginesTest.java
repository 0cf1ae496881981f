package dev.parity.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The engines found on the classpath: their ids, lookup by id, and which engine an image belongs to. */
class EnginesTest {

    @Test
    void idsPutTheDefaultFirst() {
        // alphabetically mariadb would come first
        assertThat(Engines.ids()).containsExactly("postgres", "mariadb");
        assertThat(Engines.DEFAULT).isEqualTo("postgres");
        assertThat(Engines.defaultEngine().id()).isEqualTo("postgres");
    }

    @Test
    void byIdFindsEachEngineOnce() {
        assertThat(Engines.byId("mariadb"))
                .get()
                .extracting(Engine::displayName)
                .isEqualTo("MariaDB");
        assertThat(Engines.byId("postgres"))
                .get()
                .extracting(Engine::displayName)
                .isEqualTo("PostgreSQL");
        assertThat(Engines.byId("postgres").orElseThrow()).isSameAs(Engines.defaultEngine());
        assertThat(Engines.byId("oracle")).isEmpty();
        assertThat(Engines.byId("Postgres")).isEmpty();
    }

    @Test
    void officialImagesBelongToTheirEngine() {
        Engine postgres = Engines.byId("postgres").orElseThrow();
        Engine mariadb = Engines.byId("mariadb").orElseThrow();
        assertThat(Engines.ownerOfImage("postgres:17")).containsSame(postgres);
        assertThat(Engines.ownerOfImage("postgres")).containsSame(postgres);
        assertThat(Engines.ownerOfImage("docker.io/library/postgres:16-alpine"))
                .containsSame(postgres);
        assertThat(Engines.ownerOfImage("postgres@sha256:0123abcd")).containsSame(postgres);
        assertThat(Engines.ownerOfImage("localhost:5000/postgres")).containsSame(postgres);
        assertThat(Engines.ownerOfImage("docker.io/library/mariadb:11.8")).containsSame(mariadb);
        assertThat(Engines.ownerOfImage("mariadb:10.11")).containsSame(mariadb);
    }

    @Test
    void otherImagesBelongToNoEngine() {
        assertThat(Engines.ownerOfImage("mycorp/db:1")).isEmpty();
        assertThat(Engines.ownerOfImage("mysql:8")).isEmpty();
        assertThat(Engines.ownerOfImage("postgis/postgis:16-3.4")).isEmpty();
    }
}
