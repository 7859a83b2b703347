import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseVillage, fillWorker } from './harness/app-actions';
import { startPhone, type Phone } from './harness/phone';

let app: Phone;

beforeAll(async () => {
  app = await startPhone();
  await chooseVillage(app.page, '32.14.16.2005');
});

afterAll(async () => {
  await app?.close();
});

/** Rows of the app's `drafts` store, read with plain IndexedDB (no app code involved). */
async function storedDrafts(): Promise<Array<{ values: Record<string, unknown> }>> {
  return app.page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('desa100');
    open.addEventListener('error', () => reject(open.error));
    open.addEventListener('success', () => {
      const request = open.result.transaction('drafts').objectStore('drafts').getAll();
      request.addEventListener('success', () => { open.result.close(); resolve(request.result); });
      request.addEventListener('error', () => reject(request.error));
    });
  }));
}

describe('a half-filled form', () => {
  it('survives a reload offline, warning before the page unloads', async () => {
    const page = app.page;
    await page.goto('/daftar');
    await page.locator('form.enrol-form').waitFor();
    // Typed key by key like an operator (this is also the user activation the browser needs
    // before it may ask "leave site?").
    await page.locator('input[name="nik"]').pressSequentially('3214164503850001');
    await fillWorker(page, { fullName: 'Siti Aminah', address: 'Kp. Tanjungsari', rt: '3' });
    await expect.poll(async () => (await storedDrafts())[0]?.values.fullName).toBe('Siti Aminah');

    await app.context.setOffline(true);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(dialogs).toEqual(['beforeunload']);

    const form = page.locator('form.enrol-form');
    await form.waitFor();
    await page.getByText(/^Isian yang belum selesai dipulihkan/).waitFor();
    expect(await form.locator('input[name="nik"]').inputValue()).toMatch(/^3214\s?1645\s?0385\s?0001$/);
    expect(await form.locator('input[name="fullName"]').inputValue()).toBe('Siti Aminah');
    expect(await form.locator('input[name="address"]').inputValue()).toBe('Kp. Tanjungsari');
    expect(await form.locator('input[name="rt"]').inputValue()).toBe('3');
    expect(await form.locator('input[name="birthDate"]').inputValue()).toBe('1985-03-05');
  });
});
