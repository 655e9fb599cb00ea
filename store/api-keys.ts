import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';

/**
 * API keys: `rf_` and 32 random bytes in base64url (256 bits). Only the SHA-256 hash is stored,
 * and a request's key is found by its hash. A slow password hash (bcrypt, scrypt) protects
 * guessable passwords from brute force after a database leak; a key with 256 random bits cannot be
 * guessed by any number of fast hashes, so SHA-256 gives the same protection and lets the lookup
 * be one indexed equality.
 */
export const API_KEY_PREFIX = 'rf_';
const KEY_BYTES = 32;
/** Characters of the key kept in clear (`rf_` and 6 more), so that a person can tell keys apart. */
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 6;

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(KEY_BYTES).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface ApiKey {
  id: string;
  organisationId: string;
  /** The first characters of the key, e.g. `rf_Q3xk9a`. */
  prefix: string;
  label: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Who a valid key acts for. */
export interface Caller {
  organisationId: string;
  keyId: string;
}

interface ApiKeyRow {
  id: string;
  organisation_id: string;
  key_prefix: string;
  label: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = 'id, organisation_id, key_prefix, label, created_at, revoked_at';
const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  organisationId: row.organisation_id,
  prefix: row.key_prefix,
  label: row.label,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

export function apiKeyRepository(database: Queryable) {
  return {
    /** Makes a key for the organisation; the returned `key` is the only time it is seen in clear. */
    async create(organisationId: string, label: string | null = null): Promise<{ key: string; apiKey: ApiKey }> {
      const key = generateApiKey();
      const [row] = await database.query<ApiKeyRow>(
        `INSERT INTO api_keys (id, organisation_id, key_hash, key_prefix, label) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [randomUUID(), organisationId, hashApiKey(key), key.slice(0, SHOWN_PREFIX_LENGTH), label],
      );
      return { key, apiKey: toApiKey(row) };
    },
    /** The caller a key acts for, or null for an unknown or revoked key. */
    async authenticate(key: string): Promise<Caller | null> {
      if (!key.startsWith(API_KEY_PREFIX)) return null;
      const [row] = await database.query<{ id: string; organisation_id: string }>(
        'SELECT id, organisation_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
        [hashApiKey(key)],
      );
      return row === undefined ? null : { organisationId: row.organisation_id, keyId: row.id };
    },
    async list(organisationId: string): Promise<ApiKey[]> {
      return (await database.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE organisation_id = $1 ORDER BY created_at, id`, [organisationId])).map(
        toApiKey,
      );
    },
    /** Revokes a key; false when there is no such key or it was already revoked. */
    async revoke(keyId: string): Promise<boolean> {
      const rows = await database.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [keyId]);
      return rows.length === 1;
    },
  };
}
export type ApiKeyRepository = ReturnType<typeof apiKeyRepository>;
