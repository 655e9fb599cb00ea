-- Saved contracts, portfolios and scenarios. Every change adds a version; versions are never
-- changed, so a run that names (object, version) can always be traced to the exact input.
CREATE TABLE saved_objects (
  id text PRIMARY KEY,
  -- Insertion order, for stable pagination (timestamps can tie).
  seq bigint GENERATED ALWAYS AS IDENTITY,
  organisation_id text NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('contract', 'portfolio', 'scenario')),
  name text NOT NULL,
  current_version integer NOT NULL CHECK (current_version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_objects_listing ON saved_objects (organisation_id, kind, seq DESC);

CREATE TABLE saved_object_versions (
  object_id text NOT NULL REFERENCES saved_objects (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  name text NOT NULL,
  -- json, not jsonb: jsonb reorders object keys, and key order is part of a model.
  body json NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The API key (its id, not the key) that wrote this version.
  created_by_key text,
  PRIMARY KEY (object_id, version)
);
