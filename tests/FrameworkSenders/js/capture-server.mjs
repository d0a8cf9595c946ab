// A tiny OTLP/HTTP receiver that writes what senders export: POST /v1/traces (protobuf or JSON) is decoded with the
// OTLP protos from @opentelemetry/otlp-transformer and appended as one JSON line per request to the file given by
// CAPTURE_DIR/<service.name>.jsonl (default ./captures). Listens on 127.0.0.1:CAPTURE_PORT (default 4999).
//   node capture-server.mjs            then point a sender at OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4999
//   node capture-server.mjs --dump captures/<service>.jsonl > dumps/<stack>.json   turns a capture into a readable span list
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const root = require('@opentelemetry/otlp-transformer/build/src/generated/root.js');
const ExportRequest = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

const hex = (id) => (typeof id === 'string' ? id || undefined : id && id.length ? Buffer.from(id).toString('hex') : undefined);
const kinds = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const statusCodes = ['UNSET', 'OK', 'ERROR'];

function anyValue(v) {
  if (v == null) return null;
  if (v.stringValue != null) return v.stringValue;
  if (v.boolValue != null) return v.boolValue;
  if (v.intValue != null) return Number(v.intValue);
  if (v.doubleValue != null) return v.doubleValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(anyValue);
  if (v.kvlistValue) return attributes(v.kvlistValue.values);
  if (v.bytesValue) return Buffer.from(v.bytesValue).toString('base64');
  return null;
}

function attributes(list) {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, anyValue(kv.value)]));
}

const nanos = (n) => (n == null ? undefined : BigInt(n.toString()));
const iso = (n) => (n == null ? undefined : new Date(Number(nanos(n) / 1000000n)).toISOString());

/** Decoded request -> readable spans, ordered by start, each with its parent's name. */
function readable(requests) {
  const spans = [];
  for (const req of requests) {
    for (const rs of req.resourceSpans ?? []) {
      const resource = attributes(rs.resource?.attributes);
      for (const ss of rs.scopeSpans ?? []) {
        for (const sp of ss.spans ?? []) {
          const start = nanos(sp.startTimeUnixNano);
          const end = nanos(sp.endTimeUnixNano);
          spans.push({
            name: sp.name,
            traceId: hex(sp.traceId),
            spanId: hex(sp.spanId),
            parentSpanId: hex(sp.parentSpanId) ?? null,
            kind: kinds[sp.kind ?? 0],
            start: iso(sp.startTimeUnixNano),
            end: iso(sp.endTimeUnixNano),
            durationMs: start != null && end != null ? Number(end - start) / 1e6 : undefined,
            status: { code: statusCodes[sp.status?.code ?? 0], message: sp.status?.message || undefined },
            scope: { name: ss.scope?.name, version: ss.scope?.version || undefined },
            attributes: attributes(sp.attributes),
            events: (sp.events ?? []).map((e) => ({ name: e.name, time: iso(e.timeUnixNano), attributes: attributes(e.attributes) })),
            links: (sp.links ?? []).map((l) => ({ traceId: hex(l.traceId), spanId: hex(l.spanId), attributes: attributes(l.attributes) })),
            resource,
            _start: start,
          });
        }
      }
    }
  }
  spans.sort((a, b) => (a._start < b._start ? -1 : a._start > b._start ? 1 : 0));
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  for (const s of spans) {
    s.parentName = s.parentSpanId ? byId.get(s.parentSpanId)?.name ?? '(not in capture)' : null;
    delete s._start;
  }
  // The resource is the same for every span of one sender: print it once.
  const resources = [...new Set(spans.map((s) => JSON.stringify(s.resource)))].map((r) => JSON.parse(r));
  for (const s of spans) delete s.resource;
  return { resources, tree: tree(spans), spans };
}

function tree(spans) {
  const lines = [];
  const children = (id) => spans.filter((s) => s.parentSpanId === id);
  const ids = new Set(spans.map((s) => s.spanId));
  const walk = (s, depth) => {
    lines.push(`${'  '.repeat(depth)}${s.name} [${s.kind}${s.status.code === 'ERROR' ? ', ERROR' : ''}]`);
    for (const c of children(s.spanId)) walk(c, depth + 1);
  };
  for (const r of spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId))) walk(r, 0);
  return lines;
}

function decode(body, contentType) {
  if (contentType.includes('json')) return JSON.parse(body.toString('utf8'));
  return ExportRequest.toObject(ExportRequest.decode(body), { longs: String, bytes: Array, defaults: false });
}

if (process.argv[2] === '--dump') {
  const requests = readFileSync(process.argv[3], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  process.stdout.write(JSON.stringify(readable(requests), null, 2) + '\n');
} else {
  const dir = process.env.CAPTURE_DIR ?? 'captures';
  mkdirSync(dir, { recursive: true });
  const port = Number(process.env.CAPTURE_PORT ?? 4999);
  createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        let body = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        if (req.method !== 'POST' || !req.url.startsWith('/v1/traces')) {
          res.writeHead(req.url.startsWith('/v1/') ? 200 : 404).end();
          return;
        }
        const decoded = decode(body, req.headers['content-type'] ?? '');
        const service = attributes(decoded.resourceSpans?.[0]?.resource?.attributes)['service.name'] ?? 'unknown';
        appendFileSync(join(dir, `${String(service).replace(/[^\w.-]/g, '_')}.jsonl`), JSON.stringify(decoded) + '\n');
        const json = (req.headers['content-type'] ?? '').includes('json');
        res.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
        res.end(json ? '{}' : Buffer.alloc(0));
      } catch (error) {
        console.error(error);
        res.writeHead(400).end(String(error));
      }
    });
  }).listen(port, '127.0.0.1', () => console.log(`capture server on http://127.0.0.1:${port}, writing ${dir}/<service.name>.jsonl`));
}
