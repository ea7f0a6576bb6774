import type { Metadata } from 'next';
import { requireActor } from '@/app/(auth)/session';
import { Badge } from '@/components/ui/badge';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate, ROLE_LABELS } from '@/components/ui/format';
import { ActionForm } from '@/components/ui/action-form';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { listStaff } from '@/lib/backoffice/staff';
import { setUserDisabledAction } from './actions';

export const metadata: Metadata = { title: 'Staff' };

export default async function StaffPage() {
  const actor = await requireActor('staff.read');
  const people = await listStaff(actor);
  const manages = can(actor.role, 'staff.manage');
  return (
    <>
      <PageHeader title="Staff" description="Everyone who can sign in to the back office or a partner portal. A disabled user is signed out at their next click and cannot sign in; what they did stays in the audit log." />
      <Card>
        <Table caption="Users" testId="staff-table">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Tenant</Th>
              <Th>Status</Th>
              <Th>Since</Th>
              {manages ? <Th>Sign-in</Th> : null}
            </tr>
          </thead>
          <tbody>
            {people.map((u) => (
              <Tr key={u.id}>
                <Td className="font-medium text-zinc-900">{u.name}</Td>
                <Td>{u.email}</Td>
                <Td>
                  <Badge tone={u.role === 'partner' ? 'blue' : 'neutral'}>{ROLE_LABELS[u.role]}</Badge>
                </Td>
                <Td>{u.partnerName ?? <span className="text-zinc-400">All partners</span>}</Td>
                <Td>{u.disabled ? <Badge tone="red">disabled</Badge> : <Badge tone="green">active</Badge>}</Td>
                <Td className="whitespace-nowrap text-zinc-500">{formatDate(u.createdAt)}</Td>
                {manages ? (
                  <Td className="p-0">
                    {u.id === actor.id ? (
                      <p className="px-4 py-3 text-sm text-zinc-500">You</p>
                    ) : (
                      <ActionForm
                        action={setUserDisabledAction}
                        hidden={{ userId: u.id, disabled: String(!u.disabled) }}
                        label={`${u.disabled ? 'Enable' : 'Disable'} ${u.email}`}
                        submitLabel={u.disabled ? 'Enable' : 'Disable'}
                        secondary
                      />
                    )}
                  </Td>
                ) : null}
              </Tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
