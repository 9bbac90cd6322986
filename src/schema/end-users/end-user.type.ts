import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DetailField } from '../detail-field';
import { EndUserStatus } from './end-user-status.enum';
import { Connection } from '../connection.type';
import { RequiresScope } from '../requires-scope';

@ObjectType({ description: 'A user domain: one App whose end users register with the platform. Its signing secret is never exposed.' })
export class UserDomain {
  @Field(() => ID, { description: 'Platform user-domain id.' })
  @DetailField()
  id!: string;

  @Field({ description: 'User-domain string, e.g. C.DM.5715.1; end users and subscriptions refer to it.' })
  domain!: string;

  @Field(() => String, { nullable: true, description: 'User-domain type as the platform reports it.' })
  @DetailField()
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'Remark.' })
  @DetailField()
  remark!: string | null;

  @Field({ description: 'Whether the user domain is enabled.' })
  @DetailField()
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the user domain was added.' })
  @DetailField()
  createdAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the user domain last changed.' })
  @DetailField()
  updatedAt!: Date | null;
}

/** What a resolver may hand over as a UserDomain: the domain string always, other fields when already known. */
export type UserDomainSource = Pick<UserDomain, 'domain'> & Partial<UserDomain>;

export const UserDomainConnection = Connection(UserDomain, {
  name: 'UserDomain',
  description: 'A page of user domains.',
  edges: 'The user domains of this page.',
  totalCount: 'Number of user domains in the whole list.',
  edge: { description: 'A user domain in a list.', cursor: 'Opaque position of this user domain in the list.', node: 'The user domain.' },
});

@Directive('@key(fields: "uid")')
@Directive('@key(fields: "id")')
@ObjectType({
  description: "An end user: a person registered in one of the enterprise's Apps (user domains). Personal fields need the `pii` scope.",
})
export class EndUser {
  @Field(() => ID, {
    description: 'Opaque, stable, globally unique id derived from the key; clients normalise their caches by it, and it is a federation key too.',
  })
  /** Computed from the key by `resolvers/global-id.resolver.ts`; sources never carry it. */
  id?: string;

  @Field({ description: 'Platform user id, e.g. C131362.' })
  uid!: string;

  @Field(() => String, { nullable: true, description: 'User domain (App) the user registered in.' })
  @DetailField()
  userDomain?: string | null;

  @RequiresScope('pii')
  @Field(() => String, { nullable: true, description: 'Nickname.' })
  @DetailField()
  nickname?: string | null;

  @RequiresScope('pii')
  @Field(() => String, { nullable: true, description: 'Phone number.' })
  @DetailField()
  phone?: string | null;

  @RequiresScope('pii')
  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  @DetailField()
  email?: string | null;

  @RequiresScope('pii')
  @Field(() => String, { nullable: true, description: 'Preferred language.' })
  @DetailField()
  language?: string | null;

  @Field(() => EndUserStatus, { nullable: true, description: 'Whether the user may sign in.' })
  @DetailField()
  status?: EndUserStatus | null;

  @RequiresScope('pii')
  @Field(() => Date, { nullable: true, description: 'When the user registered.' })
  @DetailField()
  registeredAt?: Date | null;

  @RequiresScope('pii')
  @Field(() => Date, { nullable: true, description: 'When the user last signed in.' })
  @DetailField()
  lastLoginAt?: Date | null;
}

/** What a resolver may hand over as an EndUser: the uid always, other fields when already known. */
export type EndUserSource = Pick<EndUser, 'uid'> & Partial<EndUser>;

export const EndUserConnection = Connection(EndUser, {
  name: 'EndUser',
  description: 'A page of end users.',
  edges: 'The users of this page.',
  totalCount: 'Number of users in the whole list.',
  edge: { description: 'An end user in a list.', cursor: 'Opaque position of this user in the list.', node: 'The end user.' },
});

@ObjectType({ description: 'Result of checking a device binding code.' })
export class BindingCodeCheck {
  @Field({ description: 'Whether the code matches the one the device reported.' })
  valid!: boolean;

  @Field(() => String, { nullable: true, description: "Why the code is not valid, in the platform's words; null when valid." })
  reason!: string | null;
}
