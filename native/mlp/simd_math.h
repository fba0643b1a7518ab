// exp and log for the fused MLP kernel (no libm in a freestanding wasm32 build): Cephes'
// single-precision polynomials, exp vectorised over f32x4. Included once, by mlp.c.
#pragma once
#include <wasm_simd128.h>
#include <stdint.h>

static inline v128_t exp4(v128_t x) {
  // Cephes expf: x = n ln2 + r, e^r by a degree-5 polynomial, 2^n through the exponent bits.
  x = wasm_f32x4_min(wasm_f32x4_max(x, wasm_f32x4_splat(-87.3f)), wasm_f32x4_splat(88.3f));
  v128_t fx = wasm_f32x4_nearest(wasm_f32x4_mul(x, wasm_f32x4_splat(1.44269504088896341f)));
  x = wasm_f32x4_sub(x, wasm_f32x4_mul(fx, wasm_f32x4_splat(0.693359375f)));
  x = wasm_f32x4_sub(x, wasm_f32x4_mul(fx, wasm_f32x4_splat(-2.12194440e-4f)));
  v128_t y = wasm_f32x4_splat(1.9875691500e-4f);
  y = wasm_f32x4_add(wasm_f32x4_mul(y, x), wasm_f32x4_splat(1.3981999507e-3f));
  y = wasm_f32x4_add(wasm_f32x4_mul(y, x), wasm_f32x4_splat(8.3334519073e-3f));
  y = wasm_f32x4_add(wasm_f32x4_mul(y, x), wasm_f32x4_splat(4.1665795894e-2f));
  y = wasm_f32x4_add(wasm_f32x4_mul(y, x), wasm_f32x4_splat(1.6666665459e-1f));
  y = wasm_f32x4_add(wasm_f32x4_mul(y, x), wasm_f32x4_splat(5.0000001201e-1f));
  y = wasm_f32x4_add(wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_mul(y, x), x), x), wasm_f32x4_splat(1.0f));
  v128_t n = wasm_i32x4_trunc_sat_f32x4(fx);
  v128_t pow2n = wasm_i32x4_shl(wasm_i32x4_add(n, wasm_i32x4_splat(127)), 23);
  return wasm_f32x4_mul(y, pow2n);
}

static inline float exp1(float x) { return wasm_f32x4_extract_lane(exp4(wasm_f32x4_splat(x)), 0); }

static float log1(float x) {
  // Cephes logf: x = m 2^e with m in [sqrt(.5), sqrt(2)), log(m) by a degree-8 polynomial.
  union { float f; int32_t i; } u = { x };
  int32_t e = ((u.i >> 23) & 0xff) - 126;
  u.i = (u.i & 0x807fffff) | 0x3f000000;  // m in [0.5, 1)
  float m = u.f;
  if (m < 0.707106781186547524f) { e -= 1; m = m + m - 1.0f; } else { m = m - 1.0f; }
  float z = m * m;
  float y = 7.0376836292e-2f;
  y = y * m - 1.1514610310e-1f;
  y = y * m + 1.1676998740e-1f;
  y = y * m - 1.2420140846e-1f;
  y = y * m + 1.4249322787e-1f;
  y = y * m - 1.6668057665e-1f;
  y = y * m + 2.0000714765e-1f;
  y = y * m - 2.4999993993e-1f;
  y = y * m + 3.3333331174e-1f;
  y = y * m * z;
  y += -2.12194440e-4f * (float)e;
  y += -0.5f * z;
  return m + y + 0.693359375f * (float)e;
}

