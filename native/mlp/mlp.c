// Fused MLP training kernel for Modelbook: forward, backward and Adam for one mini-batch in a
// single call, on float32 with WebAssembly SIMD (f32x4). TF.js spends most of an MLP step in
// per-op overhead (dozens of small ops per batch); here one call does the whole step.
//
// Freestanding C (no libc): every buffer lives in linear memory laid out by the caller
// (src/core/models/mlp/fusedEngine.ts), described by a `Plan` of int32/float32 fields. The memory
// layout, the loss and the Adam formula mirror the TF.js path (tfEngine.ts) so the two agree to
// float tolerance. Build: node native/build-wasm.mjs mlp (Debian: apt-get install clang lld).
#include <wasm_simd128.h>
#include <stddef.h>
#include <stdint.h>
#include "simd_math.h"
#include "gemm.h"

#define MAX_LAYERS 16

enum { ACT_IDENTITY = 0, ACT_RELU = 1, ACT_TANH = 2, ACT_LOGISTIC = 3 };
enum { OUT_IDENTITY = 0, OUT_SIGMOID = 1, OUT_SOFTMAX = 2 };

// Every offset is in bytes from the start of linear memory. Widths are padded to a multiple of 4
// (`stride`) so each row is whole f32x4 vectors; pad columns of weights, biases and deltas stay 0.
typedef struct {
  int32_t layers;                    // weight layers L (hidden layers + output)
  int32_t hidden_act;                // ACT_*
  int32_t out_kind;                  // OUT_*
  int32_t batch_cap;                 // rows the activation buffers hold
  int32_t t;                         // Adam steps taken
  int32_t n_params;                  // floats in params/grads/m/v, a multiple of 4
  int32_t x, y, perm;                // training data: rows × size[0] (stride[0]), rows, indices
  int32_t params, grads, adam_m, adam_v, wt;  // wt: scratch for transposed weights
  int32_t size[MAX_LAYERS + 1];
  int32_t stride[MAX_LAYERS + 1];
  int32_t w[MAX_LAYERS];             // byte offset of W_l (size[l] × stride[l+1]) inside params
  int32_t b[MAX_LAYERS];             // byte offset of b_l (stride[l+1]) inside params
  int32_t act[MAX_LAYERS + 1];       // batch_cap × stride[l] activations (act[0] = input batch)
  int32_t delta[MAX_LAYERS + 1];     // batch_cap × stride[l] error terms
  int32_t ybatch;                    // batch_cap targets
  float lr, beta1, beta2, eps, alpha;
  float acc_beta1, acc_beta2;        // beta^t, as TF.js keeps them
} Plan;

#define AT(off) ((float *)(uintptr_t)(off))
#define ATI(off) ((int32_t *)(uintptr_t)(off))

// ---------------------------------------------------------------- elementwise pieces

static void activate(float *a, int n, int kind) {
  v128_t zero = wasm_f32x4_splat(0.f), one = wasm_f32x4_splat(1.f), two = wasm_f32x4_splat(2.f);
  for (int i = 0; i < n; i += 4) {
    v128_t z = wasm_v128_load(a + i);
    switch (kind) {
      case ACT_RELU: z = wasm_f32x4_max(z, zero); break;
      // tanh(z) = 1 - 2 / (e^{2z} + 1): saturates cleanly at both ends.
      case ACT_TANH: z = wasm_f32x4_sub(one, wasm_f32x4_div(two, wasm_f32x4_add(exp4(wasm_f32x4_mul(z, two)), one))); break;
      case ACT_LOGISTIC: z = wasm_f32x4_div(one, wasm_f32x4_add(one, exp4(wasm_f32x4_neg(z)))); break;
      default: break;
    }
    wasm_v128_store(a + i, z);
  }
}

