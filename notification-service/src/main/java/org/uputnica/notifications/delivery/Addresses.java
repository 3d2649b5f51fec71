package org.uputnica.notifications.delivery;

/** E-mail addresses as shown to others: enough to recognise one's own, not enough to harvest colleagues'. */
public final class Addresses {
    private Addresses() {
    }

    /** "jelena.coordinator@csr-kikinda.uputnica.test" becomes "j***@csr-kikinda.uputnica.test". */
    public static String masked(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
