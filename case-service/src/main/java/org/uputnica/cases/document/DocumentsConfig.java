package org.uputnica.cases.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Where document contents go: the database (default) or a directory (e.g. a mounted volume). */
@ConfigMapping(prefix = "uputnica.documents")
public interface DocumentsConfig {
    @WithDefault("database")
    Store store();

    /** The directory of the filesystem store. */
    @WithDefault("documents")
    Path directory();

    /** The largest document accepted, in bytes. */
    @WithDefault("10485760")
    long maxBytes();

    enum Store { DATABASE, FILESYSTEM }
}
