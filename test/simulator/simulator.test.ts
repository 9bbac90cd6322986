import { runSpecs } from '../helpers/spec-bundle';

// Every simulator spec (*.spec.ts in this folder) in one test file, sharing one load of the simulator's modules.
// The push channel on a real RabbitMQ is test/e2e/push/simulator-channel.spec.ts, beside the other specs that share
// one broker.
runSpecs(__dirname);
