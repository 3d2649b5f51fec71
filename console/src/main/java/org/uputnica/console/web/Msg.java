package org.uputnica.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the console, one method per key. The texts are in messages/msg_LANG.properties, one file per
 * language (sr-Latn is the default); console/tools/messages.py writes them and this interface from one table.
 * MessagesTest fails when a key is missing in any language.
 */
@MessageBundle(value = "msg", locale = "sr-Latn")
public interface Msg {

    @Message
    String skip_to_content();

    @Message
    String nav_label();

    @Message
    String nav_my_work();

    @Message
    String nav_incoming();

    @Message
    String nav_outgoing();

    @Message
    String nav_cases();

    @Message
    String nav_directory();

    @Message
    String nav_coordinated();

    @Message
    String nav_dashboard();

    @Message
    String nav_inbox();

    @Message
    String language();

    @Message
    String language_choose();

    @Message
    String logout();

    @Message
    String back_to_my_work();

    @Message
    String signed_out_title();

    @Message
    String signed_out_text();

    @Message
    String sign_in_again();

    @Message
    String my_work_title();

    @Message
    String my_work_to_acknowledge();

    @Message
    String my_work_to_decide();

    @Message
    String my_work_overdue();

    @Message
    String my_work_unread();

    @Message
    String nothing();

    @Message
    String open();

    @Message
    String hours_left(long hours);

    @Message
    String hours_late(long hours);

    @Message
    String all();

    @Message
    String filter();

    @Message
    String search();

    @Message
    String show();

    @Message
    String pages();

    @Message
    String previous();

    @Message
    String next();

    @Message
    String page_of(int page, int pages);

    @Message
    String referrals_total(long count);

    @Message
    String services_total(long count);

    @Message
    String direction_INCOMING();

    @Message
    String direction_OUTGOING();

    @Message
    String direction_COORDINATED();

    @Message
    String referral_title();

    @Message
    String referral_reference();

    @Message
    String referral_status();

    @Message
    String referral_urgency();

    @Message
    String referral_service();

    @Message
    String referral_from();

    @Message
    String referral_to();

    @Message
    String referral_sent();

    @Message
    String referral_reason();

    @Message
    String referral_withheld();

    @Message
    String referral_pdf();

    @Message
    String referral_new();

    @Message
    String referral_send();

    @Message
    String referral_changed_meanwhile();

    @Message
    String person();

    @Message
    String person_name();

    @Message
    String person_name_cyrillic();

    @Message
    String person_given_name();

    @Message
    String person_family_name();

    @Message
    String person_born();

    @Message
    String person_sex();

    @Message
    String person_languages();

    @Message
    String person_not_shared();

    @Message
    String deadlines();

    @Message
    String actions();

    @Message
    String history();

    @Message
    String system();

    @Message
    String note();

    @Message
    String note_optional();

    @Message
    String note_add();

    @Message
    String notes();

    @Message
    String reason();

    @Message
    String decline_reason();

    @Message
    String outcome();

    @Message
    String forward_to();

    @Message
    String action_acknowledge();

    @Message
    String action_accept();

    @Message
    String action_decline();

    @Message
    String action_start();

    @Message
    String action_resume();

    @Message
    String action_hold();

    @Message
    String action_complete();

    @Message
    String action_withdraw();

    @Message
    String action_forward();

    @Message
    String action_escalate();

    @Message
    String action_send();

    @Message
    String status_DRAFT();

    @Message
    String status_SENT();

    @Message
    String status_ACKNOWLEDGED();

    @Message
    String status_ESCALATED();

    @Message
    String status_ACCEPTED();

    @Message
    String status_IN_PROGRESS();

    @Message
    String status_ON_HOLD();

    @Message
    String status_DECLINED();

    @Message
    String status_COMPLETED();

    @Message
    String status_WITHDRAWN();

    @Message
    String status_FORWARDED();

    @Message
    String urgency_EMERGENCY();

    @Message
    String urgency_URGENT();

    @Message
    String urgency_ROUTINE();

    @Message
    String service_PSYCHOSOCIAL_SUPPORT();

    @Message
    String service_SHELTER();

    @Message
    String service_LEGAL_AID();

    @Message
    String service_HEALTH_CARE();

    @Message
    String service_EDUCATION();

    @Message
    String service_GUARDIANSHIP();

    @Message
    String service_INTERPRETATION();

    @Message
    String service_FAMILY_TRACING();

    @Message
    String service_MATERIAL_ASSISTANCE();

    @Message
    String service_CASE_MANAGEMENT();

    @Message
    String decline_NOT_ELIGIBLE();

    @Message
    String decline_NO_CAPACITY();

    @Message
    String decline_SERVICE_NOT_PROVIDED();

    @Message
    String decline_UNABLE_TO_CONTACT();

    @Message
    String decline_DUPLICATE();

    @Message
    String decline_OTHER();

    @Message
    String outcome_PROVIDED();

    @Message
    String outcome_PARTLY_PROVIDED();

    @Message
    String outcome_NOT_PROVIDED();

    @Message
    String deadline_ACKNOWLEDGE();

    @Message
    String deadline_RESPOND();

    @Message
    String deadline_FIRST_CONTACT();

    @Message
    String deadline_state_PENDING();

    @Message
    String deadline_state_OVERDUE();

    @Message
    String deadline_state_ESCALATED();

    @Message
    String deadline_state_MET();

