import { checkSignIn, parseSignedUsername, sameText } from '../auth/access-key-signature';
import type { Clock } from '../clock';

/** The platform's vhost (§9.1). */
export const PUSH_VHOST = 'quec-open';

export interface AmqpAuthPolicyOptions {
  credentials: { accessKey: string; accessSecret: string };
  /** Owner of the `a.<accountId>.<name>` queues (§6.6). */
  accountId: number;
  clock: Clock;
  /** The simulator's own publisher; may do anything on the broker. */
  internal: { username: string; password: string };
}

/** The four questions RabbitMQ's HTTP auth backend asks, with the form fields it sends. */
export interface AmqpAuthPolicy {
  user(fields: Record<string, string>): boolean;
  vhost(fields: Record<string, string>): boolean;
  resource(fields: Record<string, string>): boolean;
  topic(fields: Record<string, string>): boolean;
}

/**
 * The platform's AMQP access rules (§9.1) as RabbitMQ's HTTP auth backend needs them. A customer signs in like
 * the login (§2.1): signed username, sha256 password, timestamp within 10 minutes of the simulator's clock. Once in,
 * a customer may only read (consume, passive-check) the account's own queues in `quec-open`; declaring, deleting,
 * publishing and topic access are the platform's business, so they are denied [INFERRED: the reference only says
 * that consumers connect and consume]. The timestamp is checked at sign-in only; the later per-resource questions
 * carry just the username.
 */
export function amqpAuthPolicy(options: AmqpAuthPolicyOptions): AmqpAuthPolicy {
  const { credentials, accountId, clock, internal } = options;
  const isInternal = (fields: Record<string, string>) => fields.username === internal.username;
  const isCustomer = (fields: Record<string, string>) => parseSignedUsername(fields.username ?? '')?.accessKey === credentials.accessKey;
  return {
    user(fields) {
      const username = fields.username ?? '';
      const password = fields.password ?? '';
      if (username === internal.username) return sameText(password, internal.password);
      return checkSignIn(username, password, credentials, clock.now()) === 'ok';
    },
    vhost(fields) {
      return isInternal(fields) || (isCustomer(fields) && fields.vhost === PUSH_VHOST);
    },
    resource(fields) {
      if (isInternal(fields)) return true;
      return (
        isCustomer(fields) &&
        fields.vhost === PUSH_VHOST &&
        fields.resource === 'queue' &&
        fields.permission === 'read' &&
        (fields.name ?? '').startsWith(`a.${accountId}.`)
      );
    },
    topic(fields) {
      return isInternal(fields);
    },
  };
}
