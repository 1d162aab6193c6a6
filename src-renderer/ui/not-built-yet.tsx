import type { ReactNode } from 'react';
import { PageHeader } from './page-header';

/** Honest placeholder for pages whose core operations do not exist yet: no sample data. */
export function NotBuiltYet({
  title,
  purpose,
  children,
}: {
  title: string;
  purpose: string;
  children?: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={purpose} />
      <div className="card empty-state">
        <p>
          <strong>Not built yet.</strong> The core does not offer these operations yet, so there is nothing to
          show here. This page will fill in when they are added.
        </p>
        {children}
      </div>
    </>
  );
}
