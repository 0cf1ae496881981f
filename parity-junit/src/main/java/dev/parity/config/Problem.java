package dev.parity.config;

import org.apiguardian.api.API;

/**
 * One thing wrong with what a user wrote: where, what, and how to fix it. Profile files, annotations and
 * datasets checked against a schema all report this way.
 *
 * @param where where it was written: a file and line, or an annotation on a class
 * @param what  what is wrong, as a sentence without its final period
 * @param fix   how to fix it, one or more whole sentences; may be empty
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Problem(Location where, String what, String fix) {

    /** "what. fix" */
    public String describe() {
        String sentence = what.endsWith(".") || what.endsWith("?") ? what : what + ".";
        return fix.isEmpty() ? sentence : sentence + " " + fix;
    }
}
