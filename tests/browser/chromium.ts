// Debian's chromium driven by playwright-core (which downloads no browser of its own), and the sidebar served
// against an emulator running the built bundle.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Emulator } from '../../emulator/host/emulator';
import { serveSidebar, type SidebarServer } from '../../emulator/host/sidebar-server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking'],
  });
}

export interface Opened {
  page: Page;
  server: SidebarServer;
  /** Messages of alert() or any other dialog the page opened (none expected). */
  dialogs: string[];
  /** Errors thrown in the page. */
  errors: string[];
}

/** The sidebar alone, 300 px wide as in Sheets, signed in as `user`, loaded (the first call answered). */
export async function openSidebar(browser: Browser, emu: Emulator, user: string): Promise<Opened> {
  emu.setUser(user);
  const server = await serveSidebar(emu, { user });
  const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.sidebarUrl);
  await page.locator('#app').waitFor({ state: 'visible' });
  return { page, server, dialogs, errors };
}
