/**
 * Reading what users write, and saying precisely what is wrong with it: YAML parsed to nodes that keep
 * their lines ({@link dev.parity.config.YamlParser}, {@link dev.parity.config.YamlNode}), typed reads that
 * collect every problem of a mapping in one pass ({@link dev.parity.config.Section}), one problem model
 * for profiles, annotations and datasets alike ({@link dev.parity.config.Problem},
 * {@link dev.parity.config.Location}, {@link dev.parity.config.ProblemException}) and one "did you mean"
 * ({@link dev.parity.config.Suggestions}).
 *
 * <p>Internal: the capability packages read their own sections of a profile with it; nothing here knows
 * JUnit, Docker or JDBC.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.config;

import org.apiguardian.api.API;
