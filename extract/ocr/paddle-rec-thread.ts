/**
 * Worker thread of the PP-OCR engine (paddle-rec-engine.ts): loads the model once, then answers read requests (one batch
 * each) one at a time. The messages are typed in paddle-rec-messages.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../common/errors.ts';
import type { ReadRequest, ThreadAnswer, ThreadData } from './paddle-rec-messages.ts';
import { PaddleRecModel } from './paddle-rec-model.ts';

const port = parentPort!;
const post = (answer: ThreadAnswer): void => port.postMessage(answer);

try {
  const model = await PaddleRecModel.load((workerData as { data: ThreadData }).data);
  port.on('message', (request: ReadRequest) => {
    model.readBatch(request.batch).then(
      (readings) => post({ type: 'read', id: request.id, readings }),
      (error: unknown) => post({ type: 'failed', id: request.id, message: errorMessage(error) }),
    );
  });
  post({ type: 'ready', classCount: model.classCount });
} catch (error) {
  post({ type: 'failed', id: null, message: errorMessage(error) });
}
