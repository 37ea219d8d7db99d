// npm run sidebar: the add-on's sidebar in a browser on this machine, against the demo campus in the emulator.
import { serveSidebar } from '../emulator/host/sidebar-server';
import { DEMO_STAFF, parseArgs, startedCampus } from './start';

const USAGE = `Usage: npm run sidebar -- [--user EMAIL] [--port N] [npm start's options: --as-of, --students, --seed, --workbook]

Sets up the demo campus as npm start does, then serves Attendance Steps' sidebar on http://127.0.0.1:PORT/ with
google.script.run answered by the built add-on in the offline emulator. Open the printed URL in a browser.

  --user EMAIL   who is signed in (default: the demo's counselor ${DEMO_STAFF[2]![0]});
                 "" for a person Apps Script gives no email for
  --port N       the port (default 8787; 0 = any free port)`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) return void console.log(USAGE);
  let user = DEMO_STAFF[2]![0]!;
  let port = 8787;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--user') user = argv[++i] ?? '';
    else if (argv[i] === '--port') port = Number(argv[++i]);
    else rest.push(argv[i]!);
  }
  if (!Number.isInteger(port) || port < 0) throw new Error(`--port ${port} is not a port number.`);
  const options = parseArgs(rest);
  console.log('Setting up the demo campus in the emulator…');
  const { emu, done } = await startedCampus(options);
  emu.setUser(user);
  const server = await serveSidebar(emu, { port, user });
  const who = user === '' ? 'a person Apps Script gives no email for' : user;
  console.log(
    [
      `Attendance Steps sidebar — as of ${options.asOf}, signed in as ${who}`,
      ...done.map((d) => `  ${d}`),
      '',
      `  Open ${server.url}  (the sidebar alone: ${server.sidebarUrl})`,
      '',
      'Staff of the demo (use --user EMAIL):',
      ...DEMO_STAFF.map(([email, name, role]) => `  ${email}  ${name}, ${role}`),
      '',
      'Ctrl+C stops the server; nothing is saved.',
    ].join('\n'),
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
