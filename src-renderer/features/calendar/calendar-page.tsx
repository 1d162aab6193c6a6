import { NotBuiltYet } from '../../ui/not-built-yet';

export function CalendarPage() {
  return (
    <NotBuiltYet
      title="Calendar"
      purpose="Scheduled and published posts across all brands, by day, following each brand’s posts per day and schedule offset."
    />
  );
}