// delta *= f'(z), written in terms of the activation a = f(z) (as scikit-learn does).
static void multiply_derivative(float *d, const float *a, int n, int kind) {
  v128_t zero = wasm_f32x4_splat(0.f), one = wasm_f32x4_splat(1.f);
  for (int i = 0; i < n; i += 4) {
    v128_t dv = wasm_v128_load(d + i), av = wasm_v128_load(a + i);
    switch (kind) {
      case ACT_RELU: dv = wasm_v128_and(dv, wasm_f32x4_gt(av, zero)); break;
      case ACT_TANH: dv = wasm_f32x4_mul(dv, wasm_f32x4_sub(one, wasm_f32x4_mul(av, av))); break;
      case ACT_LOGISTIC: dv = wasm_f32x4_mul(dv, wasm_f32x4_mul(av, wasm_f32x4_sub(one, av))); break;
      default: break;
    }
    wasm_v128_store(d + i, dv);
  }
}

// Zero the pad columns [width, stride) of a rows × stride matrix, so pad weights never move.
static void zero_pad_columns(float *m, int rows, int width, int stride) {
  if (width == stride) return;
  for (int r = 0; r < rows; r++)
    for (int j = width; j < stride; j++) m[r * stride + j] = 0.f;
}

static void transpose(const float *src, int rows, int cols, int src_stride, float *dst, int dst_stride) {
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++) dst[c * dst_stride + r] = src[r * src_stride + c];
}

// ---------------------------------------------------------------- forward, loss, backward

static void forward(const Plan *pl, const float *params, int rows) {
  for (int l = 0; l < pl->layers; l++) {
    const float *w = (const float *)((const char *)params + pl->w[l]);
    const float *b = (const float *)((const char *)params + pl->b[l]);
    float *in = AT(pl->act[l]), *out = AT(pl->act[l + 1]);
    gemm(rows, pl->stride[l + 1], pl->size[l], in, pl->stride[l], 1, w, pl->stride[l + 1], out, pl->stride[l + 1], b, 0);
    if (l + 1 < pl->layers) activate(out, rows * pl->stride[l + 1], pl->hidden_act);
  }
}

// Turns the output layer's pre-activations into predictions (in place) and, when `y` is given,
// writes the output error terms (prediction - target) / rows and returns the summed data loss.
static float output_layer(const Plan *pl, int rows, const float *y, float *delta) {
  int L = pl->layers, k = pl->size[L], s = pl->stride[L];
  float *z = AT(pl->act[L]);
  float loss = 0.f, inv = 1.0f / (float)rows;
  for (int i = 0; i < rows; i++) {
    float *zi = z + i * s;
    if (pl->out_kind == OUT_SIGMOID) {
      float v = zi[0], p = 1.0f / (1.0f + exp1(-v));
      if (y) {
        float t = y[i], av = v < 0 ? -v : v;
        loss += (v > 0 ? v : 0.f) - t * v + log1(1.0f + exp1(-av));
        delta[i * s] = (p - t) * inv;
      }
      zi[0] = p;
    } else if (pl->out_kind == OUT_SOFTMAX) {
      float m = zi[0], sum = 0.f;
      for (int j = 1; j < k; j++) m = zi[j] > m ? zi[j] : m;
      int cls = y ? (int)y[i] : 0;
      float zc = zi[cls] - m;
      for (int j = 0; j < k; j++) { zi[j] = exp1(zi[j] - m); sum += zi[j]; }
      float is = 1.0f / sum;
      if (y) {
        loss += log1(sum) - zc;
        for (int j = 0; j < k; j++) delta[i * s + j] = (zi[j] * is - (j == cls ? 1.f : 0.f)) * inv;
      }
      for (int j = 0; j < k; j++) zi[j] *= is;
    } else {
      if (y) {
        float e = zi[0] - y[i];
        loss += 0.5f * e * e;
        delta[i * s] = e * inv;
      }
    }
    if (y) for (int j = k; j < s; j++) delta[i * s + j] = 0.f;
  }
  return loss;
}

static float l2_penalty(const Plan *pl, const float *params) {
  float sum = 0.f;
  for (int l = 0; l < pl->layers; l++) {
    const float *w = (const float *)((const char *)params + pl->w[l]);
    int n = pl->size[l] * pl->stride[l + 1];
    v128_t acc = wasm_f32x4_splat(0.f);
    for (int i = 0; i < n; i += 4) { v128_t v = wasm_v128_load(w + i); acc = wasm_f32x4_add(acc, wasm_f32x4_mul(v, v)); }
    sum += wasm_f32x4_extract_lane(acc, 0) + wasm_f32x4_extract_lane(acc, 1) + wasm_f32x4_extract_lane(acc, 2) + wasm_f32x4_extract_lane(acc, 3);
  }
  return sum;
}

