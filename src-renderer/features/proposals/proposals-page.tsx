import { NotBuiltYet } from '../../ui/not-built-yet';

export function ProposalsPage() {
  return (
    <NotBuiltYet
      title="Proposals"
      purpose="Reels and carousels the agents propose for each brand, for you to review, approve or reject before anything is rendered."
    />
  );
}
