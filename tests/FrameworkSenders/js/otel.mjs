// OpenTelemetry set-up shared by the senders: a Node tracer provider exporting OTLP/HTTP protobuf to
// OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4318), with service.name per stack.
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export function otlpTracesUrl() {
  const base = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
    ?? `${(process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318').replace(/\/$/, '')}/v1/traces`;
  return base;
}

export function startTracing(serviceName) {
  const exporter = new OTLPTraceExporter({ url: otlpTracesUrl() });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName, 'service.version': '0.1.0' }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register();
  return provider;
}

/** Runs the agent, then flushes and shuts the provider down; exits non-zero if the agent failed. */
export async function runAndFlush(provider, agent) {
  let failed = false;
  try {
    const output = await agent();
    console.log(typeof output === 'string' ? output : JSON.stringify(output));
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await provider.forceFlush();
    await provider.shutdown();
  }
  process.exitCode = failed ? 1 : 0;
}
