package dev.parity.profile;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** Every profile of one validated file, by name, in file order. */
@API(status = API.Status.INTERNAL)
public final class ProfileFile {

    private final String source;
    private final Location profilesAt;
    private final Map<String, Profile> profiles;

    ProfileFile(String source, Location profilesAt, Map<String, Profile> profiles) {
        this.source = source;
        this.profilesAt = profilesAt;
        this.profiles = profiles;
    }

    /** The file as the user knows it, e.g. {@code parity.yml}. */
    public String source() {
        return source;
    }

    /** Every profile, in file order. */
    public List<Profile> profiles() {
        return List.copyOf(profiles.values());
    }

    public List<String> names() {
        return List.copyOf(profiles.keySet());
    }

    /**
     * The profile called {@code name}.
     *
     * @param requestedBy who asked for it, for the error message (e.g. {@code @ProdLike("x") on FooTest})
     * @throws ProfileException naming the known profiles, and the nearest one, if there is none of that name
     */
    public Profile profile(String name, String requestedBy) {
        Profile profile = profiles.get(name);
        if (profile == null) {
            throw new ProfileException(new Problem(profilesAt,
                    "there is no profile '" + name + "' (asked for by " + requestedBy + ")",
                    Suggestions.didYouMean(name, profiles.keySet()) + "Known profiles: " + String.join(", ", profiles.keySet())
                            + ". Add '" + name + ":' under 'profiles:' or ask for a known one."));
        }
        return profile;
    }
}
