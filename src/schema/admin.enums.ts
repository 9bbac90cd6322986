import { registerEnumType } from 'type-graphql';

export enum QueueStatus {
  NOT_ENABLED = 'NOT_ENABLED',
  ENABLED = 'ENABLED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(QueueStatus, {
  name: 'QueueStatus',
  description: 'State of a message queue.',
  valuesConfig: {
    NOT_ENABLED: { description: 'Created; no subscription has started yet.' },
    ENABLED: { description: 'Receiving messages (a subscription into it was started).' },
    SUSPENDED: { description: 'Disabled by the platform, e.g. after 30 days without consumers.' },
  },
});

export enum SubscriptionStatus {
  STOPPED = 'STOPPED',
  RUNNING = 'RUNNING',
}
registerEnumType(SubscriptionStatus, {
  name: 'SubscriptionStatus',
  description: 'Whether a message subscription is pushing messages. New subscriptions start STOPPED.',
  valuesConfig: {
    STOPPED: { description: 'Not pushing; may be changed or deleted.' },
    RUNNING: { description: 'Pushing into its queue; stop it before changing or deleting it.' },
  },
});

export enum SubscriptionLevel {
  PRODUCT = 'PRODUCT',
  DEVICE = 'DEVICE',
  SAAS = 'SAAS',
  END_USER_DOMAIN = 'END_USER_DOMAIN',
  OTHER = 'OTHER',
}
registerEnumType(SubscriptionLevel, {
  name: 'SubscriptionLevel',
  description: 'What a message subscription covers.',
  valuesConfig: {
    PRODUCT: { description: 'Every device of one product.' },
    DEVICE: { description: 'One device.' },
    SAAS: { description: 'Platform metadata events of the SaaS application (enterprise level).' },
    END_USER_DOMAIN: { description: 'End-user changes of one user domain (App).' },
    OTHER: { description: 'A level this service does not know yet.' },
  },
});

/** Platform msgType ids (reference §6.6) by enum value. */
export const MESSAGE_TYPE_IDS = {
  DEVICE_ONLINE_OFFLINE: 1,
  DEVICE_STATUS: 2,
  RAW_UPLINK: 3,
  RAW_DOWNLINK: 4,
  COMMAND_RESPONSE: 5,
  PROPERTY: 6,
  EVENT_INFO: 7,
  EVENT_ALERT: 8,
  EVENT_FAULT: 9,
  SERVICE_CALL: 10,
  LOCATION_DOWNLINK: 11,
  LOCATION_RAW: 12,
  LOCATION: 13,
  BINDING_CHANGE: 14,
  DEVICE_INFO_CHANGE: 15,
  PRODUCT_CHANGED: 101,
  DEVICE_CHANGED: 102,
  THING_MODEL_PUBLISHED: 103,
  PRODUCT_AUTHORIZATION: 104,
  USER_DOMAIN_AUTHORIZATION: 105,
  END_USER_CHANGED: 201,
} as const;

