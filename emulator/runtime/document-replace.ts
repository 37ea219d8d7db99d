// `replaceText(searchPattern, replacement)` as Apps Script does it: the pattern is an RE2 regular expression
// given as a string, matched within each text element (a paragraph, a table cell), never across them.
// Runs inside the vm context: no Node APIs.
import { gasError, EmulatorError } from './core';

/**
 * Turns an RE2 pattern string into a JS RegExp. RE2 has no lookaround and no backreferences (Apps Script
 * reference, Body.replaceText: "uses Google's RE2 regular expression library, which limits the supported
 * syntax"), so those are refused here too; RE2-only syntax the add-on might use is translated.
 */
export function re2ToRegExp(pattern: string): RegExp {
  let source = String(pattern);
  let flags = 'g';
  const lead = /^\(\?([imsU]+)\)/.exec(source);
  if (lead) {
    source = source.slice(lead[0].length);
    for (const f of lead[1] ?? '') if (f === 'i' || f === 'm' || f === 's') flags += f;
  }
  source = source.replace(/\\Q([\s\S]*?)(\\E|$)/g, (_m, lit: string) =>
    lit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
  );
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\\z/g, '$(?![\\s\\S])')
    .replace(/\\A/g, '^');
  if (/\(\?<?[=!]/.test(source) || /\\[1-9]/.test(source)) {
    throw new EmulatorError(`RE2 does not support lookaround or backreferences: ${pattern}`);
  }
  try {
    return new RegExp(source, flags);
  } catch {
    throw gasError(`Invalid regular expression pattern ${pattern}`);
  }
}

/**
 * Expands a replacement string the way the Docs service (Java) does: `$n` inserts group n, `\x` is a literal x.
 * So a literal `$` or `\` in merged data must be escaped by the caller (`value.replace(/[\\$]/g, '\\$&')`).
 * Like Java's Matcher, a `$` not followed by a group number throws "Illegal group reference".
 */
export function expandReplacement(replacement: string, groups: readonly (string | undefined)[]): string {
  let out = '';
  for (let i = 0; i < replacement.length; i += 1) {
    const ch = replacement[i] as string;
    if (ch === '\\') {
      i += 1;
      if (i >= replacement.length) throw gasError('character to be escaped is missing');
      out += replacement[i];
    } else if (ch === '$') {
      const digits = /^\d+/.exec(replacement.slice(i + 1))?.[0];
      if (!digits) throw gasError('Illegal group reference');
      let take = 1;
      while (take < digits.length && Number(digits.slice(0, take + 1)) < groups.length) take += 1;
      const index = Number(digits.slice(0, take));
      if (index >= groups.length) throw gasError(`No group ${index}`);
      out += groups[index] ?? '';
      i += take;
    } else out += ch;
  }
  return out;
}

/** Replaces every match in one text element. */
export function replaceIn(text: string, re: RegExp, replacement: string): string {
  re.lastIndex = 0;
  return text.replace(re, (...args: unknown[]) => {
    const end = args.findIndex((a) => typeof a === 'number');
    const groups = args.slice(0, end) as (string | undefined)[];
    return expandReplacement(replacement, groups);
  });
}
