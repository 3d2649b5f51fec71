package org.uputnica.cases.person;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The Yugoslav unique master citizen number (JMBG), still used in Serbia and Bosnia and Herzegovina:
 * DDMMYYY RR BBB K, where K is a mod-11 check digit over the first twelve digits.
 */
public final class Jmbg {
    private static final int[] WEIGHTS = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private Jmbg() {
    }

    /** Why the value is not a valid JMBG, or null when it is. */
    public static String problem(String value) {
        if (value == null || !value.matches("\\d{13}")) {
            return "a JMBG has exactly 13 digits";
        }
        if (birthDate(value) == null) {
            return "the first seven digits of a JMBG are a date of birth (DDMMYYY), and this one is not";
        }
        if (checkDigit(value) != value.charAt(12) - '0') {
            return "the check digit of this JMBG does not match: a digit is mistyped";
        }
        return null;
    }

    static int checkDigit(String value) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += WEIGHTS[i] * (value.charAt(i) - '0');
        }
        int m = 11 - sum % 11;
        return m > 9 ? 0 : m;
    }

    /** The date of birth the number encodes (YYY 9xx is the 1900s, 0xx the 2000s), or null if it is no date. */
    public static LocalDate birthDate(String value) {
        try {
            int day = Integer.parseInt(value.substring(0, 2));
            int month = Integer.parseInt(value.substring(2, 4));
            int yyy = Integer.parseInt(value.substring(4, 7));
            int year = yyy >= 800 ? 1000 + yyy : 2000 + yyy;
            return LocalDate.of(year, month, day);
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
