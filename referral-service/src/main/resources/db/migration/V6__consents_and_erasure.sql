-- What each consent allows, as the case-service announced it (projection of consent-recorded / consent-withdrawn, or
-- the case-service's answer when a referral names a consent the projection does not know yet). Who gave the consent,
-- its purpose and how it was given stay in the case-service.
create table consent (
    consent_id     uuid primary key,
    case_id        uuid         not null,
    to_agency      varchar(100),             -- the agency it names, or null when it names a kind of agency
    to_agency_kind varchar(60),              -- a directory kind (agency.kind), when no single agency is named
    data           varchar(500) not null,    -- comma-separated SharedData codes it allows to share
    valid_from     date         not null,
    valid_until    date,                     -- the last day it holds (inclusive); null: no end
    withdrawn_at   timestamptz,              -- once set, never cleared (a late consent-recorded keeps it)
    updated_at     timestamptz  not null
);

alter table referral
    -- the consent the referral shared data under was withdrawn: the receiver no longer sees the shared content
    add column sharing_revoked_at timestamptz,
    -- the case was anonymised: the free text about it (reason, notes, consent reference, legal basis) is gone
    add column anonymised_at      timestamptz,
    -- anonymisation blanks the reason; codes, ids and times stay for statistics
    alter column reason drop not null;

-- A withdrawal looks up the referrals sent under the consent; anonymisation those of the case (referral_case).
create index referral_consent on referral (consent_id) where consent_id is not null;
