package org.uputnica.referrals.directory;

/** Whom a service takes by sex: everyone, or only women and girls, or only men and boys. */
public enum EligibleSex {
    ANY,
    FEMALE,
    MALE
}
