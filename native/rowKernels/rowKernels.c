// Row-major dense kernels for the linear models, compiled to WebAssembly with 128-bit SIMD
// (two float64 lanes). The TypeScript fallbacks in src/core/linalg/rowKernels.ts compute the same
// sums. After editing this file, rebuild the embedded module
// (src/core/linalg/kernels/rowKernelsWasm.ts) with `node native/build-wasm.mjs rowKernels`;
// test/unit/native/buildWasm.test.ts fails until then. The caller zeroes the output buffers (a
// zeroing loop here would compile to a call to memset, which a freestanding module does not have)
// and places its buffers above __heap_base (below it lie the module's stack and data).
#include <wasm_simd128.h>

static inline double hsum(v128_t a) { return wasm_f64x2_extract_lane(a, 0) + wasm_f64x2_extract_lane(a, 1); }

// Z (n × k) = X (n × d) · Wᵀ + b, with W k × d row-major: four rows share each load of W.
__attribute__((export_name("scores")))
void scores(const double *X, int n, int d, const double *W, const double *b, int k, double *Z) {
  int i = 0;
  for (; i + 3 < n; i += 4) {
    const double *x0 = X + (long)i * d, *x1 = x0 + d, *x2 = x1 + d, *x3 = x2 + d;
    for (int c = 0; c < k; c++) {
      const double *w = W + (long)c * d;
      v128_t a0 = wasm_f64x2_splat(0), a1 = a0, a2 = a0, a3 = a0;
      int j = 0;
      for (; j + 1 < d; j += 2) {
        v128_t wv = wasm_v128_load(w + j);
        a0 = wasm_f64x2_add(a0, wasm_f64x2_mul(wasm_v128_load(x0 + j), wv));
        a1 = wasm_f64x2_add(a1, wasm_f64x2_mul(wasm_v128_load(x1 + j), wv));
        a2 = wasm_f64x2_add(a2, wasm_f64x2_mul(wasm_v128_load(x2 + j), wv));
        a3 = wasm_f64x2_add(a3, wasm_f64x2_mul(wasm_v128_load(x3 + j), wv));
      }
      double s0 = hsum(a0), s1 = hsum(a1), s2 = hsum(a2), s3 = hsum(a3);
      for (; j < d; j++) {
        s0 += x0[j] * w[j];
        s1 += x1[j] * w[j];
        s2 += x2[j] * w[j];
        s3 += x3[j] * w[j];
      }
      Z[(long)i * k + c] = b[c] + s0;
      Z[(long)(i + 1) * k + c] = b[c] + s1;
      Z[(long)(i + 2) * k + c] = b[c] + s2;
      Z[(long)(i + 3) * k + c] = b[c] + s3;
    }
  }
  for (; i < n; i++) {
    const double *x0 = X + (long)i * d;
    for (int c = 0; c < k; c++) {
      const double *w = W + (long)c * d;
      double s = 0;
      for (int j = 0; j < d; j++) s += x0[j] * w[j];
      Z[(long)i * k + c] = b[c] + s;
    }
  }
}

// G (k × d) += Rᵀ · X with R n × k row-major: four rows per pass over each gradient row.
__attribute__((export_name("gradient")))
void gradient(const double *X, int n, int d, const double *R, int k, double *G) {
  int i = 0;
  for (; i + 3 < n; i += 4) {
    const double *x0 = X + (long)i * d, *x1 = x0 + d, *x2 = x1 + d, *x3 = x2 + d;
    for (int c = 0; c < k; c++) {
      double *g = G + (long)c * d;
      double q0 = R[(long)i * k + c], q1 = R[(long)(i + 1) * k + c], q2 = R[(long)(i + 2) * k + c], q3 = R[(long)(i + 3) * k + c];
      v128_t r0 = wasm_f64x2_splat(q0), r1 = wasm_f64x2_splat(q1), r2 = wasm_f64x2_splat(q2), r3 = wasm_f64x2_splat(q3);
      int j = 0;
      for (; j + 1 < d; j += 2) {
        v128_t s = wasm_f64x2_add(wasm_f64x2_add(wasm_f64x2_mul(r0, wasm_v128_load(x0 + j)), wasm_f64x2_mul(r1, wasm_v128_load(x1 + j))),
                                  wasm_f64x2_add(wasm_f64x2_mul(r2, wasm_v128_load(x2 + j)), wasm_f64x2_mul(r3, wasm_v128_load(x3 + j))));
        wasm_v128_store(g + j, wasm_f64x2_add(wasm_v128_load(g + j), s));
      }
      for (; j < d; j++) g[j] += (q0 * x0[j] + q1 * x1[j]) + (q2 * x2[j] + q3 * x3[j]);
    }
  }
  for (; i < n; i++) {
    const double *x0 = X + (long)i * d;
    for (int c = 0; c < k; c++) {
      double *g = G + (long)c * d;
      double q = R[(long)i * k + c];
      for (int j = 0; j < d; j++) g[j] += q * x0[j];
    }
  }
}

