package org.uputnica.cases;

import jakarta.inject.Singleton;
import org.uputnica.infra.OffsetClock;

/** The Clock of every test of this module, in place of the platform's {@code @DefaultBean} system clock. */
@Singleton
public class MutableClock extends OffsetClock {
}
