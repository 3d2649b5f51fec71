package org.uputnica.notifications.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses a webhook may call: only public internet ones, so that an agency admin cannot make the service
 * call (and report on) the internal network: loopback, private ranges, link-local (the cloud metadata address
 * 169.254.169.254), carrier-grade NAT, multicast, reserved and documentation ranges, and their IPv6 equivalents,
 * IPv4 addresses hidden in IPv6 ones (mapped, compatible, NAT64, 6to4) judged as the IPv4 address they carry.
 * An allow-list entry exempts a host name (as written in the URL) or an address range (CIDR).
 */
public final class PublicAddresses {
    private final List<String> allowedNames;
    private final List<Range> allowedRanges;

    public PublicAddresses(List<String> allowList) {
        this.allowedNames = allowList.stream().map(String::strip).filter(e -> !e.isEmpty() && !e.contains("/"))
                .map(e -> e.toLowerCase(Locale.ROOT)).toList();
        this.allowedRanges = allowList.stream().map(String::strip).filter(e -> e.contains("/")).map(Range::parse).toList();
    }

    /** May a URL with this host, resolving to these addresses, be called? All of them must be allowed. */
    public boolean allows(String host, InetAddress[] addresses) {
        if (allowedNames.contains(bare(host).toLowerCase(Locale.ROOT))) {
            return true;
        }
        return addresses.length > 0 && Arrays.stream(addresses)
                .allMatch(a -> isPublic(a) || allowedRanges.stream().anyMatch(r -> r.contains(a)));
    }

    /** The host of a URI without the brackets of an IPv6 literal. */
    public static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    public static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(b);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                    // "this network", 0.0.0.0
                || a0 == 10                                  // private
                || a0 == 100 && (a1 & 0xc0) == 64            // carrier-grade NAT 100.64/10
                || a0 == 127                                 // loopback
                || a0 == 169 && a1 == 254                    // link-local, cloud metadata
                || a0 == 172 && (a1 & 0xf0) == 16            // private 172.16/12
                || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) // IETF protocol assignments, documentation
                || a0 == 192 && a1 == 88 && a2 == 99         // 6to4 relay anycast
                || a0 == 192 && a1 == 168                    // private
                || a0 == 198 && (a1 & 0xfe) == 18            // benchmarking 198.18/15
                || a0 == 198 && a1 == 51 && a2 == 100        // documentation
                || a0 == 203 && a1 == 0 && a2 == 113         // documentation
                || a0 >= 224);                               // multicast 224/4, reserved 240/4, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isPublicV4(Arrays.copyOfRange(b, 12, 16));   // IPv4-mapped ::ffff:a.b.c.d
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            return false;                                        // ::, ::1, IPv4-compatible ::a.b.c.d
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isPublicV4(Arrays.copyOfRange(b, 12, 16));   // NAT64 64:ff9b::/96
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return isPublicV4(Arrays.copyOfRange(b, 2, 6));     // 6to4 2002::/16
        }
        return !((b0 & 0xfe) == 0xfc                             // unique local fc00::/7
                || b0 == 0xfe && (b1 & 0xc0) == 0x80             // link-local fe80::/10
                || b0 == 0xfe && (b1 & 0xc0) == 0xc0             // site-local fec0::/10 (deprecated)
                || b0 == 0xff                                    // multicast
                || b0 == 0x20 && b1 == 0x01 && b[2] == 0 && b[3] == 0          // Teredo 2001::/32
                || b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8 // documentation
                || b0 == 0x01 && b1 == 0x00 && b[2] == 0 && b[3] == 0          // discard-only 100::/64
                || (b0 & 0xe0) != 0x20);                         // outside global unicast 2000::/3
    }

    /** An address range in CIDR notation. */
    record Range(byte[] network, int prefix) {
        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                byte[] network = InetAddress.getByName(literal(cidr.substring(0, slash))).getAddress();
                int prefix = Integer.parseInt(cidr.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("not a CIDR range: " + cidr);
                }
                return new Range(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: " + cidr, e);
            }
        }

        private static String literal(String address) {
            // only address literals: a name here would be looked up, once, at start
            if (!address.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an address: " + address);
            }
            return address;
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
