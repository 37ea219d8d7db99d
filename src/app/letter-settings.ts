// The letters' Settings keys (letter.*): read by the letters, never part of the policy, so they need no applying.

export function isLetterSetting(key: string): boolean {
  return key.trim().toLowerCase().startsWith('letter.');
}
