// LangChain.js / LangGraph: the prebuilt ReAct agent (createReactAgent) over a scripted BaseChatModel, traced by
// OpenInference's LangChain instrumentation (@arizeai/openinference-instrumentation-langchain).
import { LangChainInstrumentation } from '@arizeai/openinference-instrumentation-langchain';
import * as CallbackManagerModule from '@langchain/core/callbacks/manager';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { z } from 'zod';
import { startTracing, runAndFlush } from './otel.mjs';
import * as s from './scenario.mjs';

const provider = startTracing('framework-sender-langchain');
new LangChainInstrumentation().manuallyInstrument(CallbackManagerModule);

/** First turn: both tool calls; once a tool message is in the history: the final answer. 120/30 tokens a call. */
class ScriptedChatModel extends BaseChatModel {
  static lc_name() { return 'ScriptedChatModel'; }
  _llmType() { return 'scripted-fake'; }

  bindTools(tools) {
    const bound = new ScriptedChatModel({});
    bound.tools = tools;
    return bound;
  }

  invocationParams() {
    return { model: s.modelId, temperature: 0.2, tools: (this.tools ?? []).map((t) => ({ type: 'function', function: { name: t.name, description: t.description } })) };
  }

  getLsParams() {
    return { ls_provider: 'fake-provider', ls_model_name: s.modelId, ls_model_type: 'chat', ls_temperature: 0.2 };
  }

  async _generate(messages) {
    const secondTurn = messages.some((m) => m._getType() === 'tool');
    const usage_metadata = { input_tokens: s.usage.input, output_tokens: s.usage.output, total_tokens: s.usage.input + s.usage.output };
    const message = secondTurn
      ? new AIMessage({ content: s.finalAnswer, usage_metadata, response_metadata: { finish_reason: 'stop', model_name: s.modelId } })
      : new AIMessage({
          content: '',
          tool_calls: s.toolCalls.map((c) => ({ id: c.id, name: c.name, args: c.args, type: 'tool_call' })),
          // What @langchain/openai also keeps: the provider's raw tool calls (OpenInference reads these).
          additional_kwargs: {
            tool_calls: s.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.args) } })),
          },
          usage_metadata,
          response_metadata: { finish_reason: 'tool_calls', model_name: s.modelId },
        });
    return {
      generations: [{ text: typeof message.content === 'string' ? message.content : '', message }],
      llmOutput: { tokenUsage: { promptTokens: s.usage.input, completionTokens: s.usage.output, totalTokens: s.usage.input + s.usage.output } },
    };
  }
}

const tools = [
  tool(async (a) => s.ordersLookup(a), { name: 'orders_lookup', description: s.toolDescriptions.orders_lookup, schema: z.object({ orderId: z.string() }) }),
  tool(async (a) => JSON.stringify(s.kbSearch(a)), { name: 'kb_search', description: s.toolDescriptions.kb_search, schema: z.object({ query: z.string() }) }),
];

const agent = createReactAgent({ llm: new ScriptedChatModel({}), tools, name: 'support-agent' });

await runAndFlush(provider, async () => {
  const result = await agent.invoke(
    { messages: [new SystemMessage(s.systemPrompt), new HumanMessage(s.question)] },
    { runName: 'support-agent', metadata: { session_id: 'session-7', user_id: 'user-42' } },
  );
  return result.messages.at(-1).content;
});
