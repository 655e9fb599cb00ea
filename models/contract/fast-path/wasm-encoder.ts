/**
 * A WebAssembly binary writer for the few instructions the generated month loop uses (numbers,
 * locals, loads and stores, `if` and `loop`, and the f64x2 arithmetic of the SIMD proposal that
 * is part of WebAssembly 2.0). Written here rather than taken from a library because the loop is
 * compiled synchronously inside the model's constructor: the text-format assemblers on npm (wabt,
 * binaryen) load asynchronously and are megabytes of code for what is a few dozen opcodes.
 * Encodings: WebAssembly core specification 2.0, section 5 (binary format), and the SIMD
 * proposal's BinarySIMD.md; `tests/contract/wasm-encoder.test.ts` checks the bytes against both.
 */

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValueType = typeof I32 | typeof F64 | typeof V128;

/** Appends `value` as unsigned LEB128. */
function pushUnsigned(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`wasm: ${value} is not an unsigned integer`);
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
}

/** Appends `value` as signed LEB128 of a 32-bit integer. */
function pushSigned(out: number[], value: number): void {
  if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) throw new Error(`wasm: ${value} is not a 32-bit integer`);
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

/** Unsigned LEB128. */
export function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  pushUnsigned(out, value);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function signedLeb(value: number): number[] {
  const out: number[] = [];
  pushSigned(out, value);
  return out;
}

const nameBytes = (name: string): number[] => {
  const bytes = Array.from(new TextEncoder().encode(name));
  return [...unsignedLeb(bytes.length), ...bytes];
};
const section = (id: number, content: number[]): number[] => [id, ...unsignedLeb(content.length), ...content];

/** The body of one function: its locals and its instructions, in stack-machine order. */
export class FunctionBody {
  private readonly locals: ValueType[] = [];
  readonly code: number[] = [];

  /** A new local of type `type`; returns its index. */
  local(type: ValueType): number {
    this.locals.push(type);
    return this.locals.length - 1;
  }

  get(local: number): this {
    return this.op(0x20).unsigned(local);
  }
  set(local: number): this {
    return this.op(0x21).unsigned(local);
  }
  i32(value: number): this {
    this.code.push(0x41);
    pushSigned(this.code, value);
    return this;
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Sub(): this {
    return this.op(0x6b);
  }
  i32Mul(): this {
    return this.op(0x6c);
  }
  i32Eqz(): this {
    return this.op(0x45);
  }
  /** Signed `a < b`. */
  i32LtS(): this {
    return this.op(0x48);
  }
  /** Signed `a >= b`. */
  i32GeS(): this {
    return this.op(0x4e);
  }
  f64Load(offset = 0): this {
    return this.op(0x2b, 3).unsigned(offset);
  }
  i32Load(offset = 0): this {
    return this.op(0x28, 2).unsigned(offset);
  }
  i32Ne(): this {
    return this.op(0x47);
  }
  f64Store(offset = 0): this {
    return this.op(0x39, 3).unsigned(offset);
  }
  f64Add(): this {
    return this.op(0xa0);
  }
  f64Sub(): this {
    return this.op(0xa1);
  }
  f64Mul(): this {
    return this.op(0xa2);
  }
  /** `a > b` (false when either is NaN, as in JavaScript). */
  f64Gt(): this {
    return this.op(0x64);
  }
  /** if ... else ... end: `else()` between the two branches. */
  else(): this {
    return this.op(0x05);
  }
  /** f64.const +0. */
  f64Zero(): this {
    return this.f64Const(0);
  }
  /** f64.const of any double, its eight bytes little-endian. */
  f64Const(value: number): this {
    this.code.push(0x44);
    for (const byte of new Uint8Array(new Float64Array([value]).buffer)) this.code.push(byte);
    return this;
  }
  f64Ne(): this {
    return this.op(0x62);
  }
  ifThen(): this {
    return this.op(0x04, 0x40);
  }
  loop(): this {
    return this.op(0x03, 0x40);
  }
  /** Branch to the `depth`-th enclosing block (0: the innermost) when the top of the stack is not zero. */
  brIf(depth: number): this {
    return this.op(0x0d).unsigned(depth);
  }
  end(): this {
    return this.op(0x0b);
  }
  v128Load(offset = 0): this {
    return this.simd(0x00).op(4).unsigned(offset);
  }
  v128Store(offset = 0): this {
    return this.simd(0x0b).op(4).unsigned(offset);
  }
  /** v128.load64_splat: one f64 from memory into both lanes. */
  f64x2LoadSplat(offset = 0): this {
    return this.simd(0x0a).op(3).unsigned(offset);
  }
  /** All sixteen bytes zero: +0 in both f64 lanes. */
  v128Zero(): this {
    this.simd(0x0c);
    for (let i = 0; i < 16; i++) this.code.push(0);
    return this;
  }
  f64x2Splat(): this {
    return this.simd(0x14);
  }
  f64x2ReplaceLane(lane: 0 | 1): this {
    return this.simd(0x22).op(lane);
  }
  f64x2Add(): this {
    return this.simd(0xf0);
  }
  f64x2Sub(): this {
    return this.simd(0xf1);
  }
  f64x2Mul(): this {
    return this.simd(0xf2);
  }

  /** The function's code entry: size, locals (grouped by runs of one type), instructions, end; as parts to concatenate. */
  encode(): (number[] | Uint8Array)[] {
    const head: number[] = [];
    const groups: [number, ValueType][] = [];
    for (const type of this.locals) {
      const last = groups[groups.length - 1];
      if (last !== undefined && last[1] === type) last[0]++;
      else groups.push([1, type]);
    }
    pushUnsigned(head, groups.length);
    for (const [count, type] of groups) {
      pushUnsigned(head, count);
      head.push(type);
    }
    const size: number[] = [];
    pushUnsigned(size, head.length + this.code.length + 1);
    return [size, head, this.code, [0x0b]];
  }

  private op(byte: number, immediate?: number): this {
    this.code.push(byte);
    if (immediate !== undefined) this.code.push(immediate);
    return this;
  }
  private unsigned(value: number): this {
    pushUnsigned(this.code, value);
    return this;
  }
  private simd(opcode: number): this {
    this.code.push(0xfd);
    pushUnsigned(this.code, opcode);
    return this;
  }
}

/**
 * A module of functions without parameters or results that work on one imported memory
 * ("env" "memory", at least `memoryPages` pages of 64 KiB), each exported by its name.
 */
export function encodeModule(memoryPages: number, functions: { name: string; body: FunctionBody }[]): Uint8Array<ArrayBuffer> {
  const code: (number[] | Uint8Array)[] = [unsignedLeb(functions.length)];
  for (const f of functions) code.push(...f.body.encode());
  const parts: (number[] | Uint8Array)[] = [
    [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    section(1, [1, 0x60, 0, 0]),
    section(2, [1, ...nameBytes('env'), ...nameBytes('memory'), 0x02, 0x00, ...unsignedLeb(memoryPages)]),
    section(3, [...unsignedLeb(functions.length), ...functions.map(() => 0)]),
    section(7, [...unsignedLeb(functions.length), ...functions.flatMap((f, i) => [...nameBytes(f.name), 0x00, ...unsignedLeb(i)])]),
    [10, ...unsignedLeb(code.reduce((sum, part) => sum + part.length, 0))],
    ...code,
  ];
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
