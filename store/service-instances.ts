import type { Queryable } from './database.js';

/**
 * Running service instances and their heartbeats, by the database's clock (so instances on
 * machines whose clocks differ agree). An instance whose heartbeat stopped has stopped, and its
 * queued and running runs are taken over (see `runs.claimOrphans`).
 */
export function serviceInstanceRepository(database: Queryable) {
  return {
    async register(id: string, softwareVersion: string): Promise<void> {
      await database.query('INSERT INTO service_instances (id, software_version) VALUES ($1, $2)', [id, softwareVersion]);
    },
    async heartbeat(id: string): Promise<void> {
      await database.query('UPDATE service_instances SET heartbeat_at = now() WHERE id = $1', [id]);
    },
    async unregister(id: string): Promise<void> {
      await database.query('DELETE FROM service_instances WHERE id = $1', [id]);
    },
    /** Forgets instances silent for longer than `olderThanMs` (their runs were taken over long ago). */
    async forgetSilent(olderThanMs: number): Promise<void> {
      await database.query('DELETE FROM service_instances WHERE heartbeat_at < now() - make_interval(secs => $1::double precision / 1000)', [olderThanMs]);
    },
  };
}
export type ServiceInstanceRepository = ReturnType<typeof serviceInstanceRepository>;
