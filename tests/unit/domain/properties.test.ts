// Property tests: days never count twice, more absences never lower the step, no gate is skipped.

import fc from 'fast-check';
import { doc, run, schoolDays, statusOf } from './helpers';
import { countThresholds } from '../../../src/domain/policy';
import { POLICY } from './helpers';

const DAYS = schoolDays('2026-08-12', 60); // through early November
const CODES = ['U', 'UP', 'E', 'EP', 'M', 'S', 'P'];
const ASOF = '2026-11-20';
const GATE_TYPES = [
  'AP meeting',
  'TPM plan',
  'District referral',
  'Follow-up',
  'Court referral decision',
  'Note',
];
const ROLES = ['assistantPrincipal', 'districtSpecialist', 'teacher'];

const absenceArb = fc.array(fc.tuple(fc.constantFrom(...DAYS), fc.constantFrom(...CODES)), { maxLength: 40 });
const docArb = fc.array(
  fc.tuple(fc.constantFrom(...DAYS), fc.constantFrom(...GATE_TYPES), fc.constantFrom(...ROLES)),
  { maxLength: 12 },
);

const toRows = (list: [string, string][]) => list.map(([d, c]) => ['S1', d, c] as [string, string, string]);
const toDocs = (list: [string, string, string][]) => list.map(([d, t, r]) => doc('S1', d, t, { role: r }));
const maxStepFor = (n: number) => countThresholds(POLICY).filter((t) => n >= t.threshold).length;

describe('properties', () => {
  it('a day never counts twice: duplicating rows or adding codes on a counted day changes nothing', () => {
    fc.assert(
      fc.property(absenceArb, fc.array(fc.constantFrom(...CODES), { maxLength: 5 }), (list, extra) => {
        const base = statusOf(run({ absences: toRows(list), asOf: ASOF })).counts;
        const unexcusedDays = new Set(list.filter(([, c]) => c === 'U' || c === 'UP').map(([d]) => d));
        expect(base.unexcusedDays).toBe(unexcusedDays.size);
        const dup = statusOf(run({ absences: toRows([...list, ...list]), asOf: ASOF })).counts;
        expect(dup).toEqual(base);
        const firstDay = [...unexcusedDays][0];
        if (firstDay !== undefined) {
          const more = statusOf(
            run({
              absences: toRows([...list, ...extra.map((c) => [firstDay, c] as [string, string])]),
              asOf: ASOF,
            }),
          ).counts;
          expect(more.unexcusedDays).toBe(base.unexcusedDays);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('adding an unexcused absence never lowers the step', () => {
    fc.assert(
      fc.property(absenceArb, docArb, fc.constantFrom(...DAYS), (list, docs, day) => {
        const before = statusOf(run({ absences: toRows(list), docs: toDocs(docs), asOf: ASOF })).step;
        const after = statusOf(
          run({ absences: toRows([...list, [day, 'U']]), docs: toDocs(docs), asOf: ASOF }),
        ).step;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('without a kept step the step is never above what the count allows, and no gate is skipped', () => {
    fc.assert(
      fc.property(absenceArb, docArb, (list, docs) => {
        const entries = toDocs(docs);
        const s = statusOf(run({ absences: toRows(list), docs: entries, asOf: ASOF }));
        expect(Math.min(s.step, 4)).toBeLessThanOrEqual(maxStepFor(s.counts.unexcusedDays));
        if (s.step >= 4) {
          const from = s.stepSince[3] as string;
          const done = (t: string) =>
            entries
              .filter((e) => e.type === t && (e.date as string) >= from)
              .map((e) => e.date as string)
              .sort();
          const required = ['AP meeting', 'TPM plan', 'District referral'].map((t) => done(t)[0]);
          expect(required.every((d) => d !== undefined)).toBe(true);
          const latest = required.sort().at(-1) as string;
          expect(done('Follow-up').some((d) => d >= latest)).toBe(true);
        }
        if (s.step === 5) {
          expect(
            entries.some(
              (e) =>
                e.type === 'Court referral decision' &&
                e.role === 'districtSpecialist' &&
                (e.date as string) >= (s.stepSince[4] as string),
            ),
          ).toBe(true);
        } else if (s.step < 4) {
          expect(s.step).toBe(
            maxStepFor(s.counts.unexcusedDays) >= 4 ? 3 : maxStepFor(s.counts.unexcusedDays),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every due action names a step reached, which had begun by the day the action became due', () => {
    fc.assert(
      fc.property(absenceArb, docArb, fc.constantFrom(...DAYS, ASOF), (list, docs, asOf) => {
        const s = statusOf(run({ absences: toRows(list), docs: toDocs(docs), asOf }));
        for (const d of s.due) {
          expect(d.step).toBeLessThanOrEqual(s.step);
          expect((s.stepSince[d.step] as string) <= d.since).toBe(true);
          const owner = POLICY.steps.find((x) => x.step === d.step)?.actions.find((a) => a.id === d.actionId);
          expect(owner?.owner).toBe(d.owner);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("neither the order of the Absences rows nor other students' rows change a student's status", () => {
    const students = [
      { studentId: 'S1' },
      { studentId: 'S2', enrollDate: '2026-09-15' },
      { studentId: 'S3' },
    ];
    const rowArb = fc.array(
      fc.tuple(fc.constantFrom('S1', 'S2', 'S3', 'S9'), fc.constantFrom(...DAYS), fc.constantFrom(...CODES)),
      { maxLength: 60 },
    );
    const rowsAndShuffled = rowArb.chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
      ),
    );
    fc.assert(
      fc.property(rowsAndShuffled, ([rows, shuffled]) => {
        const a = run({ students, absences: rows, asOf: ASOF });
        const b = run({ students, absences: shuffled, asOf: ASOF });
        expect(b.statuses).toEqual(a.statuses);
        for (const id of ['S1', 'S2', 'S3']) {
          const alone = run({ students, absences: rows.filter((r) => r[0] === id), asOf: ASOF });
          expect(statusOf(alone, id)).toEqual(statusOf(a, id));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a kept step is never lowered by removing absences (without an adjustment)', () => {
    fc.assert(
      fc.property(absenceArb, fc.integer({ min: 0, max: 40 }), (list, cut) => {
        const first = statusOf(run({ absences: toRows(list), asOf: ASOF }));
        const prior = { S1: { step: first.step, stepSince: first.stepSince } };
        const corrected = statusOf(run({ absences: toRows(list.slice(0, cut)), prior, asOf: ASOF }));
        expect(corrected.step).toBe(first.step);
      }),
      { numRuns: 150 },
    );
  });
});
