-- Actuals (realisaties) of saved contracts. Every upload adds a version; versions are never
-- changed, so a re-forecast that names (contract, actuals version) can be traced to the exact
-- data. Each version records the contract version it was checked against.
CREATE TABLE contract_actuals_versions (
  contract_id text NOT NULL REFERENCES saved_objects (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  contract_version integer NOT NULL CHECK (contract_version >= 1),
  -- json, not jsonb, as for saved objects: the body is stored as it was validated.
  body json NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by_key text,
  PRIMARY KEY (contract_id, version)
);
