import type { ReactNode } from 'react';
import { stageLabel, useJobs } from '../app/jobs.js';
import { navigate } from '../app/router.js';
import { useTheme } from '../app/theme.js';
import { Icon, type IconName } from './Icon.js';
import { ProgressBar } from './Switch.js';

const NAV: { path: string; label: string; icon: IconName }[] = [
  { path: '/', label: 'Photos', icon: 'photos' },
  { path: '/search', label: 'Search', icon: 'search' },
  { path: '/map', label: 'Map', icon: 'map' },
  { path: '/people', label: 'People', icon: 'people' },
  { path: '/things', label: 'Things', icon: 'tag' },
  { path: '/favourites', label: 'Favourites', icon: 'heart' },
  { path: '/albums', label: 'Albums', icon: 'album' },
  { path: '/duplicates', label: 'Duplicates', icon: 'copies' },
  { path: '/folders', label: 'Folders', icon: 'folder' },
  { path: '/trash', label: 'Trash', icon: 'trash' },
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Link({
  to,
  children,
  className,
  label,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  return (
    <a
      href={to}
      className={className}
      aria-label={label}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

export { Link };

export function Sidebar({ path }: { path: string }) {
  const jobs = useJobs();
  const [theme, nextTheme] = useTheme();
  const active = (p: string) => (p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`));
  const themeLabel =
    theme === 'system'
      ? 'Theme: follows system'
      : theme === 'light'
        ? 'Theme: light'
        : 'Theme: dark';
  return (
    <nav className="sidebar" aria-label="Main">
      <Link to="/" className="brand" label="Picto home">
        <img src="/icon.svg" alt="" width={30} height={30} />
        <span className="brand-name">Picto</span>
      </Link>
      <ul className="nav">
        {NAV.map((n) => (
          <li key={n.path}>
            <Link
              to={n.path}
              className={`nav-link${active(n.path) ? ' nav-active' : ''}`}
              label={n.label}
            >
              <Icon name={n.icon} size={22} />
              <span className="nav-label">{n.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        {jobs.active && (
          <Link to="/folders" className="indexing" label="Indexing status">
            <div className="indexing-line">
              <span className={`indexing-dot${jobs.status?.paused ? ' paused' : ''}`} />
              <span className="indexing-text">
                {jobs.status?.paused
                  ? 'Indexing paused'
                  : jobs.left > 0
                    ? `Indexing · ${jobs.left.toLocaleString()} left`
                    : `${capitalise(stageLabel(jobs.laterStage ?? ''))} · ${jobs.laterLeft.toLocaleString()} left`}
              </span>
            </div>
            {jobs.left > 0 && jobs.total > 0 && (
              <ProgressBar value={(jobs.total - jobs.left) / jobs.total} />
            )}
            {jobs.left === 0 && jobs.laterTotal > 0 && (
              <ProgressBar value={(jobs.laterTotal - jobs.laterLeft) / jobs.laterTotal} />
            )}
          </Link>
        )}
        <button
          className="icon-button theme-toggle"
          onClick={nextTheme}
          title={themeLabel}
          aria-label={themeLabel}
        >
          <Icon name={theme === 'system' ? 'contrast' : theme === 'light' ? 'sun' : 'moon'} />
          <span className="nav-label">
            {theme === 'system' ? 'Auto' : theme === 'light' ? 'Light' : 'Dark'}
          </span>
        </button>
      </div>
    </nav>
  );
}
