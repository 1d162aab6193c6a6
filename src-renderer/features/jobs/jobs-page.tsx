import { NotBuiltYet } from '../../ui/not-built-yet';

export function JobsPage() {
  return (
    <NotBuiltYet
      title="Jobs"
      purpose="Render and publish jobs: what is generating now, its progress, and what failed and why."
    />
  );
}
