package org.uputnica.notifications.language;

/**
 * Plural categories of whole numbers (CLDR). Serbian and Bosnian have three: one for 1, 21, 31 (but not 11), few
 * for 2-4, 22-24 (but not 12-14), other for the rest: "1 dan, 3 dana, 5 dana, 11 dana, 21 dan". English has two.
 */
public enum Plural {
    ONE, FEW, OTHER;

    public static Plural of(Language language, long n) {
        long abs = Math.abs(n);
        if (language == Language.EN) {
            return abs == 1 ? ONE : OTHER;
        }
        long lastDigit = abs % 10;
        long lastTwo = abs % 100;
        if (lastDigit == 1 && lastTwo != 11) {
            return ONE;
        }
        if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return FEW;
        }
        return OTHER;
    }

    public String choose(String one, String few, String other) {
        return switch (this) {
            case ONE -> one;
            case FEW -> few;
            case OTHER -> other;
        };
    }
}
