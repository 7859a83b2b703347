import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate, type Locale } from '../i18n';

// Works even when the providers above it failed: it reads the page language, not a context.
function pageLocale(): Locale {
  return document.documentElement.lang === 'en' ? 'en' : 'id';
}

/** A lazy screen that could not be fetched: offline before the worker cached it. */
function isChunkLoadError(error: Error): boolean {
  return /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
}

const t = (key: string) => translate(pageLocale(), key);

export function ErrorFallback({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <main className="screen error-screen" role="alert">
      <h1>{t('error.title')}</h1>
      <p>{t(isChunkLoadError(error) ? 'error.chunk' : 'error.safe')}</p>
      <div className="stack">
        <button type="button" className="btn btn-primary" onClick={onRetry}>{t('action.retry')}</button>
        <button type="button" className="btn" onClick={() => window.location.reload()}>{t('error.reload')}</button>
        <a className="btn" href="/">{t('action.home')}</a>
      </div>
    </main>
  );
}

interface Props {
  children: ReactNode;
}

/**
 * Catches a crash in the screens below it and shows a calm message. It never touches stored
 * data: drafts and records live in IndexedDB, so "try again" or a reload finds them intact.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Name and where only: a message may quote what the operator typed (personal data).
    console.error(`desa100: ${error.name} in`, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return <ErrorFallback error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
