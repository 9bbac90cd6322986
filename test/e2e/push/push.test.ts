import { runSpecs } from '../../helpers/spec-bundle';
import { stopPushBroker } from './push-broker';

// The end-to-end specs that need a real RabbitMQ (*.spec.ts in this folder) in one test file, so they share one
// broker (push-broker.ts) instead of booting one each.
afterAll(() => stopPushBroker());
runSpecs(__dirname);
