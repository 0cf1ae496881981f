/**
 * MariaDB: the official image's container with settings as {@code mariadbd --name=value}, the zone as
 * {@code --default-time-zone} (the image loads the zone tables) and sessions told by the driver to take
 * the JVM's zone; scripts with {@code DELIMITER} blocks, {@code #} comments and backslash escapes; the
 * schema from {@code information_schema} (unsigned types, ENUM and SET, character sets, CHECKs, JSON as
 * {@code json_valid}); {@code LOAD DATA LOCAL INFILE} from memory; copies replayed from
 * {@code SHOW CREATE} and {@code INSERT ... SELECT}. Internal.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.parity.engine.mariadb;

import org.apiguardian.api.API;
