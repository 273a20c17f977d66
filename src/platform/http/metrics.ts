import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of this process: Node defaults plus HTTP request durations per route. */
const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'overstap_' });

const requests = new Histogram({
  name: 'overstap_http_request_duration_seconds',
  help: 'HTTP request duration by route, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export function observeRequest(route: string, method: string, status: number, elapsedMs: number): void {
  requests.observe({ route, method, status: String(status) }, elapsedMs / 1000);
}

export async function metricsText(): Promise<string> {
  return registry.metrics();
}

export { registry as metricsRegistry };
