// The host's side of analysis: one worker answers every question about a document version (the
// panel's message, diagnostics, hovers, CodeLens, quick fixes), so a version is analysed once and
// never on the extension host's thread. Requests go one at a time; a request for a version that a
// newer one has replaced is dropped, and a worker still busy with such a version after a few
// milliseconds (a heavy analysis) is ended and started afresh. No vscode and no Node here: the
// worker sits behind `AnalysisTransport`.
import type { SourceRange } from '../../core/diagnostics';
import type { DocumentRef, ResultOf, WorkerRequest, WorkerResponse, WorkerStats } from './protocol';
import type { AnalysisTransport, TransportFactory } from './transport';

/** A document version as the host knows it; `text` reads it (undefined once the document moved on). */
export interface DocumentSource extends Omit<DocumentRef, 'text' | 'files'> {
  text(): string | undefined;
  /** The data files the text names (read when the text is sent). */
  files?(): Readonly<Record<string, Uint8Array>>;
}

/** A busy worker whose job went stale is ended after this long (a short job just finishes, its answer ignored). */
const STALE_JOB_MS = 30;

type Kind = Exclude<WorkerRequest['kind'], 'close' | 'stats'>;
type Extra<K extends Kind> = Omit<Extract<WorkerRequest, { kind: K }>, 'id' | 'kind' | 'doc'>;

interface Job {
  readonly id: number;
  readonly doc?: DocumentSource;
  readonly build: (doc: DocumentRef | undefined) => WorkerRequest;
  readonly resolve: (value: unknown) => void;
  /** The worker said `missing` once already: the text went along and was dropped (evicted). */
  retried?: boolean;
  postedAt?: number;
}

/** What the host did (test hooks and logs), beside the worker's own `WorkerStats`. */
export interface HostStats {
  readonly posted: number;
  /** Requests answered `undefined` because a newer version replaced theirs. */
  readonly dropped: number;
  /** Workers ended while busy with a stale version. */
  readonly terminated: number;
  readonly started: number;
  /** Every document key the service has been asked about (and not told closed since). */
  readonly keys: readonly string[];
}

export class AnalysisService {
  private transport: AnalysisTransport | undefined;
  private nextId = 1;
  private readonly queue: Job[] = [];
  private inFlight: Job | undefined;
  /** Which version of each key the current worker holds (as far as the host knows). */
  private readonly held = new Map<string, string>();
  /** The newest version seen of each key: older requests are stale. */
  private readonly latest = new Map<string, number>();
  private counters = { posted: 0, dropped: 0, terminated: 0, started: 0 };
  private disposed = false;

