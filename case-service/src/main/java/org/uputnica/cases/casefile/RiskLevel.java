package org.uputnica.cases.casefile;

public enum RiskLevel { LOW, MEDIUM, HIGH, CRITICAL }
