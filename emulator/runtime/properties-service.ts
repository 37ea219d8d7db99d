// Emulated PropertiesService: script, user and document stores of strings, with Apps Script's size limits.
// Runs inside the vm context: no Node APIs.
import { gasError, loud, type Runtime } from './core';
import { utf8Length } from './utilities-bytes';

/** Apps Script quotas page: "Properties value size 9 KB / val", "Properties total storage 500 KB / property store". */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

export type StoreKind = 'script' | 'user' | 'document';

/** Registered as `ctl.properties`: three plain maps the host can read and seed. */
export class PropertiesState {
  readonly stores: Record<StoreKind, Map<string, string>> = {
    script: new Map(),
    user: new Map(),
    document: new Map(),
  };
  /** Bytes a store uses, keys and values (both count toward the 500 KB). */
  size(kind: StoreKind, store = this.stores[kind]): number {
    let n = 0;
    for (const [k, v] of store) n += utf8Length(k) + utf8Length(v);
    return n;
  }
}

type Methods =
  | 'getProperty'
  | 'setProperty'
  | 'setProperties'
  | 'getProperties'
  | 'getKeys'
  | 'deleteProperty'
  | 'deleteAllProperties';

export class EmuProperties implements Pick<GoogleAppsScript.Properties.Properties, Methods> {
  constructor(
    private readonly rt: Runtime,
    private readonly state: PropertiesState,
    private readonly kind: StoreKind,
  ) {}
  private get store(): Map<string, string> {
    return this.state.stores[this.kind];
  }
  private self(): GoogleAppsScript.Properties.Properties {
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }
  /** Applies `changes` only if every value and the resulting store fit (a failed call changes nothing). */
  private commit(changes: [string, string][], clearFirst: boolean): void {
    const next = new Map(clearFirst ? [] : this.store);
    for (const [key, value] of changes) {
      if (utf8Length(value) > PROPERTY_VALUE_LIMIT) throw gasError(VALUE_TOO_LARGE);
      next.set(key, value);
    }
    if (this.state.size(this.kind, next) > PROPERTY_STORE_LIMIT) throw gasError(STORE_FULL);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }
  getProperty(key: string): string | null {
    this.rt.call('Properties.getProperty');
    return this.store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.rt.call('Properties.setProperty');
    this.commit([[String(key), String(value)]], false);
    return this.self();
  }
  setProperties(
    properties: { [key: string]: string },
    deleteAllOthers = false,
  ): GoogleAppsScript.Properties.Properties {
    const entries = Object.entries(properties).map(([k, v]): [string, string] => [k, String(v)]);
    this.rt.call('Properties.setProperties', entries.length);
    this.commit(entries, Boolean(deleteAllOthers));
    return this.self();
  }
  getProperties(): { [key: string]: string } {
    this.rt.call('Properties.getProperties', this.store.size);
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    this.rt.call('Properties.getKeys');
    return [...this.store.keys()];
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.rt.call('Properties.deleteProperty');
    this.store.delete(String(key));
    return this.self();
  }
  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.rt.call('Properties.deleteAllProperties');
    this.store.clear();
    return this.self();
  }
}

export class EmuPropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getScriptProperties' | 'getUserProperties' | 'getDocumentProperties'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly state: PropertiesState,
  ) {}
  private open(kind: StoreKind, method: string): GoogleAppsScript.Properties.Properties {
    this.rt.call(`PropertiesService.${method}`);
    return loud(
      new EmuProperties(this.rt, this.state, kind),
      'Properties',
    ) as unknown as GoogleAppsScript.Properties.Properties;
  }
  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return this.open('script', 'getScriptProperties');
  }
  getUserProperties(): GoogleAppsScript.Properties.Properties {
    return this.open('user', 'getUserProperties');
  }
  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    return this.open('document', 'getDocumentProperties');
  }
}
