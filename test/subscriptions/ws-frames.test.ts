import { GraphQLError, type ExecutionResult } from 'graphql';
import { MessageType, stringifyMessage } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import { nextMessage, nextSender, SOCKET_BUFFER_LIMIT, type FrameSocket } from '../../src/graphql/ws-frames.js';

// graphql-ws `next` messages printed once per shared result, the operation id spliced in.

/** What graphql-ws itself would have sent for this result. */
const graphqlWs = (id: string, { errors, ...rest }: ExecutionResult) =>
  stringifyMessage({ id, type: MessageType.Next, payload: { ...rest, ...(errors ? { errors: errors.map((e) => e.toJSON()) } : {}) } });

function socket(bufferedAmount = 0, readyState = 1) {
  const sent: string[] = [];
  const s: FrameSocket = { bufferedAmount, readyState, OPEN: 1, send: (data) => void sent.push(data) };
  return { s, sent };
}

describe('graphql-ws next messages', () => {
  it('are what graphql-ws would send, errors and extensions included, for any operation id', () => {
    const result: ExecutionResult = {
      data: { deliveryUpdated: { id: 'dlv_1', status: 'SUCCEEDED', note: 'quote " and \u2028 line separator' } },
      errors: [new GraphQLError('Something failed', { path: ['deliveryUpdated', 'note'], extensions: { code: 'X' } })],
      extensions: { cost: 3 },
    };
    for (const id of ['1', 'b8c0e5a2-2f1e-4b0e-9d9c-3c1f0c6c2a11', 'with "quotes" \\ and \n newline']) {
      expect(JSON.parse(nextMessage(id, result))).toEqual(JSON.parse(graphqlWs(id, result)));
    }
  });

  it('splice each operation id into the payload printed for the first, which later ones share', () => {
    const result: ExecutionResult = { data: { deliveryUpdated: { id: 'dlv_1' } } };
    const first = nextMessage('a', result);
    // Printed once per result object: a change to the object after the first print is not seen.
    (result.data as { deliveryUpdated: { id: string } }).deliveryUpdated.id = 'changed';
    expect(JSON.parse(nextMessage('b', result))).toEqual({ ...JSON.parse(first), id: 'b' });
    // Another result object (another subscription or event) is printed for itself.
    expect(JSON.parse(nextMessage('b', { data: { deliveryUpdated: { id: 'dlv_2' } } })).payload).toEqual({ data: { deliveryUpdated: { id: 'dlv_2' } } });
  });

  it('are written on an open socket, and not on a closed one or one over SOCKET_BUFFER_LIMIT behind', () => {
    const result: ExecutionResult = { data: { ok: true } };
    const open = socket();
    expect(nextSender(open.s, '7')(result)).toBe(true);
    expect(open.sent.map((m) => JSON.parse(m))).toEqual([{ id: '7', type: 'next', payload: { data: { ok: true } } }]);
    const closed = socket(0, 3);
    expect(nextSender(closed.s, '7')(result)).toBe(false);
    const behind = socket(SOCKET_BUFFER_LIMIT + 1);
    expect(nextSender(behind.s, '7')(result)).toBe(false);
    expect([...closed.sent, ...behind.sent]).toEqual([]);
  });
});
