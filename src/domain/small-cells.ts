/**
 * Small-cell suppression for figures shown to EAP: a count drawn from fewer than `minGroup` people
 * is hidden, and so is a second figure wherever the hidden one could be worked out from a total
 * and the figures beside it (complementary suppression). Nested totals are given as their own
 * sums (open = active + the other statuses, and active = approved + up for review), so that a
 * subtotal cannot be subtracted from its total to uncover a hidden figure.
 *
 * Zero is shown: it names nobody (the CMS rule hides 1 to 10). A count says how many requests; the
 * rule is on how many *people* they come from, so two requests of one person count once.
 */

export interface Cell {
  readonly value: number;
  /** Distinct people behind the value. */
  readonly people: number;
}

/** `total` is the sum of `parts`, or at most it (a cell may be counted in several parts). */
export interface Additive {
  readonly total: string;
  readonly parts: readonly string[];
}

export type Figure = { readonly shown: true; readonly value: number } | { readonly shown: false };

export function suppress(
  cells: Readonly<Record<string, Cell>>,
  sums: readonly Additive[],
  minGroup: number,
): Record<string, Figure> {
  const cell = (id: string): Cell => {
    const found = cells[id];
    if (!found) throw new Error(`no cell named ${id}`);
    return found;
  };
  const hidden = new Set(
    Object.entries(cells)
      .filter(([, c]) => c.value > 0 && c.people < minGroup)
      .map(([id]) => id),
  );
  // One hidden member of a sum is found by subtraction; several hidden parts of a shown total
  // are found together (total less the shown parts), and if that sum is itself a small group
  // each part is pinned close (three hidden parts summing to 3 are 1 each). Either way, hide one
  // more: the smallest part that is not zero (the least lost), or else the total.
  let changed = true;
  while (changed) {
    changed = false;
    for (const sum of sums) {
      const members = [sum.total, ...sum.parts];
      const hiddenParts = sum.parts.filter((id) => hidden.has(id));
      const hiddenPeople = hiddenParts.reduce((n, id) => n + cell(id).people, 0);
      const alone = members.filter((id) => hidden.has(id)).length === 1;
      const smallTogether = !hidden.has(sum.total) && hiddenParts.length > 0 && hiddenPeople < minGroup;
      if (!alone && !smallTogether) continue;
      const next = sum.parts
        .filter((id) => !hidden.has(id) && cell(id).value > 0)
        .sort((a, b) => cell(a).value - cell(b).value)[0];
      if (next) hidden.add(next);
      else if (!hidden.has(sum.total)) hidden.add(sum.total);
      else continue;
      changed = true;
    }
  }
  return Object.fromEntries(
    Object.entries(cells).map(([id, c]): [string, Figure] => [
      id,
      hidden.has(id) ? { shown: false } : { shown: true, value: c.value },
    ]),
  );
}

/** How a figure reads: its value, or "fewer than N" when it is hidden. */
export function figureText(figure: Figure, minGroup: number, format: (n: number) => string = String): string {
  return figure.shown ? format(figure.value) : `fewer than ${minGroup}`;
}
