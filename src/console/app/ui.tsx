import type { ComponentChildren } from 'preact';

// Small pieces every page uses: errors with the API's message, empty states, times, statuses.

export function ErrorNotice({ message }: { message: string | undefined }) {
  if (!message) return null;
  return <p class="error" role="alert">{message}</p>;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty" role="status">{children}</div>;
}

export function Loading() {
  return <p class="muted" role="status">Loading…</p>;
}

export function time(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${d.toLocaleDateString()} ${d.toLocaleTimeString()}`;
}

export function StatusBadge({ status }: { status: string }) {
  return <span class={`status status-${status.toLowerCase()}`}>{status}</span>;
}

export function Json({ value, label }: { value: unknown; label: string }) {
  return <pre class="json" aria-label={label} tabIndex={0}>{JSON.stringify(value, null, 2)}</pre>;
}

const HEALTH_LABELS: Record<string, string> = { HEALTHY: 'Healthy', FAILING: 'Failing', CIRCUIT_OPEN: 'Circuit open', DISABLED: 'Disabled' };

/** An endpoint's health state (HEALTHY, FAILING, CIRCUIT_OPEN, DISABLED) in words. */
export function HealthBadge({ state, label }: { state: string; label?: string }) {
  return <span class={`health health-${state.toLowerCase()}`} aria-label={label}>{HEALTH_LABELS[state] ?? state}</span>;
}
