// The About message: what the add-on is and the ladder it runs.

export const VERSION = '0.1.0';

export function aboutText(): { title: string; body: string } {
  return {
    title: 'Attendance Steps',
    body: `Version ${VERSION}. Runs the district's attendance intervention ladder in this workbook.`,
  };
}
