-- What platform administrators changed (issue 16): agencies created, working groups' members added and removed.
-- Who (the user's subject id, username and agency), when, what (an action code, its subject and, for a membership,
-- the member agency). Kept like referral_access: rows are only ever inserted.
create table admin_audit (
    id       bigserial primary key,
    at       timestamptz  not null,
    user_id  varchar(100) not null,
    username varchar(200),
    agency   varchar(100),
    action   varchar(40)  not null,
    subject  varchar(100) not null,
    member   varchar(100)
);
create index admin_audit_at on admin_audit (at);
