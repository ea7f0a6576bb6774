import { describe, expect, it } from 'vitest';
import { parseBillingCsv, parseCsv } from '@/lib/bulk/billing-csv';

describe('mass-billing CSV', () => {
  it('parses quoted fields, CRLF and a BOM, with exact amounts', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n1,2,3\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ]);
    const { items, problems } = parseBillingCsv('\uFEFForder_id,sender,receiver,amount,message\r\nB-1,client-1,client-2,12.50,"Rent, May"\r\nB-2,client-3,commission,0.07,\r\n', 'EUR');
    expect(problems).toEqual([]);
    expect(items).toEqual([
      { orderId: 'B-1', sender: { appUserId: 'client-1' }, receiver: { appUserId: 'client-2' }, amount: 1250, message: 'Rent, May' },
      { orderId: 'B-2', sender: { appUserId: 'client-3' }, receiver: { commission: true }, amount: 7, message: undefined },
    ]);
  });

  it('reports every bad line by number and starts nothing', () => {
    const { items, problems } = parseBillingCsv('order_id,sender,receiver,amount\nA,x,y,1.005\nA,x,y,2\n,x,y,1\nC,x,,1\nD,x,y,-3\n', 'EUR');
    expect(items).toEqual([]);
    expect(problems).toEqual([
      { line: 2, message: 'amount "1.005" is not a positive EUR amount' },
      { line: 3, message: 'order_id A appears twice' },
      { line: 4, message: 'order_id is empty' },
      { line: 5, message: 'receiver is empty' },
      { line: 6, message: 'amount "-3" is not a positive EUR amount' },
    ]);
    expect(parseBillingCsv('id,who\n1,2\n', 'EUR').problems[0]!.message).toMatch(/missing column\(s\): order_id, sender, receiver, amount/);
  });
});
