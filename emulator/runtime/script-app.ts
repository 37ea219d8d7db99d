// Emulated ScriptApp: installable triggers recorded in `ctl.triggers` (the host fires them), the 20-trigger
// limit, and the enums. Runs inside the vm context: no Node APIs.
import { gasError, loud, notImplemented } from './core';
import type { Control, TriggerRecord } from './control';

/** Apps Script quotas page: 20 triggers per user per script. */
export const TRIGGER_LIMIT = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

const names = (list: string[]): Record<string, string> => Object.fromEntries(list.map((k) => [k, k]));
/** Allowed by ClockTriggerBuilder.everyMinutes / everyHours (Apps Script reference). */
const MINUTES = [1, 5, 10, 15, 30];
const HOURS = [1, 2, 4, 6, 8, 12];

class EmuTrigger implements Pick<
  GoogleAppsScript.Script.Trigger,
  'getHandlerFunction' | 'getEventType' | 'getUniqueId' | 'getTriggerSource' | 'getTriggerSourceId'
> {
  constructor(
    private readonly ctl: Control,
    readonly rec: TriggerRecord,
  ) {}
  getHandlerFunction(): string {
    this.ctl.rt.call('Trigger.getHandlerFunction');
    return this.rec.handlerFunction;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    this.ctl.rt.call('Trigger.getEventType');
    return this.rec.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getUniqueId(): string {
    this.ctl.rt.call('Trigger.getUniqueId');
    return this.rec.uniqueId;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.ctl.rt.call('Trigger.getTriggerSource');
    return (this.rec.eventType === 'CLOCK'
      ? 'CLOCK'
      : 'SPREADSHEETS') as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  /** The spreadsheet id; null for a time-driven trigger (as Apps Script returns). */
  getTriggerSourceId(): string {
    this.ctl.rt.call('Trigger.getTriggerSourceId');
    return (this.rec.sourceId ?? null) as string;
  }
}

function wrap(ctl: Control, rec: TriggerRecord): GoogleAppsScript.Script.Trigger {
  return loud(new EmuTrigger(ctl, rec), 'Trigger') as unknown as GoogleAppsScript.Script.Trigger;
}

function install(
  ctl: Control,
  rec: Omit<TriggerRecord, 'uniqueId'>,
  seq: () => number,
): GoogleAppsScript.Script.Trigger {
  ctl.rt.call('TriggerBuilder.create');
  if (ctl.triggers.length >= TRIGGER_LIMIT) throw gasError(TOO_MANY_TRIGGERS);
  const full: TriggerRecord = { uniqueId: String(seq()), ...rec };
  ctl.triggers.push(full);
  return wrap(ctl, full);
}

type ClockMethods = 'everyMinutes' | 'everyHours' | 'everyDays' | 'atHour' | 'create';

class ClockBuilder implements Pick<GoogleAppsScript.Script.ClockTriggerBuilder, ClockMethods> {
  private rec: Omit<TriggerRecord, 'uniqueId'>;
  constructor(
    private readonly ctl: Control,
    fn: string,
    private readonly seq: () => number,
  ) {
    this.rec = { handlerFunction: fn, eventType: 'CLOCK' };
  }
  private self(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!MINUTES.includes(n))
      throw gasError(`Invalid argument: minutes. Value must be one of ${MINUTES.join(', ')}.`);
    this.rec.everyMinutes = n;
    return this.self();
  }
  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!HOURS.includes(n))
      throw gasError(`Invalid argument: hours. Value must be one of ${HOURS.join(', ')}.`);
    this.rec.everyHours = n;
    return this.self();
  }
  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw gasError('Invalid argument: days');
    this.rec.everyDays = n;
    return this.self();
  }
  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw gasError('Invalid argument: hour');
    this.rec.atHour = hour;
    return this.self();
  }
  create(): GoogleAppsScript.Script.Trigger {
    const { everyMinutes, everyHours, everyDays, atHour } = this.rec;
    if (atHour !== undefined && everyDays === undefined)
      throw gasError('atHour() requires everyDays() or everyWeeks().');
    if (everyMinutes === undefined && everyHours === undefined && everyDays === undefined) {
      throw gasError('Clock trigger needs a frequency: everyMinutes(), everyHours() or everyDays().');
    }
    return install(this.ctl, { ...this.rec }, this.seq);
  }
}

class SheetBuilder implements Pick<
  GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
  'onEdit' | 'onChange' | 'onOpen' | 'onFormSubmit' | 'create'
> {
  private eventType: TriggerRecord['eventType'] | null = null;
  constructor(
    private readonly ctl: Control,
    private readonly fn: string,
    private readonly sourceId: string,
    private readonly seq: () => number,
  ) {}
  private on(type: TriggerRecord['eventType']): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.eventType = type;
    return this as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
  onEdit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('ON_EDIT');
  }
  onChange(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('ON_CHANGE');
  }
  onOpen(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('ON_OPEN');
  }
  onFormSubmit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('ON_FORM_SUBMIT');
  }
  create(): GoogleAppsScript.Script.Trigger {
    if (!this.eventType)
      throw gasError('Spreadsheet trigger needs an event: onEdit(), onChange(), onOpen() or onFormSubmit().');
    return install(
      this.ctl,
      { handlerFunction: this.fn, eventType: this.eventType, sourceId: this.sourceId },
      this.seq,
    );
  }
}

type AppMethods =
  'newTrigger' | 'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'getScriptId' | 'getOAuthToken';

export class EmuScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, AppMethods> {
  readonly AuthMode = names(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
  readonly EventType = names([
    'CLOCK',
    'ON_OPEN',
    'ON_EDIT',
    'ON_FORM_SUBMIT',
    'ON_CHANGE',
    'ON_EVENT_UPDATED',
  ]);
  readonly TriggerSource = names(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
  private n = 0;
  private readonly seq = (): number => {
    this.n += 1;
    return 7_000_000_000 + this.n;
  };
  constructor(
    private readonly ctl: Control,
    private readonly scriptId: string,
  ) {}

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    this.ctl.rt.call('ScriptApp.newTrigger');
    const fn = String(functionName);
    const builder = {
      timeBased: () => loud(new ClockBuilder(this.ctl, fn, this.seq), 'ClockTriggerBuilder'),
      forSpreadsheet: (sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string) => {
        const id = typeof sheet === 'string' ? sheet : sheet.getId();
        return loud(new SheetBuilder(this.ctl, fn, id, this.seq), 'SpreadsheetTriggerBuilder');
      },
    };
    return loud(builder, 'TriggerBuilder') as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    this.ctl.rt.call('ScriptApp.getProjectTriggers');
    return this.ctl.triggers.map((rec) => wrap(this.ctl, rec));
  }
  getUserTriggers(container: { getId(): string }): GoogleAppsScript.Script.Trigger[] {
    this.ctl.rt.call('ScriptApp.getUserTriggers');
    const id = container.getId();
    return this.ctl.triggers.filter((t) => t.sourceId === id).map((rec) => wrap(this.ctl, rec));
  }
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    this.ctl.rt.call('ScriptApp.deleteTrigger');
    const id = trigger.getUniqueId();
    const at = this.ctl.triggers.findIndex((t) => t.uniqueId === id);
    if (at >= 0) this.ctl.triggers.splice(at, 1);
  }
  getScriptId(): string {
    this.ctl.rt.call('ScriptApp.getScriptId');
    return this.scriptId;
  }
  getOAuthToken(): string {
    return notImplemented('ScriptApp', 'getOAuthToken');
  }
}
