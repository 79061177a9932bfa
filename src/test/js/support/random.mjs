// Seeded randomness for the property and simulation tests: every failure prints the seed that
// replays it (ARDOISE_SEED=N), and ARDOISE_CASES=N soaks with more cases.

/** A small, fast 32-bit generator (mulberry32); good enough to explore, exact to replay. */
export class Random {
  constructor(seed) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }

  pick(list) {
    return list[this.int(list.length)];
  }
}

/** The seed to use: ARDOISE_SEED when set, else a fresh one (printed on failure by the caller). */
export function seedFromEnv() {
  const raw = process.env.ARDOISE_SEED;
  if (raw !== undefined && raw !== '') {
    const seed = Number(raw);
    if (!Number.isInteger(seed)) throw new Error(`ARDOISE_SEED must be an integer, got ${raw}`);
    return seed >>> 0;
  }
  return Math.floor(Math.random() * 4294967296) >>> 0;
}

/** ARDOISE_CASES when set, else `fallback`. */
export function casesFromEnv(fallback) {
  const raw = process.env.ARDOISE_CASES;
  if (raw === undefined || raw === '') return fallback;
  const cases = Number(raw);
  if (!Number.isInteger(cases) || cases < 1) throw new Error(`ARDOISE_CASES must be a positive integer, got ${raw}`);
  return cases;
}

/** Runs `body(random, index)` for each case; a failure names the seed and the case that replays it. */
export function forEachCase(name, seed, cases, body) {
  const random = new Random(seed);
  for (let i = 0; i < cases; i++) {
    try {
      body(random, i);
    } catch (error) {
      error.message = `${name} failed at case ${i} of ${cases} — replay with ARDOISE_SEED=${seed}\n${error.message}`;
      throw error;
    }
  }
}

/** forEachCase for an async `body`: the cases run one after the other. */
export async function forEachCaseAsync(name, seed, cases, body) {
  const random = new Random(seed);
  for (let i = 0; i < cases; i++) {
    try {
      await body(random, i);
    } catch (error) {
      error.message = `${name} failed at case ${i} of ${cases} — replay with ARDOISE_SEED=${seed}\n${error.message}`;
      throw error;
    }
  }
}
