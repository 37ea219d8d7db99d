// Builders of data validation and conditional format rules, and the check a validation makes on a value.
import { loud } from './core';
import { isDateFormat, type Cell } from './spreadsheet-format';
import { parseEntered, type ValidationSpec } from './spreadsheet-model';
import { isDate } from './utilities-time';

type DV = GoogleAppsScript.Spreadsheet.DataValidation;
type DVB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export const DataValidationCriteria = {
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  CHECKBOX: 'CHECKBOX',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
} as const;

export class FakeDataValidation {
  constructor(readonly spec: ValidationSpec) {}
  getCriteriaType(): string {
    return this.spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.spec.args];
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getHelpText(): string {
    return this.spec.helpText;
  }
  copy(): DVB {
    return newDataValidation({ ...this.spec, args: [...this.spec.args] });
  }
}

export class FakeDataValidationBuilder {
  spec: ValidationSpec;
  constructor(spec?: ValidationSpec) {
    this.spec = spec ?? { criteria: '', args: [], allowInvalid: true, helpText: '' };
  }
  private set(criteria: string, args: unknown[]): FakeDataValidationBuilder {
    this.spec = { ...this.spec, criteria, args };
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): FakeDataValidationBuilder {
    return this.set('VALUE_IN_LIST', [[...values].map(String), showDropdown]);
  }
  requireValueInRange(
    range: GoogleAppsScript.Spreadsheet.Range,
    showDropdown = true,
  ): FakeDataValidationBuilder {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireDate(): FakeDataValidationBuilder {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireCheckbox(): FakeDataValidationBuilder {
    return this.set('CHECKBOX', []);
  }
  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): FakeDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextIsEmail(): FakeDataValidationBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.spec = { ...this.spec, allowInvalid: allowInvalidData };
    return this;
  }
  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.spec = { ...this.spec, helpText };
    return this;
  }
  build(): DV {
    return loud(new FakeDataValidation({ ...this.spec }), 'DataValidation') as unknown as DV;
  }
}

export function newDataValidation(spec?: ValidationSpec): DVB {
  return loud(new FakeDataValidationBuilder(spec), 'DataValidationBuilder') as unknown as DVB;
}

/** Whether a value about to be written satisfies a rule (empty always does). */
export function checkValidation(
  spec: ValidationSpec,
  v: unknown,
  fmt: string | undefined,
  _tz: string,
): boolean {
  if (v === null || v === undefined || v === '') return true;
  let cell: Cell;
  let date = false;
  if (isDate(v)) {
    cell = 0;
    date = true;
  } else if (typeof v === 'string') {
    if (v.startsWith('=')) return true;
    const p = parseEntered(v);
    cell = p.value;
    date = typeof cell === 'number' && (isDateFormat(p.format) || isDateFormat(fmt));
  } else cell = v as Cell;
  const [a, b] = spec.args;
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
      return (a as string[]).includes(typeof v === 'string' ? v : String(cell));
    case 'DATE_IS_VALID_DATE':
      return date;
    case 'CHECKBOX':
      return typeof cell === 'boolean';
    case 'NUMBER_BETWEEN':
      return typeof cell === 'number' && cell >= Number(a) && cell <= Number(b);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof cell === 'number' && cell >= Number(a);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof cell === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(cell);
    default:
      return true;
  }
}

interface RuleSpec {
  condition: string;
  args: unknown[];
  background?: string;
  fontColor?: string;
  ranges: GoogleAppsScript.Spreadsheet.Range[];
}

export class FakeConditionalFormatRule {
  constructor(readonly spec: RuleSpec) {}
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return [...this.spec.ranges];
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return loud(new FakeConditionalFormatRuleBuilder({ ...this.spec }), 'ConditionalFormatRuleBuilder');
  }
}

export class FakeConditionalFormatRuleBuilder {
  constructor(public spec: RuleSpec = { condition: '', args: [], ranges: [] }) {}
  private when(condition: string, args: unknown[]): FakeConditionalFormatRuleBuilder {
    this.spec = { ...this.spec, condition, args };
    return this;
  }
  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberEqualTo(n: number): FakeConditionalFormatRuleBuilder {
    return this.when('NUMBER_EQ', [n]);
  }
  whenNumberBetween(start: number, end: number): FakeConditionalFormatRuleBuilder {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): FakeConditionalFormatRuleBuilder {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL', [n]);
  }
  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    return this.when('TEXT_EQ', [text]);
  }
  whenTextContains(text: string): FakeConditionalFormatRuleBuilder {
    return this.when('TEXT_CONTAINS', [text]);
  }
  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.spec = { ...this.spec, background: color ?? undefined };
    return this;
  }
  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.spec = { ...this.spec, fontColor: color ?? undefined };
    return this;
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): FakeConditionalFormatRuleBuilder {
    this.spec = { ...this.spec, ranges: [...ranges] };
    return this;
  }
  build(): FakeConditionalFormatRule {
    return loud(new FakeConditionalFormatRule({ ...this.spec }), 'ConditionalFormatRule');
  }
}
