package org.uputnica.events;

/**
 * Kinds of personal data that a consent allows and a referral shares; the codes travel in
 * {@link ReferralChanged#sharedData()} and {@link ConsentChanged#data()}. The minimum the receiver needs.
 * IDENTITY is the names and sex; NATIONAL_ID the identifiers (JMBG, passport, asylum and registration numbers), so
 * that a referral can share a name without a national id.
 */
public enum SharedData {
    IDENTITY, NATIONAL_ID, DATE_OF_BIRTH, CONTACT, LANGUAGE, LEGAL_STATUS, FAMILY, HEALTH, RISK_ASSESSMENT, CASE_SUMMARY
}
