package org.uputnica.cases.subject;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of the access audit a subject access export holds; the rest is read page by page from the access log. */
@ConfigMapping(prefix = "uputnica.subject-access")
public interface SubjectAccessConfig {
    @WithDefault("10000")
    int maxAccessRecords();
}
