import type { Metadata } from 'next';
import { requireActor } from '@/app/(auth)/session';
import { CreditTabs } from '@/components/credit/credit-tabs';
import { bpsLabel } from '@/components/credit/labels';
import { ProductFields } from '@/components/credit/product-fields';
import { ActionForm } from '@/components/ui/action-form';
import { Card, PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { inputClass, labelClass } from '@/components/ui/form';
import { formatDate } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { amountCurrency } from '@/lib/backoffice/p2p-query';
import { listCreditProducts } from '@/lib/credit/products';
import { createProductAction, updateProductAction } from './actions';

export const metadata: Metadata = { title: 'Credit products' };

/** Credit products (PayCaddy creditProductCode): admins create and edit them; new terms apply from each wallet's next cycle. */
export default async function CreditProductsPage() {
  const actor = await requireActor('credit.read');
  const [products, currency] = await Promise.all([listCreditProducts(actor), amountCurrency(actor)]);
  const manage = can(actor.role, 'credit.products.manage');
  return (
    <>
      <PageHeader title="Credit products" description="Interest, the split of a payment between interest and capital, due dates, grace and what non-payment does" />
      <CreditTabs role={actor.role} current="products" />
      <Card className="mb-6">
        {products.length === 0 ? (
          <EmptyState title="No credit products yet">{manage ? 'Create the first one below.' : 'An admin creates them.'}</EmptyState>
        ) : (
          <Table caption="Credit products" testId="credit-products">
            <thead>
              <tr>
                <Th>Code</Th>
                <Th>Name</Th>
                <Th numeric>Yearly rate</Th>
                <Th numeric>Interest share</Th>
                <Th numeric>Minimum payment</Th>
                <Th numeric>Due / grace</Th>
                <Th>Non-payment</Th>
                <Th numeric>Wallets</Th>
                <Th>Terms</Th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <Tr key={p.code}>
                  <Td className="font-mono" data-testid="product-code">
                    {p.code}
                  </Td>
                  <Td>{p.name}</Td>
                  <Td numeric data-testid="product-rate">
                    {bpsLabel(p.terms.annualRateBps)}
                  </Td>
                  <Td numeric>{bpsLabel(p.terms.interestShareBps)}</Td>
                  <Td numeric>{bpsLabel(p.terms.minimumPaymentBps)} of capital + interest</Td>
                  <Td numeric>
                    {p.terms.dueDays} d / {p.terms.graceDays} d
                  </Td>
                  <Td>{p.terms.nonPayment === 'block' ? 'Block' : <>Block + <Money cents={p.terms.lateFee} currency={currency} /></>}</Td>
                  <Td numeric>{p.walletCount}</Td>
                  <Td className="whitespace-nowrap text-zinc-600">
                    v{p.currentVersion} since {formatDate(p.terms.createdAt)}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {manage ? (
        <>
          <Card title="New product" className="mb-6">
            <ActionForm action={createProductAction} label="New credit product" submitLabel="Create product">
              <div className="w-24">
                <label htmlFor="new-code" className={labelClass}>
                  Code (3 digits)
                </label>
                <input id="new-code" name="code" required pattern="[0-9]{3}" maxLength={3} className={cn(inputClass, 'mt-1 font-mono')} />
              </div>
              <ProductFields prefix="new" currency={currency} />
            </ActionForm>
          </Card>
          {products.map((p) => (
            <Card key={p.code} title={`Edit ${p.code} · ${p.name}`} className="mb-4">
              <ActionForm action={updateProductAction} hidden={{ code: p.code, version: String(p.currentVersion) }} label={`Edit product ${p.code}`} submitLabel="Save terms" secondary>
                <ProductFields prefix={`edit-${p.code}`} product={p} currency={currency} />
                <p className="text-xs text-zinc-500">{p.walletCount > 0 ? `${p.walletCount} wallets use this product: changed terms become a new version that each wallet adopts at its next cut date (the cycle under way keeps its terms).` : 'No wallet uses this product yet.'}</p>
              </ActionForm>
            </Card>
          ))}
        </>
      ) : null}
    </>
  );
}
