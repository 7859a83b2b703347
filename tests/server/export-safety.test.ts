// Exports of rows stored before Revision 2's character rule, and HEAD requests (nothing sent,
// nothing audited).
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, serverPerTest, type TestServer } from './support/harness';
import { TANJUNGSARI, auth, createOp, pushOk, registration } from './support/wire';

describe.each(BACKENDS)('export safety (%s)', (backend) => {
  const server = serverPerTest(backend);
  let s: TestServer;
  let coordinator: string;
  beforeEach(async () => {
    s = server();
    coordinator = await s.token('coordinator', '32.14');
    await pushOk(s.app, await s.token('operator', TANJUNGSARI), [createOp(registration())]);
  });

  const exportAudits = () => s.store.db.selectFrom('audit_log').selectAll().where('action', 'like', 'export.%').execute();

  it('writes no XML-forbidden character into the XLSX, whatever an old row holds', async () => {
    // As a row stored before the rule could hold it (JSON text escapes the control and the lone
    // surrogate; U+FFFF is stored as it is).
    const row = await s.store.db.selectFrom('registrations').select(['id', 'data']).executeTakeFirstOrThrow();
    const data = JSON.parse(row.data) as Record<string, unknown>;
    data.address = 'Jl. Mawar\uffff No.\u0001 5\ud800';
    data.birthPlace = 'Garut\ufffe';
    await s.store.db.updateTable('registrations').set({ data: JSON.stringify(data) }).where('id', '=', row.id).execute();

    const res = await s.app.inject({ method: 'GET', url: '/api/v1/exports/registrations.xlsx', headers: auth(coordinator) });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells = book.worksheets[0]?.getRow(2).values as unknown[];
    expect(cells).toContain('Jl. Mawar No. 5');
    expect(cells).toContain('Garut');
  });

  for (const format of ['csv', 'xlsx']) {
    it(`HEAD on the ${format} export sends no rows and writes no audit entry`, async () => {
      const url = `/api/v1/exports/registrations.${format}`;
      const head = await s.app.inject({ method: 'HEAD', url, headers: auth(coordinator) });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(await exportAudits()).toHaveLength(0);
      await s.app.inject({ method: 'GET', url, headers: auth(coordinator) });
      expect(await exportAudits()).toHaveLength(1);
    });
  }

  it('HEAD on a pull or a village read writes no audit entry either', async () => {
    for (const url of ['/api/v1/sync/pull', `/api/v1/villages/${TANJUNGSARI}/registrations`]) {
      const head = await s.app.inject({ method: 'HEAD', url, headers: auth(coordinator) });
      expect(head.statusCode).toBe(200);
    }
    expect(await s.store.db.selectFrom('audit_log').selectAll().where('action', 'in', ['sync.pull', 'village.registrations.read']).execute()).toHaveLength(0);
  });
});
