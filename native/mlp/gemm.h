// The one matrix-product kernel of the fused MLP (f32x4 register tiles). Included once, by mlp.c.
#pragma once
#include <wasm_simd128.h>

// C[r, :] (M × N, row stride cs) = init + Σ_t P(r, t) · Q[t, :], with P(r, t) = p[r*prs + t*pts]
// and Q row t at q + t*qs. One kernel serves A·W (prs = K, pts = 1) and Aᵀ·D (prs = 1, pts = K).
// N is a multiple of 4. `init` is a row added to every output row (a bias), or 0 for none;
// `acc` keeps C's current values. Blocks of 4 rows × 8 columns stay in registers.
static void gemm(int M, int N, int T, const float *p, int prs, int pts, const float *q, int qs,
                 float *c, int cs, const float *init, int acc) {
  int r = 0;
  for (; r + 4 <= M; r += 4) {
    int j = 0;
    for (; j + 8 <= N; j += 8) {
      v128_t z0 = init ? wasm_v128_load(init + j) : wasm_f32x4_splat(0.f);
      v128_t z1 = init ? wasm_v128_load(init + j + 4) : wasm_f32x4_splat(0.f);
      v128_t c00 = z0, c01 = z1, c10 = z0, c11 = z1, c20 = z0, c21 = z1, c30 = z0, c31 = z1;
      const float *p0 = p + r * prs, *p1 = p0 + prs, *p2 = p1 + prs, *p3 = p2 + prs;
      const float *qq = q + j;
      for (int t = 0; t < T; t++) {
        v128_t q0 = wasm_v128_load(qq), q1 = wasm_v128_load(qq + 4);
        v128_t a;
        a = wasm_v128_load32_splat(p0); c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(a, q0)); c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(a, q1));
        a = wasm_v128_load32_splat(p1); c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(a, q0)); c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(a, q1));
        a = wasm_v128_load32_splat(p2); c20 = wasm_f32x4_add(c20, wasm_f32x4_mul(a, q0)); c21 = wasm_f32x4_add(c21, wasm_f32x4_mul(a, q1));
        a = wasm_v128_load32_splat(p3); c30 = wasm_f32x4_add(c30, wasm_f32x4_mul(a, q0)); c31 = wasm_f32x4_add(c31, wasm_f32x4_mul(a, q1));
        p0 += pts; p1 += pts; p2 += pts; p3 += pts; qq += qs;
      }
      float *c0 = c + r * cs + j, *c1 = c0 + cs, *c2 = c1 + cs, *c3 = c2 + cs;
      if (acc) {
        c00 = wasm_f32x4_add(c00, wasm_v128_load(c0)); c01 = wasm_f32x4_add(c01, wasm_v128_load(c0 + 4));
        c10 = wasm_f32x4_add(c10, wasm_v128_load(c1)); c11 = wasm_f32x4_add(c11, wasm_v128_load(c1 + 4));
        c20 = wasm_f32x4_add(c20, wasm_v128_load(c2)); c21 = wasm_f32x4_add(c21, wasm_v128_load(c2 + 4));
        c30 = wasm_f32x4_add(c30, wasm_v128_load(c3)); c31 = wasm_f32x4_add(c31, wasm_v128_load(c3 + 4));
      }
      wasm_v128_store(c0, c00); wasm_v128_store(c0 + 4, c01);
      wasm_v128_store(c1, c10); wasm_v128_store(c1 + 4, c11);
      wasm_v128_store(c2, c20); wasm_v128_store(c2 + 4, c21);
      wasm_v128_store(c3, c30); wasm_v128_store(c3 + 4, c31);
    }
    for (; j < N; j += 4) {
      v128_t z0 = init ? wasm_v128_load(init + j) : wasm_f32x4_splat(0.f);
      v128_t c0v = z0, c1v = z0, c2v = z0, c3v = z0;
      const float *p0 = p + r * prs, *p1 = p0 + prs, *p2 = p1 + prs, *p3 = p2 + prs;
      const float *qq = q + j;
      for (int t = 0; t < T; t++) {
        v128_t q0 = wasm_v128_load(qq);
        c0v = wasm_f32x4_add(c0v, wasm_f32x4_mul(wasm_v128_load32_splat(p0), q0));
        c1v = wasm_f32x4_add(c1v, wasm_f32x4_mul(wasm_v128_load32_splat(p1), q0));
        c2v = wasm_f32x4_add(c2v, wasm_f32x4_mul(wasm_v128_load32_splat(p2), q0));
        c3v = wasm_f32x4_add(c3v, wasm_f32x4_mul(wasm_v128_load32_splat(p3), q0));
        p0 += pts; p1 += pts; p2 += pts; p3 += pts; qq += qs;
      }
      float *c0 = c + r * cs + j;
      if (acc) {
        c0v = wasm_f32x4_add(c0v, wasm_v128_load(c0)); c1v = wasm_f32x4_add(c1v, wasm_v128_load(c0 + cs));
        c2v = wasm_f32x4_add(c2v, wasm_v128_load(c0 + 2 * cs)); c3v = wasm_f32x4_add(c3v, wasm_v128_load(c0 + 3 * cs));
      }
      wasm_v128_store(c0, c0v); wasm_v128_store(c0 + cs, c1v);
      wasm_v128_store(c0 + 2 * cs, c2v); wasm_v128_store(c0 + 3 * cs, c3v);
    }
  }
  for (; r < M; r++) {
    for (int j = 0; j < N; j += 4) {
      v128_t cv = init ? wasm_v128_load(init + j) : wasm_f32x4_splat(0.f);
      const float *p0 = p + r * prs;
      const float *qq = q + j;
      for (int t = 0; t < T; t++) {
        cv = wasm_f32x4_add(cv, wasm_f32x4_mul(wasm_v128_load32_splat(p0), wasm_v128_load(qq)));
        p0 += pts; qq += qs;
      }
      float *c0 = c + r * cs + j;
      if (acc) cv = wasm_f32x4_add(cv, wasm_v128_load(c0));
      wasm_v128_store(c0, cv);
    }
  }
}

