package org.uputnica.referrals.referral;

/** What the receiving agency is asked to provide. */
public enum ServiceType {
    PSYCHOSOCIAL_SUPPORT,
    SHELTER,
    LEGAL_AID,
    HEALTH_CARE,
    EDUCATION,
    GUARDIANSHIP,
    INTERPRETATION,
    FAMILY_TRACING,
    MATERIAL_ASSISTANCE,
    CASE_MANAGEMENT
}
