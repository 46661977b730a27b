import type { ComponentChildren } from 'preact';

export function Status({ loading, error, children }: { loading: boolean; error: string | null; children?: ComponentChildren }) {
  if (error) return <p class="error" role="alert">{error}</p>;
  if (loading) return <p class="loading">Loading…</p>;
  return <>{children}</>;
}
