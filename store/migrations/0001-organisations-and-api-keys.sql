-- Organisations (a municipality, a fund) and the API keys that act for them.
-- Keys are stored as SHA-256 hashes only; the key itself is shown once, when it is made.
CREATE TABLE organisations (
  id text PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  key_hash text NOT NULL UNIQUE,
  -- The first characters of the key, so that a person can tell their keys apart.
  key_prefix text NOT NULL,
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX api_keys_by_organisation ON api_keys (organisation_id);