  constructor(
    private readonly factory: TransportFactory,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Diagnostics (core form: offsets into the document's text). */
  diagnostics(doc: DocumentSource): Promise<ResultOf['diagnostics'] | undefined> {
    return this.ask(doc, 'diagnostics', {});
  }

  hover(doc: DocumentSource, offset: number, uri: string): Promise<ResultOf['hover'] | undefined> {
    return this.ask(doc, 'hover', { offset, uri });
  }

  codeLenses(doc: DocumentSource): Promise<ResultOf['codeLenses'] | undefined> {
    return this.ask(doc, 'codeLenses', {});
  }

  codeActions(doc: DocumentSource, range: SourceRange): Promise<ResultOf['codeActions'] | undefined> {
    return this.ask(doc, 'codeActions', { range });
  }

  panel(doc: DocumentSource): Promise<ResultOf['panel'] | undefined> {
    return this.ask(doc, 'panel', {});
  }

  statements(doc: DocumentSource): Promise<ResultOf['statements'] | undefined> {
    return this.ask(doc, 'statements', {});
  }

  folding(doc: DocumentSource): Promise<ResultOf['folding'] | undefined> {
    return this.ask(doc, 'folding', {});
  }

  /**
   * A new version of `key` exists: queued requests for older versions are dropped, and a worker
   * busy with one for long is ended (its result could only be thrown away).
   */
  versionChanged(key: string, version: number): void {
    if ((this.latest.get(key) ?? -Infinity) >= version) return;
    this.latest.set(key, version);
    this.dropStale();
    const job = this.inFlight;
    if (job?.doc?.key === key && job.doc.version < version && job.postedAt !== undefined && now() - job.postedAt >= STALE_JOB_MS) {
      this.counters.terminated++;
      this.log(`analysis of ${key} version ${job.doc.version} is stale: restarting the worker`);
      this.restart();
      this.finish(job, undefined);
      this.pump();
    }
  }

  /** The document closed: forget its analysis in the worker. */
  close(key: string): void {
    this.latest.delete(key);
    for (const job of [...this.queue]) if (job.doc?.key === key) this.drop(job);
    if (!this.held.delete(key)) return;
    this.enqueue(undefined, (_doc) => ({ id: 0, kind: 'close', key }));
  }

  /** The worker's and the host's counters (test hooks). */
  async stats(): Promise<{ worker: WorkerStats | undefined; host: HostStats }> {
    const worker = (await this.enqueue(undefined, () => ({ id: 0, kind: 'stats' }))) as WorkerStats | undefined;
    return { worker, host: { ...this.counters, keys: [...this.latest.keys()] } };
  }

  dispose(): void {
    this.disposed = true;
    this.transport?.terminate();
    this.transport = undefined;
    if (this.inFlight) this.finish(this.inFlight, undefined);
    for (const job of this.queue.splice(0)) job.resolve(undefined);
  }

  private ask<K extends Kind>(doc: DocumentSource, kind: K, extra: Extra<K>): Promise<ResultOf[K] | undefined> {
    this.versionChanged(doc.key, doc.version);
    return this.enqueue(doc, (ref) => ({ ...extra, id: 0, kind, doc: ref }) as WorkerRequest) as Promise<ResultOf[K] | undefined>;
  }

  private enqueue(doc: DocumentSource | undefined, build: (ref: DocumentRef | undefined) => WorkerRequest): Promise<unknown> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, doc, build, resolve });
      this.pump();
    });
  }

  private isStale(job: Job): boolean {
    return job.doc !== undefined && (this.latest.get(job.doc.key) ?? -Infinity) > job.doc.version;
  }

  private dropStale(): void {
    for (const job of [...this.queue]) if (this.isStale(job)) this.drop(job);
  }

  private drop(job: Job): void {
    const i = this.queue.indexOf(job);
    if (i >= 0) this.queue.splice(i, 1);
    this.counters.dropped++;
    job.resolve(undefined);
  }

  private pump(): void {
    while (!this.inFlight && !this.disposed) {
      const job = this.queue.shift();
      if (!job) return;
      if (this.isStale(job)) {
        this.counters.dropped++;
        job.resolve(undefined);
        continue;
      }
      let ref: DocumentRef | undefined;
      if (job.doc) {
        const { text, files, ...rest } = job.doc;
        const identity = `${job.doc.version}/${job.doc.dataStamp ?? 0}`;
        if (this.held.get(job.doc.key) === identity && !job.retried) ref = rest;
        else {
          const t = text();
          if (t === undefined) {
            // The document moved on before its turn came.
            this.counters.dropped++;
            job.resolve(undefined);
            continue;
          }
          ref = { ...rest, text: t, ...(files ? { files: files() } : {}) };
          this.held.set(job.doc.key, identity);
        }
      }
      const request = { ...job.build(ref), id: job.id } as WorkerRequest;
      this.inFlight = job;
      job.postedAt = now();
      this.counters.posted++;
      this.worker().post(request);
    }
  }

  private worker(): AnalysisTransport {
    if (this.transport) return this.transport;
    const transport = this.factory();
    this.counters.started++;
    transport.onResponse((r) => {
      if (this.transport === transport) this.received(r);
    });
    transport.onExit((reason) => {
      if (this.transport !== transport) return;
      this.log(`the analysis worker stopped (${reason}); starting another for the next request`);
      this.transport = undefined;
      this.held.clear();
      if (this.inFlight) this.finish(this.inFlight, undefined);
      this.pump();
    });
    this.transport = transport;
    return transport;
  }

  private restart(): void {
    this.transport?.terminate();
    this.transport = undefined;
    this.held.clear();
  }

  private received(response: WorkerResponse): void {
    const job = this.inFlight;
    if (!job || job.id !== response.id) return;
    this.inFlight = undefined;
    if (response.ok) job.resolve(response.result);
    else if (response.reason === 'missing' && !job.retried && job.doc) {
      // The worker let the text go (its cache is bounded): send it again, once.
      this.held.delete(job.doc.key);
      job.retried = true;
      this.queue.unshift(job);
    } else {
      if (response.reason === 'error') this.log(`analysis request failed: ${response.message ?? ''}`);
      job.resolve(undefined);
    }
    this.pump();
  }

  private finish(job: Job, value: unknown): void {
    if (this.inFlight === job) this.inFlight = undefined;
    job.resolve(value);
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
