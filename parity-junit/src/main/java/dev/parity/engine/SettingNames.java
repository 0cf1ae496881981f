package dev.parity.engine;

import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/** Names of settings by exact name or, ending in {@code *}, by prefix, compared in lower case. */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SettingNames(List<String> patterns) {

    public SettingNames {
        patterns = patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    public static SettingNames of(String... patterns) {
        return new SettingNames(List.of(patterns));
    }

    public boolean matches(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return patterns.stream()
                .anyMatch(
                        p ->
                                p.endsWith("*")
                                        ? lower.startsWith(p.substring(0, p.length() - 1))
                                        : lower.equals(p));
    }
}
