package org.uputnica.platform.jobs;

import java.util.Objects;

/**
 * What a job loop claims: the rows of {@code table} that {@code due} selects (an SQL condition, named parameters
 * allowed), oldest first by {@code order}, and the column that holds a lease on them. A table's rows are named by
 * their {@code id} column. Built once per loop as a constant, e.g.
 * {@code Claim.on("email_delivery").due("status = 'PENDING' and next_attempt_at <= :now").orderedBy("next_attempt_at").leasing("next_attempt_at")}.
 *
 * @param oneAtATime claims on the table take turns (a transaction-scoped advisory lock): needed when {@code due}
 *                   looks at other rows' leases, as the outbox's per-key order does, so that each claim sees every
 *                   earlier one
 */
public record Claim(String table, String due, String order, String leaseColumn, boolean oneAtATime) {

    public Claim {
        Objects.requireNonNull(table);
        Objects.requireNonNull(due);
        Objects.requireNonNull(order);
    }

    public static Claim on(String table) {
        return new Claim(table, "true", "id", null, false);
    }

    public Claim due(String condition) {
        return new Claim(table, condition, order, leaseColumn, oneAtATime);
    }

    public Claim orderedBy(String columns) {
        return new Claim(table, due, columns, leaseColumn, oneAtATime);
    }

    /** The column a lease moves ahead; {@code due} must leave out rows whose lease has not ended yet. */
    public Claim leasing(String column) {
        return new Claim(table, due, order, column, oneAtATime);
    }

    public Claim oneClaimAtATime() {
        return new Claim(table, due, order, leaseColumn, true);
    }

    /** The same claim with one more condition (e.g. rows that failed in this run). */
    public Claim and(String condition) {
        return new Claim(table, "(" + due + ") and (" + condition + ")", order, leaseColumn, oneAtATime);
    }

    /** Takes the claim's turn when claims take turns; ends with the transaction. Parameter {@code :table}. */
    String turnSql() {
        return "select pg_advisory_xact_lock(hashtext(:table))";
    }

    /** Locks up to {@code :limit} due rows, skipping rows others hold, and returns their ids in order. */
    String lockSql() {
        return "select id from " + table + " where " + due + " order by " + order + " limit :limit for update skip locked";
    }

    /** Moves the lease of {@code :ids} to {@code :until}. */
    String leaseUntilSql() {
        return "update " + table + " set " + leased() + " = :until where id in (:ids)";
    }

    /** Moves the lease of {@code :ids} to {@code :seconds} from now by the database's clock. */
    String leaseForSql() {
        return "update " + table + " set " + leased() + " = now() + make_interval(secs => :seconds) where id in (:ids)";
    }

    /** Ends the lease of {@code :ids}. */
    String releaseSql() {
        return "update " + table + " set " + leased() + " = null where id in (:ids)";
    }

    private String leased() {
        if (leaseColumn == null) {
            throw new IllegalArgumentException("the claim on " + table + " names no lease column");
        }
        return leaseColumn;
    }
}
