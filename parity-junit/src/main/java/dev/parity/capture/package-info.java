/**
 * A profile captured from production's catalog, no rows copied: {@link dev.parity.capture.Capture} reads the
 * server's version and settings and the planner's statistics of every table, and writes a profile whose
 * datasets follow production's shapes ({@code stats:} rules) at a chosen scale. The command line is what it promises; its classes,
 * {@code Capture} too, are internal.
 */
package dev.parity.capture;
