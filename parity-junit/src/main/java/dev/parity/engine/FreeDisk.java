package dev.parity.engine;

import org.apiguardian.api.API;

/**
 * The free space of the file system a database server writes its data to, as the server's container sees it.
 *
 * @param directory the server's data directory
 * @param bytes     bytes free there
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record FreeDisk(String directory, long bytes) {}
