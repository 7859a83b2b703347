import { useEffect } from 'react';

/**
 * The browser's own "leave site?" question while the enrol form holds unsaved input (the
 * last keystrokes may still be in memory, waiting for the debounced draft write).
 */
export function useBeforeUnloadWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium (Android WebView) still needs returnValue set to show the dialog.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}