    @Message
    String deadline_state_CANCELLED();

    @Message
    String notice_REFERRAL_RECEIVED();

    @Message
    String notice_REFERRAL_SENT();

    @Message
    String notice_REFERRAL_ACKNOWLEDGED();

    @Message
    String notice_REFERRAL_ACCEPTED();

    @Message
    String notice_REFERRAL_DECLINED();

    @Message
    String notice_REFERRAL_IN_PROGRESS();

    @Message
    String notice_REFERRAL_ON_HOLD();

    @Message
    String notice_REFERRAL_COMPLETED();

    @Message
    String notice_REFERRAL_WITHDRAWN();

    @Message
    String notice_REFERRAL_FORWARDED();

    @Message
    String notice_REFERRAL_OVERDUE();

    @Message
    String notice_REFERRAL_ESCALATED();

    @Message
    String notice_REFERRAL_SHARING_REVOKED();

    @Message
    String inbox_title();

    @Message
    String inbox_all();

    @Message
    String inbox_unread_only();

    @Message
    String unread();

    @Message
    String cases_title();

    @Message
    String cases_mine();

    @Message
    String case_title();

    @Message
    String case_new();

    @Message
    String case_open();

    @Message
    String case_reference();

    @Message
    String case_category();

    @Message
    String case_step();

    @Message
    String case_opened();

    @Message
    String case_owner();

    @Message
    String category_UNACCOMPANIED_MINOR();

    @Message
    String category_SEPARATED_CHILD();

    @Message
    String category_CHILD_IN_STREET_SITUATION();

    @Message
    String category_CHILD_FOUND_BEGGING();

    @Message
    String category_VICTIM_OF_TRAFFICKING();

    @Message
    String sex_FEMALE();

    @Message
    String sex_MALE();

    @Message
    String sex_OTHER();

    @Message
    String sex_UNKNOWN();

    @Message
    String consents();

    @Message
    String consent();

    @Message
    String consent_record();

    @Message
    String consent_given_by();

    @Message
    String consent_giver_name();

    @Message
    String consent_purpose();

    @Message
    String consent_to_agency();

    @Message
    String consent_data();

    @Message
    String consent_valid_from();

    @Message
    String consent_valid_until();

    @Message
    String consent_method();

    @Message
    String consent_withdraw();

    @Message
    String consent_withdrawn();

    @Message
    String giver_PERSON();

    @Message
    String giver_PARENT();

    @Message
    String giver_GUARDIAN();

    @Message
    String giver_LEGAL_REPRESENTATIVE();

    @Message
    String method_SIGNED_FORM();

    @Message
    String method_VERBAL_WITH_WITNESS();

    @Message
    String method_ELECTRONIC();

    @Message
    String data_IDENTITY();

    @Message
    String data_NATIONAL_ID();

    @Message
    String data_DATE_OF_BIRTH();

    @Message
    String data_CONTACT();

    @Message
    String data_LANGUAGE();

    @Message
    String data_LEGAL_STATUS();

    @Message
    String data_FAMILY();

    @Message
    String data_HEALTH();

    @Message
    String data_RISK_ASSESSMENT();

    @Message
    String data_CASE_SUMMARY();

    @Message
    String step_directory();

    @Message
    String step_choose_service();

    @Message
    String or_choose_by_hand();

    @Message
    String step_consent();

    @Message
    String step_details();

    @Message
    String municipality();

    @Message
    String directory_title();

    @Message
    String only_vacancies();

    @Message
    String agency();

    @Message
    String service_name();

    @Message
    String capacity();

    @Message
    String vacancies(int free, int capacity);

    @Message
    String dashboard_title();

    @Message
    String working_group();

    @Message
    String period();

    @Message
    String period_month();

    @Message
    String period_quarter();

    @Message
    String period_year();

    @Message
    String download_csv();

    @Message
    String by_status();

    @Message
    String by_urgency();

    @Message
    String by_service();

    @Message
    String by_agency();

    @Message
    String times();

    @Message
    String received();

    @Message
    String accepted();

    @Message
    String declined();

    @Message
    String median_ack();

    @Message
    String p90_ack();

    @Message
    String median_answer();

    @Message
    String p90_answer();

    @Message
    String field_invalid();

    @Message
    String pdf_title();

    @Message
    String error_403_title();

    @Message
    String error_403_text();

    @Message
    String error_404_title();

    @Message
    String error_404_text();

    @Message
    String error_409_title();

    @Message
    String error_409_text();

    @Message
    String error_503_title();

    @Message
    String error_503_text();

    @Message
    String problem_generic();

    @Message
    String problem_validation();

    @Message
    String problem_stale_version();

    @Message
    String problem_conflict();

    @Message
    String problem_concurrent_modification();

    @Message
    String problem_illegal_transition();

    @Message
    String problem_already_taken();

    @Message
    String problem_no_sharing_basis();

    @Message
    String problem_consent_not_valid();

    @Message
    String problem_consent_withdrawn();

    @Message
    String problem_wrong_party();

    @Message
    String problem_not_a_party();

    @Message
    String problem_case_not_owned();

    @Message
    String problem_not_case_owner();

    @Message
    String problem_supervisor_required();

    @Message
    String problem_forbidden();

    @Message
    String problem_protocol_requirements_unmet();

    @Message
    String problem_rate_limited();

    @Message
    String problem_case_anonymised();
}
