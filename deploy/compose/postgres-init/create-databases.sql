-- Run once by the postgres image on an empty volume: one database per service.
CREATE DATABASE cases;
CREATE DATABASE referrals;
CREATE DATABASE notifications;
