import type { MonthLoopMemoryLayout } from './month-loop-memory.js';
import { FunctionBody, I32 } from './wasm-encoder.js';

/** An interleaved history of month-loop-memory.ts: both worlds of a month side by side, 16 bytes. */
export type History = 'placed' | 'monthly' | 'savedByProfile';

/**
 * The month counter of a generated month-loop function: the month `t` and its byte offsets in
 * arrays of one double a month (`t8`) and in the interleaved histories (`t16`), kept as locals so
 * that addresses need no multiplication; the loop over months; and what the three generated
 * functions (generate-phase-one.ts, generate-phase-two.ts) address by month.
 */
export class MonthCounter {
  readonly t: number;
  readonly t8: number;
  readonly t16: number;

  constructor(
    private readonly f: FunctionBody,
    private readonly memory: MonthLoopMemoryLayout,
    private readonly horizon: number,
  ) {
    this.t = f.local(I32);
    this.t8 = f.local(I32);
    this.t16 = f.local(I32);
  }

  /** Starts the loop at month 0 (the horizon is at least one month, so the body runs at least once). */
  begin(): void {
    this.f.i32(0).set(this.t).i32(0).set(this.t8).i32(0).set(this.t16).loop();
  }

  /** Moves to the next month and loops while it is within the horizon. */
  next(): void {
    const { f, t, t8, t16 } = this;
    f.get(t8).i32(8).i32Add().set(t8);
    f.get(t16).i32(16).i32Add().set(t16);
    f.get(t).i32(1).i32Add().set(t);
    f.get(t).i32(this.horizon).i32LtS().brIf(0);
    f.end();
  }

  /**
   * Pushes the address of month `t - shift` of row `row` of a history (both worlds); returns the
   * static offset to load or store with (world w's double: `+ 8 * w`).
   */
  history(array: History, row: number, shift: number): number {
    const offset = this.memory.at[array] + (row * this.horizon - shift) * 16;
    this.f.get(this.t16);
    if (offset >= 0) return offset;
    this.f.i32(offset).i32Add();
    return 0;
  }

  /** Runs `body` when `t >= months` (always when months is 0; never when the horizon ends first). */
  from(months: number, body: () => void): void {
    if (months <= 0) return body();
    if (months >= this.horizon) return;
    this.f.get(this.t).i32(months).i32GeS().ifThen();
    body();
    this.f.end();
  }
}
