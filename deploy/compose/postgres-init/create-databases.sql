-- Run once by the postgres image on an empty volume: one database per service, and Keycloak's.
CREATE DATABASE cases;
CREATE DATABASE referrals;
CREATE DATABASE notifications;
CREATE DATABASE keycloak;
