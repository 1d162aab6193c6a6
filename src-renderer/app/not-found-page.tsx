import { Link } from 'react-router';
import { PageHeader } from '../ui/page-header';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is no page at this address. <Link to="/">Go to the dashboard</Link>.
      </p>
    </>
  );
}
