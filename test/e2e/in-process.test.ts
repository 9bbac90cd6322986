import { join } from 'node:path';
import { runSpecs } from '../helpers/spec-bundle';
import { bootPushBrokerEarly, stopPushBroker } from './push/push-broker';

// The end-to-end specs that serve the app from this process (*.spec.ts in this folder and in push/) in one test file,
// with one load of the app. The specs in push/ need RabbitMQ: they take turns on one broker (push/push-broker.ts),
// which boots in the background from the start of the file, so it is up by the time they run, and stops when the file
// ends. The suites about processes (signals, start-up) and client-walk (its time is in codegen and tsc) stay files of
// their own, so they run beside it.
runSpecs(__dirname);
const pushSpecs = runSpecs(join(__dirname, 'push'));
// Only when a push spec runs (SPEC= may select none).
if (pushSpecs.length > 0) beforeAll(() => bootPushBrokerEarly());
afterAll(() => stopPushBroker());
