package org.uputnica.cases.person;

public enum IdentifierType {
    /** Jedinstveni matični broj građana: 13 digits with a check digit. */
    JMBG,
    ASYLUM_NUMBER,
    REGISTRATION_NUMBER,
    PASSPORT,
    OTHER
}
