package dev.parity.profile;

import dev.parity.config.Location;
import dev.parity.config.Problem;
import dev.parity.config.ProblemException;
import dev.parity.config.Suggestions;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** Every profile of one validated file, by name, in file order. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProfileFile {

    private final Location profilesAt;
    private final Map<String, Profile> profiles;

    ProfileFile(Location profilesAt, Map<String, Profile> profiles) {
        this.profilesAt = profilesAt;
        this.profiles = profiles;
    }

    /** Every profile, in file order. */
    public List<Profile> profiles() {
        return List.copyOf(profiles.values());
    }

    /**
     * The profile called {@code name}.
     *
     * @param requestedBy who asked for it, for the error message (e.g. {@code @ProdLike("x") on FooTest})
     * @throws ProblemException naming the known profiles, and the nearest one, if there is none of that name
     */
    public Profile profile(String name, String requestedBy) {
        Profile profile = profiles.get(name);
        if (profile == null) {
            throw new ProblemException(
                    new Problem(
                            profilesAt,
                            "there is no profile '" + name + "' (asked for by " + requestedBy + ")",
                            Suggestions.didYouMean(name, profiles.keySet())
                                    + "Known profiles: "
                                    + String.join(", ", profiles.keySet())
                                    + ". Add '"
                                    + name
                                    + ":' under 'profiles:' or ask for a known one."));
        }
        return profile;
    }
}
