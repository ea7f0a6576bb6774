import { StatusPage } from '@/components/status-page';

export default function Forbidden() {
  return <StatusPage code={403} title="You don’t have access to this page" message="Your role does not include this part of the back office. Ask an admin if you need it." />;
}
