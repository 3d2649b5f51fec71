package org.uputnica.notifications.feed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.uputnica.platform.problem.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedCursorTest {

    @Test
    void aCursorReadsBackAsItsPosition() {
        for (long position : new long[]{0, 1, 42, Long.MAX_VALUE}) {
            assertEquals(position, FeedCursor.decode("after", new FeedCursor(position).encode()).position());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "not base64!", "ZjE6", "ZjE6LTE", "ZjI6MQ", "ZjE6MTI6MTI", "ZjE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5"})
    void anythingElseIsAValidationProblemNamingTheParameter(String text) {
        ProblemException e = assertThrows(ProblemException.class, () -> FeedCursor.decode("after", text));
        assertEquals(400, e.status());
        assertEquals("after", e.toProblem("/api/v1/events").errors().get(0).field());
    }
}
