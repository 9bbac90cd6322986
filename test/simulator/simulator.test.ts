import { runSpecs } from '../helpers/spec-bundle';

// Every simulator spec (*.spec.ts in this folder) in one test file, sharing one load of the simulator's modules.
// push.test.ts stays on its own so jest runs it beside this one: it spends its time in a RabbitMQ node.
runSpecs(__dirname);
