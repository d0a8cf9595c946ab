// The scripted agent every sender plays: one system instruction, one user question, two tool calls in one model
// turn (orders_lookup throws a timeout, kb_search answers), then a final text. Each fake model call reports
// 120 input / 30 output tokens, so a correct run has 240 / 60 in total over its two model calls.

export const systemPrompt = 'You are a support agent for Acme. Use the tools to look things up before answering.';
export const question = 'Where is my order A-1001, and can I get a refund?';
export const finalAnswer =
  'I could not reach the order system (it timed out), but under our refund policy you can get a full refund within 30 days.';
export const usage = { input: 120, output: 30 };
export const modelId = 'fake-model-1';

export const toolCalls = [
  { id: 'call_1', name: 'orders_lookup', args: { orderId: 'A-1001' } },
  { id: 'call_2', name: 'kb_search', args: { query: 'refund policy' } },
];

export const toolDescriptions = {
  orders_lookup: 'Looks up an order by id.',
  kb_search: 'Searches the knowledge base.',
};

export class ToolTimeoutError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ToolTimeoutError';
  }
}

export function ordersLookup({ orderId }) {
  throw new ToolTimeoutError(`orders service timed out after 5000 ms looking up ${orderId}`);
}

export function kbSearch({ query }) {
  return { hits: [{ id: 'kb-42', title: 'Refund policy', snippet: `Full refund within 30 days (${query}).` }] };
}

/** True once the conversation holds a tool result, i.e. the fake model's second turn. */
export const hasToolResults = (messages, isToolMessage) => messages.some(isToolMessage);
