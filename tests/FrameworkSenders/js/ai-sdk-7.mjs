// AI SDK 7 (`ai`) with its OpenTelemetry integration (`@ai-sdk/otel`, GenAI semantic conventions), over the
// SDK's own MockLanguageModelV4: first turn asks for both tools, second turn answers.
// `--legacy` registers @ai-sdk/otel's LegacyOpenTelemetry instead, which keeps AI SDK 7 on the old `ai.*` spans.
import { LegacyOpenTelemetry, OpenTelemetry } from '@ai-sdk/otel';
import { generateText, registerTelemetry, stepCountIs, tool } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { z } from 'zod';
import { startTracing, runAndFlush } from './otel.mjs';
import * as s from './scenario.mjs';

const legacy = process.argv.includes('--legacy');
const provider = startTracing(legacy ? 'framework-sender-ai-sdk-7-legacy' : 'framework-sender-ai-sdk-7');
registerTelemetry(legacy ? new LegacyOpenTelemetry() : new OpenTelemetry({ agentSpanName: 'functionId' }));

const usage = {
  inputTokens: { total: s.usage.input, noCache: s.usage.input, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: s.usage.output, text: s.usage.output, reasoning: undefined },
};

const model = new MockLanguageModelV4({
  provider: 'fake-provider',
  modelId: s.modelId,
  doGenerate: async ({ prompt }) =>
    prompt.some((m) => m.role === 'tool')
      ? { content: [{ type: 'text', text: s.finalAnswer }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] }
      : {
          content: s.toolCalls.map((c) => ({ type: 'tool-call', toolCallId: c.id, toolName: c.name, input: JSON.stringify(c.args) })),
          finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
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
    telemetry: { functionId: 'support-agent', isEnabled: true },
  });
  return result.text;
});
