// Character formatting of a paragraph (bold, italic, underline) and the edits that keep it in step with the text:
// what `Text.setBold`, `isBold`, `getTextAttributeIndices` and `replaceText` work on. Runs inside the vm context.
import type { ParagraphBlock, TextStyle } from './document-model';
import { expandReplacement } from './document-replace';

export type StyleKey = keyof TextStyle;
export const STYLE_KEYS: readonly StyleKey[] = ['bold', 'italic', 'underline'];

/** The style of each character (null: plain), as long as the text. */
export function stylesOf(block: ParagraphBlock): (TextStyle | null)[] {
  const styles = block.styles ?? [];
  return Array.from({ length: block.text.length }, (_, i) => styles[i] ?? null);
}

function same(a: TextStyle | null, b: TextStyle | null): boolean {
  return STYLE_KEYS.every((k) => (a?.[k] ?? false) === (b?.[k] ?? false));
}

/** Drops the styles when every character is plain (the model's "absent: all plain"). */
function store(block: ParagraphBlock, styles: (TextStyle | null)[]): void {
  if (styles.some((s) => s && STYLE_KEYS.some((k) => s[k]))) block.styles = styles;
  else delete block.styles;
}

/** Replaces the text and its styles together. */
export function setRich(block: ParagraphBlock, text: string, styles: (TextStyle | null)[]): void {
  block.text = text;
  store(block, styles.slice(0, text.length));
}

/** Sets one attribute on characters start..endInclusive (the whole text when no range is given). */
export function setStyle(
  block: ParagraphBlock,
  key: StyleKey,
  value: boolean,
  start = 0,
  endInclusive = block.text.length - 1,
): void {
  const styles = stylesOf(block);
  for (let i = Math.max(0, start); i <= Math.min(endInclusive, styles.length - 1); i += 1) {
    styles[i] = { ...(styles[i] ?? {}), [key]: value };
  }
  store(block, styles);
}

/** One attribute at an offset, or over the whole text (null when mixed, as Apps Script's `isBold()` says). */
export function getStyle(block: ParagraphBlock, key: StyleKey, offset?: number): boolean | null {
  const styles = stylesOf(block);
  if (offset !== undefined) return styles[offset]?.[key] ?? false;
  const values = new Set(styles.map((s) => s?.[key] ?? false));
  return values.size > 1 ? null : (values.values().next().value ?? false);
}

/** Offsets where a formatting run starts (`Text.getTextAttributeIndices()`): always 0, then every change. */
export function attributeIndices(block: ParagraphBlock): number[] {
  const styles = stylesOf(block);
  const out = [0];
  for (let i = 1; i < styles.length; i += 1) {
    if (!same(styles[i - 1] ?? null, styles[i] ?? null)) out.push(i);
  }
  return out;
}

/**
 * Replaces every match of `re` in the paragraph, keeping the formatting: the replacement text takes the format of
 * the first character it replaces (of the character before, for an empty match), as a person's replace in Docs
 * does. The text outside the matches keeps its own.
 */
export function replaceRich(block: ParagraphBlock, re: RegExp, replacement: string): void {
  const styles = stylesOf(block);
  const text = block.text;
  let outText = '';
  const outStyles: (TextStyle | null)[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    outText += text.slice(last, at);
    outStyles.push(...styles.slice(last, at));
    const value = expandReplacement(replacement, [...m]);
    const style = styles[at] ?? styles[at - 1] ?? null;
    outText += value;
    for (let i = 0; i < value.length; i += 1) outStyles.push(style);
    last = at + m[0].length;
  }
  if (last === 0 && outText === '') return;
  outText += text.slice(last);
  outStyles.push(...styles.slice(last));
  setRich(block, outText, outStyles);
}

/** Inserts text at an offset; it takes the format of the character before it (plain at the start). */
export function insertRich(block: ParagraphBlock, offset: number, text: string): void {
  const styles = stylesOf(block);
  const style = offset > 0 ? (styles[offset - 1] ?? null) : null;
  styles.splice(offset, 0, ...Array.from({ length: text.length }, () => style));
  setRich(block, block.text.slice(0, offset) + text + block.text.slice(offset), styles);
}

/** Deletes characters start..endInclusive. */
export function deleteRich(block: ParagraphBlock, start: number, endInclusive: number): void {
  const styles = stylesOf(block);
  styles.splice(start, endInclusive - start + 1);
  setRich(block, block.text.slice(0, start) + block.text.slice(endInclusive + 1), styles);
}
