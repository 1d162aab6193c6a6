import { NavLink } from 'react-router';
import { useMaestroStatus } from './maestro-status';

const links = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/proposals', label: 'Proposals' },
  { to: '/agents', label: 'Agents' },
  { to: '/analytics', label: 'Analytics' },
  { to: '/brands', label: 'Brands' },
  { to: '/calendar', label: 'Calendar' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/diagnostics', label: 'Diagnostics' },
  { to: '/settings', label: 'Settings' },
] as const;

/** Always-visible pause state: the one thing a creator must never be unsure about. */
function MaestroPill() {
  const { data } = useMaestroStatus();
  if (!data) return null;
  return (
    <p className={`maestro-pill ${data.paused ? 'maestro-pill-paused' : 'maestro-pill-running'}`}>
      Maestro {data.paused ? 'paused' : 'running'}
    </p>
  );
}

export function Sidebar() {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand-mark">Maestro</div>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={'end' in link ? link.end : false}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
      <MaestroPill />
    </nav>
  );
}
