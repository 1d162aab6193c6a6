import { NotBuiltYet } from '../../ui/not-built-yet';

export function AgentsPage() {
  return (
    <NotBuiltYet
      title="Agents"
      purpose="The AI agents that research, write and plan content: what each one does, which brands it serves, and how it has been performing."
    />
  );
}
