package dev.parity.config;

import java.io.StringReader;
import java.util.List;

/** A profile's sections read from YAML text, and problems written as "line: what. fix", for the tests of each section. */
public final class YamlSections {

    /** The keys of a profile, as the profile loader knows them. */
    public static final List<String> PROFILE_KEYS =
            List.of(
                    "extends",
                    "database",
                    "network",
                    "timezone",
                    "locale",
                    "clock",
                    "seed",
                    "datasets",
                    "database-faults",
                    "expect");

    private YamlSections() {}

    /** {@code yaml} (the body of profile 'p' of file t.yml) as a section, reporting into {@code problems}. */
    public static Section profile(String yaml, List<Problem> problems) {
        YamlNode root = new YamlParser("t.yml").parse(new StringReader(yaml));
        return new Section((YamlNode.Mapping) root, "profile 'p'", PROFILE_KEYS, problems);
    }

    /** Each problem as "line: what. fix". */
    public static List<String> described(List<Problem> problems) {
        return problems.stream()
                .map(
                        p -> {
                            assert p.where().file().equals("t.yml") : p.where();
                            return p.where().line() + ": " + p.describe();
                        })
                .toList();
    }
}
