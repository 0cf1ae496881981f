package dev.parity.database;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.Section;
import dev.parity.config.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/** Reads a profile's {@code expect:}, production's facts, every problem with its line. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExpectSection {

    public static final List<String> KEYS =
            List.of(
                    Expectation.SERVER_VERSION,
                    Expectation.ENCODING,
                    Expectation.COLLATION,
                    Expectation.SETTINGS,
                    "extensions",
                    "plugins");
    private static final String EXAMPLE = "expect:\n  server_version: \"15\"\n  encoding: UTF8";

    private ExpectSection() {}

    public static List<Expectation> read(Section profile, List<Problem> problems) {
        Optional<YamlNode.Mapping> node = profile.mapping("expect", EXAMPLE);
        if (node.isEmpty()) {
            return List.of();
        }
        Section expect = new Section(node.get(), profile.path() + " > expect", KEYS, problems);
        List<Expectation> facts = new ArrayList<>();
        for (String fact :
                List.of(Expectation.SERVER_VERSION, Expectation.ENCODING, Expectation.COLLATION)) {
            plain(expect, fact, problems)
                    .ifPresent(
                            value ->
                                    facts.add(
                                            new Expectation(
                                                    fact, "", value, expect.valueLocation(fact))));
        }
        Map<String, String> settings =
                expect.settings(Expectation.SETTINGS, "settings: {max_connections: 500}");
        if (expect.valueNode(Expectation.SETTINGS) instanceof YamlNode.Mapping written) {
            settings.forEach(
                    (name, value) ->
                            facts.add(
                                    new Expectation(
                                            Expectation.SETTINGS,
                                            name,
                                            value,
                                            written.keyLocations()
                                                    .getOrDefault(name, written.location()))));
        }
        for (String addOns : List.of("extensions", "plugins")) {
            for (String name :
                    expect.textList(
                            addOns,
                            addOns.equals("extensions") ? "pg_trgm" : "auth_ed25519",
                            (value, at, found) -> {})) {
                facts.add(new Expectation(addOns, name, name, expect.valueLocation(addOns)));
            }
        }
        return facts;
    }

    /**
     * What only the whole profile can get wrong: the add-ons of the other engine ({@code plugins} on PostgreSQL).
     *
     * @param addOnsKey what the profile's engine calls its add-ons
     */
    public static void checkEngine(
            List<Expectation> facts, String addOnsKey, String engine, List<Problem> problems) {
        facts.stream()
                .filter(
                        fact ->
                                (fact.fact().equals("extensions") || fact.fact().equals("plugins"))
                                        && !fact.fact().equals(addOnsKey))
                .map(Expectation::at)
                .distinct()
                .forEach(
                        at ->
                                problems.add(
                                        new Problem(
                                                at,
                                                "expect: lists "
                                                        + (addOnsKey.equals("extensions")
                                                                ? "plugins"
                                                                : "extensions")
                                                        + ", which "
                                                        + engine
                                                        + " does not have",
                                                "Call them "
                                                        + addOnsKey
                                                        + ": on "
                                                        + engine
                                                        + ".")));
    }

    /** A version, an encoding or a collation: text, or a number YAML read ({@code server_version: 15}). */
    private static Optional<String> plain(Section expect, String key, List<Problem> problems) {
        YamlNode node = expect.valueNode(key);
        if (node instanceof YamlNode.Scalar scalar
                && (scalar.type().equals("int") || scalar.type().equals("float"))) {
            return Optional.of(scalar.text().strip());
        }
        return expect.text(key, key.equals(Expectation.SERVER_VERSION) ? "\"15\"" : "UTF8");
    }

    /** Where the profile wrote {@code expect:}, for the message that lists every difference. */
    public static Location origin(Section profile) {
        return profile.keyLocation("expect").orElse(profile.valueLocation("expect"));
    }
}
