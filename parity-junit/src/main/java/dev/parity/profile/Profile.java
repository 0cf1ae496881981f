package dev.parity.profile;

import dev.parity.clock.ClockPin;
import dev.parity.config.Location;
import dev.parity.data.DatasetSpec;
import dev.parity.database.DatabaseFaultSpec;
import dev.parity.database.Expectation;
import dev.parity.engine.spec.DatabaseOrigin;
import dev.parity.engine.spec.DatabaseSpec;
import dev.parity.network.NetworkSpec;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * One validated profile, with everything it inherits through {@code extends} already merged in.
 *
 * @param name        the profile's name in the file
 * @param source      the file it was read from
 * @param database    its database (in the profile's zone, if it pins one)
 * @param network     the Toxiproxy server in front of it, and the toxics every test starts with
 * @param clock       the time zone, locale and fixed instant it pins ({@link ClockPin#NONE} if none)
 * @param clockOrigin where those were written, e.g. {@code profile 'x' (parity.yml, line 4)}
 * @param seed        the seed of its datasets, if it sets one
 * @param datasets    the tables it fills before tests run
 * @param databaseOrigin where its database's image and settings were written, for errors only the server finds
 * @param networkImageOrigin where its Toxiproxy image was written (or would be), for an image Docker does not have
 * @param databaseFaults the database faults every test of its classes starts with ({@code database-faults:})
 * @param freshPool   how many fresh databases to keep ready for {@code @FreshDatabase} tests ({@code fresh-pool:}), if it says
 * @param expected    what production is, as its {@code expect:} states it, checked against the running database
 * @param expectOrigin where it wrote {@code expect:}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Profile(
        String name,
        String source,
        DatabaseSpec database,
        NetworkSpec network,
        ClockPin clock,
        String clockOrigin,
        OptionalLong seed,
        List<DatasetSpec> datasets,
        DatabaseOrigin databaseOrigin,
        Location networkImageOrigin,
        List<DatabaseFaultSpec> databaseFaults,
        OptionalInt freshPool,
        List<Expectation> expected,
        Location expectOrigin) {

    public Profile {
        datasets = List.copyOf(datasets);
        databaseFaults = List.copyOf(databaseFaults);
        expected = List.copyOf(expected);
    }
}
