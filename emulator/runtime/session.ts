// Session: the active and effective user, the script's time zone and the user's locale, as set by the host.
import { loud, type ApiShape, type Runtime } from './core';
import type { Control } from './control';
import { fakeUser } from './spreadsheet-protection';

type S = GoogleAppsScript.Base.Session;

class FakeSession implements ApiShape<
  S,
  | 'getActiveUser'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getActiveUserLocale'
  | 'getTemporaryActiveUserKey'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly state: Control['session'],
  ) {}
  /** '' when Apps Script would not reveal the user (set `activeUserEmail` to '' for a consumer account's simple trigger). */
  getActiveUser(): GoogleAppsScript.Base.User {
    this.rt.call('Session.getActiveUser');
    return fakeUser(this.state.activeUserEmail);
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    this.rt.call('Session.getEffectiveUser');
    return fakeUser(this.state.effectiveUserEmail);
  }
  getScriptTimeZone(): string {
    return this.state.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this.state.locale;
  }
  getTemporaryActiveUserKey(): string {
    let h = 0;
    for (const ch of this.state.activeUserEmail) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return this.state.activeUserEmail ? `tmpkey${h.toString(36)}` : '';
  }
}

export function makeSession(rt: Runtime, state: Control['session']): S {
  return loud(new FakeSession(rt, state), 'Session') as unknown as S;
}
