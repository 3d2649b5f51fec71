package org.uputnica.notifications.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The address rule alone: literals only, no DNS. */
class PublicAddressesTest {

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void inwardAddressesAreNotPublic() {
        for (String a : List.of("127.0.0.1", "127.255.0.9", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1",
                "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "239.1.2.3", "255.255.255.255",
                "240.0.0.1", "192.0.2.1", "198.18.0.1", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1",
                "fec0::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::127.0.0.1",
                "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2002:c0a8:101::", "2001:db8::1", "2001::1", "100::1")) {
            assertFalse(PublicAddresses.isPublic(ip(a)), a);
        }
    }

    @Test
    void internetAddressesArePublic() {
        for (String a : List.of("8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
                "169.253.0.1", "193.2.1.66", "2a00:1450:4001::200e", "2001:4860:4860::8888", "::ffff:8.8.8.8",
                "2002:808:808::")) {
            assertTrue(PublicAddresses.isPublic(ip(a)), a);
        }
    }

    @Test
    void theAllowListExemptsNamesAsWrittenAndRanges() {
        PublicAddresses rule = new PublicAddresses(List.of("localhost", "10.20.0.0/16", "fd00:1::/32"));
        InetAddress[] loopback = {ip("127.0.0.1")};
        assertTrue(rule.allows("LOCALHOST", loopback));
        assertFalse(rule.allows("127.0.0.1", loopback), "the name is exempt, not the address");
        assertTrue(rule.allows("bus.internal", new InetAddress[]{ip("10.20.3.4")}));
        assertFalse(rule.allows("bus.internal", new InetAddress[]{ip("10.20.3.4"), ip("10.21.0.1")}), "every address must pass");
        assertTrue(rule.allows("[fd00:1::5]", new InetAddress[]{ip("fd00:1::5")}));
        assertFalse(rule.allows("nothing", new InetAddress[0]));
        assertTrue(new PublicAddresses(List.of()).allows("example.org", new InetAddress[]{ip("93.184.215.14")}));
    }
}
