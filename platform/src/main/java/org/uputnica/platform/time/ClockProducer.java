package org.uputnica.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The system clock in UTC; tests replace it with a controllable one (deadlines must never need sleeps). */
public class ClockProducer {
    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
