// Emulated CacheService: script, user and document caches with expiry on the emulated wall clock and
// Apps Script's limits; the host can evict everything early (`ctl.cache.evictAll()`). No Node APIs here.
import { gasError, loud, type Runtime } from './core';
import { utf8Length } from './utilities-bytes';

/** Apps Script Cache reference: keys up to 250 characters, values up to 100 KB, at most 6 hours, 1000 items. */
export const CACHE_KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21600;
/** "If more than 1000 items are written, the cache stores the 900 items farthest from expiration." */
const CACHE_ITEMS = 1000;
const CACHE_KEEP = 900;

export type CacheKind = 'script' | 'user' | 'document';
interface Entry {
  value: string;
  expiresAt: number;
}

/** Registered as `ctl.cache`. */
export class CacheState {
  readonly caches: Record<CacheKind, Map<string, Entry>> = {
    script: new Map(),
    user: new Map(),
    document: new Map(),
  };
  /** Caches promise nothing: this drops every entry, as an early eviction would. */
  evictAll(): void {
    for (const cache of Object.values(this.caches)) cache.clear();
  }
}

type Methods = 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll';

export class EmuCache implements Pick<GoogleAppsScript.Cache.Cache, Methods> {
  constructor(
    private readonly rt: Runtime,
    private readonly map: Map<string, Entry>,
  ) {}
  private read(key: string): string | null {
    const entry = this.map.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.rt.wallNow()) {
      this.map.delete(key);
      return null;
    }
    return entry.value;
  }
  private checkKey(key: string): string {
    const k = String(key);
    if (k.length > CACHE_KEY_LIMIT) throw gasError('Argument too large: key');
    return k;
  }
  private write(values: [string, string][], seconds: number | undefined): void {
    const s =
      seconds === undefined
        ? CACHE_DEFAULT_SECONDS
        : Math.min(CACHE_MAX_SECONDS, Math.max(1, Number(seconds)));
    const checked = values.map(([k, v]): [string, string] => {
      const value = String(v);
      if (utf8Length(value) > CACHE_VALUE_LIMIT) throw gasError('Argument too large: value');
      return [this.checkKey(k), value];
    });
    const expiresAt = this.rt.wallNow() + s * 1000;
    for (const [k, value] of checked) this.map.set(k, { value, expiresAt });
    if (this.map.size > CACHE_ITEMS) {
      const keep = [...this.map].sort((a, b) => b[1].expiresAt - a[1].expiresAt).slice(0, CACHE_KEEP);
      this.map.clear();
      for (const [k, e] of keep) this.map.set(k, e);
    }
  }
  get(key: string): string | null {
    this.rt.call('Cache.get');
    return this.read(this.checkKey(key));
  }
  getAll(keys: string[]): { [key: string]: string } {
    this.rt.call('Cache.getAll', keys.length);
    const out: { [key: string]: string } = {};
    for (const key of keys) {
      const value = this.read(this.checkKey(key));
      if (value !== null) out[key] = value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this.rt.call('Cache.put', utf8Length(String(value)));
    this.write([[key, value]], expirationInSeconds);
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const entries = Object.entries(values);
    this.rt.call('Cache.putAll', entries.length);
    this.write(entries, expirationInSeconds);
  }
  remove(key: string): void {
    this.rt.call('Cache.remove');
    this.map.delete(this.checkKey(key));
  }
  removeAll(keys: string[]): void {
    this.rt.call('Cache.removeAll', keys.length);
    for (const key of keys) this.map.delete(this.checkKey(key));
  }
}

export class EmuCacheService implements Pick<
  GoogleAppsScript.Cache.CacheService,
  'getScriptCache' | 'getUserCache' | 'getDocumentCache'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly state: CacheState,
  ) {}
  private open(kind: CacheKind, method: string): GoogleAppsScript.Cache.Cache {
    this.rt.call(`CacheService.${method}`);
    return loud(
      new EmuCache(this.rt, this.state.caches[kind]),
      'Cache',
    ) as unknown as GoogleAppsScript.Cache.Cache;
  }
  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return this.open('script', 'getScriptCache');
  }
  getUserCache(): GoogleAppsScript.Cache.Cache {
    return this.open('user', 'getUserCache');
  }
  /** The add-on is bound to its spreadsheet, so there is always a document cache. */
  getDocumentCache(): GoogleAppsScript.Cache.Cache | null {
    return this.open('document', 'getDocumentCache');
  }
}
