import type { Response } from 'express';

/**
 * Work on a simulation thread that stops when the caller hangs up before the answer is sent (the
 * pool then stops the thread running it); null in that case, as there is nobody to answer.
 */
export async function untilHangUp<T>(res: Response, work: (signal: AbortSignal) => Promise<T>): Promise<T | null> {
  const hangUp = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) hangUp.abort(new Error('the caller closed the connection'));
  });
  try {
    return await work(hangUp.signal);
  } catch (error) {
    if (hangUp.signal.aborted) return null;
    throw error;
  }
}
