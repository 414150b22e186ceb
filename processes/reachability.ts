/**
 * The nodes reachable from `start` (start included) by following `successors`. A node in `avoid`
 * is never entered, which answers "can X be reached without passing through Y".
 */
export function reachableFrom(
  start: string,
  successors: (node: string) => readonly string[],
  avoid: ReadonlySet<string> = new Set(),
): Set<string> {
  const seen = new Set<string>();
  if (avoid.has(start)) return seen;
  const pending = [start];
  seen.add(start);
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    for (const next of successors(node)) {
      if (seen.has(next) || avoid.has(next)) continue;
      seen.add(next);
      pending.push(next);
    }
  }
  return seen;
}
