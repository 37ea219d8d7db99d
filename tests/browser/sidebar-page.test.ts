// The sidebar's page in headless Chromium, with google.script.run bridged to the emulator running the built
// bundle: search, my work today, logging an entry and seeing the card change, the error path keeping the text,
// a double submit and a retried call logging once, names and notes as text, the keyboard alone, accessibility.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { Emulator } from '../../emulator/host/emulator';
import { formulas } from '../e2e/bad-input/campus';
import { useBuiltBundle } from '../e2e/harness';
import { documentation, sidebarCampus, STAFF, XSS_NAME } from '../sidebar/sidebar-campus';
import { launch, openSidebar, type Opened } from './chromium';

useBuiltBundle();

let browser: Browser;
let emu: Emulator;
const opened: Opened[] = [];

beforeAll(async () => {
  browser = await launch();
  emu = sidebarCampus();
});

afterEach(async () => {
  for (const o of opened.splice(0)) {
    expect(o.errors).toEqual([]);
    expect(o.dialogs).toEqual([]);
    await o.page.context().close();
    await o.server.close();
  }
});

afterAll(async () => {
  await browser?.close();
});

async function open(user: string): Promise<Page> {
  const o = await openSidebar(browser, emu, user);
  opened.push(o);
  return o.page;
}

async function openStudent(page: Page, query: string, name: RegExp): Promise<void> {
  await page.fill('#q', query);
  await page.locator('#results button', { hasText: name }).first().click();
  await page.locator('#student').waitFor({ state: 'visible' });
}

/** The id of the element that has the focus. */
const focused = (page: Page) =>
  page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');

const notesOf = (id: string) =>
  documentation(emu)
    .filter((r) => r.includes(id))
    .map((r) => r);

