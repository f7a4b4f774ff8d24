/** At most `limit` calls per key in any `windowMs`; for public endpoints anyone may call. */
export function createRateLimiter(limit: number, windowMs: number, now: () => number) {
  const hits = new Map<string, number[]>();
  return {
    /** Records a call; false when the key is over its limit (the call is then not counted). */
    allow(key: string): boolean {
      const at = now();
      const recent = (hits.get(key) ?? []).filter((t) => t > at - windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return false;
      }
      recent.push(at);
      hits.set(key, recent);
      // Forget quiet keys so a long-running hub does not collect every address it ever saw.
      if (hits.size > 1_000)
        for (const [k, v] of hits) if (!v.some((t) => t > at - windowMs)) hits.delete(k);
      return true;
    },
  };
}
