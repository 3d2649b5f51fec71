package org.uputnica.notifications;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.uputnica.infra.OffsetClock;

/** The service's clock in tests: it replaces the platform's system clock for every test of this module. */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends OffsetClock {
}
