package org.uputnica.e2e.access;

import java.util.List;
import java.util.Locale;

/**
 * What an operation's path (and body) points at, and the situations a caller can be in towards it. The names are
 * the values of the {@code resource} column of access-matrix.csv; {@link Fixtures} makes one fixture per resource,
 * situation and caller agency. Kinds named {@code new-...} are made afresh for every call (the call may delete them).
 */
enum Resource {
    /** No resource in the path: collections, "me", searches. */
    NONE("none"),
    /** A case: own (of the caller's agency, never referred), sender (own, referred by the caller's agency),
     *  receiver (another agency's, whose referral the caller's agency accepted: it collaborates and sees what was
     *  shared), pending (another agency's, referred to the caller's and not accepted yet), group (another's,
     *  referred between two other agencies of the caller's working group), foreign (another's, referred within
     *  another working group). Each case has a consent, a document, a note, a goal, a task and a confirmed
     *  match suggestion of its owner ({consentId}, {documentId}, {goalId}, {taskId}, {suggestionId}) with its link
     *  ({linkId}). */
    CASE("own", "sender", "receiver", "pending", "group", "foreign"),
    /** One referral of such a case as the case-service knows it ({caseId}, {referralId}): the one that makes the
     *  situation (an own case that was never referred has none). */
    CASE_REFERRAL("sender", "receiver", "pending", "group", "foreign"),
    /** A consent recorded afresh on the situation's case by its owner ({caseId}, {consentId}). */
    NEW_CONSENT("own", "sender", "receiver", "pending", "group", "foreign"),
    /** A case made afresh in the situation, not closed ({id}, {caseId}), for calls that could erase it. */
    NEW_CASE("own", "sender", "receiver", "pending", "group", "foreign"),
    /** A referral of those cases; draft-receiver is another agency's draft addressed to the caller's agency. */
    REFERRAL("sender", "receiver", "draft-receiver", "group", "foreign"),
    /** A TRANSFER, sent and not answered: by the caller's agency (only csr-kikinda has a supervisor to send one),
     *  to it, between two other agencies of its working group, or between agencies of no group of its ({id}). */
    TRANSFER("sender", "receiver", "group", "foreign"),
    /** An agency named in a query or body ({agency}): the caller's own, or another persona's agency. */
    AGENCY("own", "foreign"),
    /** A multi-agency request: sent by the caller's agency, with it as a candidate, within or outside its group. */
    REFERRAL_GROUP("sender", "receiver", "group", "foreign"),
    /** An inbox item: of the caller's agency about its sent or received referral, of its working group's
     *  coordinators (an escalation), of an unrelated agency. */
    INBOX_ITEM("sender", "receiver", "group", "foreign"),
    /** kikinda-child-protection (the caller's agency is a member) or bijeljina-child-protection. */
    WORKING_GROUP("own", "foreign"),
    /** The local protocol of either working group. */
    PROTOCOL("own", "foreign"),
    /** A protocol code nobody uses yet, scoped (in the body: ${workingGroup}) to either working group. */
    NEW_PROTOCOL("own", "foreign"),
    /** A directory service of the caller's agency or of another agency ({id}; for the public HSDS API also its
     *  {organizationId}, {locationId} and {serviceAtLocationId}). */
    DIRECTORY_SERVICE("own", "foreign"),
    /** An agency of the directory: the caller's own or another. */
    DIRECTORY_AGENCY("own", "foreign"),
    /** A webhook of the caller's agency or of another agency. */
    WEBHOOK("own", "foreign"),
    NEW_WEBHOOK("own", "foreign"),
    /** A delivery of such a webhook. */
    WEBHOOK_DELIVERY("own", "foreign"),
    /** An agency mailbox (e-mail recipient) of the caller's agency or of another agency. */
    NEW_RECIPIENT("own", "foreign");

    final List<String> situations;
    final String csvName;

    Resource(String... situations) {
        this.situations = List.of(situations);
        this.csvName = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    boolean fresh() {
        return name().startsWith("NEW_");
    }

    static Resource ofCsv(String name) {
        for (Resource r : values()) {
            if (r.csvName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown resource '" + name + "'");
    }
}
