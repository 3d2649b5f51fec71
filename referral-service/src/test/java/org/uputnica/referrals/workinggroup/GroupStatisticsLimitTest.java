package org.uputnica.referrals.workinggroup;

import org.junit.jupiter.api.Test;
import org.uputnica.platform.ratelimit.RateLimited;

import java.lang.reflect.Method;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The working group's figures share the callers' "statistics" budget with the case statistics. The limit itself
 * (429 with Retry-After over HTTP) is tested once, in the case-service's RateLimitTest.
 */
class GroupStatisticsLimitTest {

    @Test
    void bothStatisticsAnswersAreRateLimited() {
        for (String name : new String[] {"statistics", "csv"}) {
            Method m = Arrays.stream(GroupStatisticsResource.class.getMethods()).filter(x -> x.getName().equals(name))
                    .findFirst().orElseThrow();
            RateLimited limited = m.getAnnotation(RateLimited.class);
            assertEquals("statistics", limited == null ? null : limited.value(), name);
        }
    }
}
