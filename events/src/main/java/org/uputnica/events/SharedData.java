package org.uputnica.events;

/**
 * Kinds of personal data that a consent allows and a referral shares; the codes travel in
 * {@link ReferralChanged#sharedData()} and {@link ConsentChanged#data()}. The minimum the receiver needs.
 */
public enum SharedData {
    IDENTITY, DATE_OF_BIRTH, CONTACT, LANGUAGE, LEGAL_STATUS, FAMILY, HEALTH, RISK_ASSESSMENT, CASE_SUMMARY
}
