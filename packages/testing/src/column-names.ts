/** Checks that `name` is one of `valid`; throws a TypeError naming it, the closest valid name and all valid names. */
export function checkColumnName(context: string, name: string, valid: readonly string[]): void {
  if (valid.includes(name)) return;
  const closest = closestName(name, valid);
  const hint = closest === undefined ? "" : ` (did you mean "${closest}"?)`;
  throw new TypeError(`${context}: unknown column "${name}"${hint}; valid columns: ${valid.join(", ")}`);
}

/** `"1 column"`, `"2 columns"`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The valid name within a small edit distance of `name`, if there is one. */
function closestName(name: string, valid: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of valid) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