export enum MessageType {
  DEVICE_ONLINE_OFFLINE = 'DEVICE_ONLINE_OFFLINE',
  DEVICE_STATUS = 'DEVICE_STATUS',
  RAW_UPLINK = 'RAW_UPLINK',
  RAW_DOWNLINK = 'RAW_DOWNLINK',
  COMMAND_RESPONSE = 'COMMAND_RESPONSE',
  PROPERTY = 'PROPERTY',
  EVENT_INFO = 'EVENT_INFO',
  EVENT_ALERT = 'EVENT_ALERT',
  EVENT_FAULT = 'EVENT_FAULT',
  SERVICE_CALL = 'SERVICE_CALL',
  LOCATION_DOWNLINK = 'LOCATION_DOWNLINK',
  LOCATION_RAW = 'LOCATION_RAW',
  LOCATION = 'LOCATION',
  BINDING_CHANGE = 'BINDING_CHANGE',
  DEVICE_INFO_CHANGE = 'DEVICE_INFO_CHANGE',
  PRODUCT_CHANGED = 'PRODUCT_CHANGED',
  DEVICE_CHANGED = 'DEVICE_CHANGED',
  THING_MODEL_PUBLISHED = 'THING_MODEL_PUBLISHED',
  PRODUCT_AUTHORIZATION = 'PRODUCT_AUTHORIZATION',
  USER_DOMAIN_AUTHORIZATION = 'USER_DOMAIN_AUTHORIZATION',
  END_USER_CHANGED = 'END_USER_CHANGED',
}
registerEnumType(MessageType, {
  name: 'MessageType',
  description: 'A kind of pushed message. Product and device subscriptions take device types (ids 1-15), SaaS subscriptions the metadata types (101-105), end-user-domain subscriptions END_USER_CHANGED (201).',
  valuesConfig: {
    DEVICE_ONLINE_OFFLINE: { description: 'Device online/offline (1).' },
    DEVICE_STATUS: { description: 'Device and module status (2).' },
    RAW_UPLINK: { description: 'Transparent uplink data (3).' },
    RAW_DOWNLINK: { description: 'Transparent downlink data (4).' },
    COMMAND_RESPONSE: { description: 'Device command response (5).' },
    PROPERTY: { description: 'Thing-model property messages (6).' },
    EVENT_INFO: { description: 'Thing-model info event (7).' },
    EVENT_ALERT: { description: 'Thing-model alert event (8).' },
    EVENT_FAULT: { description: 'Thing-model fault event (9).' },
    SERVICE_CALL: { description: 'Thing-model service call log (10).' },
    LOCATION_DOWNLINK: { description: 'Location downlink info (11); availability on the current API is unconfirmed.' },
    LOCATION_RAW: { description: 'Raw location data (12).' },
    LOCATION: { description: 'Parsed location (13).' },
    BINDING_CHANGE: { description: 'Device binding change (14).' },
    DEVICE_INFO_CHANGE: { description: 'Device information change (15).' },
    PRODUCT_CHANGED: { description: 'Product information change (101, SaaS level).' },
    DEVICE_CHANGED: { description: 'Device information change (102, SaaS level).' },
    THING_MODEL_PUBLISHED: { description: 'Thing model published (103, SaaS level).' },
    PRODUCT_AUTHORIZATION: { description: 'Product authorization (104, SaaS level).' },
    USER_DOMAIN_AUTHORIZATION: { description: 'User domain authorization (105, SaaS level).' },
    END_USER_CHANGED: { description: 'End user added, changed or deleted (201, end-user-domain level).' },
  },
});

export enum EndUserStatus {
  ENABLED = 'ENABLED',
  DISABLED = 'DISABLED',
}
registerEnumType(EndUserStatus, {
  name: 'EndUserStatus',
  description: 'Whether an end user may sign in.',
  valuesConfig: { ENABLED: { description: 'Normal (platform status 1).' }, DISABLED: { description: 'Disabled (platform status 0).' } },
});

export enum BindingRole {
  OWNER = 'OWNER',
  SHARED = 'SHARED',
}
registerEnumType(BindingRole, {
  name: 'BindingRole',
  description: 'How an end user holds a device.',
  valuesConfig: {
    OWNER: { description: 'The user bound the device.' },
    SHARED: { description: 'Another user shared the device with this user.' },
  },
});

export enum GroupTaskStatus {
  WAITING = 'WAITING',
  RUNNING = 'RUNNING',
  FINISHED = 'FINISHED',
  FAILED = 'FAILED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(GroupTaskStatus, {
  name: 'GroupTaskStatus',
  description: 'State of a group control task (platform codes 0-3, inferred).',
  valuesConfig: {
    WAITING: { description: 'Queued (0).' },
    RUNNING: { description: 'Sending to the devices (1).' },
    FINISHED: { description: 'Done (2); see succeeded and failed.' },
    FAILED: { description: 'The task failed as a whole (3).' },
    UNKNOWN: { description: 'A state this service does not know yet.' },
  },
});

export enum GroupCommandType {
  PROPERTY = 'PROPERTY',
  SERVICE = 'SERVICE',
  PASSTHROUGH = 'PASSTHROUGH',
}
registerEnumType(GroupCommandType, {
  name: 'GroupCommandType',
  description: 'What a group control task sends to every device of the group.',
  valuesConfig: {
    PROPERTY: { description: 'Thing-model property values (JSON).' },
    SERVICE: { description: 'A thing-model service call (JSON).' },
    PASSTHROUGH: { description: 'Transparent bytes.' },
  },
});

export enum SmsApproval {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(SmsApproval, {
  name: 'SmsApproval',
  description: 'Review state of an SMS signature or template at the provider (platform codes 0-2, inferred).',
  valuesConfig: {
    PENDING: { description: 'Under review (0).' },
    APPROVED: { description: 'Approved (1).' },
    REJECTED: { description: 'Rejected (2).' },
    UNKNOWN: { description: 'A state this service does not know yet.' },
  },
});
