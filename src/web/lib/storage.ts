type Area = 'local' | 'session';

// Web storage can be unavailable (private windows, quotas, disabled by policy): reading it then
// finds nothing and writing it does nothing, and every caller works on without it.
const areaOf = (area: Area): Storage => (area === 'session' ? sessionStorage : localStorage);

export function readStored(key: string, area: Area = 'local'): string | null {
  try {
    return areaOf(area).getItem(key);
  } catch {
    return null;
  }
}

/** Stores the value under the key, or removes the key when the value is null. */
export function writeStored(key: string, value: string | null, area: Area = 'local'): void {
  try {
    if (value === null) areaOf(area).removeItem(key);
    else areaOf(area).setItem(key, value);
  } catch {
    // See above: the value lives on in the page only.
  }
}
