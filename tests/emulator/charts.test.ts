// Embedded charts: built, inserted, read back, modified and updated in place, removed; what is not known throws.
import { basicEmulator, inScript, SHEET } from './helpers';

describe('embedded charts', () => {
  const emu = basicEmulator();
  const setUp = () =>
    inScript(
      emu,
      `var s = ${SHEET}; s.clear();
       s.getCharts().forEach(function (c) { s.removeChart(c); });
       s.getRange('A1:B4').setValues([['Step', 'Students'], ['1', 4], ['2', 3], ['3', 1]]);
       var built = s.newChart().addRange(s.getRange('A1:B4')).setChartType(Charts.ChartType.COLUMN)
         .setOption('title', 'By step').setNumHeaders(1).setPosition(2, 5, 0, 0).build();
       var before = built.getChartId();
       s.insertChart(built);
       [before, s.getCharts().length, s.getCharts()[0].getChartId()]`,
    );

  it('a built chart has no id until inserted; getCharts returns it with its options, ranges and position', () => {
    const [before, count, id] = setUp() as [unknown, number, number];
    expect(before).toBeNull();
    expect(count).toBe(1);
    expect(typeof id).toBe('number');
    expect(
      inScript(
        emu,
        `var c = ${SHEET}.getCharts()[0];
         [c.getOptions().get('title'), c.getOptions().get('never set'), c.getRanges()[0].getA1Notation(),
          c.getContainerInfo().getAnchorRow(), c.getContainerInfo().getAnchorColumn(), c.getNumHeaders()]`,
      ),
    ).toEqual(['By step', null, 'A1:B4', 2, 5, 1]);
    const [def] = emu.charts('Sheet1');
    expect(def).toMatchObject({
      type: 'COLUMN',
      options: { title: 'By step' },
      position: { row: 2, column: 5 },
    });
    expect(def!.ranges[0]!.values).toEqual([
      ['Step', 'Students'],
      [1, 4],
      [2, 3],
      [3, 1],
    ]);
  });

  it('modify changes nothing until updateChart, which keeps the chart (same id, no duplicate)', () => {
    setUp();
    const id = emu.charts('Sheet1')[0]!.id;
    inScript(
      emu,
      `var s = ${SHEET}; var b = s.getCharts()[0].modify().clearRanges().addRange(s.getRange('A1:B3'))
         .setChartType(Charts.ChartType.BAR).setOption('title', 'Changed'); b.build(); 1`,
    );
    expect(emu.charts('Sheet1')[0]).toMatchObject({ id, type: 'COLUMN', options: { title: 'By step' } });
    inScript(
      emu,
      `var s = ${SHEET}; s.updateChart(s.getCharts()[0].modify().clearRanges().addRange(s.getRange('A1:B3'))
         .setChartType(Charts.ChartType.BAR).setOption('title', 'Changed').build()); 1`,
    );
    const after = emu.charts('Sheet1');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id, type: 'BAR', options: { title: 'Changed' } });
    expect(after[0]!.ranges[0]!.numRows).toBe(3);
  });

  it('removeChart removes it; what the emulator does not know throws loudly', () => {
    setUp();
    expect(inScript(emu, `var s = ${SHEET}; s.removeChart(s.getCharts()[0]); s.getCharts().length`)).toBe(0);
    expect(() => inScript(emu, `${SHEET}.newChart().addRange(${SHEET}.getRange('A1:B2')).build()`)).toThrow(
      /not emulated: building a chart without a chart type/,
    );
    expect(() => inScript(emu, `${SHEET}.newChart().asPieChart()`)).toThrow(
      /not implemented: EmbeddedChartBuilder.asPieChart/,
    );
    setUp();
    expect(() => inScript(emu, `var s = ${SHEET}; s.insertChart(s.getCharts()[0])`)).toThrow(
      /already on the sheet/,
    );
  });
});
