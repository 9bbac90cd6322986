import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DropReason, PushLink, PushObserver } from '../push/push-source';

/** Counts the token provider keeps; read at scrape time so the provider needs no metrics dependency. */
export interface TokenStats {
  logins: number;
  refreshes: number;
  cacheHits: number;
  cacheMisses: number;
}

export interface OperationSample {
  /** The client's operation name; folded into `other` past `MAX_OPERATION_NAMES` distinct names. */
  operationName: string | undefined;
  operationType: string | undefined;
  outcome: 'ok' | 'error';
  durationMs: number;
  /** How the operation arrived: HTTP (default) or a graphql-ws WebSocket. */
  transport?: 'http' | 'ws';
}

/**
 * Operation names are chosen by callers, so they are bounded: names outside [A-Za-z0-9_] are not recorded as
 * given, and once this many distinct names have been seen every new one is counted as `other`.
 */
export const MAX_OPERATION_NAMES = 200;

const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Push lag reaches from milliseconds (live) to hours (a backlog the platform kept up to 6 h, reference §9.1). */
const PUSH_LAG_BUCKETS_SECONDS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21_600];

/**
 * The Prometheus metrics of one app instance, in their own registry (not prom-client's global one), so several
 * apps in one process (tests) never share or collide on series.
 */
