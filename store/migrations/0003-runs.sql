-- Every stored simulation, comparison and sensitivity run: its full input, seed, software version,
-- status and result. A simulation run is also a job: the service that runs it writes its progress,
-- and a service that starts finds the runs whose service stopped and resumes them.
CREATE TABLE runs (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  organisation_id text NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('simulation', 'comparison', 'sensitivity')),
  status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  -- The request as validated (defaults filled in, saved objects resolved to their content).
  request json NOT NULL,
  -- The saved objects (kind, id, version) the request referred to.
  sources json NOT NULL,
  -- What the engine runs (model descriptions and settings): enough to resume or re-run exactly.
  work json NOT NULL,
  seed bigint,
  software_version text NOT NULL,
  rerun_of text,
  completed_iterations integer NOT NULL DEFAULT 0,
  total_iterations integer NOT NULL DEFAULT 0,
  -- The result exactly as the API returned it (JSON text), so that it reads back byte for byte.
  result text,
  reason text,
  error json,
  -- How many times a service has started this run (a run that keeps stopping its service is failed).
  attempts integer NOT NULL DEFAULT 1,
  -- The service instance that runs it while queued or running.
  runner_instance text,
  created_by_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX runs_listing ON runs (organisation_id, seq DESC);
CREATE INDEX runs_unfinished ON runs (runner_instance) WHERE status IN ('queued', 'running');

-- Running service instances, each writing a heartbeat; a run whose instance stopped beating is
-- taken over by another (several instances may share one PostgreSQL server).
CREATE TABLE service_instances (
  id text PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  software_version text NOT NULL
);