static void backward(const Plan *pl, int rows) {
  const float *params = AT(pl->params);
  float *grads = AT(pl->grads), *wt = AT(pl->wt);
  float inv = 1.0f / (float)rows;
  for (int l = pl->layers - 1; l >= 0; l--) {
    int K = pl->size[l], Ks = pl->stride[l], N = pl->stride[l + 1];
    const float *a = AT(pl->act[l]);
    float *d = AT(pl->delta[l + 1]);
    float *gw = (float *)((char *)grads + pl->w[l]);
    float *gb = (float *)((char *)grads + pl->b[l]);
    const float *w = (const float *)((const char *)params + pl->w[l]);
    // gW = Aᵀ·D + alpha·W/rows; gb = column sums of D.
    gemm(K, N, rows, a, 1, Ks, d, N, gw, N, 0, 0);
    if (pl->alpha != 0.f) {
      v128_t s = wasm_f32x4_splat(pl->alpha * inv);
      for (int i = 0; i < K * N; i += 4) wasm_v128_store(gw + i, wasm_f32x4_add(wasm_v128_load(gw + i), wasm_f32x4_mul(s, wasm_v128_load(w + i))));
    }
    for (int j = 0; j < N; j += 4) {
      v128_t acc = wasm_f32x4_splat(0.f);
      for (int r = 0; r < rows; r++) acc = wasm_f32x4_add(acc, wasm_v128_load(d + r * N + j));
      wasm_v128_store(gb + j, acc);
    }
    if (l == 0) break;
    // D_{l-1} = (D_l · W_lᵀ) ⊙ f'(A_{l-1}), through a transposed copy so it is a plain A·W product.
    for (int i = 0; i < N * Ks; i++) wt[i] = 0.f;
    transpose(w, K, N, N, wt, Ks);
    float *dprev = AT(pl->delta[l]);
    gemm(rows, Ks, N, d, N, 1, wt, Ks, dprev, Ks, 0, 0);
    multiply_derivative(dprev, a, rows * Ks, pl->hidden_act);
    zero_pad_columns(dprev, rows, K, Ks);
  }
}

// TF.js's Adam (tfjs-core adam_optimizer.ts): bias-corrected moments, eps added to sqrt(v̂).
static void adam(Plan *pl) {
  pl->acc_beta1 *= pl->beta1;
  pl->acc_beta2 *= pl->beta2;
  pl->t += 1;
  float *p = AT(pl->params), *g = AT(pl->grads), *m = AT(pl->adam_m), *v = AT(pl->adam_v);
  v128_t b1 = wasm_f32x4_splat(pl->beta1), b2 = wasm_f32x4_splat(pl->beta2);
  v128_t c1 = wasm_f32x4_splat(1.f - pl->beta1), c2 = wasm_f32x4_splat(1.f - pl->beta2);
  v128_t ib1 = wasm_f32x4_splat(1.f - pl->acc_beta1), ib2 = wasm_f32x4_splat(1.f - pl->acc_beta2);
  v128_t lr = wasm_f32x4_splat(pl->lr), eps = wasm_f32x4_splat(pl->eps);
  for (int i = 0; i < pl->n_params; i += 4) {
    v128_t gv = wasm_v128_load(g + i);
    v128_t mv = wasm_f32x4_add(wasm_f32x4_mul(b1, wasm_v128_load(m + i)), wasm_f32x4_mul(c1, gv));
    v128_t vv = wasm_f32x4_add(wasm_f32x4_mul(b2, wasm_v128_load(v + i)), wasm_f32x4_mul(c2, wasm_f32x4_mul(gv, gv)));
    wasm_v128_store(m + i, mv);
    wasm_v128_store(v + i, vv);
    v128_t mh = wasm_f32x4_div(mv, ib1), vh = wasm_f32x4_div(vv, ib2);
    v128_t step = wasm_f32x4_div(wasm_f32x4_mul(lr, mh), wasm_f32x4_add(wasm_f32x4_sqrt(vh), eps));
    wasm_v128_store(p + i, wasm_f32x4_sub(wasm_v128_load(p + i), step));
  }
}

