import { useState, type ReactNode } from 'react';
import type { LibraryTotals } from '../../../src/shared/api.js';
import { useFolderList } from '../app/folder-list.js';
import { stageLabel, useJobs, type IndexingSummary } from '../app/jobs.js';
import { navigate } from '../app/router.js';
import { THEME_NAMES, useTheme, type ThemeChoice } from '../app/theme.js';
import { Dialog } from './Dialog.js';
import { Icon, type IconName } from './Icon.js';
import { ProgressBar } from './Switch.js';

interface NavItem {
  path: string;
  label: string;
  icon: IconName;
  /** In the phone's bottom bar (the others are under "More"). */
  primary?: boolean;
}

const NAV: NavItem[] = [
  { path: '/', label: 'Photos', icon: 'photos', primary: true },
  { path: '/search', label: 'Search', icon: 'search', primary: true },
  { path: '/map', label: 'Map', icon: 'map' },
  { path: '/people', label: 'People', icon: 'people', primary: true },
  { path: '/things', label: 'Things', icon: 'tag' },
  { path: '/favourites', label: 'Favourites', icon: 'heart' },
  { path: '/albums', label: 'Albums', icon: 'album', primary: true },
  { path: '/duplicates', label: 'Duplicates', icon: 'copies' },
  { path: '/review', label: 'Review', icon: 'layers' },
  { path: '/folders', label: 'Folders', icon: 'folder' },
  { path: '/trash', label: 'Trash', icon: 'trash' },
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function Link({
  to,
  children,
  className,
  label,
  onNavigate,
  current,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  label?: string;
  onNavigate?: () => void;
  current?: boolean;
}) {
  return (
    <a
      href={to}
      className={className}
      aria-label={label}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        onNavigate?.();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

export { Link };

/**
 * "Indexing · 12 of 40 ready": the one-line status the sidebar and the phone's More sheet show.
 * Photos ready are counted as the Photos page and the folders page count them (`totals`: outside
 * the trash, a Live Photo once), not as media jobs (which count the trash and not videos).
 */
export function indexingText(jobs: IndexingSummary, totals: LibraryTotals | null): string {
  if (jobs.status?.paused) return 'Indexing paused';
  if (totals && totals.pending > 0)
    return `Indexing · ${totals.ready.toLocaleString()} of ${totals.photos.toLocaleString()} ready`;
  if (jobs.left > 0 || !jobs.laterStage) return 'Indexing…';
  return `${capitalise(stageLabel(jobs.laterStage))} · ${jobs.laterLeft.toLocaleString()} left`;
}

function IndexingStatus({ jobs, onNavigate }: { jobs: IndexingSummary; onNavigate?: () => void }) {
  const totals = useFolderList().list?.totals ?? null;
  const text = indexingText(jobs, totals);
  return (
    <Link to="/folders" className="indexing" label={text} onNavigate={onNavigate}>
      <div className="indexing-line">
        <span className={`indexing-dot${jobs.status?.paused ? ' paused' : ''}`} />
        <span className="indexing-text">{text}</span>
      </div>
      {totals && totals.pending > 0 && (
        <ProgressBar value={totals.ready / totals.photos} label="Photos ready" />
      )}
      {(!totals || totals.pending === 0) && jobs.left === 0 && jobs.laterTotal > 0 && (
        <ProgressBar
          value={(jobs.laterTotal - jobs.laterLeft) / jobs.laterTotal}
          label={capitalise(stageLabel(jobs.laterStage ?? 'analysing'))}
        />
      )}
    </Link>
  );
}

function ThemeChoices({ theme, set }: { theme: ThemeChoice; set: (c: ThemeChoice) => void }) {
  const icons: Record<ThemeChoice, IconName> = { system: 'contrast', light: 'sun', dark: 'moon' };
  return (
    <div className="theme-choices" role="radiogroup" aria-label="Theme">
      {(['system', 'light', 'dark'] as const).map((c) => (
        <button
          key={c}
          role="radio"
          aria-checked={theme === c}
          className={`theme-choice${theme === c ? ' theme-chosen' : ''}`}
          onClick={() => set(c)}
        >
          <Icon name={icons[c]} size={18} />
          {THEME_NAMES[c]}
        </button>
      ))}
    </div>
  );
}

/**
 * Everything a phone's bottom bar has no room for: the other pages, indexing, the theme. A sheet
 * from the bottom of the screen, as in Google Photos.
 */
function MoreSheet({
  active,
  jobs,
  theme,
  setTheme,
  onClose,
}: {
  active: (p: string) => boolean;
  jobs: IndexingSummary;
  theme: ThemeChoice;
  setTheme: (c: ThemeChoice) => void;
  onClose: () => void;
}) {
  return (
    <Dialog title="More" onClose={onClose} className="sheet">
      <ul className="sheet-nav">
        {NAV.filter((n) => !n.primary).map((n) => (
          <li key={n.path}>
            <Link
              to={n.path}
              className={`sheet-link${active(n.path) ? ' nav-active' : ''}`}
              current={active(n.path)}
              onNavigate={onClose}
            >
              <Icon name={n.icon} size={22} />
              {n.label}
            </Link>
          </li>
        ))}
      </ul>
      {jobs.active && <IndexingStatus jobs={jobs} onNavigate={onClose} />}
      <div className="sheet-theme">
        <span className="sheet-theme-label">Theme</span>
        <ThemeChoices theme={theme} set={setTheme} />
      </div>
    </Dialog>
  );
}

export function Sidebar({ path }: { path: string }) {
  const jobs = useJobs();
  const [theme, nextTheme, setTheme] = useTheme();
  const [more, setMore] = useState(false);
  const active = (p: string) => (p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`));
  const inMore = NAV.some((n) => !n.primary && active(n.path));
  const themeName = THEME_NAMES[theme];
  const themeLabel = `Theme: ${themeName}${theme === 'system' ? ', follows the system' : ''}`;
  return (
    <nav className="sidebar" aria-label="Main">
      <Link to="/" className="brand" label="Picto home">
        <img src="/icon.svg" alt="" width={30} height={30} />
        <span className="brand-name">Picto</span>
      </Link>
      <ul className="nav">
        {NAV.map((n) => (
          <li key={n.path} className={n.primary ? 'nav-primary' : 'nav-secondary'}>
            <Link
              to={n.path}
              className={`nav-link${active(n.path) ? ' nav-active' : ''}`}
              label={n.label}
              current={active(n.path)}
            >
              <Icon name={n.icon} size={22} />
              <span className="nav-label">{n.label}</span>
            </Link>
          </li>
        ))}
        <li className="nav-more">
          <button
            className={`nav-link${inMore ? ' nav-active' : ''}`}
            aria-label="More"
            aria-haspopup="dialog"
            aria-expanded={more}
            onClick={() => setMore(true)}
          >
            <Icon name="menu" size={22} />
            <span className="nav-label">More</span>
          </button>
        </li>
      </ul>
      <div className="sidebar-foot">
        {jobs.active && <IndexingStatus jobs={jobs} />}
        <button
          className="icon-button theme-toggle"
          onClick={nextTheme}
          title={`${themeLabel} (click to change)`}
          aria-label={themeLabel}
        >
          <Icon name={theme === 'system' ? 'contrast' : theme === 'light' ? 'sun' : 'moon'} />
          <span className="nav-label">{themeName}</span>
        </button>
      </div>
      {more && (
        <MoreSheet
          active={active}
          jobs={jobs}
          theme={theme}
          setTheme={setTheme}
          onClose={() => setMore(false)}
        />
      )}
    </nav>
  );
}
