-- Who read which referral (its reason and sharing details may be personal data), in what capacity.
create table referral_access (
    id           bigint generated always as identity primary key,
    at           timestamptz  not null,
    user_id      varchar(100) not null,
    username     varchar(100) not null,
    agency       varchar(100) not null,
    roles        varchar(300) not null,
    action       varchar(20)  not null,   -- READ, HISTORY, LIST
    referral_ids text         not null    -- one id, or the ids a list showed, comma-separated
);
create index referral_access_at on referral_access (at);
