/**
 * What Parity tells about a run: one logger ({@code dev.parity}) and one class, {@link dev.parity.report.RunLog},
 * for environments started, data loaded and seeds of failed tests. Internal; no JUnit types.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.report;

import org.apiguardian.api.API;
