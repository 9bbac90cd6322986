import { amqpAuthPolicy } from '../../simulator/push/amqp-auth.policy';
import { FakeClock } from '../helpers/fake-clock';
import { rawUsername, sha256Hex } from './support/sim-client';

// The broker's questions answered without a broker, so these rules are checked even where RabbitMQ is absent.

const credentials = { accessKey: 'AK1', accessSecret: 'SECRET1' };
const internal = { username: 'simulator-publisher', password: 'p4ss' };
const clock = new FakeClock();
const policy = amqpAuthPolicy({ credentials, accountId: 77, clock, internal });

const signed = (timestamp = clock.now(), accessKey = credentials.accessKey, secret = credentials.accessSecret) => {
  const username = rawUsername(accessKey, timestamp);
  return { username, password: sha256Hex(username + secret) };
};

describe('AMQP sign-in (§9.1)', () => {
  it('should allow a signed username within 10 minutes of the platform clock', () => {
    expect(policy.user(signed())).toBe(true);
    expect(policy.user(signed(clock.now() - 10 * 60_000))).toBe(true);
    expect(policy.user(signed(clock.now() + 10 * 60_000))).toBe(true);
  });

  it('should deny a wrong secret, an unknown AccessKey, a stale timestamp and a malformed username', () => {
    expect(policy.user(signed(clock.now(), credentials.accessKey, 'other'))).toBe(false);
    expect(policy.user(signed(clock.now(), 'AK2', 'other'))).toBe(false);
    expect(policy.user(signed(clock.now() - 10 * 60_000 - 1))).toBe(false);
    expect(policy.user({ username: 'guest', password: 'guest' })).toBe(false);
    expect(policy.user({})).toBe(false);
  });

  it('should allow the internal publisher only with its own password', () => {
    expect(policy.user(internal)).toBe(true);
    expect(policy.user({ ...internal, password: 'p4sS' })).toBe(false);
  });
});

describe('AMQP permissions', () => {
  const customer = { username: signed().username };

  it('should let a customer read its own queues in quec-open only', () => {
    const own = { ...customer, vhost: 'quec-open', resource: 'queue', name: 'a.77.default', permission: 'read' };
    expect(policy.vhost({ ...customer, vhost: 'quec-open' })).toBe(true);
    expect(policy.vhost({ ...customer, vhost: '/' })).toBe(false);
    expect(policy.resource(own)).toBe(true);
    expect(policy.resource({ ...own, name: 'a.770.default' })).toBe(false);
    expect(policy.resource({ ...own, name: 'a.78.default' })).toBe(false);
    expect(policy.resource({ ...own, permission: 'configure' })).toBe(false);
    expect(policy.resource({ ...own, permission: 'write' })).toBe(false);
    expect(policy.resource({ ...own, resource: 'exchange', name: 'amq.default' })).toBe(false);
    expect(policy.topic({ ...own, resource: 'topic' })).toBe(false);
  });

  it('should let the internal publisher do anything', () => {
    const fields = { username: internal.username, vhost: 'quec-open', resource: 'queue', name: 'x', permission: 'configure' };
    expect(policy.vhost(fields)).toBe(true);
    expect(policy.resource(fields)).toBe(true);
    expect(policy.topic(fields)).toBe(true);
  });
});
