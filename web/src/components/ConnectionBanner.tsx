import { useEffect, useState } from 'react';
import { onLibraryEvent } from '../api/events.js';

/** Says so when the server is unreachable (Picto was closed, the laptop slept) until it is back. */
export function ConnectionBanner() {
  const [lost, setLost] = useState(false);
  useEffect(
    () =>
      onLibraryEvent((e) => {
        if (e.type === 'connection.lost') setLost(true);
        else if (e.type === 'hello') setLost(false);
      }),
    [],
  );
  if (!lost) return null;
  return (
    <div className="connection" role="alert">
      <span className="indexing-dot paused" />
      Picto is not reachable. Reconnecting…
    </div>
  );
}
