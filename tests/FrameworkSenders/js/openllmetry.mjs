// OpenLLMetry (@traceloop/node-server-sdk): its OpenAI instrumentation over an `openai` client pointed at a fake
// Chat Completions server started in this process on 127.0.0.1, and its withAgent / withTool decorators around a
// hand-written tool loop (OpenLLMetry instruments clients; it has no agent loop of its own).
import { createServer } from 'node:http';
import OpenAI from 'openai';
import * as traceloop from '@traceloop/node-server-sdk';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { otlpTracesUrl } from './otel.mjs';
import * as s from './scenario.mjs';

/** The fake model behind the OpenAI wire format: tool calls first, the final text once tool results are present. */
function startFakeOpenAi() {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const request = JSON.parse(body || '{}');
      const secondTurn = (request.messages ?? []).some((m) => m.role === 'tool');
      const message = secondTurn
        ? { role: 'assistant', content: s.finalAnswer }
        : {
            role: 'assistant',
            content: null,
            tool_calls: s.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.args) } })),
          };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        id: `chatcmpl-fake-${secondTurn ? 2 : 1}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: s.modelId,
        choices: [{ index: 0, message, finish_reason: secondTurn ? 'stop' : 'tool_calls' }],
        usage: { prompt_tokens: s.usage.input, completion_tokens: s.usage.output, total_tokens: s.usage.input + s.usage.output },
      }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

traceloop.initialize({
  appName: 'framework-sender-openllmetry',
  exporter: new OTLPTraceExporter({ url: otlpTracesUrl() }),
  disableBatch: true,
  traceContent: true,
  traceloopSyncEnabled: false,
  silenceInitializationMessage: true,
  instrumentModules: { openAI: OpenAI },
});

const server = await startFakeOpenAi();
const client = new OpenAI({ apiKey: 'not-used', baseURL: `http://127.0.0.1:${server.address().port}/v1`, maxRetries: 0 });

const tools = s.toolCalls.map((c) => ({
  type: 'function',
  function: { name: c.name, description: s.toolDescriptions[c.name], parameters: { type: 'object', properties: Object.fromEntries(Object.keys(c.args).map((k) => [k, { type: 'string' }])) } },
}));
const implementations = { orders_lookup: s.ordersLookup, kb_search: s.kbSearch };

async function runTool(call) {
  const args = JSON.parse(call.function.arguments);
  try {
    const result = await traceloop.withTool({ name: call.function.name }, async (a) => implementations[call.function.name](a), args);
    return JSON.stringify(result);
  } catch (error) {
    return JSON.stringify({ error: `${error.name}: ${error.message}` });
  }
}

let failed = false;
try {
  const answer = await traceloop.withAgent({ name: 'support-agent', associationProperties: { session_id: 'session-7' } }, async () => {
    const messages = [{ role: 'system', content: s.systemPrompt }, { role: 'user', content: s.question }];
    for (let turn = 0; turn < 5; turn++) {
      const completion = await client.chat.completions.create({ model: s.modelId, messages, tools, temperature: 0.2 });
      const reply = completion.choices[0].message;
      messages.push(reply);
      if (!reply.tool_calls?.length) return reply.content;
      for (const call of reply.tool_calls) messages.push({ role: 'tool', tool_call_id: call.id, content: await runTool(call) });
    }
    throw new Error('no final answer in 5 turns');
  });
  console.log(answer);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await traceloop.forceFlush();
  server.close();
}
process.exitCode = failed ? 1 : 0;
