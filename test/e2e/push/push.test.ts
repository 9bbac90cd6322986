import { runSpecs } from '../../helpers/spec-bundle';
import { stopPushBroker } from './push-broker';

// Every test that needs a real RabbitMQ (*.spec.ts in this folder: the end-to-end specs and the simulator's own push
// channel) in one test file, so they share one broker (push-broker.ts) instead of booting one each.
afterAll(() => stopPushBroker());
runSpecs(__dirname);
