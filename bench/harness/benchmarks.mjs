//! The nine CPU benchmarks of js-framework-benchmark (keyed): warm-ups as the
//! official runner does them, CPU throttling, and the official weights.

const repeat = (n, f) => Array.from({ length: n }, (_, i) => f(i)).flat();

/**
 * Each benchmark: `setup(warmups)` is the list of actions done before the
 * measurement, `measure` the one action measured.
 */
export const BENCHMARKS = [
  {
    id: "01_run1k", name: "create rows", note: "creating 1,000 rows", throttle: 1, weight: 0.643,
    setup: (w) => repeat(w, () => [{ op: "run" }, { op: "clear" }]),
    measure: { op: "run" },
  },
  {
    id: "02_replace1k", name: "replace all rows", note: "updating all 1,000 rows", throttle: 1, weight: 0.561,
    setup: (w) => repeat(w, () => [{ op: "run" }]),
    measure: { op: "run" },
  },
  {
    id: "03_update10th1k", name: "partial update", note: "updating every 10th row of 1,000 rows (4x CPU slowdown)", throttle: 4, weight: 0.564,
    setup: (w) => [{ op: "run" }, ...repeat(Math.min(w, 3), () => [{ op: "update" }])],
    measure: { op: "update" },
  },
  {
    id: "04_select1k", name: "select row", note: "highlighting a selected row (4x CPU slowdown)", throttle: 4, weight: 0.193,
    setup: (w) => [{ op: "run" }, ...repeat(w, (i) => [{ op: "select", index: i + 4 }])],
    measure: { op: "select", index: 1 },
  },
  {
    id: "05_swap1k", name: "swap rows", note: "swapping 2 rows of 1,000 (4x CPU slowdown)", throttle: 4, weight: 0.132,
    setup: (w) => [{ op: "run" }, ...repeat(w, () => [{ op: "swaprows" }])],
    measure: { op: "swaprows" },
  },
  {
    id: "06_remove-one-1k", name: "remove row", note: "removing one row of 1,000 (2x CPU slowdown)", throttle: 2, weight: 0.528,
    // Warm-ups remove rows at positions 4+w … 5 (1-based), the measured run the 4th.
    setup: (w) => [{ op: "run" }, ...repeat(w, (i) => [{ op: "remove", index: 3 + w - i }])],
    measure: { op: "remove", index: 3 },
  },
  {
    id: "07_create10k", name: "create many rows", note: "creating 10,000 rows", throttle: 1, weight: 0.564,
    setup: (w) => repeat(w, () => [{ op: "run" }, { op: "clear" }]),
    measure: { op: "runlots" },
  },
  {
    id: "08_create1k-after1k_x2", name: "append rows to large table", note: "appending 1,000 to a table of 1,000 rows", throttle: 1, weight: 0.551,
    setup: (w) => [...repeat(w, () => [{ op: "run" }, { op: "clear" }]), { op: "run" }],
    measure: { op: "add" },
  },
  {
    id: "09_clear1k_x8", name: "clear rows", note: "clearing a table with 1,000 rows (4x CPU slowdown)", throttle: 4, weight: 0.423,
    setup: (w) => [...repeat(w, () => [{ op: "run" }, { op: "clear" }]), { op: "run" }],
    measure: { op: "clear" },
  },
];

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export function meanSd(xs) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1));
  return { mean, sd };
}

/** Weighted geometric mean of ratios: exp(Σ w·ln r / Σ w). */
export function weightedGeomean(ratios, weights) {
  let num = 0;
  let den = 0;
  ratios.forEach((r, i) => {
    if (Number.isFinite(r) && r > 0) {
      num += weights[i] * Math.log(r);
      den += weights[i];
    }
  });
  return den ? Math.exp(num / den) : NaN;
}
