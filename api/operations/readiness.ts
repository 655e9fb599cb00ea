/**
 * Readiness (GET /ready): whether this process should get traffic now. Liveness (GET /health)
 * only says the process runs; readiness also checks what a request needs: the database, the
 * shared job queue when there is one, and the simulation workers, and turns false as soon as a
 * shutdown starts, so that a load balancer stops sending requests before the process drains.
 */

export interface CheckOutcome {
  ok: boolean;
  /** One sentence for the operator. */
  detail: string;
}

export interface ReadinessCheck {
  /** database, queue, workers */
  name: string;
  check(): Promise<CheckOutcome>;
}

export interface ReadinessReport {
  status: 'ready' | 'not-ready';
  checks: Record<string, CheckOutcome>;
}

/** Longest a check may take before it counts as failed (a database that does not answer). */
export const CHECK_TIMEOUT_MS = 2_000;

export async function checkReadiness(checks: readonly ReadinessCheck[], shuttingDown: boolean): Promise<ReadinessReport> {
  const outcomes = await Promise.all(checks.map(async (check) => [check.name, await withTimeout(check)] as const));
  const report: Record<string, CheckOutcome> = Object.fromEntries(outcomes);
  if (shuttingDown) report.shutdown = { ok: false, detail: 'the process is shutting down: it finishes the requests under way and takes no new ones' };
  const ready = Object.values(report).every((outcome) => outcome.ok);
  return { status: ready ? 'ready' : 'not-ready', checks: report };
}

async function withTimeout(check: ReadinessCheck): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      check.check().catch((error: unknown) => ({ ok: false, detail: error instanceof Error ? error.message : String(error) })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
