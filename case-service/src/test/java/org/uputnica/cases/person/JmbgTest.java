package org.uputnica.cases.person;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmbgTest {

    @Test
    void aValidNumberPassesAndItsDateIsRead() {
        assertNull(Jmbg.problem("0105016800011"));
        assertEquals(LocalDate.of(2016, 5, 1), Jmbg.birthDate("0105016800011"));
        assertEquals(LocalDate.of(1985, 7, 12), Jmbg.birthDate("1207985710000"));
    }

    @Test
    void everySingleMistypedDigitIsCaughtOrMakesAnotherValidNumber() {
        String valid = "0105016800011";
        int caught = 0;
        for (int i = 0; i < 13; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == valid.charAt(i)) {
                    continue;
                }
                String typo = valid.substring(0, i) + d + valid.substring(i + 1);
                if (Jmbg.problem(typo) != null) {
                    caught++;
                }
            }
        }
        // mod 11 with these weights catches every single-digit error except where the check digit would be 10
        assertTrue(caught >= 110, "caught " + caught + " of 117 single-digit typos");
    }

    @Test
    void wrongLengthOrANonDateOrABadCheckDigitIsNamed() {
        assertNotNull(Jmbg.problem("12345"));
        assertTrue(Jmbg.problem("3202016800011").contains("date"), "32 February is no date");
        assertTrue(Jmbg.problem("0105016800012").contains("check digit"));
        assertNotNull(Jmbg.problem("01050168000a1"));
    }

    @Test
    void aCheckSumOfTenOrElevenGivesZero() {
        // find a 12-digit stem whose raw check value is 10 or 11 and confirm that 0 is accepted for it
        for (int serial = 0; serial < 1000; serial++) {
            String stem = "010501680" + String.format("%03d", serial);
            int sum = 0;
            int[] w = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
            for (int i = 0; i < 12; i++) {
                sum += w[i] * (stem.charAt(i) - '0');
            }
            if (11 - sum % 11 > 9) {
                assertNull(Jmbg.problem(stem + "0"), stem + "0");
                return;
            }
        }
        throw new AssertionError("no stem with check value 10 or 11 found");
    }
}
