import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.js';

/** An organisation (a municipality, a fund): every saved object and run belongs to exactly one. */
export interface Organisation {
  id: string;
  name: string;
  createdAt: Date;
}

interface OrganisationRow {
  id: string;
  name: string;
  created_at: Date;
}

const toOrganisation = (row: OrganisationRow): Organisation => ({ id: row.id, name: row.name, createdAt: row.created_at });

export function organisationRepository(database: Queryable) {
  return {
    async create(name: string): Promise<Organisation> {
      const [row] = await database.query<OrganisationRow>('INSERT INTO organisations (id, name) VALUES ($1, $2) RETURNING id, name, created_at', [
        randomUUID(),
        name,
      ]);
      return toOrganisation(row);
    },
    async get(id: string): Promise<Organisation | null> {
      const [row] = await database.query<OrganisationRow>('SELECT id, name, created_at FROM organisations WHERE id = $1', [id]);
      return row === undefined ? null : toOrganisation(row);
    },
    async list(): Promise<Organisation[]> {
      return (await database.query<OrganisationRow>('SELECT id, name, created_at FROM organisations ORDER BY created_at, id')).map(toOrganisation);
    },
  };
}
export type OrganisationRepository = ReturnType<typeof organisationRepository>;
