// Where the edit path keeps its snapshot of each people tab's Student ID column: text chunks per tab.

/** The stored snapshot, as chunks of encoded text per tab name (see src/app/id-snapshot.ts). */
export interface SnapshotStore {
  /** Every tab's chunks; null when the store is missing (never written, or deleted). */
  read(): Map<string, string[]> | null;
  /** Replaces one tab's chunks. */
  write(tabName: string, chunks: string[]): void;
}
