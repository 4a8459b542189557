#!/bin/sh
# Run once by the postgres image when its data directory is first created (docker-entrypoint-initdb.d), as the
# superuser: the two roles of docs/deployment.md ("Database roles") and the database, owned by the schema owner.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE mfaportal_owner LOGIN PASSWORD '$MFAPORTAL_OWNER_PASSWORD';
CREATE ROLE mfaportal_app LOGIN PASSWORD '$MFAPORTAL_APP_PASSWORD';
CREATE DATABASE mfaportal OWNER mfaportal_owner;
SQL
