import type { Caller } from './api-keys.js';
import type { Database } from './database.js';

/**
 * The actuals of saved contracts, every upload a new version. Every query joins the contract and
 * names the organisation, so another organisation's contract has no actuals to read or add to.
 * A version is written in one statement after the caller has checked the actuals: a refused
 * upload writes nothing.
 */
export interface ContractActualsVersion {
  contractId: string;
  version: number;
  contractVersion: number;
  body: unknown;
  createdAt: Date;
  createdByKey: string | null;
}

interface Row {
  contract_id: string;
  version: number;
  contract_version: number;
  body: unknown;
  created_at: Date;
  created_by_key: string | null;
}

const toVersion = (row: Row): ContractActualsVersion => ({
  contractId: row.contract_id,
  version: row.version,
  contractVersion: row.contract_version,
  body: typeof row.body === 'string' ? JSON.parse(row.body) : row.body,
  createdAt: new Date(row.created_at),
  createdByKey: row.created_by_key,
});

export function contractActualsRepository(database: Database) {
  return {
    /** Adds the next version; null when the organisation has no such contract. */
    async add(caller: Caller, contractId: string, contractVersion: number, body: unknown): Promise<ContractActualsVersion | null> {
      return database.transaction(async (tx) => {
        const [owned] = await tx.query<{ id: string }>(
          "SELECT id FROM saved_objects WHERE id = $1 AND organisation_id = $2 AND kind = 'contract' FOR UPDATE",
          [contractId, caller.organisationId],
        );
        if (owned === undefined) return null;
        const [row] = await tx.query<Row>(
          `INSERT INTO contract_actuals_versions (contract_id, version, contract_version, body, created_by_key)
           SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3::json, $4 FROM contract_actuals_versions WHERE contract_id = $1
           RETURNING contract_id, version, contract_version, body, created_at, created_by_key`,
          [contractId, contractVersion, JSON.stringify(body), caller.keyId],
        );
        return toVersion(row);
      });
    },

    /** The latest version, or the given one; null when there is none for this organisation. */
    async get(organisationId: string, contractId: string, version?: number): Promise<ContractActualsVersion | null> {
      const [row] = await database.query<Row>(
        `SELECT a.contract_id, a.version, a.contract_version, a.body, a.created_at, a.created_by_key
         FROM contract_actuals_versions a JOIN saved_objects o ON o.id = a.contract_id
         WHERE a.contract_id = $1 AND o.organisation_id = $2 AND o.kind = 'contract' AND ($3::integer IS NULL OR a.version = $3::integer)
         ORDER BY a.version DESC LIMIT 1`,
        [contractId, organisationId, version ?? null],
      );
      return row === undefined ? null : toVersion(row);
    },

    /** Every version without its body, newest first (at most 1,000). */
    async versions(organisationId: string, contractId: string): Promise<Omit<ContractActualsVersion, 'body'>[]> {
      const rows = await database.query<Row>(
        `SELECT a.contract_id, a.version, a.contract_version, NULL AS body, a.created_at, a.created_by_key
         FROM contract_actuals_versions a JOIN saved_objects o ON o.id = a.contract_id
         WHERE a.contract_id = $1 AND o.organisation_id = $2 AND o.kind = 'contract'
         ORDER BY a.version DESC LIMIT 1000`,
        [contractId, organisationId],
      );
      return rows.map((row) => {
        const { body: _body, ...rest } = toVersion({ ...row, body: null });
        return rest;
      });
    },
  };
}

export type ContractActualsRepository = ReturnType<typeof contractActualsRepository>;
