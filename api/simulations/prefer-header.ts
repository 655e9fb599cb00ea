/**
 * The parts of RFC 7240 `Prefer` the simulation endpoints honour: `respond-async` (answer 202 at
 * once) and `wait=N` (wait up to N seconds for the result before answering 202).
 */
export interface WaitPreference {
  respondAsync: boolean;
  /** Seconds, when the client gave a valid `wait`. */
  waitSeconds: number | null;
}

export function parsePrefer(header: string | undefined): WaitPreference {
  const preference: WaitPreference = { respondAsync: false, waitSeconds: null };
  if (header === undefined) return preference;
  for (const token of header.split(/[,;]/)) {
    const [name, value] = token.trim().toLowerCase().split('=', 2).map((part) => part?.trim());
    if (name === 'respond-async') preference.respondAsync = true;
    if (name === 'wait' && value !== undefined && /^\d+$/.test(value)) preference.waitSeconds = Number(value);
  }
  return preference;
}
