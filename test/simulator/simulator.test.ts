import { runSpecs } from '../helpers/spec-bundle';

// Every simulator spec (*.spec.ts in this folder) in one test file, sharing one load of the simulator's modules.
// Two files stay on their own so jest runs them beside this one: seed.test.ts generates dozens of seeds (the longest
// simulator file), and push.test.ts spends its time in a RabbitMQ node.
runSpecs(__dirname);