// E[i] = e^−|Z[i]| for i < n, to about one ulp: the one transcendental per row of the binary
// logistic loss. Range reduction e^x = 2^k · e^r with |r| ≤ ln2/2, then Taylor to r^13
// (truncation below 1e-17 relative). Below −708 (where 2^k would be subnormal) it returns 0:
// e^−708 ≈ 3e-308 changes neither 1 + e nor the loss.
static inline v128_t exp_neg(v128_t x) {
  const v128_t lo = wasm_f64x2_splat(-708.0);
  v128_t tiny = wasm_f64x2_lt(x, lo);
  x = wasm_f64x2_pmax(x, lo);
  v128_t k = wasm_f64x2_nearest(wasm_f64x2_mul(x, wasm_f64x2_splat(1.4426950408889634)));
  v128_t r = wasm_f64x2_sub(wasm_f64x2_sub(x, wasm_f64x2_mul(k, wasm_f64x2_splat(6.93147180369123816490e-01))),
                            wasm_f64x2_mul(k, wasm_f64x2_splat(1.90821492927058770002e-10)));
  static const double c[14] = {1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320,
                               1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0};
  v128_t p = wasm_f64x2_splat(c[13]);
  for (int j = 12; j >= 0; j--) p = wasm_f64x2_add(wasm_f64x2_mul(p, r), wasm_f64x2_splat(c[j]));
  v128_t ki = wasm_i64x2_extend_low_i32x4(wasm_i32x4_trunc_sat_f64x2_zero(k));
  v128_t scale = wasm_i64x2_shl(wasm_i64x2_add(ki, wasm_i64x2_splat(1023)), 52);
  return wasm_v128_andnot(wasm_f64x2_mul(p, scale), tiny);
}

__attribute__((export_name("negAbsExp")))
void negAbsExp(const double *Z, int n, double *E) {
  int i = 0;
  for (; i + 1 < n; i += 2) wasm_v128_store(E + i, exp_neg(wasm_f64x2_neg(wasm_f64x2_abs(wasm_v128_load(Z + i)))));
  if (i < n) E[i] = wasm_f64x2_extract_lane(exp_neg(wasm_f64x2_neg(wasm_f64x2_abs(wasm_f64x2_splat(Z[i])))), 0);
}

