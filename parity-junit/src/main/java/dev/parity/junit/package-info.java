/**
 * Parity's public API: {@link dev.parity.junit.ProdLike} and the annotations that compose with it
 * ({@link dev.parity.junit.Latency}, {@link dev.parity.junit.Toxic}, {@link dev.parity.junit.Dataset},
 * {@link dev.parity.junit.PinTimeZone}, {@link dev.parity.junit.PinLocale}), and what tests get injected
 * ({@link dev.parity.junit.ProdEnvironment}, {@link dev.parity.junit.Faults}). The extensions behind them
 * are package-private and keep their state in JUnit's stores: the root store for what classes share
 * (profile files, running environments), the class store for what a class owns (its proxy, its copies,
 * its pinned zone and locale).
 */
package dev.parity.junit;