// ---------------------------------------------------------------- exports

// One Adam step on rows perm[start .. start+count) of the training data. Returns the batch's mean
// loss including the L2 term (0.5·alpha·ΣW² / count), as scikit-learn reports it.
__attribute__((export_name("train_batch"))) float train_batch(Plan *pl, int start, int count) {
  const float *x = AT(pl->x), *y = AT(pl->y);
  const int32_t *perm = ATI(pl->perm);
  float *a0 = AT(pl->act[0]), *yb = AT(pl->ybatch);
  int s0 = pl->stride[0];
  for (int i = 0; i < count; i++) {
    int row = perm[start + i];
    const float *src = x + row * s0;
    float *dst = a0 + i * s0;
    for (int j = 0; j < s0; j += 4) wasm_v128_store(dst + j, wasm_v128_load(src + j));
    yb[i] = y[row];
  }
  forward(pl, AT(pl->params), count);
  float loss = output_layer(pl, count, yb, AT(pl->delta[pl->layers]));
  backward(pl, count);
  float penalty = pl->alpha != 0.f ? 0.5f * pl->alpha * l2_penalty(pl, AT(pl->params)) : 0.f;
  adam(pl);
  return (loss + penalty) / (float)count;
}

// Predictions for `rows` rows of `x` (stride[0] floats each) into `out` (stride[L] floats each):
// probabilities for classifiers, values for regressors. With `y`, returns the summed data loss.
__attribute__((export_name("predict"))) float predict(Plan *pl, const float *x, const float *y, int rows, float *out) {
  int cap = pl->batch_cap, s0 = pl->stride[0], sL = pl->stride[pl->layers];
  float *a0 = AT(pl->act[0]), *aL = AT(pl->act[pl->layers]);
  float loss = 0.f;
  for (int start = 0; start < rows; start += cap) {
    int n = rows - start < cap ? rows - start : cap;
    for (int i = 0; i < n * s0; i += 4) wasm_v128_store(a0 + i, wasm_v128_load(x + start * s0 + i));
    forward(pl, AT(pl->params), n);
    loss += output_layer(pl, n, y ? y + start : 0, AT(pl->delta[pl->layers]));
    for (int i = 0; i < n * sL; i += 4) wasm_v128_store(out + start * sL + i, wasm_v128_load(aL + i));
  }
  return loss;
}

// The Plan's layout, so the TypeScript side never hard-codes offsets: sizeof(Plan), MAX_LAYERS,
// then the byte offset of each field in declaration order.
__attribute__((export_name("plan_layout"))) void plan_layout(int32_t *out) {
  int i = 0;
  out[i++] = sizeof(Plan);
  out[i++] = MAX_LAYERS;
  out[i++] = offsetof(Plan, layers);
  out[i++] = offsetof(Plan, hidden_act);
  out[i++] = offsetof(Plan, out_kind);
  out[i++] = offsetof(Plan, batch_cap);
  out[i++] = offsetof(Plan, t);
  out[i++] = offsetof(Plan, n_params);
  out[i++] = offsetof(Plan, x);
  out[i++] = offsetof(Plan, y);
  out[i++] = offsetof(Plan, perm);
  out[i++] = offsetof(Plan, params);
  out[i++] = offsetof(Plan, grads);
  out[i++] = offsetof(Plan, adam_m);
  out[i++] = offsetof(Plan, adam_v);
  out[i++] = offsetof(Plan, wt);
  out[i++] = offsetof(Plan, size);
  out[i++] = offsetof(Plan, stride);
  out[i++] = offsetof(Plan, w);
  out[i++] = offsetof(Plan, b);
  out[i++] = offsetof(Plan, act);
  out[i++] = offsetof(Plan, delta);
  out[i++] = offsetof(Plan, ybatch);
  out[i++] = offsetof(Plan, lr);
  out[i++] = offsetof(Plan, beta1);
  out[i++] = offsetof(Plan, beta2);
  out[i++] = offsetof(Plan, eps);
  out[i++] = offsetof(Plan, alpha);
  out[i++] = offsetof(Plan, acc_beta1);
  out[i++] = offsetof(Plan, acc_beta2);
}