// The binary logistic objective with one weight s for every row (HalfBinomialLoss, as
// scikit-learn): chunks of 512 rows go through scores, the residuals rᵢ = s(σ(zᵢ) − yᵢ) (kept in
// R) and gradient while the chunk of X is still in cache. G += Rᵀ·X; out[0] = Σ (max(zᵢ, 0) − yᵢzᵢ)
// (the caller multiplies by s), out[1] = Σ rᵢ (the intercept's gradient); P[c] = Π (1 + e^−|zᵢ|)
// over chunk c (≤ 2^512: the caller sums their logs, s·Σ log P = s·Σ log1p(e^−|zᵢ|)).
__attribute__((export_name("binaryUniform")))
void binaryUniform(const double *X, int n, int d, const double *W, const double *b, double s, const double *Y, double *R, double *G, double *P, double *out) {
  const v128_t one = wasm_f64x2_splat(1.0), zero = wasm_f64x2_splat(0.0), sv = wasm_f64x2_splat(s);
  v128_t l0 = zero, gb = zero;
  int chunk = 0;
  for (int from = 0; from < n; from += 512, chunk++) {
    int m = n - from < 512 ? n - from : 512;
    const double *x = X + (long)from * d;
    double *r = R + from;
    const double *y = Y + from;
    scores(x, m, d, W, b, 1, r);
    v128_t prod = one;
    int i = 0;
    for (; i + 1 < m; i += 2) {
      v128_t z = wasm_v128_load(r + i), yv = wasm_v128_load(y + i);
      v128_t e = exp_neg(wasm_f64x2_neg(wasm_f64x2_abs(z)));
      v128_t u = wasm_f64x2_add(one, e);
      v128_t q = wasm_f64x2_div(one, u);
      v128_t sig = wasm_v128_bitselect(q, wasm_f64x2_mul(e, q), wasm_f64x2_ge(z, zero));
      v128_t rv = wasm_f64x2_mul(sv, wasm_f64x2_sub(sig, yv));
      wasm_v128_store(r + i, rv);
      l0 = wasm_f64x2_add(l0, wasm_f64x2_sub(wasm_f64x2_pmax(zero, z), wasm_f64x2_mul(yv, z)));
      prod = wasm_f64x2_mul(prod, u);
      gb = wasm_f64x2_add(gb, rv);
    }
    double p = wasm_f64x2_extract_lane(prod, 0) * wasm_f64x2_extract_lane(prod, 1);
    double tl0 = 0, tgb = 0;
    for (; i < m; i++) {
      double z = r[i];
      double e = wasm_f64x2_extract_lane(exp_neg(wasm_f64x2_splat(z < 0 ? z : -z)), 0);
      double u = 1.0 + e, q = 1.0 / u;
      double rv = s * ((z >= 0 ? q : e * q) - y[i]);
      r[i] = rv;
      tl0 += (z > 0 ? z : 0) - y[i] * z;
      p *= u;
      tgb += rv;
    }
    P[chunk] = p;
    l0 = wasm_f64x2_add(l0, wasm_f64x2_make(tl0, 0));
    gb = wasm_f64x2_add(gb, wasm_f64x2_make(tgb, 0));
    gradient(x, m, d, r, 1, G);
  }
  out[0] = hsum(l0);
  out[1] = hsum(gb);
}

// A (d × d, full) += Σᵢ sᵢ (xᵢ − m)(xᵢ − m)ᵀ: the weighted, centred Gram matrix. U (4 × d) is
// scratch for four centred rows; only the upper triangle is accumulated, then mirrored.
__attribute__((export_name("gram")))
void gram(const double *X, int n, int d, const double *s, const double *m, double *U, double *A) {
  double *u0 = U, *u1 = U + d, *u2 = U + 2 * d, *u3 = U + 3 * d;
  int i = 0;
  for (; i + 3 < n; i += 4) {
    const double *x0 = X + (long)i * d, *x1 = x0 + d, *x2 = x1 + d, *x3 = x2 + d;
    for (int j = 0; j < d; j++) {
      u0[j] = x0[j] - m[j];
      u1[j] = x1[j] - m[j];
      u2[j] = x2[j] - m[j];
      u3[j] = x3[j] - m[j];
    }
    double s0 = s[i], s1 = s[i + 1], s2 = s[i + 2], s3 = s[i + 3];
    for (int j = 0; j < d; j++) {
      double *a = A + (long)j * d;
      v128_t c0 = wasm_f64x2_splat(s0 * u0[j]), c1 = wasm_f64x2_splat(s1 * u1[j]), c2 = wasm_f64x2_splat(s2 * u2[j]), c3 = wasm_f64x2_splat(s3 * u3[j]);
      int l = j & ~1;
      for (; l + 1 < d; l += 2) {
        v128_t t = wasm_f64x2_add(wasm_f64x2_add(wasm_f64x2_mul(c0, wasm_v128_load(u0 + l)), wasm_f64x2_mul(c1, wasm_v128_load(u1 + l))),
                                  wasm_f64x2_add(wasm_f64x2_mul(c2, wasm_v128_load(u2 + l)), wasm_f64x2_mul(c3, wasm_v128_load(u3 + l))));
        wasm_v128_store(a + l, wasm_f64x2_add(wasm_v128_load(a + l), t));
      }
      for (; l < d; l++) a[l] += (s0 * u0[j] * u0[l] + s1 * u1[j] * u1[l]) + (s2 * u2[j] * u2[l] + s3 * u3[j] * u3[l]);
    }
  }
  for (; i < n; i++) {
    const double *x0 = X + (long)i * d;
    for (int j = 0; j < d; j++) u0[j] = x0[j] - m[j];
    for (int j = 0; j < d; j++)
      for (int l = j; l < d; l++) A[(long)j * d + l] += s[i] * u0[j] * u0[l];
  }
  for (int j = 0; j < d; j++)
    for (int l = 0; l < j; l++) A[(long)j * d + l] = A[(long)l * d + j];
}
