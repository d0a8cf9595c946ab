// AI SDK 5 (installed as the alias `ai5`), whose built-in telemetry emits the legacy `ai.*` spans
// (experimental_telemetry: { isEnabled, functionId, metadata }), over its MockLanguageModelV2.
import { generateText, stepCountIs, tool } from 'ai5';
import { MockLanguageModelV2 } from 'ai5/test';
import { trace } from '@opentelemetry/api';
import { z } from 'zod';
import { startTracing, runAndFlush } from './otel.mjs';
import * as s from './scenario.mjs';

const provider = startTracing('framework-sender-ai-sdk-legacy');

const usage = { inputTokens: s.usage.input, outputTokens: s.usage.output, totalTokens: s.usage.input + s.usage.output };

const model = new MockLanguageModelV2({
  provider: 'fake-provider',
  modelId: s.modelId,
  doGenerate: async ({ prompt }) =>
    prompt.some((m) => m.role === 'tool')
      ? { content: [{ type: 'text', text: s.finalAnswer }], finishReason: 'stop', usage, warnings: [] }
      : {
          content: s.toolCalls.map((c) => ({ type: 'tool-call', toolCallId: c.id, toolName: c.name, input: JSON.stringify(c.args) })),
          finishReason: 'tool-calls',
          usage,
          warnings: [],
        },
});

await runAndFlush(provider, async () => {
  const result = await generateText({
    model,
    system: s.systemPrompt,
    prompt: s.question,
    temperature: 0.2,
    tools: {
      orders_lookup: tool({ description: s.toolDescriptions.orders_lookup, inputSchema: z.object({ orderId: z.string() }), execute: async (a) => s.ordersLookup(a) }),
      kb_search: tool({ description: s.toolDescriptions.kb_search, inputSchema: z.object({ query: z.string() }), execute: async (a) => s.kbSearch(a) }),
    },
    stopWhen: stepCountIs(5),
    experimental_telemetry: {
      isEnabled: true,
      functionId: 'support-agent',
      metadata: { sessionId: 'session-7', userId: 'user-42' },
      tracer: trace.getTracer('ai'),
    },
  });
  return result.text;
});