describe('the sidebar page in Chromium', () => {
  it('searches the roster as the person types, and opens the student', async () => {
    const page = await open(STAFF.counselor);
    await page.fill('#q', 'smi');
    await expect(page.locator('#results button').allTextContents()).resolves.toEqual([
      expect.stringContaining('Smith, Liam'),
    ]);
    await page.fill('#q', '100');
    expect(await page.locator('#results button').count()).toBe(4);
    await openStudent(page, 'liam', /Smith, Liam/);
    expect(await page.locator('#card-title').textContent()).toBe('Smith, Liam (1002, grade 8)');
    expect(await page.locator('#card').textContent()).toContain('1 Campus');
  });

  it("shows the person's work today, most overdue first, and opens a student from it", async () => {
    const page = await open(STAFF.counselor);
    expect(await page.locator('#me').textContent()).toBe('Carla Counselor · Counselor');
    const work = page.locator('#work-list button');
    await expect(work.first().textContent()).resolves.toContain(
      'Garcia, Sofia: Continue to support the family',
    );
    await work.first().click();
    await page.locator('#student').waitFor({ state: 'visible' });
    expect(await page.locator('#card-title').textContent()).toContain('Garcia, Sofia');
    expect(await page.locator('#card').textContent()).toContain('Continue to support the family');
  });

  it('logs an entry and shows the updated card; a note like =IMPORTRANGE is stored and shown as text', async () => {
    const page = await open(STAFF.counselor);
    await openStudent(page, 'nguyen', /Nguyen, Mia/);
    expect(await page.locator('#card').textContent()).toContain('No entries yet.');
    await page.selectOption('#f-type', 'Parent contact');
    await page.fill('#f-notes', '=IMPORTRANGE("x","y")');
    await page.click('#send');
    await page.locator('#status.ok', { hasText: 'The card is up to date' }).waitFor();
    expect(await page.locator('#card .note').first().textContent()).toBe('=IMPORTRANGE("x","y")');
    expect(await page.inputValue('#f-notes')).toBe('');
    const rows = notesOf('1003');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('=IMPORTRANGE("x","y")');
    expect(formulas(emu)).toEqual([]);
  });

  it('keeps what was typed when the call fails, and the retry writes one entry', async () => {
    const o = await openSidebar(browser, emu, STAFF.teacher);
    opened.push(o);
    const { page, server } = o;
    await openStudent(page, 'garcia', /Garcia, Sofia/);
    const before = documentation(emu).length;
    await page.selectOption('#f-type', 'Positive engagement');
    await page.fill('#f-notes', 'Lost connection test: praised her attendance this week.');
    server.failNext('before');
    await page.click('#send');
    await page.locator('#status.error').waitFor();
    expect(await page.locator('#status').textContent()).toMatch(/What you typed is kept/);
    expect(await page.inputValue('#f-notes')).toBe('Lost connection test: praised her attendance this week.');
    expect(documentation(emu)).toHaveLength(before);
    // The answer of the next attempt is lost after the server wrote the entry: a retry must not write it again.
    server.failNext('after');
    await page.click('#send');
    await page.locator('#status.error').waitFor();
    expect(documentation(emu)).toHaveLength(before + 1);
    expect(await page.inputValue('#f-notes')).toBe('Lost connection test: praised her attendance this week.');
    await page.click('#send');
    await page.locator('#status.ok', { hasText: 'The card is up to date' }).waitFor();
    expect(await page.locator('#status').textContent()).toMatch(/already written/);
    expect(documentation(emu)).toHaveLength(before + 1);
  });

  it('refuses notes over 5,000 characters with a message, keeping them (nothing is cut)', async () => {
    const page = await open(STAFF.counselor);
    await openStudent(page, 'garcia', /Garcia, Sofia/);
    const before = documentation(emu).length;
    const long = 'n'.repeat(5001);
    await page.fill('#f-notes', long);
    expect(await page.locator('#notes-count').textContent()).toBe('5001 / 5000');
    await page.click('#send');
    await page.locator('#status.error').waitFor();
    expect(await page.locator('#status').textContent()).toMatch(/at most 5000/);
    expect(await page.inputValue('#f-notes')).toBe(long);
    expect(documentation(emu)).toHaveLength(before);
  });

  it('a double click on Save logs one entry', async () => {
    const page = await open(STAFF.counselor);
    await openStudent(page, 'liam', /Smith, Liam/);
    const before = documentation(emu).length;
    await page.fill('#f-notes', 'Double click test.');
    await page.dblclick('#send');
    await page.locator('#status.ok', { hasText: 'The card is up to date' }).waitFor();
    expect(documentation(emu)).toHaveLength(before + 1);
  });

  it('shows a student named <img src=x onerror=alert(1)> as text', async () => {
    const page = await open(STAFF.counselor);
    await page.fill('#q', 'img');
    const result = page.locator('#results button').first();
    expect(await result.textContent()).toContain(XSS_NAME);
    await result.click();
    await page.locator('#student').waitFor({ state: 'visible' });
    expect(await page.locator('#card-title').textContent()).toContain(XSS_NAME);
    expect(await page.locator('img').count()).toBe(0);
    // afterEach checks that no alert opened and nothing threw.
  });

  it('works with the keyboard alone: search, open, fill the form and save', async () => {
    const page = await open(STAFF.counselor);
    const before = documentation(emu).length;
    // Tab from the top of the page to the search box (past the work list and its "Show all" button).
    for (let i = 0; i < 20 && (await focused(page)) !== 'q'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('q');
    await page.keyboard.type('Nguyen');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""'),
    ).toContain('Nguyen, Mia');
    await page.keyboard.press('Enter');
    await page.locator('#student').waitFor({ state: 'visible' });
    expect(await focused(page)).toBe('card-title');
    for (let i = 0; i < 40 && (await focused(page)) !== 'f-type'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('f-type');
    // The date field has a stop for each of its parts (month, day, year), then the outcome, then the notes.
    for (let i = 0; i < 10 && (await focused(page)) !== 'f-notes'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('f-notes');
    await page.keyboard.type('Keyboard only: called the family.');
    for (let i = 0; i < 10 && (await focused(page)) !== 'send'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('send');
    await page.keyboard.press('Enter');
    await page.locator('#status.ok', { hasText: 'The card is up to date' }).waitFor();
    expect(documentation(emu)).toHaveLength(before + 1);
    expect(documentation(emu).some((r) => r.includes('Keyboard only: called the family.'))).toBe(true);
  });

  it('tells a person Apps Script gives no email for, and offers only what anyone may log', async () => {
    const page = await open('');
    expect(await page.locator('#notice').isVisible()).toBe(true);
    expect(await page.locator('#notice').textContent()).toMatch(/did not give your email/);
    await openStudent(page, 'liam', /Smith, Liam/);
    expect(await page.locator('#f-type option').allTextContents()).toEqual([
      'Parent contact (phone call or meeting)',
      'Home visit',
      'Positive engagement',
      'Family communication',
      'Note',
    ]);
  });

  it('has no serious or critical accessibility violation (axe-core), at home and on a student', async () => {
    const page = await open(STAFF.ap);
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(await serious()).toEqual([]);
    await openStudent(page, 'garcia', /Garcia, Sofia/);
    await page.selectOption('#f-type', 'Step adjustment');
    expect(await serious()).toEqual([]);
  });
});
