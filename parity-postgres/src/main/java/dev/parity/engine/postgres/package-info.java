/**
 * PostgreSQL: the official image's container with settings as {@code postgres -c name=value} and the zone
 * as {@code timezone}/{@code log_timezone}/{@code TZ}; scripts with {@code $$} bodies; the schema from JDBC
 * metadata and the catalogs (domains, enums, arrays, CHECKs as {@code pg_get_constraintdef} prints them);
 * {@code COPY ... FROM STDIN}; copies with {@code CREATE DATABASE ... TEMPLATE}. Internal.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.engine.postgres;

import org.apiguardian.api.API;
