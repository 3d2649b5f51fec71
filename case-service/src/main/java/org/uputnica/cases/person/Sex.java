package org.uputnica.cases.person;

public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN
}
