import { describe, expect, it } from 'vitest';
import { encodeModule, F64, FunctionBody, I32, signedLeb, unsignedLeb, V128 } from '../../models/contract/fast-path/wasm-encoder.js';

describe('the WebAssembly writer of the generated month loop', () => {
  it('writes LEB128 as the specification examples give it', () => {
    // WebAssembly core specification 2.0, section 5.2.2; the examples of DWARF 5, table 7.6, and of the LEB128 article (624485, -123456).
    expect(unsignedLeb(0)).toEqual([0x00]);
    expect(unsignedLeb(127)).toEqual([0x7f]);
    expect(unsignedLeb(128)).toEqual([0x80, 0x01]);
    expect(unsignedLeb(624_485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(signedLeb(-1)).toEqual([0x7f]);
    expect(signedLeb(63)).toEqual([0x3f]);
    expect(signedLeb(64)).toEqual([0xc0, 0x00]);
    expect(signedLeb(-128)).toEqual([0x80, 0x7f]);
    expect(signedLeb(-123_456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(() => unsignedLeb(-1)).toThrow();
    expect(() => signedLeb(2 ** 31)).toThrow();
  });

  it('writes the same bytes as wabt 1.0.37 assembles from the same text', () => {
    // Expected bytes: `wat2wasm --enable-simd` (wabt 1.0.37, npm package wabt) of
    // (module (memory (import "env" "memory") 1)
    //  (func (export "f") (local $t i32) (local $x f64) (local $a v128) (local $b v128)
    //   (local.set $a (f64x2.replace_lane 1 (v128.load64_splat offset=8 (i32.const 0)) (f64.load offset=16 (i32.const 0))))
    //   (local.set $b (v128.const i64x2 0 0))
    //   (loop
    //     (local.set $x (f64.load offset=24 (i32.const 0)))
    //     (if (f64.ne (local.get $x) (f64.const 0)) (then (local.set $b (f64x2.add (local.get $b) (f64x2.splat (local.get $x))))))
    //     (local.set $b (f64x2.sub (f64x2.mul (local.get $b) (local.get $a)) (local.get $a)))
    //     (v128.store offset=32 (local.get $t) (local.get $b))
    //     (local.set $b (v128.load offset=32 (local.get $t)))
    //     (if (i32.eqz (local.get $t)) (then (local.set $t (i32.sub (i32.add (local.get $t) (i32.const 300)) (i32.const -2)))))
    //     (br_if 0 (i32.lt_s (local.get $t) (i32.const 0)))
    //     (br_if 0 (i32.ge_s (local.get $t) (i32.const 400))))))
    const wabt =
      '0061736d01000000010401600000020f0103656e76066d656d6f727902000103020100070501016600000a9101018e0103017f017c027b4100fd0a030841002b0310fd22012102fd0c000000000000000000000000000000002103034041002b03182101200144000000000000000062044020032001fd14fdf00121030b20032002fdf2012002fdf101210320002003fd0b04202000fd00042021032000450440200041ac026a417e6b21000b20004100480d0020004190034e0d000b0b';
    const f = new FunctionBody();
    const t = f.local(I32);
    const x = f.local(F64);
    const a = f.local(V128);
    const b = f.local(V128);
    f.i32(0).f64x2LoadSplat(8).i32(0).f64Load(16).f64x2ReplaceLane(1).set(a);
    f.v128Zero().set(b);
    f.loop();
    f.i32(0).f64Load(24).set(x);
    f.get(x).f64Zero().f64Ne().ifThen().get(b).get(x).f64x2Splat().f64x2Add().set(b).end();
    f.get(b).get(a).f64x2Mul().get(a).f64x2Sub().set(b);
    f.get(t).get(b).v128Store(32);
    f.get(t).v128Load(32).set(b);
    f.get(t).i32Eqz().ifThen().get(t).i32(300).i32Add().i32(-2).i32Sub().set(t).end();
    f.get(t).i32(0).i32LtS().brIf(0);
    f.get(t).i32(400).i32GeS().brIf(0);
    f.end();
    const bytes = encodeModule(1, [{ name: 'f', body: f }]);
    expect(Buffer.from(bytes).toString('hex')).toBe(wabt);
    expect(WebAssembly.validate(bytes)).toBe(true);
  });

  it('runs what it writes: f64x2 lanes do the IEEE double arithmetic of scalar code', () => {
    // (x * a + b) in each lane, with a and b of both lanes from memory; the expected values are the same expression in JavaScript.
    const f = new FunctionBody();
    const a = f.local(V128);
    f.i32(0).f64x2LoadSplat(0).i32(0).f64Load(8).f64x2ReplaceLane(1).set(a);
    f.i32(0).get(a).i32(0).v128Load(16).f64x2Mul().i32(0).v128Load(32).f64x2Add().v128Store(48);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(encodeModule(1, [{ name: 'f', body: f }])), { env: { memory } });
    const view = new Float64Array(memory.buffer, 0, 8);
    view.set([0.1, 1 / 3, 0.7, 1e308, 0.2, -1e308]);
    (instance.exports.f as () => void)();
    expect(Object.is(view[6], 0.1 * 0.7 + 0.2)).toBe(true);
    expect(Object.is(view[7], (1 / 3) * 1e308 + -1e308)).toBe(true);
  });
});
