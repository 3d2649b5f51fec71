package org.uputnica.platform.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContentDispositionTest {

    @Test
    void aPlainNameIsKeptInBothForms() {
        assertEquals("attachment; filename=\"scan-1.pdf\"; filename*=UTF-8''scan-1.pdf",
                ContentDisposition.attachment("scan-1.pdf"));
    }

    @Test
    void quotesSeparatorsLineBreaksAndNonAsciiCannotBreakTheHeader() {
        assertEquals("attachment; filename=\"a_ b_.html__x: Set-Cookie: y\"; "
                        + "filename*=UTF-8''a%22%20b%3B.html%0D%0Ax%3A%20Set-Cookie%3A%20y",
                ContentDisposition.attachment("a\" b;.html\r\nx: Set-Cookie: y"));
        assertEquals("attachment; filename=\"_or_e.pdf\"; filename*=UTF-8''%C4%90or%C4%91e.pdf",
                ContentDisposition.attachment("Đorđe.pdf"));
        assertEquals("attachment; filename=\".._.._etc_passwd\"; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd",
                ContentDisposition.attachment("../../etc/passwd"));
        assertEquals("attachment; filename=\"download\"; filename*=UTF-8''download", ContentDisposition.attachment(" "));
    }
}
