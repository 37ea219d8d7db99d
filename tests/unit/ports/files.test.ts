// Drive links and ids as staff paste them.
import { driveFileId } from '../../../src/ports/files';

describe('driveFileId', () => {
  it.each([
    ['https://drive.google.com/file/d/1AbC_defGHIjkl-MNOP/view?usp=sharing', '1AbC_defGHIjkl-MNOP'],
    ['https://drive.google.com/open?id=1AbC_defGHIjkl-MNOP', '1AbC_defGHIjkl-MNOP'],
    ['  1AbC_defGHIjkl-MNOP  ', '1AbC_defGHIjkl-MNOP'],
  ])('reads %s', (text, id) => {
    expect(driveFileId(text)).toBe(id);
  });

  it.each(['', 'absences.csv', 'https://example.com/report', 'short'])('finds no id in %p', (text) => {
    expect(driveFileId(text)).toBeNull();
  });
});