export class Metrics implements PushObserver {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly operationDuration: Histogram<'operation' | 'type' | 'outcome' | 'transport'>;
  private readonly upstreamCalls: Counter<'endpoint' | 'outcome'>;
  private readonly upstreamDuration: Histogram<'endpoint'>;
  private readonly pushMessages: Counter<'outcome'>;
  private readonly pushDroppedEvents: Counter;
  private readonly pushReceived: Counter;
  private readonly pushStoredMessages: Counter<'changed'>;
  private readonly pushFannedOutEvents: Counter;
  private readonly pushDropped: Counter<'reason'>;
  private readonly pushSubscriberCount: Gauge;
  private readonly pushConnections: Counter<'outcome'>;
  private readonly pushConnected: Gauge;
  private readonly pushReconnects: Counter<'link'>;
  private readonly pushLagSeconds: Histogram;
  private readonly pushPublishedMessages: Counter<'outcome'>;
  private readonly pushFanOutFollowing: Gauge;
  private readonly upstreamRetries: Counter<'endpoint' | 'reason'>;
  private readonly sharedReads: Counter<'endpoint' | 'outcome'>;
  private readonly circuitTransitions: Counter<'family' | 'state'>;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    this.registry.setDefaultLabels({ service: 'quec-graph' });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'quec_graph_' });
    this.operationDuration = new Histogram({
      name: 'quec_graph_operation_duration_seconds',
      help:
        'GraphQL operation latency by operation name, type, outcome and transport: over HTTP from request to response, ' +
        'over WebSocket from subscribe to complete (a subscription lasts as long as the client listens).',
      labelNames: ['operation', 'type', 'outcome', 'transport'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [this.registry],
    });
    this.upstreamCalls = new Counter({
      name: 'quec_graph_upstream_requests_total',
      help: 'Calls to the Quectel platform by endpoint and outcome (ok, code_<business code>, or an error code).',
      labelNames: ['endpoint', 'outcome'],
      registers: [this.registry],
    });
    this.upstreamDuration = new Histogram({
      name: 'quec_graph_upstream_request_duration_seconds',
      help: 'Latency of calls to the Quectel platform by endpoint.',
      labelNames: ['endpoint'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [this.registry],
    });
    this.pushMessages = new Counter({
      name: 'quec_graph_push_messages_total',
      help: 'Messages taken from the push queue, by outcome: delivered to subscribers, requeued (nobody listening) or malformed (acknowledged and dropped).',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.pushDroppedEvents = new Counter({
      name: 'quec_graph_push_dropped_events_total',
      help: 'Pushed events a slow GraphQL subscriber lost because its buffer was full.',
      registers: [this.registry],
    });
    this.pushReceived = new Counter({
      name: 'quec_graph_push_received_total',
      help: 'Push messages received from the source (broker queue or in-process simulator feed), malformed ones included.',
      registers: [this.registry],
    });
    this.pushStoredMessages = new Counter({
      name: 'quec_graph_push_stored_total',
      help: 'Push messages folded into the live state store, by whether they changed it (false: older, repeated or stateless).',
      labelNames: ['changed'],
      registers: [this.registry],
    });
    this.pushFannedOutEvents = new Counter({
      name: 'quec_graph_push_fanned_out_total',
      help: 'Events handed to GraphQL subscribers (one message to three subscribers counts three).',
      registers: [this.registry],
    });
    this.pushDropped = new Counter({
      name: 'quec_graph_push_dropped_total',
      help:
        'Push messages or events not delivered, by reason: malformed (parked), slow_subscriber, store_failed (requeued), fan_out_failed, ' +
        'publish_failed (Redis fan-out refused it; requeued), fan_out_gap (the fan-out stream trimmed entries this replica had not read).',
      labelNames: ['reason'],
      registers: [this.registry],
    });
    this.pushSubscriberCount = new Gauge({
      name: 'quec_graph_push_subscribers',
      help: 'GraphQL subscriptions to pushed device messages open now.',
      registers: [this.registry],
    });
    this.pushConnections = new Counter({
      name: 'quec_graph_push_connection_attempts_total',
      help: 'Connection attempts to the push broker, by outcome (connected or failed).',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.pushConnected = new Gauge({
      name: 'quec_graph_push_connected',
      help: '1 while connected to the push broker, else 0 (it connects only while someone subscribes).',
      registers: [this.registry],
    });
    this.pushReconnects = new Counter({
      name: 'quec_graph_push_reconnects_total',
      help: 'Reconnect attempts of the push path after a loss, by link: broker (platform AMQP) or fanout (Redis between replicas).',
      labelNames: ['link'],
      registers: [this.registry],
    });
    this.pushLagSeconds = new Histogram({
      name: 'quec_graph_push_lag_seconds',
      help:
        "Consumer lag: from a pushed message's createdAt (platform clock) to its hand-over to this replica's subscribers; " +
        'includes the time it waited in the platform queue and the fan-out.',
      buckets: PUSH_LAG_BUCKETS_SECONDS,
      registers: [this.registry],
    });
    this.pushPublishedMessages = new Counter({
      name: 'quec_graph_push_fanout_published_total',
      help: 'Messages this replica took from the queue and gave the Redis fan-out, by outcome: published, or duplicate (a redelivery already published).',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.pushFanOutFollowing = new Gauge({
      name: 'quec_graph_push_fanout_reading',
      help: '1 while this replica follows the Redis fan-out stream, else 0 (Redis away, or no fan-out configured).',
      registers: [this.registry],
    });
    this.upstreamRetries = new Counter({
      name: 'quec_graph_upstream_retries_total',
      help: 'Retries of idempotent platform reads, by endpoint and reason (http_<status>, timeout, network, hedge).',
      labelNames: ['endpoint', 'reason'],
      registers: [this.registry],
    });
    this.sharedReads = new Counter({
      name: 'quec_graph_shared_reads_total',
      help: 'Platform reads answered by the shared cache (hit), by another request in flight (joined), or by the platform (miss).',
      labelNames: ['endpoint', 'outcome'],
      registers: [this.registry],
    });
    this.circuitTransitions = new Counter({
      name: 'quec_graph_upstream_circuit_transitions_total',
      help: 'Circuit breaker state changes per endpoint family, by the state entered (open, half_open, closed).',
      labelNames: ['family', 'state'],
      registers: [this.registry],
    });
  }

  pushMessage(outcome: 'delivered' | 'requeued' | 'malformed'): void {
    this.pushMessages.inc({ outcome });
    this.pushReceived.inc();
  }

  pushStored(changed: boolean): void {
    this.pushStoredMessages.inc({ changed: String(changed) });
  }

  pushFannedOut(subscribers: number): void {
    this.pushFannedOutEvents.inc(subscribers);
  }

  pushDiscarded(reason: DropReason, count: number): void {
    this.pushDropped.inc({ reason }, count);
    if (reason === 'slow_subscriber') this.pushDroppedEvents.inc(count);
  }

  pushSubscribers(count: number): void {
    this.pushSubscriberCount.set(count);
  }

  pushConnection(outcome: 'connected' | 'failed' | 'closed'): void {
    if (outcome === 'closed') {
      this.pushConnected.set(0);
      return;
    }
    this.pushConnections.inc({ outcome });
    if (outcome === 'connected') this.pushConnected.set(1);
  }

  pushReconnect(link: PushLink): void {
    this.pushReconnects.inc({ link });
  }

  pushLag(ms: number): void {
    this.pushLagSeconds.observe(ms / 1000);
  }

  pushPublished(outcome: 'published' | 'duplicate'): void {
    this.pushPublishedMessages.inc({ outcome });
  }

  pushFanOutReading(reading: boolean): void {
    this.pushFanOutFollowing.set(reading ? 1 : 0);
  }

  /** One read of a cached kind (CACHE_*_TTL_MS), by where its answer came from. */
  observeSharedRead(event: { endpoint: string; outcome: 'hit' | 'miss' | 'joined' }): void {
    this.sharedReads.inc(event);
  }

  /** ResilienceObserver: one retry of a platform read. */
  retry(event: { endpoint: string; reason: string }): void {
    this.upstreamRetries.inc({ endpoint: event.endpoint, reason: event.reason });
  }

  /** ResilienceObserver: a circuit breaker changed state. */
  circuit(event: { family: string; state: string }): void {
    this.circuitTransitions.inc({ family: event.family, state: event.state });
  }

  /** Publishes each endpoint family's circuit state (0 closed, 1 open, 2 half-open); `read` runs on every scrape. */
  trackCircuits(read: () => Record<string, 'closed' | 'open' | 'half_open'>): void {
    const values = { closed: 0, open: 1, half_open: 2 } as const;
    new Gauge({
      name: 'quec_graph_upstream_circuit_state',
      help: 'Circuit breaker state per platform endpoint family: 0 closed, 1 open (failing fast), 2 half-open (trial call).',
      labelNames: ['family'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [family, state] of Object.entries(read())) this.set({ family }, values[state]);
      },
    });
  }

  /** Publishes the token provider's counts; `read` is called on every scrape. */
  trackTokens(read: () => TokenStats): void {
    new Counter({
      name: 'quec_graph_token_renewals_total',
      help: 'Upstream tokens obtained by this process, by kind (login or refresh).',
      labelNames: ['kind'],
      registers: [this.registry],
      collect() {
        const stats = read();
        this.reset();
        this.inc({ kind: 'login' }, stats.logins);
        this.inc({ kind: 'refresh' }, stats.refreshes);
      },
    });
    new Counter({
      name: 'quec_graph_token_cache_lookups_total',
      help: 'Upstream token lookups in the shared cache, by result (hit or miss).',
      labelNames: ['result'],
      registers: [this.registry],
      collect() {
        const stats = read();
        this.reset();
        this.inc({ result: 'hit' }, stats.cacheHits);
        this.inc({ result: 'miss' }, stats.cacheMisses);
      },
    });
  }

  observeOperation(sample: OperationSample): void {
    this.operationDuration.observe(
      {
        operation: this.operationLabel(sample.operationName),
        type: sample.operationType ?? 'unknown',
        outcome: sample.outcome,
        transport: sample.transport ?? 'http',
      },
      sample.durationMs / 1000,
    );
  }

  observeUpstream(event: { endpoint: string; outcome: string; durationMs: number }): void {
    this.upstreamCalls.inc({ endpoint: event.endpoint, outcome: event.outcome });
    this.upstreamDuration.observe({ endpoint: event.endpoint }, event.durationMs / 1000);
  }

  /** The text exposition format and its content type, for `GET /metrics`. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z0-9_]{1,100}$/.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
