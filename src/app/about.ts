// The About message: what the add-on is and which version runs.

// The bundle takes only the version from package.json (esbuild keeps just the named field).
import { version } from '../../package.json';

export function aboutText(): { title: string; body: string } {
  return {
    title: 'Attendance Steps',
    body: `Version ${version}. Runs the district's attendance intervention ladder in this workbook.`,
  };
}
