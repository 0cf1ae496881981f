/**
 * Large, messy, reproducible datasets, loaded at each engine's bulk-load speed; no JUnit here, the
 * extension wires it.
 *
 * <h2>API</h2>
 * <pre>{@code
 * List<DatasetSpec> specs = List.of(
 *     DatasetSpec.of("customers", 1_000_000).withOrigin(new Location("parity.yml", 12))
 *         .withMess(Mess.defaults())                                   // or Mess.none()
 *         .withColumn("email", ColumnRule.expression("#{Internet.emailAddress}"))
 *         .withColumn("country", ColumnRule.values(List.of("BR", "DE", "IN", "US"), List.of(5.0, 2.0, 2.0, 1.0))),
 *     DatasetSpec.of("orders", 5_000_000)
 *         .withColumn("customer_id", ColumnRule.ref("customers.id", Skew.ZIPF)));
 * LoadReport report = DatasetLoader.load(engine, dataSource, specs, 42, 2, progress -> { });   // seed, generator threads
 * }</pre>
 *
 * <h2>How a column gets its values</h2>
 * The engine reads the schema ({@link dev.parity.engine.SchemaReader}) and maps each column onto a
 * {@link dev.parity.engine.schema.ColumnType} kind with its limits (lengths, unsigned ranges, a TIMESTAMP's years,
 * the character set). Its {@link dev.parity.data.ColumnRule} decides: a rule the dataset gives, else a
 * foreign key's referenced rows ({@link dev.parity.data.References}), else a unique sequence for a key
 * column, else values by kind, CHECK limits ({@link dev.parity.data.CheckReader}) and name
 * ({@link dev.parity.data.NameRules}, {@link dev.parity.data.ColumnGenerators}). Mess is laid on per cell
 * ({@link dev.parity.data.ColumnPlan}), within the column's length and character set.
 *
 * <h2>CHECKs</h2>
 * A CHECK is read as an expression ({@link dev.parity.data.check}): its ways (the disjunctive form,
 * {@link dev.parity.data.check.Branches}) give the columns of a row group ({@link dev.parity.data.RowGroup})
 * their limits, one way picked per row, and every row is tested against the whole CHECK by the evaluator
 * (three-valued, as SQL). What the evaluator cannot decide for sure (a function of the schema's own, a
 * regular expression, a case-insensitive collation) the server judges before anything is written
 * ({@link dev.parity.data.ServerJudge}); a row rejected either way is made again from its next attempt.
 *
 * <h2>Knobs and defaults</h2>
 * <ul>
 *   <li>{@code seed}: the load's seed; a spec's own seed overrides it for that table. Same seed, schema
 *       and specs → same rows, whatever the thread count.</li>
 *   <li>{@code mess} ({@link dev.parity.data.Mess}): nulls 0.05, unicode 0.10, whitespace 0.02,
 *       duplicates 0.02, extremes 0.01 — fractions of the cells of the columns each applies to; keys,
 *       referenced columns, value lists and enums stay clean (value lists and enums still get NULLs where
 *       nullable); a CHECK's columns take the mess its rows still meet, and the columns a generated column
 *       reads take no extremes.</li>
 *   <li>{@code columns} ({@link dev.parity.data.ColumnRule}): a Datafaker expression, values with
 *       weights, a {@code ref: table.column} with {@code skew: uniform|zipf}, a constant (or NULL), or a
 *       range {@code between: [from, to]} of numbers, dates or timestamps, or production's shape as a
 *       planner's statistics give it ({@code stats:} NULL fraction, distinct values, most common values,
 *       histogram; {@link dev.parity.data.StatsValues}, written by {@link dev.parity.capture.Capture}); every
 *       other column is generated from its type, CHECK limits and name.</li>
 *   <li>{@code table} or a pattern ({@code "*"}, {@code "public.*"}): one dataset per table it matches
 *       ({@link dev.parity.data.TablePatterns}), tables named by themselves keeping their own.</li>
 *   <li>{@code follow-parents} (true): empty tables that a dataset's NOT NULL foreign keys reference and
 *       no dataset fills get a tenth of its rows, and their parents in turn
 *       ({@link dev.parity.data.FollowedParents}).</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * A million rows of a ten-column table (bigint key, names, e-mail, phone, city, country, dates,
 * timestamp, decimal(12,2), notes) with the default mess load in about 4.5 s on PostgreSQL on 2 cores;
 * see {@code parity-bench} for both engines' figures beside a hand-written loader.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.data;

import org.apiguardian.api.API;
