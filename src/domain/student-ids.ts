// Matching the Student IDs of any tab to the roster, the same way everywhere: exact first; an id that lost its
// leading zeros (a spreadsheet read 0260012 as the number 260012) only when exactly one roster id fits.

/** What an id typed or stored in a tab is, against the roster. */
export type IdMatch =
  | { kind: 'exact'; id: string }
  /** The typed id without leading zeros matches exactly one roster id. */
  | { kind: 'zeros'; id: string }
  /** Several roster ids read the same without leading zeros: never a guess. */
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown' }
  | { kind: 'blank' };

/** A number's digits without leading zeros ('0260012' → '260012'; '000' → '0'). */
export function withoutLeadingZeros(id: string): string {
  return /^\d+$/.test(id) ? id.replace(/^0+(?=\d)/, '') : id;
}

/**
 * An id that was read as a number too long to keep every digit: Sheets keeps 15 significant digits (and a double is
 * exact only below 2^53), so a twenty-digit id shows as 1.2345678901234568E+19 and two students can read the same.
 * The Import tab's reader gives such numbers in this exponent form.
 */
export function lostDigits(id: string): boolean {
  return /^[+-]?\d(\.\d+)?E\+?\d+$/i.test(id.trim());
}

/** Why an id that lost its digits is refused, and how to keep them. */
export function lostDigitsProblem(typed: string): string {
  return (
    `Student ID ${typed} was read as a number and lost its last digits (two students could read the same). ` +
    'Import the CSV from Drive (Attendance → Import a CSV from Drive…), or format the Student ID column as plain ' +
    'text (Format → Number → Plain text) before pasting.'
  );
}

/** The roster's ids, indexed for matching. Build once per run. */
export class RosterIds {
  private readonly exact: Set<string>;
  private readonly byDigits = new Map<string, string[]>();

  constructor(ids: Iterable<string>) {
    this.exact = new Set(ids);
    for (const id of this.exact) {
      const key = withoutLeadingZeros(id);
      const list = this.byDigits.get(key);
      if (list) list.push(id);
      else this.byDigits.set(key, [id]);
    }
  }

  has(id: string): boolean {
    return this.exact.has(id);
  }

  /** Adds an id (a student the import is adding). */
  add(id: string): void {
    if (this.exact.has(id)) return;
    this.exact.add(id);
    const key = withoutLeadingZeros(id);
    this.byDigits.set(key, [...(this.byDigits.get(key) ?? []), id]);
  }

  match(typed: string): IdMatch {
    const id = typed.trim();
    if (id === '') return { kind: 'blank' };
    if (this.exact.has(id)) return { kind: 'exact', id };
    const candidates = this.byDigits.get(withoutLeadingZeros(id)) ?? [];
    if (candidates.length === 1) return { kind: 'zeros', id: candidates[0]! };
    if (candidates.length > 1) return { kind: 'ambiguous', candidates: [...candidates].sort() };
    return { kind: 'unknown' };
  }
}

/** Why an id could not be matched, in words for the Data Issues tab (null when it matched). */
export function idProblem(typed: string, match: IdMatch): string | null {
  switch (match.kind) {
    case 'exact':
    case 'zeros':
      return null;
    case 'blank':
      return 'Student ID is missing.';
    case 'ambiguous':
      return (
        `Student ID ${typed} could be ${match.candidates.join(' or ')} (the roster has both; a spreadsheet may ` +
        `have dropped leading zeros). Type the id exactly as on the Students tab.`
      );
    case 'unknown':
      return `Unknown student ID ${typed}.`;
  }
}
