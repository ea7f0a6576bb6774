import { StatusPage } from '@/components/status-page';

export default function NotFound() {
  return <StatusPage code={404} title="Page not found" message="There is nothing here, or it is not yours to see. Check the address or go back to the overview." />;
}
