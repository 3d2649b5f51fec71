package org.uputnica.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the later pages (filters, case plan and documents, matches, access log, settings, annual summary), as
 * {pg:key} in templates: a second bundle, since Quarkus generates a wrong resolver for one of more than about 300
 * messages. Written by console/tools/messages.py with {@link Msg}; MessagesTest checks both.
 */
@MessageBundle(value = "pg", locale = "sr-Latn")
public interface Pg {

    @Message
    String nav_settings();

    @Message
    String sent_from();

    @Message
    String sent_to();

    @Message
    String overdue();

    @Message
    String overdue_only();

    @Message
    String overdue_none();

    @Message
    String sort();

    @Message
    String sort_NEWEST();

    @Message
    String sort_OLDEST();

    @Message
    String sort_SENT();

    @Message
    String sort_URGENCY();

    @Message
    String sort_STATUS();

    @Message
    String plan();

    @Message
    String goal_OPEN();

    @Message
    String goal_ACHIEVED();

    @Message
    String goal_DROPPED();

    @Message
    String task_OPEN();

    @Message
    String task_DONE();

    @Message
    String task_CANCELLED();

    @Message
    String due();

    @Message
    String documents();

    @Message
    String confidential();

    @Message
    String back_to_case();

    @Message
    String access_log_title();

    @Message
    String access_log_text();

    @Message
    String access_log_caption();

    @Message
    String when();

    @Message
    String who();

    @Message
    String access_action();

    @Message
    String access_basis();

    @Message
    String access_CREATE();

    @Message
    String access_READ();

    @Message
    String access_UPDATE();

    @Message
    String access_EXPORT();

    @Message
    String access_ERASE();

    @Message
    String basis_OWNER();

    @Message
    String basis_COLLABORATION();

    @Message
    String basis_COORDINATION();

    @Message
    String basis_RECORD_LINKING();

    @Message
    String matches_title();

    @Message
    String matches_text();

    @Message
    String matches_find();

    @Message
    String matches_found();

    @Message
    String match_purpose();

    @Message
    String match_purpose_help();

    @Message
    String match_score();

    @Message
    String match_confirm();

    @Message
    String match_reject();

    @Message
    String match_decided();

    @Message
    String reason_SAME_IDENTIFIER();

    @Message
    String reason_NAME_SIMILAR();

    @Message
    String reason_SAME_DATE_OF_BIRTH();

    @Message
    String reason_BIRTH_YEAR_WITHIN();

    @Message
    String reason_SAME_SEX();

    @Message
    String settings_title();

    @Message
    String settings_saved();

    @Message
    String settings_email();

    @Message
    String settings_email_help();

    @Message
    String settings_language();

    @Message
    String settings_by_email();

    @Message
    String settings_inbox_always();

    @Message
    String settings_always();

    @Message
    String settings_email_unverified();

    @Message
    String settings_email_code();

    @Message
    String settings_confirm();

    @Message
    String settings_email_confirmed();

    @Message
    String settings_code_invalid();

    @Message
    String settings_digest();

    @Message
    String save();

    @Message
    String annual_title();

    @Message
    String annual_totals();

    @Message
    String year();

    @Message
    String print();

    @Message
    String referrals_sent();

    @Message
    String late_now();

    @Message
    String printed_on();
}
